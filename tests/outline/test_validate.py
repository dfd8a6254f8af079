"""Validation keeps text as typed; its errors (line, field, likely fix) are outline cases in tests/data/outlines."""

from __future__ import annotations

import pytest

from workshop.errors import WorkshopError
from workshop.outline.load import load_outline

HEAD = """
workshop:
  title: Test
sections:
  - title: Een
    duration: 20m
    slides:
"""


def error_of(write_outline, slides: str) -> WorkshopError:
    path = write_outline(HEAD + slides)
    with pytest.raises(WorkshopError) as info:
        load_outline(path)
    return info.value


CHART = """      - kind: chart
        title: T
        chart:
          type: {type}
          categories: [Plezier, Geld]
          series: [{{name: Stemmen, values: [9, 3]}}]
          {extra}
"""


def test_a_highlight_naming_nothing_points_at_it_and_suggests(write_outline):
    error = error_of(write_outline, CHART.format(type="bar", extra="highlight: Plezir"))
    assert error.location.line == 13 and error.location.column == 22
    assert "highlight 'Plezir' names no category or series" in error.message
    assert "did you mean 'Plezier'?" in error.message


def test_the_only_series_cannot_be_highlighted(write_outline):
    error = error_of(write_outline, CHART.format(type="bar", extra="highlight: Stemmen"))
    assert "the only series; name one of the categories" in error.message and error.location.line == 13


def test_a_line_chart_cannot_be_sorted(write_outline):
    error = error_of(write_outline, CHART.format(type="line", extra="sort: descending"))
    assert "a line chart cannot be sorted" in error.message
    assert error.location.line == 13 and error.location.column == 17


def test_an_unknown_sort_lists_the_choices(write_outline):
    error = error_of(write_outline, CHART.format(type="bar", extra="sort: biggest"))
    assert "'biggest' is not allowed" in error.message and "descending" in error.message
    assert error.location.line == 13


def test_highlight_and_sort_reach_the_model(write_outline):
    path = write_outline(HEAD + CHART.format(type="bar", extra="highlight: Geld\n          sort: ascending"))
    data = load_outline(path).workshop.sections[0].slides[0].chart
    assert data.highlight == "Geld" and data.sort.value == "ascending"


def test_literal_text_survives_validation(write_outline):
    slides = "      - kind: table\n        title: T\n        header: [a, b, c]\n        rows: [[no, '1:30', 3.10]]\n"
    path = write_outline(HEAD + slides)
    table = load_outline(path).workshop.sections[0].slides[0]
    assert table.rows == [["no", "1:30", "3.10"]]
