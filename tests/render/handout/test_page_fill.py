"""Page fill: sections flow, only worksheets start a page, no page under 40 % full.

Measured on the PDFs themselves (``pdf_support.page_fill``: how far down the
body frame anything is drawn), for every sample outline in both brands, with
and without the Acme client profile.
"""

from __future__ import annotations

import io

import pdfplumber
import pytest
from pdf_support import MM, page_fill

LEAST = 0.40


@pytest.mark.slow  # every sample × brand × client
def test_no_page_under_40_percent_except_cover_worksheets_and_last(sample_pages):
    thin = {}
    for key, facts in sample_pages.items():
        fills = facts.fills
        exempt = {1, len(fills)} | facts.worksheets
        low = [(n, round(f, 2)) for n, f in enumerate(fills, start=1) if n not in exempt and f < LEAST]
        if low:
            thin[key] = low
    assert not thin, thin


def test_the_fill_measure_sees_an_empty_page():
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595.27, 841.89))
    canvas.drawString(62, 841.89 - 30 * MM - 10, "one short line at the top")
    canvas.showPage()
    canvas.rect(62, 22 * MM + 5, 100, 100)
    canvas.showPage()
    canvas.save()
    first, second = page_fill(buffer.getvalue())
    assert first < 0.05 and second > 0.95


@pytest.mark.slow  # every sample × brand × client
def test_sections_flow_on_the_same_page(sample_handouts):
    """A section heading below other content: sections no longer each open a page."""
    data = sample_handouts[("citroensap", "default", "")]
    mid_page = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages[1:]:
            for word in page.extract_words(extra_attrs=["size"]):
                if word["text"] == "DEEL" and word["top"] > 70 * MM:
                    mid_page += 1
    assert mid_page >= 2


@pytest.mark.slow  # every sample × brand × client
def test_worksheets_start_a_page_and_end_it_with_notes_space(sample_pages):
    for key, facts in sample_pages.items():
        texts, fills, sheets = facts.texts, facts.fills, facts.worksheets
        assert sheets, key  # every sample has an exercise
        for number in sorted(sheets):
            if number > 1 and (number - 1) not in sheets:  # a worksheet's first page
                assert fills[number - 2] >= LEAST, (key, number)  # it moved on from a well-filled page
        last_sheet_pages = [n for n in sheets if n + 1 not in sheets]
        for number in last_sheet_pages:  # a dot grid takes what is left when 45 mm or more is
            if number < len(texts):
                assert fills[number - 1] >= 0.8, (key, number, fills)


@pytest.mark.slow  # every sample × brand × client
def test_same_bytes_twice(sample_handouts):
    from pdf_support import ACME, REPO

    from workshop.assets import collect_assets
    from workshop.brand.load import load_brand
    from workshop.outline.load import load_outline
    from workshop.plan.build import make_plan
    from workshop.render.handout import render_handout

    path = REPO / "decks" / "citroensap.yaml"
    outline = load_outline(path.relative_to(REPO), vars_files=[ACME], trusted=[ACME.parent])
    brand = load_brand("noord")
    plan = make_plan(outline.workshop, brand, name=outline.name, outline_path=str(path), sources=outline.sources)
    again = render_handout(plan, brand, collect_assets(outline))
    assert again == sample_handouts[("citroensap", "noord", "acme")]
