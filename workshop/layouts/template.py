"""The geometry of a designer's ``template.pptx``: layouts by name, placeholders by shape name.

Read straight from the package XML with the standard zip reader and lxml, not
python-pptx, so ``workshop check`` (the text fit) can measure against the
designer's placeholder sizes without loading a PowerPoint library. A layout
placeholder without a position of its own inherits it from the master's
placeholder of the same type, as PowerPoint does.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.errors import WorkshopError
from workshop.layouts.geometry import Box, Insets, SlideSize
from workshop.layouts.spec import LayoutSpec, MasterSpec
from workshop.layouts.specimens import SPECIMEN_MARK, Specimen, label_of, recover
from workshop.lazyclass import lazy_dataclass

if TYPE_CHECKING:
    from lxml.etree import _Element as Element

    from workshop.layouts.artwork import Artwork
    from workshop.layouts.spec import ShapeSpec

#: a part's XML root by its name in the package
ReadXml = Callable[[str], "Element"]
#: a part's relationships: id → target part name
ReadRels = Callable[[str], dict[str, str]]

MAX_PART_BYTES = 8 * 1024 * 1024
MAX_LAYOUTS = 200
_NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_R_ID = "{{{}}}id".format(_NS["r"])
_INHERIT = {"ctrTitle": "title", "subTitle": "body", "obj": "body", "pic": "body", "chart": "body",
            "tbl": "body"}


@lazy_dataclass(frozen=True)
class PlaceholderGeometry:
    """One placeholder as the designer left it."""

    name: str  # the shape name in the selection pane
    type: str  # OOXML ph type ("obj" when PowerPoint left it out)
    idx: int
    box: Box | None  # None: no position anywhere (unusable)
    insets: Insets = Insets()
    inherits: bool = True  # False: slides must state the position (the layout itself does not hold it)


@lazy_dataclass(frozen=True)
class TemplateLayout:
    name: str
    placeholders: tuple[PlaceholderGeometry, ...]
    master: int = 0  # which slide master it belongs to
    part: str = ""  # the layout's part in the package ("ppt/slideLayouts/slideLayout1.xml")
    artwork: Artwork | None = None  # the designer's background and shapes (None: our generated layout)
    show_master: bool = True  # False: the master's shapes are hidden on this layout

    def placeholder(self, name: str) -> PlaceholderGeometry | None:
        for ph in self.placeholders:
            if ph.name == name:
                return ph
        folded = name.casefold().strip()
        for ph in self.placeholders:
            if ph.name.casefold().strip() == folded:
                return ph
        return None

    def of_type(self, *types: str) -> tuple[PlaceholderGeometry, ...]:
        return tuple(ph for ph in self.placeholders if ph.type in types)


@lazy_dataclass(frozen=True)
class TemplateGeometry:
    """Slide size, masters' placeholders and every layout of a template, in order."""

    size: SlideSize
    layouts: tuple[TemplateLayout, ...]
    master_placeholders: tuple[PlaceholderGeometry, ...] = ()
    master_artwork: tuple[Artwork, ...] = ()  # per slide master, in order (empty: our generated master)

    def artwork(self, layout: TemplateLayout) -> Artwork | None:
        """What slides on ``layout`` show behind their content (None: drawn from our specs)."""
        if layout.artwork is None:
            return None
        from workshop.layouts.artwork import on_top

        masters = self.master_artwork
        master = masters[layout.master] if layout.master < len(masters) else None
        return on_top(master, layout.artwork, layout.show_master)

    def layout(self, name: str) -> TemplateLayout | None:
        """The layout called ``name`` (exact first, then ignoring case and spaces at the ends)."""
        for layout in self.layouts:
            if layout.name == name:
                return layout
        folded = name.casefold().strip()
        for layout in self.layouts:
            if layout.name.casefold().strip() == folded:
                return layout
        return None

    def for_kind(self, kind: str, name: str) -> tuple[TemplateLayout | None, str]:
        """The layout ``kind`` uses: ``name``, else a standard PowerPoint or LibreOffice layout.

        Returns the layout (None: the kind falls back) and how it matched:
        "name", "office" or "libreoffice" (see ``workshop.layouts.names``).
        """
        from workshop.layouts.names import candidates

        for candidate, how in candidates(kind, name):
            found = self.layout(candidate)
            if found is not None:
                return found, how
        return None, "name"

    def blank(self) -> TemplateLayout | None:
        """The layout to draw on when a kind's own layout is missing: the emptiest one."""
        from workshop.layouts.names import BLANK_NAMES

        if not self.layouts:
            return None
        blank_names = {n.casefold() for n in BLANK_NAMES}
        for layout in self.layouts:
            if layout.name.casefold() in blank_names:
                return layout
        content = lambda ly: len([p for p in ly.placeholders if p.type not in ("ftr", "sldNum", "dt")])  # noqa: E731
        return min(self.layouts, key=content)

    def master_placeholder(self, type_: str) -> PlaceholderGeometry | None:
        for ph in self.master_placeholders:
            if ph.type == type_:
                return ph
        return None


