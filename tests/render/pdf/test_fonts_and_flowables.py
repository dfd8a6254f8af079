"""Font registration, splittable flowables, charts and page decoration."""

from __future__ import annotations

import io
import os
from itertools import pairwise

import pytest
from reportlab.lib.units import mm

from workshop.brand.load import load_brand
from workshop.brand.model import FontFamily
from workshop.errors import WorkshopError
from workshop.model.slides import ChartData
from workshop.render.pdf.fonts import register_brand_fonts, register_family
from workshop.render.pdf.kit import make_kit


@pytest.fixture(scope="module")
def kit():
    return make_kit(load_brand("default"), "nl")


def test_fonts_register_once_and_map_bold_and_italic():
    from reportlab.lib.fonts import ps2tt, tt2ps

    brand = load_brand("default")
    first = register_brand_fonts(brand)
    again = register_brand_fonts(brand)
    assert first == again
    body = first.body
    assert tt2ps(body.regular, 1, 0) == body.bold
    assert tt2ps(body.regular, 0, 1) == body.italic
    family, bold, italic = ps2tt(body.bold)  # what a Paragraph does for <i> inside a bold style
    assert tt2ps(family, bold, 1) == body.bold_italic
    assert len({body.regular, body.bold, body.italic, body.bold_italic}) == 4


def test_a_file_that_is_not_a_font_is_a_clear_error(tmp_path):
    bad = tmp_path / "nep.ttf"
    bad.write_bytes(b"not a font at all")
    family = FontFamily("Nep", bad, bad, bad, bad)
    with pytest.raises(WorkshopError, match="Nep"):
        register_family(family)


def test_writing_lines_split_into_shorter_runs(kit):
    from workshop.render.pdf.flowables import WritingLines

    lines = WritingLines(40, kit.palette.c(kit.palette.rule))
    width, height = lines.wrap(400, 10_000)
    assert height == pytest.approx(40 * 8.5 * mm)
    first, rest = lines.split(400, 100 * mm)
    assert first.count + rest.count == 40
    assert first.wrap(400, 100 * mm)[1] <= 100 * mm


def test_short_rows_move_whole_long_rows_split(kit):
    from workshop.render.pdf.flowables import box

    s, p = kit.styles, kit.palette
    short = box([kit.p("kort", s.kicker), kit.p("een korte notitie", s.body)], p.c(p.light),
                s.fonts.body.regular)
    short.wrap(400, 1000)
    assert short.split(400, 18) == []  # no sliver of padding left on the next page
    tall = box([kit.p("lang " * 2000, s.body)], p.c(p.light), s.fonts.body.regular)
    tall.wrap(400, 10_000)
    parts = tall.split(400, 300)
    assert len(parts) == 2


@pytest.mark.parametrize("kind", ["bar", "column", "pie", "line"])
def test_every_chart_type_draws_in_brand_fonts(kit, kind):
    from reportlab.graphics import renderPDF
    from reportlab.pdfgen.canvas import Canvas

    data = ChartData.model_validate({
        "type": kind, "categories": ["Eén", "Twee", "Drie"], "unit": "%",
        "series": [{"name": "A", "values": [1.5, 21, 3]}] + (
            [] if kind == "pie" else [{"name": "B", "values": [2, 4, 8]}]),
    })
    drawing = kit.charts.drawing(data, 400, 180)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, initialFontName=kit.styles.fonts.body.regular)
    renderPDF.draw(drawing, canvas, 0, 0)
    canvas.save()
    assert b"Helvetica" not in buffer.getvalue()


def test_numbers_use_the_decimal_comma_in_dutch():
    from workshop.render.pdf.charts import number_format

    assert number_format("nl", "%")(3.5) == "3,5%"
    assert number_format("nl", "€")(1250) == "1.250 €"
    assert number_format("en", None)(1250.25) == "1,250.25"


def test_header_text_is_shortened_not_overflowing():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from workshop.render.pdf.pages import fit_text

    text = fit_text("Een **heel** lange titel " * 20, "Helvetica", 8, 120)
    assert text.endswith("…") and "**" not in text
    assert stringWidth(text, "Helvetica", 8) <= 120


