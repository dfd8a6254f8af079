"""No slide text under 12 pt, except the footer and the slide number (10 pt at least).

Read back with python-pptx from every sample deck, in both shipped brands and
with the Acme client profile: every run that holds text, on every slide.
"""

from __future__ import annotations

import pytest

from tests.render.deck.samples import BRANDS, SAMPLES, presentation

FOOTER_TYPES = {"ftr", "sldNum"}


def _runs(shape):
    if shape.has_text_frame:
        for paragraph in shape.text_frame.paragraphs:
            for run in paragraph.runs:
                if run.text.strip():
                    yield run
    if getattr(shape, "has_table", False) and shape.has_table:
        for row in shape.table.rows:
            for cell in row.cells:
                for paragraph in cell.text_frame.paragraphs:
                    yield from (r for r in paragraph.runs if r.text.strip())


def _is_footer(shape) -> bool:
    ph = shape._element.find(".//{http://schemas.openxmlformats.org/presentationml/2006/main}ph")
    return (ph is not None and ph.get("type") in FOOTER_TYPES) or shape.name in ("Footer", "Slide Number")


def too_small(prs) -> list[str]:
    found = []
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            floor = 10 if _is_footer(shape) else 12
            for run in _runs(shape):
                size = run.font.size
                if size is None or size.pt + 1e-6 < floor:
                    found.append(f"slide {number} {shape.name}: {run.text[:30]!r} at "
                                 f"{'inherited' if size is None else f'{size.pt:g} pt'} (under {floor} pt)")
    return found


@pytest.mark.parametrize("client", (False, True), ids=("no client", "acme"))
@pytest.mark.parametrize("brand", BRANDS)
@pytest.mark.parametrize("outline", SAMPLES, ids=lambda p: p.stem)
def test_no_slide_text_under_12_pt(outline, brand, client):
    assert too_small(presentation(outline, brand, client)) == []


def test_the_reader_sees_small_text():
    """The check can fail: a 9 pt run in a text box is caught, a 10 pt footer is not."""
    from pptx import Presentation
    from pptx.util import Pt

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    run = slide.shapes.add_textbox(0, 0, 3_000_000, 500_000).text_frame.paragraphs[0].add_run()
    run.text, run.font.size = "klein", Pt(9)
    footer = slide.shapes.add_textbox(0, 600_000, 3_000_000, 500_000)
    footer.name = "Footer"
    run = footer.text_frame.paragraphs[0].add_run()
    run.text, run.font.size = "voet", Pt(10)
    assert len(too_small(prs)) == 1
