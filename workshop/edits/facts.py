"""What a person sees and edits on a slide, as short digests: the fingerprint's raw material.

PowerPoint rewrites every slide's XML when it saves (attribute order, shape
ids, spell-check marks, ``dirty`` flags), so a fingerprint over the XML would
call every saved deck edited. These facts cover only what a person can see or
change: each shape's kind, name, position and size, its text with the run
formatting that shows (bold, italic, size, colour, font…), pictures by the
hash of their bytes, table cells, chart data, the notes text and the slide's
layout. A save that changes none of those gives the same facts.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from workshop.edits import lookup as names
from workshop.edits.lookup import child, grandchild, placeholder
from workshop.edits.package import RT_CHART, RT_LAYOUT, RT_MASTER, RT_NOTES, Parts, q, related
from workshop.lazyclass import lazy_dataclass

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

_HIDDEN_FALSE = {"b": "0", "i": "0", "u": "none", "strike": "noStrike", "baseline": "0", "cap": "none"}
_RUN_ATTRS = ("b", "i", "u", "strike", "sz", "baseline", "cap")
_KINDS = {"sp": "shape", "pic": "picture", "graphicFrame": "frame", "grpSp": "group", "cxnSp": "line",
          "contentPart": "ink"}
_CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
_TITLES = ("title", "ctrTitle")


def digest(text: str | bytes) -> str:
    """Ten hex digits of SHA-256: enough to tell edits apart, short enough for a tag."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()[:10]


@lazy_dataclass(frozen=True)
class ShapeFacts:
    kind: str  # shape, picture, table, chart, frame, group, line, ink
    name: str  # digest of the name people see in the selection pane
    content: str  # digest of the text, picture bytes, table cells or chart data
    look: str  # digest of the shape's own outline and fill
    place: str  # digest of the position
    size: str  # digest of the size

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.name)

    def encode(self) -> str:
        return f"{self.kind}:{self.name}:{self.content}:{self.look}:{self.place}:{self.size}"


@lazy_dataclass(frozen=True)
class SlideFacts:
    layout: str  # digest of the layout's name
    notes: str  # digest of the notes text
    shapes: tuple[ShapeFacts, ...]

    def encode(self) -> str:
        """One line of text for the slide's tag (``layout notes kind:name:content:place:size …``)."""
        return f"{self.layout} {self.notes} {' '.join(s.encode() for s in self.shapes)}".rstrip()

    @classmethod
    def decode(cls, text: str) -> SlideFacts | None:
        words = text.split()
        if len(words) < 2:
            return None
        shapes = []
        for word in words[2:]:
            bits = word.split(":")
            if len(bits) != 6:
                return None
            shapes.append(ShapeFacts(*bits))
        return cls(words[0], words[1], tuple(shapes))

    @property
    def fingerprint(self) -> str:
        return digest(self.encode())


@lazy_dataclass(frozen=True)
class SlideView:
    """A slide as read from a package: its facts, layout name and visible title."""

    facts: SlideFacts
    layout_name: str
    title: str


class Inheritance:
    """Where placeholders without their own position sit: on their layout, else on its master."""

    def __init__(self, parts: Parts):
        self.parts = parts
        self._cache: dict[str, tuple[dict[str, tuple[str, str]], str]] = {}
        self._masters: dict[str, dict[str, tuple[str, str]]] = {}  # every layout of a deck shares its master

    def layout(self, name: str | None) -> tuple[dict[str, tuple[str, str]], str]:
        """Placeholder positions by ``idx:N`` and ``type:T``, and the layout's name."""
        if not name:
            return {}, ""
        if name not in self._cache:
            root = _root(self.parts, name)
            places = _placeholder_places(root) if root is not None else {}
            master = related(self.parts, name, RT_MASTER)
            if master:
                for key, value in self._master(master).items():
                    places.setdefault(key, value)
            title = child(root, names.C_SLD) if root is not None else None
            self._cache[name] = (places, title.get("name", "") if title is not None else "")
        return self._cache[name]


    def _master(self, name: str) -> dict[str, tuple[str, str]]:
        """The master's placeholder positions by ``mastertype:T`` (read once per deck, not once per layout)."""
        if name not in self._masters:
            root = _root(self.parts, name)
            found = _placeholder_places(root) if root is not None else {}
            self._masters[name] = {"master" + k: v for k, v in found.items() if k.startswith("type:")}
        return self._masters[name]


def _root(parts: Parts, name: str) -> ET.Element | None:
    return parts.xml(name)


def _placeholder_places(root: ET.Element) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    tree = grandchild(root, names.C_SLD, names.SP_TREE)
    for shape in tree.iter(names.SP) if tree is not None else ():
        ph = placeholder(shape, names.NV_SP_PR)
        xfrm = grandchild(shape, names.SP_PR, names.XFRM)
        if ph is None or xfrm is None:
            continue
        geometry = _geometry(xfrm)
        found.setdefault(f"idx:{ph.get('idx', '0')}", geometry)
        found.setdefault(f"type:{_ph_type(ph)}", geometry)
    return found


