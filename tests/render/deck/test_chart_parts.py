"""Charts written from templates stay real, editable PowerPoint charts.

The chart part and its embedded workbook are our own text (no XlsxWriter,
no python-pptx chart objects). Proof that they are what PowerPoint expects:
python-pptx reads each chart back (type, categories, series values),
openpyxl opens the workbook "Edit Data" shows, LibreOffice draws it, and the
bytes are the same on every build.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import deck_office as office  # registered by tests/render/conftest.py
import openpyxl
import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from workshop.model.slides import ChartData
from workshop.plan.charts import chart_view
from workshop.render.deck.chartxml import column
from workshop.render.deck.workbook import workbook

TYPES = [XL_CHART_TYPE.COLUMN_CLUSTERED, XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.PIE, XL_CHART_TYPE.LINE_MARKERS]


@pytest.fixture(scope="module")
def charts(prs):
    return [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart]


@pytest.fixture(scope="module")
def models(plan):
    return [p.slide.chart for p in plan.deck_slides if getattr(p.slide, "chart", None) is not None]


def test_python_pptx_reads_type_categories_and_values(charts, models):
    assert [c.chart_type for c in charts] == TYPES
    for chart, data in zip(charts, models, strict=True):
        plot = chart.plots[0]
        assert list(plot.categories) == list(data.categories)
        assert [(s.name, list(s.values)) for s in plot.series] == [(s.name, s.values) for s in data.series]


def test_openpyxl_opens_the_embedded_workbook_with_the_chart_data(charts, models):
    for chart, data in zip(charts, models, strict=True):
        blob = chart.part.chart_workbook.xlsx_part.blob
        sheet = openpyxl.load_workbook(io.BytesIO(blob))["Sheet1"]
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        assert rows[0] == [None, *(s.name for s in data.series)]
        assert [r[0] for r in rows[1:]] == list(data.categories)
        for n, series in enumerate(data.series):
            assert [r[n + 1] for r in rows[1:]] == series.values
    bar = openpyxl.load_workbook(io.BytesIO(charts[1].part.chart_workbook.xlsx_part.blob))["Sheet1"]
    assert bar["C4"].value == 18 and bar["B3"].number_format == 'General"%"'  # the unit, as on the slide


def test_the_chart_formulas_point_at_the_workbook_cells(charts):
    c = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    bar = charts[1]._chartSpace
    formulas = [f.text for f in bar.iter(f"{c}f")]
    assert formulas == ["Sheet1!$B$1", "Sheet1!$A$2:$A$4", "Sheet1!$B$2:$B$4",
                        "Sheet1!$C$1", "Sheet1!$A$2:$A$4", "Sheet1!$C$2:$C$4"]


def test_each_chart_has_its_own_workbook_part(deck_bytes):
    with zipfile.ZipFile(io.BytesIO(deck_bytes)) as deck:
        names = deck.namelist()
        rels = deck.read("ppt/charts/_rels/chart2.xml.rels").decode()
    assert sorted(n for n in names if n.startswith("ppt/embeddings/")) == [
        f"ppt/embeddings/Microsoft_Excel_Sheet{n}.xlsx" for n in range(1, 5)]
    assert 'Id="rId1"' in rels and "../embeddings/Microsoft_Excel_Sheet2.xlsx" in rels


def test_the_workbook_is_the_same_bytes_every_time_and_keeps_odd_text():
    data = ChartData.model_validate({"categories": [" a&b ", "<c>", "8:00"],
                                     "series": [{"name": "S\u0007", "values": [1.5, 2, 1e20]}]})
    view = chart_view(data)
    first = workbook(view, "General")
    assert first == workbook(view, "General")
    sheet = openpyxl.load_workbook(io.BytesIO(first))["Sheet1"]
    assert [sheet["A2"].value, sheet["A3"].value, sheet["A4"].value] == [" a&b ", "<c>", "8:00"]
    assert sheet["B1"].value == "S" and sheet["B4"].value == 1e20
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}


def test_spreadsheet_columns_are_lettered_as_excel_does():
    assert [column(n) for n in (0, 1, 25, 26, 27, 701, 702)] == ["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]


def test_building_charts_imports_no_xlsxwriter(outline_path):
    script = (
        "import sys\n"
        "from workshop.render.deck import render_deck\n"
        "from workshop.outline.load import load_outline\n"
        "from workshop.brand.load import load_brand\n"
        "from workshop.plan.build import make_plan\n"
        "from workshop.assets import collect_assets\n"
        f"outline = load_outline({str(outline_path)!r})\n"
        "brand = load_brand('default')\n"
        "plan = make_plan(outline.workshop, brand, name=outline.name, outline_path=str(outline.path),"
        " sources=outline.sources)\n"
        "render_deck(plan, brand, collect_assets(outline))\n"
        "print('xlsxwriter' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@pytest.mark.office
@pytest.mark.skipif(office.MISSING is not None, reason=office.MISSING or "")
def test_libreoffice_draws_the_charts_with_their_labels(deck_bytes, brand, tmp_path, charts):
    import pdfplumber

    deck = tmp_path / "charts.pptx"
    deck.write_bytes(deck_bytes)
    (pdf,) = office.convert([deck], tmp_path / "pdf", [brand])
    chart_pages = [n for n, slide in enumerate(Presentation(deck).slides)
                   if any(s.has_chart for s in slide.shapes)]
    with pdfplumber.open(pdf) as document:
        texts = [document.pages[n].extract_text() for n in chart_pages]
    assert "Geen snoepje" in texts[1] and "Studie A" in texts[1]  # categories and the legend of two series
    assert "Voorbereiden" in texts[2] and "55" in texts[2]  # a pie names its slices, with their values
    pngs = office.to_png(pdf, tmp_path / "png")
    assert len(pngs) == len(Presentation(deck).slides)
