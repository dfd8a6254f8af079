"""The one adapter to python-pptx's internals: package parts, relationships, elements, the zip.

python-pptx's public API (``Presentation``, ``pptx.util`` lengths, ``pptx.enum``,
``RGBColor``) is used anywhere in ``render.deck``;
everything below that layer — the OPC package, part classes, the lxml element
behind an object, private attributes — is reached only through this module.
``INTERNALS`` lists each one, and ``tests/render/deck/test_pptx_adapter.py``
checks every entry against the installed python-pptx, so an upgrade fails in
one obvious place (the ``<1.1`` pin in pyproject.toml points here).

Part names and relationship ids: python-pptx finds the next free part name by
walking every part of the package (``next_partname``), and the next
relationship id by rebuilding the part's relationship index, once per new
slide, notes slide or chart: quadratic in slide count. ``PartNames`` counts
per name template instead, installed on the one package object we build
(nothing global is patched). ``write_package`` replaces python-pptx's writer,
which stamps zip entries with the current time: fixed timestamps and a
stable order make the same input give the same bytes. It takes the parts
already finished (``Written``: deflated while the deck was built, see
``finish``) beside the live ones; ``rels_xml`` and ``content_types_xml`` write
python-pptx's bytes for relationships and content types without their trees.

To reach a new internal, add a function or name here and a line to
``INTERNALS``; callers elsewhere keep to the functions. The modules python-pptx
imports but a deck never uses are deferred by ``deferred`` (run first by
``render.deck``); ``INTERNALS`` names the python-pptx imports that relies on.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import OpcPackage, Part, _Relationship
from pptx.opc.packuri import PACKAGE_URI, PackURI
from pptx.opc.serialized import _ContentTypesItem
from pptx.oxml import oxml_parser, parse_xml
from pptx.oxml.ns import _nsmap, nsdecls, qn
from pptx.oxml.slide import CT_NotesSlide, CT_Slide
from pptx.parts.chart import ChartPart
from pptx.parts.embeddedpackage import EmbeddedXlsxPart
from pptx.parts.image import ImagePart
from pptx.parts.slide import NotesSlidePart, SlideLayoutPart, SlidePart

from workshop.lazyclass import eager_dataclass
from workshop.render.deck.deflate_cache import deflate_part
from workshop.render.deck.zipstream import Entry, deflate, write_zip

__all__ = [
    "CT", "RT", "CT_NotesSlide", "CT_Slide", "INTERNALS", "ImagePart", "Linker", "NAMESPACES", "NotesSlidePart",
    "OpcPackage", "Part", "PackURI", "PartNames", "SlideLayoutPart", "SlidePart", "add_chart_part", "element",
    "nsdecls", "oxml_parser", "package_relationships", "parse_xml", "qn", "set_blob", "set_element", "shape_tree",
    "element_of", "relate_as", "drop_relationship", "has_element", "table_cell", "text_body", "write_package",
    "rels_xml", "content_types_xml", "Written", "all_parts", "internal_targets", "part_entries", "retarget",
    "stand_in",
]

#: Every python-pptx internal this package relies on, and what for.
INTERNALS: tuple[tuple[str, str], ...] = (
    ("pptx.opc.constants:CONTENT_TYPE", "content types of the parts we add"),
    ("pptx.opc.constants:RELATIONSHIP_TYPE", "relationship types of the parts we add"),
    ("pptx.opc.constants:RELATIONSHIP_TARGET_MODE", "internal relationships made by Linker"),
    ("pptx.opc.package:Part", "docProps/app.xml and the slide records' parts as plain parts"),
    ("pptx.opc.package:OpcPackage", "the package type, for annotations"),
    ("pptx.opc.package:_Relationship", "relationships with counted ids (Linker)"),
    ("pptx.opc.packuri:PACKAGE_URI", "the package relationships' member name"),
    ("pptx.opc.packuri:PackURI", "part names from our counters"),
    ("pptx.opc.serialized:_ContentTypesItem", "content types of the parts we write"),
    ("pptx.opc.serialized:_ContentTypesItem._defaults_and_overrides", "what content_types_xml writes"),
    ("pptx.oxml:oxml_parser", "new elements with python-pptx's element classes"),
    ("pptx.oxml:parse_xml", "XML parsed into python-pptx's element classes"),
    ("pptx.oxml.ns:_nsmap", "namespace URIs by prefix"),
    ("pptx.oxml.ns:nsdecls", "namespace declarations for parsed XML"),
    ("pptx.oxml.ns:qn", "prefixed names to Clark notation"),
    ("pptx.oxml.slide:CT_Slide", "empty slides, added without python-pptx's part walk"),
    ("pptx.oxml.slide:CT_NotesSlide", "empty notes pages"),
    ("pptx.parts.image:ImagePart", "one image part per distinct image"),
    ("pptx.parts.slide:SlidePart", "slide parts"),
    ("pptx.parts.slide:NotesSlidePart", "notes parts"),
    ("pptx.parts.slide:SlideLayoutPart", "the generated master's layouts"),
    ("pptx.parts.chart:ChartPart", "chart parts from our own XML (render/deck/chartxml.py)"),
    ("pptx.parts.embeddedpackage:EmbeddedXlsxPart", "the chart's workbook from our own bytes"),
    ("pptx.opc.package:OpcPackage.next_partname", "replaced on our package by PartNames"),
    ("pptx.opc.package:OpcPackage.next_image_partname", "replaced on our package by PartNames"),
    ("pptx.opc.package:OpcPackage._rels", "the package's relationships (thumbnail, app properties)"),
    ("pptx.opc.package:_Relationships._rels", "relationships added by Linker"),
    ("pptx.opc.package:_Relationships._base_uri", "relationships added by Linker"),
    ("pptx.opc.package:Part._rels", "parts that have relationships at all, when writing"),
    ("pptx.opc.package:_Relationships.xml", "what rels_xml writes faster, byte for byte"),
    ("pptx.opc.package:_Relationship.target_partname", "internal targets, written relative by rels_xml"),
    ("pptx.opc.package:_Relationship.is_external", "external targets keep their URI (rels_xml)"),
    ("pptx.opc.package:Part._blob", "a part held as bytes (theme, app properties) replaced"),
    ("pptx.opc.package:XmlPart._element", "the XML behind a part: presentation, master, layout, theme"),
    ("pptx.shapes.shapetree:SlideShapes._spTree", "shapes written as XML straight into the tree"),
    ("pptx.text.text:TextFrame._txBody", "notes text written as XML"),
    ("pptx.table:_Cell._tc", "table cells written as XML"),
    ("pptx.parts.image:PIL_Image", "PIL.Image, imported by name and used only in add_picture: deferred (deferred.py)"),
    ("pptx.text.layout:ImageFont", "PIL.ImageFont, used only by fit_text: deferred (deferred.py)"),
)

NAMESPACES: dict[str, str] = _nsmap  # prefix → namespace URI


# -- the element behind an object, and private attributes --------------------------------------


def element(obj: Any) -> Any:
    """The lxml element behind a python-pptx part or object (its ``_element``)."""
    return obj._element


def has_element(part: Any) -> bool:
    """Does python-pptx hold ``part`` as XML (an ``XmlPart``) rather than as bytes?"""
    return hasattr(part, "_element")


def set_element(part: Any, new: Any) -> None:
    """Replace the XML of an ``XmlPart``."""
    part._element = new


def set_blob(part: Any, data: bytes) -> None:
    """Replace the bytes of a part python-pptx holds as bytes."""
    part._blob = data


def shape_tree(slide: Any) -> Any:
    """A slide's ``p:spTree``, where shapes are appended as XML."""
    return slide.shapes._spTree


