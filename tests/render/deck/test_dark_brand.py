"""A dark brand (Posit's brand-posit-dark.yml) builds every sample with readable text.

The deck is read back on its own terms, independently of the renderer's
colour logic: for every text run, its colour (the run's own, else what its
placeholder inherits from the layout and master) against the fill behind it
(its shape's, else the topmost filled shape under its centre, else the
slide, layout or master background), in theme colours resolved through the
colour map. Every run must reach WCAG AA (3:1 for large text).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from workshop.brand.colors import contrast_ratio
from workshop.pipeline import Job, run_build

REPO = Path(__file__).resolve().parents[3]
DARK = REPO / "tests" / "data" / "brands" / "real" / "posit-dark"
SAMPLES = sorted((REPO / "decks").glob("*.yaml"))
_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}


def _theme(prs) -> dict[str, str]:
    master = prs.slide_masters[0]
    theme_part = next(r.target_part for r in master.part.rels.values() if r.reltype.endswith("/theme"))
    from lxml import etree

    root = etree.fromstring(theme_part.blob)
    scheme = root.find(".//" + qn("a:clrScheme"))
    colors = {}
    for slot in scheme:
        name = slot.tag.split("}")[1]
        value = slot[0].get("val") if slot[0].tag == qn("a:srgbClr") else slot[0].get("lastClr")
        colors[name] = "#" + value
    return colors


def _color(fill, theme) -> str | None:
    """``#RRGGBB`` of an ``a:solidFill`` (or an element holding one), None if there is none."""
    if fill is None:
        return None
    if fill.tag != qn("a:solidFill"):
        fill = fill.find(qn("a:solidFill"))
        if fill is None:
            return None
    srgb, scheme = fill.find(qn("a:srgbClr")), fill.find(qn("a:schemeClr"))
    if srgb is not None:
        return "#" + srgb.get("val")
    if scheme is not None:
        return theme[_MAP.get(scheme.get("val"), scheme.get("val"))]
    return None


def _background(elements, theme) -> str:
    for element in elements:
        bg = element.find(qn("p:cSld")).find(qn("p:bg"))
        if bg is not None and bg.find(qn("p:bgPr")) is not None:
            return _color(bg.find(qn("p:bgPr")), theme)
    return theme["lt1"]


def _box(shape_el):
    off, ext = shape_el.find(".//" + qn("a:off")), shape_el.find(".//" + qn("a:ext"))
    if off is None or ext is None:
        return None
    return int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy"))


def _inside(point, box) -> bool:
    x, y, w, h = box
    return x <= point[0] <= x + w and y <= point[1] <= y + h


def _placeholder_idx(shape_el):
    ph = shape_el.find(".//" + qn("p:ph"))
    return None if ph is None else (ph.get("idx", "0"), ph.get("type", "body"))


def _inherited(layout_el, key, theme):
    """(colour, size, fill, box) a layout placeholder gives its slide placeholder."""
    for shape in layout_el.iter(qn("p:sp")):
        if _placeholder_idx(shape) and _placeholder_idx(shape)[0] == key[0]:
            level = shape.find(".//" + qn("a:lvl1pPr"))
            props = level.find(qn("a:defRPr")) if level is not None else None
            size = int(props.get("sz")) / 100 if props is not None and props.get("sz") else None
            fill = _color(shape.find(qn("p:spPr")), theme)
            return _color(props, theme) if props is not None else None, size, fill, _box(shape)
    return None, None, None, None


def _runs(shape_el):
    for paragraph in shape_el.iter(qn("a:p")):
        for run in paragraph.findall(qn("a:r")):
            text = run.findtext(qn("a:t")) or ""
            if text.strip():
                yield run, text


def _filled_shapes(tree, theme):
    for shape in tree:
        if shape.tag == qn("p:sp"):
            color, box = _color(shape.find(qn("p:spPr")), theme), _box(shape)
            if color and box:
                yield box, color


def problems_in(deck: bytes) -> list[str]:
    prs = Presentation(io.BytesIO(deck))
    theme = _theme(prs)
    master = prs.slide_masters[0]._element
    found = []
    for number, slide in enumerate(prs.slides, start=1):
        layout = slide.slide_layout._element
        back = _background([slide._element, layout, master], theme)
        under = list(_filled_shapes(layout.find(qn("p:cSld")).find(qn("p:spTree")), theme))
        tree = slide._element.find(qn("p:cSld")).find(qn("p:spTree"))
        for shape in tree:
            own = _color(shape.find(qn("p:spPr")), theme) if shape.find(qn("p:spPr")) is not None else None
            key = _placeholder_idx(shape)
            from_layout = _inherited(layout, key, theme) if key else (None,) * 4
            inherited, size_from_layout, layout_fill, layout_box = from_layout
            box = _box(shape) or layout_box
            cells = [(tc, _color(tc.find(qn("a:tcPr")), theme)) for tc in shape.iter(qn("a:tc"))] or [(shape, None)]
            for holder, cell_fill in cells:
                behind = cell_fill or own or layout_fill
                if behind is None and box is not None:
                    centre = (box[0] + box[2] // 2, box[1] + box[3] // 2)
                    behind = next((c for b, c in reversed(under) if _inside(centre, b)), back)
                behind = behind or back
                for run, text in _runs(holder):
                    props = run.find(qn("a:rPr"))
                    color = _color(props, theme) if props is not None else None
                    color = color or inherited or theme["dk1"]
                    size = int(props.get("sz")) / 100 if props is not None and props.get("sz") else (
                        size_from_layout or 18)
                    bold = props is not None and props.get("b") == "1"
                    needed = 3.0 if size >= 18 or (bold and size >= 14) else 4.5
                    ratio = contrast_ratio(color, behind)
                    if ratio + 1e-6 < needed:
                        found.append(f"slide {number} {shape.find('.//' + qn('p:cNvPr')).get('name')}: "
                                     f"{text[:30]!r} {color} on {behind} = {ratio:.2f}:1")
            if (own or layout_fill) and box:
                under.append((box, own or layout_fill))
    return found


@pytest.mark.slow
@pytest.mark.parametrize("outline", SAMPLES, ids=lambda p: p.stem)
def test_dark_brand_text_reads_on_what_is_behind_it(outline, tmp_path):
    result = run_build(Job(outline, tmp_path, str(DARK), only=("deck",)))
    assert result.ok, result.error
    deck = next(p for p in result.written if p.suffix == ".pptx")
    assert problems_in(deck.read_bytes()) == []


def test_the_reader_sees_unreadable_text(tmp_path):
    """The check itself can fail: a run drawn in the background colour is caught."""
    from pptx.util import Pt

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(0, 0, 3_000_000, 1_000_000)
    run = box.text_frame.paragraphs[0].add_run()
    run.text = "invisible"
    run.font.size = Pt(12)
    from pptx.dml.color import RGBColor

    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFE)
    buffer = io.BytesIO()
    prs.save(buffer)
    assert problems_in(buffer.getvalue())