def placeholder_index(shape: ShapeSpec, position: int) -> int:
    """The ``idx`` a generated layout gives the placeholder of ``shape`` at ``position``.

    Titles are idx 0 as PowerPoint expects; footer and slide number are 11 and 12.
    """
    return 0 if shape.placeholder in ("title", "ctrTitle") else position + 1


def generated_geometry(master: MasterSpec, layouts: dict[str, LayoutSpec]) -> TemplateGeometry:
    """The geometry of our own generated master, as if read from its exported file."""

    def ph(spec: ShapeSpec, idx: int) -> PlaceholderGeometry:
        assert spec.placeholder is not None, f"{spec.name} is not a placeholder"
        return PlaceholderGeometry(spec.name, spec.placeholder, idx, spec.box, spec.insets)

    common = (ph(master.footer, 11), ph(master.slide_number, 12))
    result = []
    for spec in layouts.values():
        own = [ph(s, placeholder_index(s, i)) for i, s in enumerate(spec.shapes) if s.placeholder]
        result.append(TemplateLayout(spec.name, tuple(own) + (common if spec.footer else ())))
    masters = (ph(master.title, 0), ph(master.body, 1)) + common
    return TemplateGeometry(master.size, tuple(result), masters)


def read_template(source: str | Path | bytes) -> TemplateGeometry:
    """Read layout and placeholder geometry from a .pptx/.potx file or its bytes."""
    from lxml import etree

    from workshop.safety.templates import check_template_bytes
    from workshop.safety.templates import read_template as read_checked

    if isinstance(source, bytes):
        data = source
        check_template_bytes(data, _label(source))
    else:
        data = read_checked(Path(source))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise WorkshopError(f"{_label(source)} is not a PowerPoint file (not a zip package)") from None
    names = set(archive.namelist())

    def xml(path: str) -> Element:
        if path not in names:
            raise WorkshopError(f"{_label(source)} is missing its part '{path}'; save it again from PowerPoint")
        if archive.getinfo(path).file_size > MAX_PART_BYTES:
            raise WorkshopError(f"{_label(source)}: the part '{path}' is too large to be a layout")
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        return etree.fromstring(archive.read(path), parser)

    def rels(path: str) -> dict[str, str]:
        folder, base = posixpath.split(path)
        rels_path = posixpath.join(folder, "_rels", base + ".rels")
        if rels_path not in names:
            return {}
        return {
            r.get("Id"): posixpath.normpath(posixpath.join(folder, r.get("Target", "")))
            for r in xml(rels_path).findall("rel:Relationship", _NS) if r.get("TargetMode") != "External"
        }

    presentation = "ppt/presentation.xml"
    reading = [presentation]  # the part being read, for the message when one of its numbers is bad
    try:
        root = xml(presentation)
        size_el = root.find("p:sldSz", _NS)
        size = (SlideSize(_int(size_el.get("cx")), _int(size_el.get("cy"))) if size_el is not None
                else SlideSize(9144000, 6858000))
        return _layouts(root, size, rels, xml, presentation, lambda part: reading.__setitem__(0, part))
    except _BadNumber as exc:
        raise WorkshopError(
            f"{_label(source)}: the part '{reading[0]}' holds '{exc}' where a whole number belongs",
            hint="the file is damaged; open it in PowerPoint and save it again") from None


class _BadNumber(ValueError):
    pass


MAX_COORDINATE = 27_273_042_316_900  # ST_Coordinate's bound in ECMA-376


def _int(value: str | None, default: int | None = None) -> int:
    """A coordinate or index attribute; anything but a whole number in range is a damaged file."""
    if value is None:
        if default is None:
            raise _BadNumber("nothing")
        return default
    try:
        number = int(value)
    except ValueError:
        raise _BadNumber(value[:40]) from None
    if abs(number) > MAX_COORDINATE:
        raise _BadNumber(value[:40])
    return number


