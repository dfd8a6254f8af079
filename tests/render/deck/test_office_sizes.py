"""What any office suite is given: the fit's sizes written on every run, autofit only for edits.

PowerPoint's "shrink text on overflow" runs only after someone edits a
slide, and LibreOffice has its own; so the deck carries the sizes the fit
chose, explicitly, at 100 % (no ``fontScale``): placeholders may shrink once
edited (``normAutofit``), text boxes never (``noAutofit``). (No office suite is
needed for these tests; ``test_office_fit`` has LibreOffice draw the decks.)
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from workshop.language import language_for
from workshop.layouts import paragraphs as rules
from workshop.plan.texts import Context, TableBlock, blocks_for
from workshop.outline.load import load_outline
from workshop.plan.build import make_plan
from workshop.plan.fit import Fitter

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
LONG = Path(__file__).resolve().parents[2] / "fixtures" / "long" / "lang-nl.yaml"


@pytest.fixture(scope="module")
def long_deck(brand):
    from pptx import Presentation

    from workshop.assets import collect_assets
    from workshop.render.deck import render_deck

    outline = load_outline(LONG)
    plan = make_plan(outline.workshop, brand, name=outline.name, outline_path=str(LONG), sources=outline.sources)
    data = render_deck(plan, brand, collect_assets(outline))
    return plan, data, Presentation(io.BytesIO(data))


def _sizes(shape) -> list[float]:
    return [int(r.get("sz")) / 100 for r in shape._element.iter(f"{A}rPr")]


def test_every_run_carries_the_size_the_fit_chose(long_deck, brand):
    plan, _, prs = long_deck
    context = Context(plan.meta, plan.agenda, language_for(plan.meta.language))
    fitter = Fitter(brand, plan.meta, plan.agenda)
    checked = 0
    for planned, slide in zip(plan.deck_slides, prs.slides):
        shapes = {s.name: s for s in slide.shapes}
        resolved = fitter.resolved(planned)
        for block in blocks_for(planned, resolved.spec, context):
            shape = shapes[block.name]
            if isinstance(block, TableBlock):
                assert set(_sizes(shape)) == {planned.fit["table"]}
                continue
            style = block.style or resolved.frame(block.name).style
            paragraphs = list(shape._element.iter(f"{A}p"))
            assert len(paragraphs) == len(block.lines), (planned.number, block.name)
            for paragraph, line in zip(paragraphs, block.lines):
                expected = round(planned.fit[rules.role_of(line, style)] * rules.scale_of(line, style) * 100)
                for props in paragraph.iter(f"{A}rPr", f"{A}endParaRPr"):
                    assert int(props.get("sz")) == expected, (planned.number, block.name)
                    checked += 1
        if "Footer" in shapes:
            assert set(_sizes(shapes["Footer"])) == {planned.fit["footer"]}
    assert checked > 250


def test_placeholders_shrink_when_edited_text_boxes_never(long_deck):
    """normAutofit without fontScale (shown at the written sizes) on placeholders, noAutofit elsewhere."""
    _, data, _ = long_deck
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if not name.endswith(".xml") or not name.startswith("ppt/slide"):
                continue
            xml = archive.read(name).decode("utf-8")
            assert "spAutoFit" not in xml and "fontScale" not in xml, name
            if not name.startswith("ppt/slides/slide"):
                continue
            root = etree.fromstring(xml.encode("utf-8"))
            for shape in root.iter(f"{P}sp"):
                placeholder = shape.find(f"{P}nvSpPr/{P}nvPr/{P}ph") is not None
                body = shape.find(f"{P}txBody/{A}bodyPr")
                if body is None:
                    continue
                fit = [etree.QName(child).localname for child in body
                       if etree.QName(child).localname.endswith(("Autofit", "AutoFit"))]
                assert fit == (["normAutofit"] if placeholder else ["noAutofit"]), (name, fit)


def test_tables_are_written_as_tall_as_the_fit_measured_them(long_deck, brand):
    plan, _, prs = long_deck
    fitter = Fitter(brand, plan.meta, plan.agenda)
    tables = 0
    for planned, slide in zip(plan.deck_slides, prs.slides):
        frame = next((s for s in slide.shapes if s.has_table), None)
        if frame is None:
            continue
        tables += 1
        area = fitter.resolved(planned).spec.box("Table")
        measure = next(m for m in fitter.measures(planned) if m.name == "Table")
        heights, _ = measure.row_heights(planned.fit["table"])
        assert [row.height for row in frame.table.rows] == heights
        assert frame.top == area.y and frame.top + frame.height <= area.y + area.h
    assert tables >= 3


def test_continued_instructions_keep_counting(long_deck):
    plan, _, prs = long_deck
    for planned, slide in zip(plan.deck_slides, prs.slides):
        if planned.kind == "exercise" and planned.part[0] == 2:
            body = next(s for s in slide.shapes if s.name == "Instructions")
            starts = {n.get("startAt") for n in body._element.iter(f"{A}buAutoNum")}
            assert starts == {str(planned.span[0] + 1)}
            break
    else:
        pytest.fail("no continued exercise")