def _ph_type(ph: ET.Element) -> str:
    kind = ph.get("type", "obj")
    return "body" if kind in ("obj", "body") else ("title" if kind in _TITLES else kind)


def _geometry(xfrm: ET.Element | None) -> tuple[str, str]:
    if xfrm is None:
        return ("", "")
    off, ext = child(xfrm, names.OFF), child(xfrm, names.EXT)
    place = f"{off.get('x')},{off.get('y')}" if off is not None else ""
    size = f"{ext.get('cx')},{ext.get('cy')}" if ext is not None else ""
    turn = xfrm.get("rot", "0") + xfrm.get("flipH", "0") + xfrm.get("flipV", "0")
    return (place, size + ("" if turn == "000" else "/" + turn))


def read_slide(parts: Parts, slide: str, inheritance: Inheritance | None = None) -> SlideView:
    """The facts of the slide part ``slide``."""
    inheritance = inheritance or Inheritance(parts)
    root = _root(parts, slide)
    if root is None:
        return SlideView(SlideFacts("-", "-", ()), "", "")
    places, layout_name = inheritance.layout(related(parts, slide, RT_LAYOUT))
    tree = grandchild(root, names.C_SLD, names.SP_TREE)
    reader = _ShapeReader(parts, slide, places)
    shapes = tuple(reader.shape(child) for child in tree if _local(child.tag) in _KINDS) if tree is not None else ()
    notes = related(parts, slide, RT_NOTES)
    facts = SlideFacts(digest(layout_name), digest(_notes_text(parts, notes)) if notes else "-", shapes)
    return SlideView(facts, layout_name, reader.title)


class _ShapeReader:
    def __init__(self, parts: Parts, slide: str, places: dict[str, tuple[str, str]]):
        self.parts, self.slide, self.places = parts, slide, places
        self.rels = parts.rels(slide)
        self.title = ""

    def shape(self, element: ET.Element) -> ShapeFacts:
        tag = _local(element.tag)
        kind = _KINDS[tag]
        non_visual = _non_visual(element.tag)
        props = child(element, non_visual)
        c_nv = child(props, names.C_NV_PR) if props is not None else None
        name = c_nv.get("name", "") if c_nv is not None else ""
        ph = grandchild(props, names.NV_PR, names.PH) if props is not None else None
        if tag == "graphicFrame":
            xfrm = child(element, names.P_XFRM)
        else:
            xfrm = grandchild(element, names.GRP_SP_PR if tag == "grpSp" else names.SP_PR, names.XFRM)
        place, size = _geometry(xfrm)
        if not place and ph is not None:
            inherited = (self.places.get(f"idx:{ph.get('idx', '0')}") or self.places.get(f"type:{_ph_type(ph)}")
                         or self.places.get(f"mastertype:{_ph_type(ph)}") or ("", ""))
            place, size = inherited
        look = digest(_style(child(element, names.SP_PR))) if tag in ("sp", "cxnSp") else "-"
        if tag == "sp":
            body = child(element, names.TX_BODY)
            content = digest(_text(body))
            if ph is not None and _ph_type(ph) == "title" and not self.title:
                self.title = _plain(body)
        elif tag == "pic":
            content = self._picture(element)
        elif tag == "graphicFrame":
            kind, content = self._frame(element)
        elif tag == "grpSp":
            children = [self.shape(c) for c in element if _local(c.tag) in _KINDS]
            content = digest(" ".join(c.encode() for c in children))
        else:
            content = "-"
        return ShapeFacts(kind, digest(name), content, look, digest(place), digest(size))

    def _picture(self, element: ET.Element) -> str:
        blip = grandchild(element, names.BLIP_FILL, names.A + "blip")
        rid = (blip.get(q("r:embed")) or blip.get(q("r:link")) or "") if blip is not None else ""
        rel = self.rels.get(rid)
        if rel is None:
            return digest("")
        if rel.external:
            return digest("link:" + rel.target)
        return digest(self.parts.blob(rel.target) or b"")

    def _frame(self, element: ET.Element) -> tuple[str, str]:
        data = grandchild(element, names.A + "graphic", names.A + "graphicData")
        if data is None:
            return "frame", digest("")
        uri = data.get("uri", "")
        if uri == _TABLE_URI:
            table = data.find(q("a:tbl"))
            rows = [] if table is None else [
                "\x1f".join(_text(child(cell, names.A + "txBody")) for cell in row.iter(q("a:tc")))
                for row in table.iter(q("a:tr"))
            ]
            return "table", digest("\x1e".join(rows))
        if uri == _CHART_URI:
            chart = data.find(q("c:chart"))
            rel = self.rels.get(chart.get(q("r:id"), "")) if chart is not None else None
            return "chart", digest(_chart(self.parts, rel.target) if rel and rel.type == RT_CHART else "")
        return "frame", digest(uri)