@pytest.mark.parametrize("filler, page", [(100, 1), (700, 2)])
def test_a_note_is_drawn_once_where_it_fits(kit, filler, page):
    from pdf_support import page_texts
    from reportlab.platypus import PageBreak, Spacer

    from workshop.render.pdf.document import DocInfo, build_pdf
    from workshop.render.pdf.flowables import box, here_or_later
    from workshop.render.pdf.pages import RunningText, body_frame, running_painter, template

    s, p = kit.styles, kit.palette
    here, later = here_or_later(lambda: box([kit.p("PAUZE-NOTITIE", s.body)], p.c(p.light), s.fonts.body.regular))
    story = [Spacer(1, filler), here, PageBreak(), kit.p("Volgende deel", s.h1), later]
    data = build_pdf(story, info=DocInfo("t", "a", "s", "nl"), geo=kit.geo,
                     templates=[template("body", [body_frame(kit.geo)], kit.geo)],
                     paint=running_painter(kit.geo, s, RunningText("", "", "", "{n}/{total}")),
                     initial_font=s.fonts.body.regular)
    pages = page_texts(data)
    assert [n for n, text in enumerate(pages, start=1) if "PAUZE-NOTITIE" in text] == [page]


def test_the_notes_grid_is_one_path_of_round_dots_at_the_pitch(kit):
    import pdfplumber
    from reportlab.platypus import SimpleDocTemplate

    from workshop.render.pdf.flowables import NotesGrid, dot_path

    assert dot_path([10, 24.17], [100.5], 1.0) == "1 w 1 J\n10 100.5 m 10 100.5 l 24.17 100.5 m 24.17 100.5 l\nS"
    p = kit.palette
    buffer = io.BytesIO()
    grid = NotesGrid(p.c(p.rule), "Notities", kit.styles.fonts.body.bold, p.c(p.muted), pitch=10 * mm)
    SimpleDocTemplate(buffer, pagesize=(100 * mm, 100 * mm), leftMargin=0, rightMargin=0, topMargin=0,
                      bottomMargin=0, invariant=1).build([grid])
    with pdfplumber.open(io.BytesIO(buffer.getvalue())) as pdf:
        page = pdf.pages[0]
        dots = page.lines
        assert page.curves == [] and "Notities" in page.extract_text()
    columns, rows = int(grid.width // (10 * mm)) + 1, int((grid.height - 14) // (10 * mm))
    assert len(dots) == columns * rows and rows > 5
    assert all(d["x0"] == d["x1"] and d["top"] == d["bottom"] and d["linewidth"] == 1 for d in dots)
    xs, ys = sorted({round(d["x0"], 3) for d in dots}), sorted({round(d["top"], 3) for d in dots})
    assert len(xs) == columns and len(ys) == rows
    steps = [b - a for a, b in pairwise(xs)] + [b - a for a, b in pairwise(ys)]
    assert all(step == pytest.approx(10 * mm, abs=0.01) for step in steps)
    colour = pytest.approx(p.c(p.rule).rgb(), abs=1e-5)
    assert all(d["stroking_color"] == colour for d in dots)


_FORGET = """
import shutil, sys
from pathlib import Path
from reportlab.pdfbase import pdfmetrics
from workshop.brand.model import FontFamily
from workshop.brand.shipped_fonts import FALLBACK_FAMILY
from workshop.render.pdf import fonts

folder = Path(sys.argv[1])
copies = [Path(shutil.copy(getattr(FALLBACK_FAMILY, style), folder / f"{style}.ttf")) for style in fonts._STYLES]
family = FontFamily("Proef", *copies)
before = fonts.register_family(family)
old = fonts.digest_of(before.regular)
shutil.copy(FALLBACK_FAMILY.bold, copies[0])  # a designer saves another face over the regular file
assert fonts.register_family(family) == before and fonts.digest_of(before.regular) == old  # known by its path
generation = fonts.families_generation()
fonts.forget()
after = fonts.register_family(family)
assert after == before, (after, before)  # the same names: no digest added to tell the two files apart
assert fonts.digest_of(after.regular) == fonts._digest(copies[0]) != old
assert pdfmetrics.getFont(after.regular).face.name == pdfmetrics.getFont(after.bold).face.name
assert 0x41 in fonts.coverage(after.regular)
assert fonts.families_generation() > generation  # markup parsed with the old mapping is parsed again
print("ok")
"""


def test_forget_registers_a_font_saved_over_its_file_afresh(tmp_path):
    """``watch`` after a brand change: the new file's face, under the name a fresh process gives it.

    In a process of its own: forgetting drops every registration, which the
    module-scoped kits of the other tests here still use.
    """
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _FORGET, str(tmp_path)], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