def _layouts(root: Element, size: SlideSize, rels: ReadRels, xml: ReadXml, presentation: str,
             note: Callable[[str], None]) -> TemplateGeometry:
    from workshop.layouts.artwork import color_scheme, read_artwork  # a designer's template only

    pres_rels = rels(presentation)
    layouts: list[TemplateLayout] = []
    master_phs: list[PlaceholderGeometry] = []
    by_master: dict[int, tuple[PlaceholderGeometry, ...]] = {}
    artwork: list[Artwork] = []
    for m_index, master_id in enumerate(root.findall("p:sldMasterIdLst/p:sldMasterId", _NS)):
        master_path = pres_rels.get(master_id.get(_R_ID))
        if not master_path:
            continue
        note(master_path)
        master = xml(master_path)
        own = _placeholders(master, {})
        by_master[m_index] = tuple(own)
        inherited = {ph.type: ph for ph in own}
        if m_index == 0:
            master_phs = list(inherited.values())
        master_rels = rels(master_path)
        theme = next((t for t in master_rels.values() if posixpath.basename(t).startswith("theme")), None)
        scheme = color_scheme(xml(theme) if theme else None, master.find("p:clrMap", _NS))
        artwork.append(read_artwork(master, scheme))
        for layout_id in master.findall("p:sldLayoutIdLst/p:sldLayoutId", _NS):
            layout_path = master_rels.get(layout_id.get(_R_ID))
            if not layout_path or len(layouts) >= MAX_LAYOUTS:
                continue
            note(layout_path)
            layout = xml(layout_path)
            c_sld = layout.find("p:cSld", _NS)
            name = c_sld.get("name", "") if c_sld is not None else ""
            shows_master = layout.get("showMasterSp") not in ("0", "false")
            layouts.append(TemplateLayout(name, tuple(_placeholders(layout, inherited)), m_index, layout_path,
                                          read_artwork(layout, scheme), shows_master))
    specimens = list(_specimens(root, pres_rels, xml, rels))
    return TemplateGeometry(size, tuple(recover(layouts, specimens, by_master)), tuple(master_phs), tuple(artwork))


def _specimens(root: Element, pres_rels: dict[str, str], xml: ReadXml, rels: ReadRels) -> Iterator[Specimen]:
    """The labelled sample slides ``template export`` wrote (see ``workshop.layouts.specimens``)."""
    for slide_id in root.findall("p:sldIdLst/p:sldId", _NS)[:MAX_LAYOUTS]:
        slide_path = pres_rels.get(slide_id.get(_R_ID))
        if not slide_path:
            continue
        try:
            slide = xml(slide_path)
        except WorkshopError:  # a missing or oversized slide says nothing about the layouts
            continue
        label = None
        for sp in slide.iterfind("p:cSld/p:spTree/p:sp", _NS):
            c_nv_pr = sp.find("p:nvSpPr/p:cNvPr", _NS)
            if c_nv_pr is not None and c_nv_pr.get("name") == SPECIMEN_MARK:
                label = label_of("".join(sp.itertext()))
                break
        layout_path = next((target for target in rels(slide_path).values() if "slideLayout" in target), None)
        if label is not None and layout_path is not None:
            yield Specimen(label, layout_path, tuple(_placeholders(slide, {})))


def _placeholders(root: Element, inherited: dict[str, PlaceholderGeometry]) -> list[PlaceholderGeometry]:
    result = []
    for sp in root.iterfind("p:cSld/p:spTree/p:sp", _NS):
        ph = sp.find("p:nvSpPr/p:nvPr/p:ph", _NS)
        if ph is None:
            continue
        type_ = ph.get("type", "obj")
        name = sp.find("p:nvSpPr/p:cNvPr", _NS).get("name", "")
        parent = inherited.get(type_) or inherited.get(_INHERIT.get(type_, ""))
        box = _box(sp) or (parent.box if parent else None)
        insets = _insets(sp, parent.insets if parent else Insets())
        result.append(PlaceholderGeometry(name, type_, _int(ph.get("idx"), 0), box, insets))
    return result


def _box(sp: Element) -> Box | None:
    off = sp.find("p:spPr/a:xfrm/a:off", _NS)
    ext = sp.find("p:spPr/a:xfrm/a:ext", _NS)
    if off is None or ext is None:
        return None
    return Box(_int(off.get("x"), 0), _int(off.get("y"), 0), _int(ext.get("cx"), 0), _int(ext.get("cy"), 0))


def _insets(sp: Element, default: Insets) -> Insets:
    body = sp.find("p:txBody/a:bodyPr", _NS)
    if body is None:
        return default

    def get(key: str, fallback: int) -> int:
        return _int(body.get(key), fallback)

    return Insets(get("lIns", default.left), get("tIns", default.top), get("rIns", default.right),
                  get("bIns", default.bottom))


def _label(source: str | Path | bytes) -> str:
    return "the template" if isinstance(source, bytes) else f"the template '{source}'"
