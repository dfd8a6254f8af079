"""Embed the brand fonts in the deck, as PowerPoint does, so it looks and fits the same anywhere.

What PowerPoint writes (ECMA-376 Part 1, §19.2.1.9–10 and §19.2.1.13, and
MS-PPTX/MS-OI29500 for ``.fntdata``):

- ``p:presentation/@embedTrueTypeFonts="1"`` (§19.2.1.26); ``saveSubsetFonts``
  is left out because faces are embedded whole;
- ``p:embeddedFontLst`` right after ``p:notesSz`` (the element order of
  ``CT_Presentation``), with one ``p:embeddedFont`` per typeface: a ``p:font``
  (typeface, panose, pitchFamily, charset) and ``p:regular``/``p:bold``/
  ``p:italic``/``p:boldItalic``, each an ``r:id`` of a relationship of type
  ``.../officeDocument/2006/relationships/font``;
- each face in ``/ppt/fonts/fontN.fntdata``, content type
  ``application/x-fontdata``, holding Embedded OpenType (``brand.eot``).

Only faces the deck sets text in are listed, each once, whatever the slide
count. A face whose licence forbids embedding, or a CFF face, is left out
(``check.embedding`` has said so before the build); a style the family lacks
(bold drawn from the regular file) is not listed, so PowerPoint emboldens the
regular face itself, as it does on screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop.brand.eot import FaceHeader, NotEmbeddable, header_of, to_eot
from workshop.brand.model import FontFamily
from workshop.render.deck.deflate_cache import file_entry
from workshop.render.deck.ooxml import el, qn
from workshop.render.deck.package import RT, element, has_element

if TYPE_CHECKING:
    from workshop.render.deck.deck import Deck
    from workshop.render.deck.ooxml import Element

FONTDATA = "application/x-fontdata"
STYLES = (("regular", False, False), ("bold", True, False), ("italic", False, True),
          ("boldItalic", True, True))
_TEXT_PARTS = ("/ppt/slides/", "/ppt/slideLayouts/", "/ppt/slideMasters/", "/ppt/charts/")
#: what an embedded face's bytes are made with (``deflate_cache.file_entry`` keys its entry by them)
_MADE_BY = ("brand/eot.py", "render/deck/embed.py")
# CT_Presentation children that come after p:embeddedFontLst (ECMA-376 Part 1, §19.2.1.26)
_AFTER = ("custShowLst", "photoAlbum", "custDataLst", "kinsoku", "defaultTextStyle",
          "modifyVerifier", "extLst")


#: the (typeface, bold, italic) faces a deck sets text in
Faces = set[tuple[str, bool, bool]]


def faces_in(name: str, root: Any, used: Faces) -> None:
    """Add the (typeface, bold, italic) faces the part ``name`` (tree ``root``) sets text in to ``used``.

    A run's face counts when the run has text; a chart's default run
    properties count whatever its values say (a chart draws its axis and
    label text in them). A face already known is not looked at again, so a
    part costs one pass over its run properties.
    """
    if not name.startswith(_TEXT_PARTS):
        return
    run_props, latin, text_tag = qn("a:rPr"), qn("a:latin"), qn("a:t")
    chart = name.startswith("/ppt/charts/")
    # a layout's or master's a:defRPr is a default look, not text anyone sees: only a chart's counts
    for props in root.iter(run_props, qn("a:defRPr")) if chart else root.iter(run_props):
        for face in props:  # a loop over the few children: lxml's find(tag) costs twice as much
            if face.tag == latin:
                break
        else:
            continue
        key = (face.get("typeface", ""), props.get("b") in ("1", "true"), props.get("i") in ("1", "true"))
        if key in used:
            continue
        if props.tag == run_props and not any(t.text for t in props.getparent().iter(text_tag)):
            continue
        used.add(key)


def faces_used(parts: Iterable[Any], used: Faces | None = None) -> Faces:
    """The (typeface, bold, italic) faces every slide, layout, master and chart of ``parts`` sets text in,
    with ``used`` (what finished parts set)."""
    used = set(used or ())
    for part in parts:
        if has_element(part):
            faces_in(str(part.partname), element(part), used)
    return used


@lru_cache(maxsize=32)
def _eot(path: str, _mtime: int, _size: int) -> bytes | None:
    try:
        return to_eot(Path(path).read_bytes())
    except (NotEmbeddable, OSError):
        return None


def eot_for(path: Path) -> bytes | None:
    """The face at ``path`` as EOT (cached per file), or None when it may not be embedded."""
    stat = path.stat()
    return _eot(str(path), stat.st_mtime_ns, stat.st_size)


def embed_brand_fonts(deck: Deck) -> int:
    """Add the brand faces the deck uses; the number of faces embedded."""
    brand = deck.brand
    families: dict[str, FontFamily] = {}
    for family in (brand.typography.headings.family, brand.typography.base.family):
        families.setdefault(family.name, family)
    used = faces_used(deck.live_parts(), deck.faces)
    presentation = element(deck.prs.part)
    _drop_existing(deck, presentation)
    font_list = el("p:embeddedFontLst")
    embedded = 0
    for typeface, family in families.items():
        entry = None
        for tag, bold, italic in STYLES:
            if (typeface, bold, italic) not in used or _borrowed(family, bold, italic):
                continue
            path = Path(family.file(bold=bold, italic=italic))
            deflated = file_entry("ppt/fonts/font.fntdata", path, partial(eot_for, path), _MADE_BY)
            if deflated is None:
                continue  # its licence forbids embedding, or it is not TrueType (check.embedding said so)
            if entry is None:
                entry = el("p:embeddedFont", None, _font_element(typeface, family))
                font_list.append(entry)
            part = deck.add_written(deck.names.next_partname("/ppt/fonts/font%d.fntdata"), FONTDATA, deflated)
            entry.append(el(f"p:{tag}", {"r:id": deck.relate(part, RT.FONT)}))
            embedded += 1
    if embedded:
        _insert(presentation, font_list)
        presentation.set("embedTrueTypeFonts", "1")
        # Faces are whole: PowerPoint would otherwise subset them on its next save.
        presentation.attrib.pop("saveSubsetFonts", None)
    return embedded


def _borrowed(family: FontFamily, bold: bool, italic: bool) -> bool:
    """True when this style has no file of its own (it is drawn from another style's file)."""
    style = {(False, False): "regular", (True, False): "bold", (False, True): "italic",
             (True, True): "bold_italic"}[(bold, italic)]
    return style in family.fallbacks


def _font_element(typeface: str, family: FontFamily) -> Element:
    header = header_of(Path(family.regular))
    return el("p:font", {"typeface": typeface, "panose": header.panose.hex().upper(),
                         "pitchFamily": _pitch_family(header), "charset": 0})


def _pitch_family(header: FaceHeader) -> int:
    """Windows LOGFONT pitch-and-family: pitch (variable 2, fixed 1) plus the family class.

    From PANOSE where it says (Latin text: serif style 11-15 are sans), else from
    the OS/2 IBM font class; PowerPoint writes 34 for a sans like Calibri, 18 for a serif.
    """
    kind, serif, proportion = header.panose[0], header.panose[1], header.panose[3]
    if kind == 2 and proportion == 9:
        return 0x30 | 1  # FF_MODERN, FIXED_PITCH
    if kind == 2 and serif >= 2:
        return (0x20 if serif >= 11 else 0x10) | 2  # FF_SWISS or FF_ROMAN
    if kind == 3 or header.family_class == 10:
        return 0x40 | 2  # FF_SCRIPT
    if kind in (4, 5) or header.family_class in (9, 12):
        return 0x50 | 2  # FF_DECORATIVE
    if header.family_class == 8:
        return 0x20 | 2
    if 1 <= header.family_class <= 7:
        return 0x10 | 2
    return 2  # FF_DONTCARE, variable pitch


def _drop_existing(deck: Deck, presentation: Element) -> None:
    """A template's own font list goes: the deck lists exactly the faces it uses."""
    old = presentation.find(qn("p:embeddedFontLst"))
    if old is None:
        return
    for rid in old.iter():
        value = rid.get(qn("r:id"))
        if value and value in deck.prs.part.rels:
            deck.prs.part.rels.pop(value)
    presentation.remove(old)


def _insert(presentation: Element, font_list: Element) -> None:
    """Put ``p:embeddedFontLst`` where CT_Presentation's sequence wants it."""
    for child in presentation:
        if child.tag.split("}")[-1] in _AFTER:
            child.addprevious(font_list)
            return
    presentation.append(font_list)
