"""A dark brand's handout and guide: every character readable on what is drawn behind it.

Read back from the PDFs with pdfplumber, independently of the renderer's colour
logic: each character's fill colour against the topmost filled rectangle or
shape under its centre (else the white paper), by WCAG 2 contrast. Every
character must reach AA: 4.5:1, or 3:1 for large text (18 pt, or 14 pt bold) and
for bullet glyphs, which are graphics (WCAG 1.4.11).
Posit's brand-posit-dark.yml declares a light foreground on a near-black
background, so text in the brand's foreground on paper would fail.
"""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest

from workshop.brand.colors import contrast_ratio
from workshop.pipeline import Job, prepare, render

REPO = Path(__file__).resolve().parents[2]
DARK = REPO / "tests" / "data" / "brands" / "real" / "posit-dark"
SAMPLES = sorted((REPO / "decks").glob("*.yaml"))
PAPER = "#FFFFFF"
BULLETS = frozenset("•–▪◦")


def _hex(color) -> str | None:
    """``#RRGGBB`` of a pdfplumber colour (grey, RGB or CMYK floats); None when there is none."""
    if color is None:
        return None
    values = list(color) if isinstance(color, (tuple, list)) else [color]
    if len(values) == 1:
        values *= 3
    elif len(values) == 4:
        c, m, y, k = values
        values = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    elif len(values) != 3:
        return None
    return "#" + "".join(f"{round(255 * float(v)):02X}" for v in values)


def _fills(page) -> list[tuple[tuple[float, float, float, float], str]]:
    """Filled rectangles and shapes, in drawing order, as (box, colour)."""
    shapes = sorted(page.rects + page.curves, key=lambda o: (o.get("seq", 0)))
    out = []
    for shape in shapes:
        color = _hex(shape.get("non_stroking_color")) if shape.get("fill") else None
        if color is not None:
            out.append(((shape["x0"], shape["top"], shape["x1"], shape["bottom"]), color))
    return out


def _behind(char, fills) -> str:
    x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    for (x0, top, x1, bottom), color in reversed(fills):
        if x0 <= x <= x1 and top <= y <= bottom:
            return color
    return PAPER


def unreadable(pdf: bytes) -> list[tuple[int, str, str, str, float]]:
    """(page, character, colour, background, ratio) of every character below WCAG AA."""
    found = []
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for number, page in enumerate(document.pages, 1):
            fills = _fills(page)
            for char in page.chars:
                if not char["text"].strip():
                    continue
                color = _hex(char.get("non_stroking_color")) or "#000000"
                behind = _behind(char, fills)
                bold = "bold" in char["fontname"].lower()
                large = char["size"] >= 18 or (bold and char["size"] >= 14) or char["text"] in BULLETS
                ratio = contrast_ratio(color, behind)
                if ratio < (3.0 if large else 4.5):
                    found.append((number, char["text"], color, behind, round(ratio, 2)))
    return found


QUICK = ("een-plus-een", "visser-of-vis")  # together every slide kind; the other samples: whole suite only


@pytest.fixture(scope="module", params=[pytest.param(s.stem, marks=() if s.stem in QUICK else pytest.mark.slow)
                                        for s in SAMPLES])
def built(request):
    return prepare(Job(REPO / "decks" / f"{request.param}.yaml", brand=str(DARK)))


@pytest.mark.parametrize("output", ["handout", "guide"])
def test_dark_brand_pdf_text_reads_on_what_is_behind_it(built, output):
    pdf = render(built, output)
    bad = unreadable(pdf)
    assert not bad, f"{len(bad)} characters below AA, first: {bad[:8]}"


def test_the_reader_sees_unreadable_text():
    """The check can fail: light grey text on white paper, and white on a light fill."""
    from reportlab.lib.colors import HexColor
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.setFillColor(HexColor("#C8C8C8"))
    canvas.setFont("Helvetica", 10)
    canvas.drawString(50, 700, "grijs")
    canvas.setFillColor(HexColor("#F0F0F0"))
    canvas.rect(40, 600, 200, 40, fill=1, stroke=0)
    canvas.setFillColor(HexColor("#FFFFFF"))
    canvas.drawString(50, 615, "wit")
    canvas.setFillColor(HexColor("#14305A"))
    canvas.drawString(50, 500, "leesbaar")
    canvas.save()
    bad = unreadable(buffer.getvalue())
    assert "".join(c for _, c, *_ in bad) == "grijswit"