def text_body(text_frame: Any) -> Any:
    """The ``p:txBody`` behind a text frame."""
    return text_frame._txBody


def table_cell(cell: Any) -> Any:
    """The ``a:tc`` behind a table cell."""
    return cell._tc


def package_relationships(package: Any) -> Any:
    """The package-level relationships (``_rels``: thumbnail, document properties)."""
    return package._rels


# -- chart parts ----------------------------------------------------------------------------------


def add_chart_part(slide_part: Any, chart_xml: bytes, workbook: bytes) -> str:
    """A chart part and its embedded workbook, related from ``slide_part``; the slide's id for it.

    The chart XML names its workbook ``rId1`` (its only relationship). Part
    names come from the package's counters: ``chart<n>.xml`` and the
    matching ``Microsoft_Excel_Sheet<n>.xlsx``, as python-pptx names them.
    """
    package = slide_part.package
    chart = ChartPart.load(package.next_partname(ChartPart.partname_template), CT.DML_CHART, package, chart_xml)
    sheet = EmbeddedXlsxPart(package.next_partname(EmbeddedXlsxPart.partname_template), CT.SML_SHEET, package,
                             workbook)
    relate_as(chart, "rId1", RT.PACKAGE, sheet)
    return slide_part.relate_to(chart, RT.CHART)


_NUMBER = re.compile(r"(\d+)(?=\.[^./]+$)")
_IMAGE_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg"}


