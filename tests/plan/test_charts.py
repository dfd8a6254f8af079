"""The chart look both outputs draw: round axes, direct labels, legend rules, highlight and sort."""

from __future__ import annotations

import pytest

from workshop.model.slides import ChartData
from workshop.plan.charts import MAX_GRIDLINES, ChartColors, Tone, chart_view, nice_axis


def chart(**fields) -> ChartData:
    data = {"type": "column", "categories": ["a", "b", "c"], "series": [{"name": "S", "values": [3, 9, 6]}]}
    return ChartData.model_validate({**data, **fields})


@pytest.mark.parametrize("values, ticks", [
    ([2, 3, 6, 9, 8, 4], (0, 3, 6, 9)),
    ([100, 105, 118], (0, 30, 60, 90, 120)),
    ([21, 79], (0, 20, 40, 60, 80)),
    ([0.1, 0.35], (0, 0.1, 0.2, 0.3, 0.4)),
    ([-3, 7], (-3, 0, 3, 6, 9)),
    ([12, 18, 22], (0, 10, 20, 30)),
    ([-0.5, -0.2], (-0.5, -0.25, 0)),
    ([1234567], (0, 500_000, 1_000_000, 1_500_000)),
])
def test_the_value_axis_is_round_and_has_at_most_five_gridlines(values, ticks):
    axis = nice_axis(values)
    assert axis.ticks == ticks
    assert len(axis.ticks) <= MAX_GRIDLINES
    assert axis.minimum <= min(0, *values) and axis.maximum >= max(values)


def test_whole_numbers_never_get_a_fractional_step():
    for top in range(1, 400):
        axis = nice_axis([0, top])
        assert float(axis.step).is_integer() and axis.maximum >= top and len(axis.ticks) <= MAX_GRIDLINES


def test_a_labelled_line_keeps_its_top_label_inside_the_axis():
    view = chart_view(chart(type="line"))
    assert view.axis.maximum > 9 and len(view.gridlines) <= MAX_GRIDLINES


def test_bars_carry_labels_instead_of_an_axis_and_lines_keep_their_axis():
    column = chart_view(chart())
    assert all(column.series[0].labels) and not column.value_axis and column.gridlines == ()
    line = chart_view(chart(type="line"))
    assert line.value_axis and line.gridlines == (0, 5, 10)


def test_too_many_bars_to_label_get_a_value_axis_instead():
    many = chart(categories=[f"c{n}" for n in range(30)], series=[{"name": "S", "values": list(range(30))}])
    view = chart_view(many)
    assert not view.series[0].labelled and view.value_axis and 2 <= len(view.gridlines) <= MAX_GRIDLINES


def test_a_legend_only_for_several_series_and_never_for_a_pie():
    assert not chart_view(chart()).legend
    assert not chart_view(chart(type="pie")).legend
    two = chart(series=[{"name": "S", "values": [1, 2, 3]}, {"name": "T", "values": [3, 2, 1]}])
    assert chart_view(two).legend


def test_a_highlighted_category_gets_the_accent_and_the_rest_go_muted():
    view = chart_view(chart(highlight="b"))
    assert view.series[0].points == (Tone("muted"), Tone("accent"), Tone("muted"))
    assert view.highlight == 1
    pie = chart_view(chart(type="pie", highlight="a"))
    assert pie.series[0].points[0] == Tone("accent")
    assert {t.role for t in pie.series[0].points[1:]} == {"muted"}
    assert len(set(pie.series[0].points[1:])) == 2  # neighbouring muted slices are told apart


def test_a_highlighted_series_gets_the_accent_and_alone_carries_labels():
    data = chart(type="line", series=[{"name": "S", "values": [1, 2, 3]}, {"name": "T", "values": [3, 2, 1]}],
                 highlight="T")
    view = chart_view(data)
    assert [s.tone for s in view.series] == [Tone("muted"), Tone("accent")]
    assert [s.labelled for s in view.series] == [False, True]


def test_sort_orders_categories_by_value_and_keeps_ties_in_outline_order():
    fields = {"categories": ["a", "b", "c", "d"], "series": [{"name": "S", "values": [3, 9, 3, 6]}]}
    down = chart_view(chart(**fields, sort="descending"))
    assert down.categories == ("b", "d", "a", "c") and down.series[0].values == (9, 6, 3, 3)
    assert chart_view(chart(**fields, sort="ascending")).categories == ("a", "c", "d", "b")
    assert chart_view(chart(**fields)).categories == ("a", "b", "c", "d")


def test_sort_follows_the_highlighted_series():
    data = chart(series=[{"name": "S", "values": [1, 2, 3]}, {"name": "T", "values": [5, 9, 1]}],
                 highlight="T", sort="descending")
    view = chart_view(data)
    assert view.categories == ("b", "a", "c") and view.series[0].values == (2, 1, 3)


def test_the_highlight_follows_its_category_through_the_sort():
    view = chart_view(chart(highlight="a", sort="descending"))
    assert view.categories == ("b", "c", "a") and view.series[0].points[2] == Tone("accent")


def test_tones_paint_from_the_palette_and_series_colours_never_run_out():
    colors = ChartColors(("#112233", "#445566"), "#EE5500", "#000000", "#FFFFFF")
    assert colors.paint(Tone("accent")) == "#EE5500"
    assert colors.paint(Tone("series", 1)) == "#445566"
    assert len({colors.paint(Tone("series", n)) for n in range(6)}) == 6
    muted = colors.paint(Tone("muted"))
    assert muted not in ("#000000", "#FFFFFF") and muted[1:3] == muted[3:5] == muted[5:7]  # a grey


@pytest.mark.parametrize("values", [[0.0, 5e-324], [5e-324, 5e-324], [0.0, 2.2e-311]])
def test_values_near_the_float_minimum_get_an_axis_instead_of_a_math_error(values):
    axis = nice_axis(values)
    assert axis.minimum == 0 and axis.maximum > 0 and axis.step > 0
