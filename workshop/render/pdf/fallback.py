"""Per-character font fallback for the PDFs, so no letter is ever lost.

reportlab draws a run in one font and prints a character that font lacks as
an empty .notdef box, with U+0000 in the text layer. Here every run is split
by coverage: characters the style's own font can draw stay in it; the others
switch, for just those characters, to the next font of the chain that has
them. The chain is the style's family, the brand's other family, then Noto
Sans (shipped with workshop, Latin Extended, Greek, Cyrillic). A character no
font has is replaced by a stand-in that means the same (``text.glyphs``), or
dropped when it is an invisible format character; anything else (emoji) stays
and the glyph check has already warned about it.

No-break spaces stay unbreakable: reportlab breaks lines at U+202F and
U+2007, so paragraphs get U+00A0 for them. Paragraph markup gets ``<font face>`` spans (our markup only ever holds
``<b>``, ``<i>``, ``<br/>`` and ``<font color>`` tags, and entities for
``&<>"'``); canvas strings are drawn segment by segment, and so are the strings
of a drawing (chart labels, legends), once its widgets are expanded to shapes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence

from reportlab.graphics.shapes import Drawing, Group, String, UserNode
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from workshop.brand.shipped_fonts import FALLBACK_FAMILY
from workshop.lazyclass import lazy_dataclass
from workshop.render.pdf.fonts import Family, coverage, draws_printable_ascii, family_of, register_family, style_of
from workshop.text.glyphs import STAND_INS, is_invisible

_TOKEN = re.compile(r"(<[^>]*>)|(&#?\w+;)|([^<&]+)")
# reportlab's paragraphs break lines at (and drop) these no-break spaces; U+00A0 they keep
# together. Its text layer writes U+00A0 as U+0020 (the two share a glyph in most fonts).
_NO_BREAK = str.maketrans({"\u202f": "\u00a0", "\u2007": "\u00a0"})


@lazy_dataclass(frozen=True)
class Chain:
    """Font families in fallback order; the first is the brand's own."""

    families: tuple[Family, ...]

    def face_for(self, char: str, bold: bool, italic: bool) -> int | None:
        """Index of the first family whose face for this style draws ``char``."""
        code = ord(char)
        for index, family in enumerate(self.families):
            if code in coverage(family.face(bold, italic)):
                return index
        return None

    def resolve(self, char: str, bold: bool, italic: bool) -> Iterator[tuple[int, str]]:
        """(family index, text) to draw for one character."""
        if char in "\n\t":
            yield 0, char
            return
        index = self.face_for(char, bold, italic)
        if index is not None:
            yield index, char
            return
        if is_invisible(char):
            return
        for stand_in in STAND_INS.get(char, ()):
            found = [self.face_for(c, bold, italic) for c in stand_in]
            if all(i is not None for i in found):
                yield from zip(found, stand_in, strict=False)
                return
        yield 0, char  # nothing draws it: the glyph check reported it before the build


_CHAINS: dict[tuple[str, tuple[Family, ...]], Chain | None] = {}  # every paragraph asks: made once each


def chain_for(font_name: str, others: Sequence[Family] = ()) -> Chain | None:
    """The chain for a run set in ``font_name``: its own family, ``others``, then the shipped fallback.

    None for a font we did not register (reportlab's built-in Helvetica): it is never used for text.
    """
    key = (font_name, tuple(others))
    if key not in _CHAINS:
        _CHAINS[key] = _chain(font_name, key[1])
    return _CHAINS[key]


def _chain(font_name: str, others: tuple[Family, ...]) -> Chain | None:
    own = family_of(font_name)
    if own is None:
        return None
    families = [own]
    for family in (*others, register_family(FALLBACK_FAMILY)):
        if family not in families:
            families.append(family)
    return Chain(tuple(families))


def segments(text: str, chain: Chain, bold: bool = False, italic: bool = False) -> list[tuple[int, str]]:
    """``text`` cut into runs of one chain family each."""
    face = chain.families[0].face(bold, italic)
    if text.isascii() and text.isprintable() and draws_printable_ascii(face):  # the commonest case, without a loop
        return [(0, text)] if text else []
    own = coverage(face)
    if all(ord(c) in own or c in "\n\t" for c in text):  # the common case: the style's own font draws it all
        return [(0, text)] if text else []
    runs: list[tuple[int, str]] = []
    for char in text:
        for index, piece in chain.resolve(char, bold, italic):
            if runs and runs[-1][0] == index:
                runs[-1] = (index, runs[-1][1] + piece)
            else:
                runs.append((index, piece))
    return runs


