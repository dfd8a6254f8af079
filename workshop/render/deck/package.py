"""The one adapter to python-pptx's internals: package parts, relationships, elements, the zip.

python-pptx's public API (``Presentation``, ``pptx.util`` lengths, ``pptx.enum``,
``RGBColor``, ``CategoryChartData``) is used anywhere in ``render.deck``;
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
stable order make the same input give the same bytes.

To reach a new internal, add a function or name here and a line to
``INTERNALS``; callers elsewhere keep to the functions.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.package import OpcPackage, Part, _Relationship
from pptx.opc.packuri import PACKAGE_URI, PackURI
from pptx.opc.serialized import _ContentTypesItem
from pptx.oxml import oxml_parser, parse_xml
from pptx.oxml.ns import _nsmap, nsdecls, qn
from pptx.oxml.slide import CT_NotesSlide, CT_Slide
from pptx.parts.image import ImagePart
from pptx.parts.slide import NotesSlidePart, SlideLayoutPart, SlidePart
from pptx.util import lazyproperty

__all__ = [
    "CT", "RT", "CT_NotesSlide", "CT_Slide", "INTERNALS", "ImagePart", "Linker", "NAMESPACES", "NotesSlidePart",
    "OpcPackage",
    "Part", "PackURI", "PartNames", "SlideLayoutPart", "SlidePart", "chart_data_dated", "element",
    "nsdecls", "oxml_parser", "package_relationships", "parse_xml", "qn", "run_properties", "set_blob",
    "set_element", "shape_tree", "element_of", "relate_as", "drop_relationship", "has_element",
    "table_cell", "text_body", "write_package",
]

#: Every python-pptx internal this package relies on, and what for.
INTERNALS: tuple[tuple[str, str], ...] = (
    ("pptx.opc.constants:CONTENT_TYPE", "content types of the parts we add"),
    ("pptx.opc.constants:RELATIONSHIP_TYPE", "relationship types of the parts we add"),
    ("pptx.opc.constants:RELATIONSHIP_TARGET_MODE", "internal relationships made by Linker"),
    ("pptx.opc.oxml:serialize_part_xml", "the [Content_Types].xml we write"),
    ("pptx.opc.package:Part", "docProps/app.xml and the slide records' parts as plain parts"),
    ("pptx.opc.package:OpcPackage", "the package type, for annotations"),
    ("pptx.opc.package:_Relationship", "relationships with counted ids (Linker)"),
    ("pptx.opc.packuri:PACKAGE_URI", "the package relationships' member name"),
    ("pptx.opc.packuri:PackURI", "part names from our counters"),
    ("pptx.opc.serialized:_ContentTypesItem", "content types of the parts we write"),
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
    ("pptx.util:lazyproperty", "chart data with a fixed workbook date"),
    ("pptx.chart.xlsx:CategoryWorkbookWriter._open_worksheet", "the chart workbook's date, fixed"),
    ("pptx.chart.data:CategoryChartData._workbook_writer", "the chart data's workbook writer"),
    ("pptx.opc.package:OpcPackage.next_partname", "replaced on our package by PartNames"),
    ("pptx.opc.package:OpcPackage.next_image_partname", "replaced on our package by PartNames"),
    ("pptx.opc.package:OpcPackage._rels", "the package's relationships (thumbnail, app properties)"),
    ("pptx.opc.package:_Relationships._rels", "relationships added by Linker"),
    ("pptx.opc.package:_Relationships._base_uri", "relationships added by Linker"),
    ("pptx.opc.package:Part._rels", "parts that have relationships at all, when writing"),
    ("pptx.opc.package:Part._blob", "a part held as bytes (theme, app properties) replaced"),
    ("pptx.opc.package:XmlPart._element", "the XML behind a part: presentation, master, layout, theme"),
    ("pptx.shapes.shapetree:SlideShapes._spTree", "shapes written as XML straight into the tree"),
    ("pptx.text.text:TextFrame._txBody", "notes text written as XML"),
    ("pptx.table:_Cell._tc", "table cells written as XML"),
    ("pptx.text.text:Font._rPr", "the chart font's language"),
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


def run_properties(font: Any) -> Any:
    """The ``a:rPr``/``a:defRPr`` behind a font object."""
    return font._rPr


def package_relationships(package: Any) -> Any:
    """The package-level relationships (``_rels``: thumbnail, document properties)."""
    return package._rels


# -- chart data with a fixed workbook date -----------------------------------------------------


def chart_data_dated(created: datetime) -> Callable[..., CategoryChartData]:
    """A ``CategoryChartData`` class whose embedded workbook says it was made at ``created``.

    xlsxwriter stamps the workbook with the current time; a fixed date keeps
    the deck's bytes the same from run to run.
    """

    class _FixedDateWorkbook(CategoryWorkbookWriter):
        @contextmanager
        def _open_worksheet(self, xlsx_file: Any) -> Iterator[tuple[Any, Any]]:
            from xlsxwriter import Workbook

            workbook = Workbook(xlsx_file, {"in_memory": True})
            workbook.set_properties({"created": created})
            worksheet = workbook.add_worksheet()
            yield workbook, worksheet
            workbook.close()

    class _ChartData(CategoryChartData):
        @lazyproperty
        def _workbook_writer(self) -> CategoryWorkbookWriter:
            return _FixedDateWorkbook(self)

    return _ChartData


ZIP_TIME = (2000, 1, 1, 0, 0, 0)
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


def write_package(package: Any) -> bytes:
    """The package as .pptx bytes: content types, package rels, then parts in a fixed order."""
    parts = sorted(package.iter_parts(), key=lambda p: _order(str(p.partname)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        def put(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            # Embedded fonts are megabytes: level 1 deflates them at twice the speed of 6
            # for 7 % more bytes; XML and images keep level 6.
            level = 1 if name.endswith(".fntdata") else 6
            archive.writestr(info, data, compresslevel=level)

        put("[Content_Types].xml", serialize_part_xml(_ContentTypesItem.xml_for(parts)))
        put(PACKAGE_URI.rels_uri.membername, package_relationships(package).xml)
        for part in parts:
            put(part.partname.membername, part.blob)
            if part._rels:
                put(part.partname.rels_uri.membername, part.rels.xml)
    return buffer.getvalue()


def _order(name: str) -> tuple:
    """Natural order (slide2 before slide10) so zip listings read like the deck."""
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name))