class PartNames:
    """Hands out ``/ppt/slides/slide%d.xml``-style names from per-template counters."""

    def __init__(self, package: Any) -> None:
        self._next: dict[str, int] = defaultdict(lambda: 1)
        for part in package.iter_parts():  # one walk, at the start
            name = str(part.partname)
            match = _NUMBER.search(name)
            if match:
                template = name[: match.start()] + "%d" + name[match.end():]
                self._next[template] = max(self._next[template], int(match.group(1)) + 1)
        self._images: dict[str, ImagePart] = {}
        self.package = package

    def next_partname(self, template: str) -> PackURI:
        number = self._next[template]
        self._next[template] = number + 1
        return PackURI(template % number)

    def next_image_partname(self, ext: str) -> PackURI:
        return self.next_partname("/ppt/media/image%d." + ext.replace("%", ""))

    def install(self) -> PartNames:
        """Make python-pptx ask us (charts, notes, embedded workbooks) on this package only."""
        self.package.next_partname = self.next_partname
        self.package.next_image_partname = self.next_image_partname
        return self

    def adopt_images(self) -> None:
        """Share the package's existing image parts (a master opened from bytes) with later slides."""
        for part in self.package.iter_parts():
            if isinstance(part, ImagePart):
                self._images.setdefault(hashlib.sha1(part.blob).hexdigest(), part)

    def image_part(self, data: bytes, fmt: str) -> ImagePart:
        """One image part per distinct image, without python-pptx's walk over all parts."""
        digest = hashlib.sha1(data).hexdigest()
        part = self._images.get(digest)
        if part is None:
            ext = "jpeg" if fmt in ("jpeg", "jpg") else fmt
            part = ImagePart(self.next_image_partname(ext), _IMAGE_TYPES[ext], self.package, data)
            self._images[digest] = part
        return part


class Linker:
    """Adds relationships to one part with counted ids.

    python-pptx rebuilds the part's whole relationship index for every new
    relationship; on the presentation part (one relationship per slide) that
    is quadratic. Ids already taken (by python-pptx, say) are skipped.
    """

    def __init__(self, part: Any) -> None:
        self.part = part
        numbers = [int(r[3:]) for r in part.rels.keys() if r.startswith("rId") and r[3:].isdigit()]
        self._next = max(numbers, default=0) + 1

    def relate(self, target: Any, reltype: str) -> str:
        rels = self.part.rels
        while f"rId{self._next}" in rels:
            self._next += 1
        rid = f"rId{self._next}"
        self._next += 1
        rels._rels[rid] = _Relationship(rels._base_uri, rid, reltype, RTM.INTERNAL, target)
        return rid


def element_of(part: Any) -> Any:
    """The lxml tree of an XML part (None for a binary part such as an image)."""
    return element(part) if has_element(part) else None


def relate_as(part: Any, rid: str, reltype: str, target: Any, *, external: bool = False) -> None:
    """Relate ``part`` to ``target`` under ``rid``: a slide carried from another deck keeps the ids its XML uses."""
    rels = part.rels
    mode = RTM.EXTERNAL if external else RTM.INTERNAL
    rels._rels[rid] = _Relationship(rels._base_uri, rid, reltype, mode, target)


def drop_relationship(part: Any, rid: str) -> None:
    """Remove ``rid`` from ``part``'s relationships (the target is no longer written unless related elsewhere)."""
    part.rels._rels.pop(rid, None)


def internal_targets(part: Any) -> Iterator[tuple[str, str, Any]]:
    """``(rid, reltype, target part)`` of each internal relationship of ``part``."""
    for rid, rel in part.rels.items():
        if not rel.is_external:
            yield rid, rel.reltype, rel.target_part


def retarget(part: Any, rid: str, target: Any) -> None:
    """Point ``part``'s relationship ``rid`` at ``target`` (same type and mode)."""
    rels = part.rels
    old = rels._rels[rid]
    mode = RTM.EXTERNAL if old.is_external else RTM.INTERNAL
    rels._rels[rid] = _Relationship(rels._base_uri, rid, old.reltype, mode, target)


def stand_in(part: Any) -> Part:
    """A bytes-less part with ``part``'s name and content type: what relationships point at once
    ``part`` is written (its tree dropped)."""
    return Part(part.partname, part.content_type, part.package, b"")


def part_entries(part: Any, known: Mapping[str, Entry] | None = None) -> tuple[Entry, ...]:
    """The part deflated, and its relationships when it has any.

    ``known`` holds members already deflated (the cached master's): one whose
    bytes are the part's as written now is taken as it is instead of deflated again.
    """
    entry = _deflated(part.partname.membername, part.blob, known, deflate_part)
    if not part._rels:
        return (entry,)
    return entry, _deflated(part.partname.rels_uri.membername, rels_xml(part.rels), known, deflate)