def apply_markup(markup: str, font_name: str, others: Sequence[Family] = ()) -> str:
    """Paragraph markup whose characters the style's font lacks are wrapped in ``<font face>``."""
    chain = chain_for(font_name, others)
    if chain is None:
        return markup
    bold_base, italic_base = style_of(font_name)
    bold = italic = 0
    out: list[str] = []
    for tag, entity, text in _TOKEN.findall(markup):
        if tag:
            name = tag.strip("</> ").split(" ")[0].lower()
            step = -1 if tag.startswith("</") else 1
            if name == "b":
                bold += step
            elif name == "i":
                italic += step
            out.append(tag)
            continue
        raw = (html.unescape(entity) if entity else text).translate(_NO_BREAK)
        if raw.isascii() and raw.isprintable():
            out.append(entity or text)  # every font of a chain draws ASCII: the common case
            continue
        is_bold, is_italic = bold_base or bold > 0, italic_base or italic > 0
        for index, piece in segments(raw, chain, is_bold, is_italic):
            escaped = html.escape(piece, quote=True).replace("'", "&#39;")
            if index == 0:
                out.append(escaped)
            else:
                face = chain.families[index].face(is_bold, is_italic)
                out.append(f'<font face="{face}">{escaped}</font>')
    return "".join(out)


def string_width(text: str, font_name: str, size: float, others: Sequence[Family] = ()) -> float:
    """Width of one line of plain text as :func:`draw_string` draws it."""
    chain = chain_for(font_name, others) if not text.isascii() else None
    if chain is None:
        return stringWidth(text, font_name, size)
    bold, italic = style_of(font_name)
    return sum(stringWidth(piece, _face(chain, i, font_name), size)
               for i, piece in segments(text, chain, bold, italic))


def draw_string(canvas: Canvas, x: float, y: float, text: str, font_name: str, size: float,
                others: Sequence[Family] = (), anchor: str = "start") -> float:
    """Draw one line of plain text with fallback; ``anchor`` start, middle or end. Returns the width."""
    chain = chain_for(font_name, others)
    if chain is None:
        pieces = [(font_name, text)]
    else:
        bold, italic = style_of(font_name)
        pieces = [(_face(chain, i, font_name), piece) for i, piece in segments(text, chain, bold, italic)]
    width = sum(stringWidth(piece, face, size) for face, piece in pieces)
    x -= {"start": 0.0, "middle": width / 2, "end": width}[anchor]
    for face, piece in pieces:
        canvas.setFont(face, size)
        canvas.drawString(x, y, piece)
        x += stringWidth(piece, face, size)
    return width


def _face(chain: Chain, index: int, font_name: str) -> str:
    if index == 0:
        return font_name
    bold, italic = style_of(font_name)
    return chain.families[index].face(bold, italic)


def drawing_with_fallback(drawing: Drawing, others: Sequence[Family] = ()) -> Drawing:
    """``drawing`` with every string split by font, like :func:`draw_string` (chart labels, legends).

    Axis and bar labels exist only once a widget draws itself, so the widgets are
    expanded to plain shapes first (all the way down, while the widgets that style
    their labels are alive); a drawing with ASCII text only comes back as it was.
    """
    flat = drawing.expandUserNodes()
    return flat if _split_strings(flat, others) else drawing


def _split_strings(group: Group, others: Sequence[Family]) -> bool:
    """Replace, in place, each string that needs more than its own font by one string per font."""
    changed = False
    for position, node in enumerate(group.contents):
        child = node
        while isinstance(child, UserNode):  # a label widget inside a chart's drawn group
            child = child.provideNode()
        if child is not node:
            group.contents[position] = child
        if isinstance(child, Group):
            changed = _split_strings(child, others) or changed
        elif isinstance(child, String) and not child.text.isascii():
            pieces = _string_pieces(child, others)
            if pieces is not None:
                group.contents[position] = pieces
                changed = True
    return changed


def _string_pieces(string: String, others: Sequence[Family]) -> Group | None:
    chain = chain_for(string.fontName, others)
    if chain is None:
        return None
    bold, italic = style_of(string.fontName)
    runs = [(_face(chain, i, string.fontName), piece) for i, piece in segments(string.text, chain, bold, italic)]
    if len(runs) == 1 and runs[0][0] == string.fontName:
        return None
    width = sum(stringWidth(piece, face, string.fontSize) for face, piece in runs)
    x = string.x - {"middle": width / 2, "end": width}.get(string.textAnchor, 0.0)
    group = Group()
    for face, piece in runs:
        part = string.copy()
        part.text, part.fontName, part.x, part.textAnchor = piece, face, x, "start"
        group.add(part)
        x += stringWidth(piece, face, string.fontSize)
    return group
