"""Charts in the deck and in the handout look alike and follow the studio rules.

At most five gridlines, direct labels, no legend for one series, the
highlight in the accent with the rest muted, the outline's sort, and the
same value range on the slide and on paper. The deck is read back with
python-pptx (and its XML where python-pptx has no reader), the handout's
drawing is taken apart into the shapes reportlab puts on the page.
"""

from __future__ import annotations

import io

import pytest
from pdf_support import build
from pptx import Presentation
from reportlab.graphics.shapes import Group, Line, Shape, String, Wedge

from workshop.model.slides import ChartData
from workshop.render.deck import render_deck
from workshop.render.handout import render_handout
from workshop.render.pdf.kit import make_kit

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"

OUTLINE = """
workshop:
  title: Grafieken
  language: nl
sections:
  - title: Cijfers
    duration: 30m
    slides:
      - kind: chart
        title: Fooi per aanpak
        chart:
          type: column
          categories: [Eén extraatje, Geen, 1+1]
          series: [{name: Fooi, values: [105, 100, 118]}]
          highlight: 1+1
          sort: descending
      - kind: chart
        title: Dorst en waarde
        chart:
          type: line
          categories: ["8:00", "10:00", "12:00", "14:00", "16:00", "18:00"]
          series:
            - {name: Dorst, values: [2, 3, 6, 9, 8, 4]}
            - {name: Waarde, values: [1, 2, 5, 9, 7, 3]}
          highlight: Waarde
      - kind: stat
        value: 21%
        label: van de obers kreeg meer fooi
        chart:
          type: pie
          categories: [Grotere fooi, Geen grotere fooi]
          series: [{name: Obers, values: [21, 79]}]
          unit: "%"
          highlight: Grotere fooi
      - kind: chart
        title: Wat motiveert
        chart:
          type: bar
          categories: [Geld, Plezier, Uitdaging]
          series: [{name: Stemmen, values: [3, 9, 6]}]
          sort: ascending
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(tmp_path_factory.mktemp("charts"), OUTLINE)


@pytest.fixture(scope="module")
def charts(built):
    """Every chart of the deck, in slide order."""
    prs = Presentation(io.BytesIO(render_deck(built.plan, built.brand, built.assets)))
    return [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart]


@pytest.fixture(scope="module")
def kit(built):
    return make_kit(built.brand, "nl")


def model_charts(built):
    return [p.slide.chart for p in built.plan.deck_slides if getattr(p.slide, "chart", None) is not None]


def flat(node):
    """The plain shapes a reportlab drawing puts on the page (widgets, axes and labels drawn)."""
    if isinstance(node, Group):
        for child in node.contents:
            yield from flat(child)
    elif not isinstance(node, Shape) and hasattr(node, "draw"):
        yield from flat(node.draw())
    else:
        yield node


def drawn(kit, data, width=400, height=180):
    return list(flat(kit.charts.drawing(data, width, height)))


def rgb(color) -> str:
    return "#" + color.hexval()[2:].upper()


def gridlines(kit, shapes) -> list[float]:
    rule = kit.palette.rule.upper()
    return sorted({round(s.y1, 1) for s in shapes if isinstance(s, Line) and rgb(s.strokeColor) == rule
                   and s.y1 == s.y2 and s.x2 - s.x1 > 100})


def labels_of(series) -> list[bool]:
    """Which points of a deck series show their value (python-pptx reads only a plot's labels)."""
    labels = series._element.find(f"{C}dLbls")
    count = len(list(series.values))
    if labels is None or labels.find(f"{C}delete") is not None:
        return [False] * count
    if labels.find(f"{C}showVal").get("val") != "1":
        return [False] * count
    hidden = {int(d.find(f"{C}idx").get("val")) for d in labels.findall(f"{C}dLbl")
              if d.find(f"{C}delete") is not None}
    return [n not in hidden for n in range(count)]


def deck_gridlines(chart) -> int:
    axis = chart.value_axis
    if not axis.has_major_gridlines or not axis.visible:
        return 0
    return round((axis.maximum_scale - axis.minimum_scale) / axis.major_unit) + 1


def test_no_chart_has_more_than_five_gridlines_in_either_output(charts, built, kit):
    for chart, data in zip(charts, model_charts(built), strict=True):
        if data.type.value == "pie":
            continue
        assert deck_gridlines(chart) <= 5
        assert len(gridlines(kit, drawn(kit, data))) <= 5
    line = charts[1]
    assert deck_gridlines(line) == 3 and len(gridlines(kit, drawn(kit, model_charts(built)[1]))) == 3


def test_deck_and_handout_use_the_same_value_range(charts, built, kit):
    for chart, data in zip(charts, model_charts(built), strict=True):
        if data.type.value == "pie":
            continue
        axis = chart.value_axis
        widget = next(w for w in kit.charts.drawing(data, 400, 180).contents if hasattr(w, "valueAxis"))
        assert (axis.minimum_scale, axis.maximum_scale) == (widget.valueAxis.valueMin, widget.valueAxis.valueMax)
        assert max(v for s in data.series for v in s.values) <= axis.maximum_scale
    line = charts[1].value_axis
    assert (line.minimum_scale, line.maximum_scale, line.major_unit) == (0, 10, 5)  # the data reach 9
    ticks = {s.text for s in drawn(kit, model_charts(built)[1]) if isinstance(s, String)}
    assert {"0", "5", "10"} <= ticks


def test_bars_carry_direct_labels_and_no_value_axis(charts, built, kit):
    column = charts[0]
    assert labels_of(column.plots[0].series[0]) == [True, True, True]
    assert not column.value_axis.visible and not column.value_axis.has_major_gridlines
    texts = [s.text for s in drawn(kit, model_charts(built)[0]) if isinstance(s, String)]
    assert {"118", "105", "100"} <= set(texts)
    assert len(gridlines(kit, drawn(kit, model_charts(built)[0]))) == 1  # the category axis alone


def test_one_series_has_no_legend_several_do(charts):
    assert [c.has_legend for c in charts] == [False, True, False, False]


def test_the_pie_labels_its_slices_directly(charts, built, kit):
    series = charts[2].plots[0].series[0]
    assert labels_of(series) == [True, True]
    assert series._element.find(f"{C}dLbls/{C}showCatName").get("val") == "1"
    texts = " ".join(s.text for s in drawn(kit, model_charts(built)[2]) if isinstance(s, String))
    assert "Grotere fooi" in texts and "21%" in texts and "79%" in texts


def test_the_highlight_gets_the_accent_and_the_rest_go_muted(charts, built, kit):
    accent = built.brand.colors.secondary.upper()
    column = charts[0].plots[0].series[0]
    fills = ["#" + str(column.points[n].format.fill.fore_color.rgb) for n in range(3)]
    assert fills[0] == accent and fills[1] == fills[2] != accent
    pie = charts[2].plots[0].series[0]
    assert "#" + str(pie.points[0].format.fill.fore_color.rgb) == accent  # the 21 %, the share the slide is about
    assert "#" + str(pie.points[1].format.fill.fore_color.rgb) != accent
    wedges = [rgb(s.fillColor) for s in drawn(kit, model_charts(built)[2]) if isinstance(s, Wedge)]
    assert wedges[0] == kit.palette.accent.upper() and wedges[1] != wedges[0]
    grey = wedges[1][1:]
    assert abs(int(grey[0:2], 16) - int(grey[4:6], 16)) < 40  # muted: close to a grey


def test_a_highlighted_series_alone_is_labelled_in_the_accent(charts, built):
    line = charts[1]
    series = line.plots[0].series
    colors = ["#" + str(s.format.line.color.rgb) for s in series]
    assert colors[1] == built.brand.colors.secondary.upper() and colors[0] != colors[1]
    assert [labels_of(s) for s in series] == [[False] * 6, [True] * 6]


def test_sort_orders_the_categories_in_both_outputs(charts, built, kit):
    assert list(charts[0].plots[0].categories) == ["1+1", "Eén extraatje", "Geen"]
    assert list(charts[0].plots[0].series[0].values) == [118, 105, 100]
    assert list(charts[3].plots[0].categories) == ["Geld", "Uitdaging", "Plezier"]
    import pdfplumber

    with pdfplumber.open(io.BytesIO(render_handout(built.plan, built.brand, built.assets))) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "Geld 3\nUitdaging 6\nPlezier 9" in text  # first on top, as on the slide
    assert "1+1 Eén extraatje Geen" in text


def test_the_alt_text_reads_the_data_and_the_highlight(built):
    prs = Presentation(io.BytesIO(render_deck(built.plan, built.brand, built.assets)))
    frames = [s for slide in prs.slides for s in slide.shapes if s.has_chart]
    descr = frames[0]._element.nvGraphicFramePr.cNvPr.get("descr")
    assert descr == "grafiek (staven): 1+1 118, Eén extraatje 105, Geen 100. Uitgelicht: 1+1"


@pytest.mark.parametrize("values", [[5e-324, 5e-324], [1.0, 2.2e-311]])
def test_a_pie_of_values_near_the_float_minimum_draws(kit, values):
    from reportlab.graphics import renderPDF
    from reportlab.graphics.shapes import Drawing

    data = ChartData.model_validate({"type": "pie", "categories": ["a", "b"],
                                     "series": [{"name": "s", "values": values}]})
    drawing = Drawing(400, 180)
    drawing.add(kit.charts.drawing(data, 400, 180))
    assert renderPDF.drawToString(drawing).startswith(b"%PDF")