def _deflated(name: str, data: bytes, known: Mapping[str, Entry] | None,
              make: Callable[[str, bytes], Entry]) -> Entry:
    found = known.get(name) if known else None
    return found if found is not None and found.holds(data) else make(name, data)


_RELS_OPEN = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">')
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                          "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


@lru_cache(maxsize=4096)
def _relative(target: str, base: str) -> str:
    return target[1:] if base == "/" else posixpath.relpath(target, base)


def rels_xml(rels: Any) -> bytes:
    """What python-pptx's ``_Relationships.xml`` gives, byte for byte, without building the XML tree.

    Relationships in numerical id order, ``TargetMode`` only when external, the
    attribute escaping of libxml2's serialiser (``tests/render/deck/test_rels_xml.py``).
    """
    if not rels:
        return rels.xml
    order = sorted((int(rid[3:]) if rid.startswith("rId") and rid[3:].isdigit() else 0, rid) for rid in rels.keys())
    base = rels._base_uri
    out = [_RELS_OPEN]
    for _, rid in order:
        rel = rels[rid]
        if rel.is_external:
            target, mode = rel.target_ref, ' TargetMode="External"'
        else:
            target, mode = _relative(str(rel.target_partname), base), ""
        out.append(f'<Relationship Id="{rel.rId.translate(_ESCAPES)}" Type="{rel.reltype.translate(_ESCAPES)}" '
                   f'Target="{target.translate(_ESCAPES)}"{mode}/>')
    out.append("</Relationships>")
    return "".join(out).encode("utf-8")


_TYPES_OPEN = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
               '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">')


def content_types_xml(parts: Sequence[Any]) -> bytes:
    """python-pptx's ``[Content_Types].xml`` for ``parts``, byte for byte, without making its tree."""
    defaults, overrides = _ContentTypesItem(parts)._defaults_and_overrides  # its choice of Default or Override
    out = [_TYPES_OPEN]
    out += [f'<Default Extension="{ext.translate(_ESCAPES)}" ContentType="{kind.translate(_ESCAPES)}"/>'
            for ext, kind in sorted(defaults.items())]
    out += [f'<Override PartName="{name.translate(_ESCAPES)}" ContentType="{kind.translate(_ESCAPES)}"/>'
            for name, kind in sorted(overrides.items())]
    return "".join([*out, "</Types>"]).encode("utf-8")


def all_parts(package: Any, more: Iterable[Any] = ()) -> list[Any]:
    """Every part reachable from the package's relationships or from ``more``, each once."""
    seen: dict[int, Any] = {}
    stack = [rel.target_part for rel in package_relationships(package).values() if not rel.is_external]
    stack += list(more)
    while stack:
        part = stack.pop()
        if id(part) in seen:
            continue
        seen[id(part)] = part
        stack += [target for _, _, target in internal_targets(part)]
    return list(seen.values())


@eager_dataclass(frozen=True, slots=True)
class Written:
    """A part already deflated into zip entries (its tree gone): what the content types and the order need."""

    partname: PackURI
    content_type: str
    entries: tuple[Entry, ...]


def write_package(package: Any, written: Mapping[str, Written] | None = None,
                  kept: Iterable[Any] = (), known: Mapping[str, Entry] | None = None) -> bytes:
    """The package as .pptx bytes: content types, package rels, then parts in a fixed order.

    ``written`` holds parts finished (and deflated) while the deck was built,
    by part name; ``kept`` parts they relate to that the package may no longer reach;
    ``known`` members deflated before (``part_entries``).
    """
    written = written or {}
    live = [p for p in all_parts(package, kept) if str(p.partname) not in written]
    listed: list[Any] = [*live, *written.values()]
    members: list[tuple[tuple, tuple[Entry, ...] | Any]] = [(_order(str(p.partname)), p) for p in listed]
    members.sort(key=lambda member: member[0])
    types = content_types_xml(listed)
    head = (deflate("[Content_Types].xml", types),
            deflate(PACKAGE_URI.rels_uri.membername, rels_xml(package_relationships(package))))

    def entries() -> Iterator[Entry]:
        yield from head
        for _, member in members:
            yield from (member.entries if isinstance(member, Written) else part_entries(member, known))

    return write_zip(entries())


def _order(name: str) -> tuple:
    """Natural order (slide2 before slide10) so zip listings read like the deck."""
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name))