def _non_visual(tag: str) -> str:
    """``{ns}sp`` → ``{ns}nvSpPr``: the element holding a shape's name and placeholder."""
    namespace, local = tag[1:].split("}")
    return f"{{{namespace}}}nv{local[0].upper()}{local[1:]}Pr"


def _local(tag: object) -> str:
    """An element's name without its namespace ('' for comments and processing instructions)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _style(props: ET.Element | None) -> str:
    """What shows of a shape's own look: its outline geometry and fill colour."""
    if props is None:
        return ""
    geometry = child(props, names.PRST_GEOM)
    return (geometry.get("prst", "") if geometry is not None else "") + "/" + _fill(props)


def _fill(element: ET.Element) -> str:
    fill = child(element, names.SOLID_FILL)
    if fill is None:
        return ""
    for colour in fill:
        return _local(colour.tag) + "=" + colour.get("val", "").lower()
    return ""


def _run_format(props: ET.Element | None) -> str:
    if props is None:
        return ""
    bits = []
    for name in _RUN_ATTRS:
        value = props.get(name)
        if value is not None and _HIDDEN_FALSE.get(name) != value and not (name in ("b", "i") and value == "false"):
            bits.append(f"{name}={value}")
    latin = child(props, names.LATIN)
    if latin is not None:
        bits.append("font=" + latin.get("typeface", ""))
    colour = _fill(props)
    if colour:
        bits.append(colour)
    return ",".join(bits)


def _text(body: ET.Element | None) -> str:
    """Paragraphs with their level and alignment; runs merged where their formatting is the same."""
    if body is None:
        return ""
    paragraphs: list[str] = []
    for paragraph in body.iter(names.PARA):
        props = child(paragraph, names.P_PR)
        head = f"{props.get('lvl', '0')}{props.get('algn', '')}" if props is not None else "0"
        runs: list[list[str]] = []
        for item in paragraph:
            local = _local(item.tag)
            if local == "r":
                shape = _run_format(child(item, names.R_PR))
                text = "".join(t.text or "" for t in item.iter(names.T))
            elif local == "fld":
                shape = _run_format(child(item, names.R_PR))
                text = "‹#›" if item.get("type") == "slidenum" else "".join(t.text or "" for t in item.iter(names.T))
            elif local == "br":
                shape, text = _run_format(child(item, names.R_PR)), "\n"
            else:
                continue
            if not text:
                continue
            if runs and runs[-1][0] == shape:
                runs[-1][1] += text
            else:
                runs.append([shape, text])
        paragraphs.append(head + "\x1f" + "\x1f".join(f"{s}\x1d{t}" for s, t in runs))
    return "\x1e".join(paragraphs)


def _plain(body: ET.Element | None) -> str:
    if body is None:
        return ""
    return " ".join(" ".join("".join(t.text or "" for t in p.iter(names.T)).split())
                    for p in body.iter(names.PARA)).strip()


def _notes_text(parts: Parts, notes: str) -> str:
    root = _root(parts, notes)
    if root is None:
        return ""
    texts: list[str] = []
    for shape in root.iter(names.SP):
        ph = placeholder(shape, names.NV_SP_PR)
        if ph is not None and ph.get("type") == "body":
            body = child(shape, names.TX_BODY)
            for paragraph in body.iter(names.PARA) if body is not None else ():
                texts.append("".join(t.text or "" for t in paragraph.iter(names.T)))
    while texts and not texts[-1].strip():
        texts.pop()
    return "\n".join(texts)


def notes_text(parts: Parts, slide: str) -> str:
    """The speaker notes of ``slide`` as plain text ('' when it has none)."""
    notes = related(parts, slide, RT_NOTES)
    return _notes_text(parts, notes) if notes else ""


def _chart(parts: Parts, name: str) -> str:
    """A chart's kind, titles, series names, categories and values."""
    root = _root(parts, name)
    if root is None:
        return ""
    area = root.find(f"{q('c:chart')}/{q('c:plotArea')}")
    bits: list[str] = []
    for plot in area if area is not None else ():
        kind = _local(plot.tag)
        if not kind.endswith("Chart"):
            continue
        direction = plot.find(q("c:barDir"))
        bits.append(kind + ("/" + direction.get("val", "") if direction is not None else ""))
        for series in plot.iter(q("c:ser")):
            for part in ("c:tx", "c:cat", "c:val"):
                node = series.find(q(part))
                values = [v.text or "" for v in node.iter(q("c:v"))] if node is not None else []
                bits.append(part + "=" + "\x1f".join(values))
    title = root.find(f"{q('c:chart')}/{q('c:title')}")
    if title is not None:
        bits.append("title=" + "".join(t.text or "" for t in title.iter(q("a:t"))))
    return "\x1e".join(bits)
