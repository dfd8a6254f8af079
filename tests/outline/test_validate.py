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


def errors_of(write_outline, slides: str) -> list[WorkshopError]:
    path = write_outline(HEAD + slides)
    with pytest.raises(WorkshopError) as info:
        load_outline(path)
    return list(getattr(info.value, "errors", (info.value,)))


def test_every_unknown_key_of_a_bullet_mapping_is_reported(write_outline):
    slides = "      - kind: bullets\n        title: T\n        bullets:\n          - txt: Een\n            sbu: [a]\n"
    found = [(e.location.line, e.location.column, e.message, e.hint) for e in errors_of(write_outline, slides)]
    assert found == [
        (10, 13, "unknown key 'txt' in section 1 › slide 1 › bullets › item 1", "did you mean 'text'?"),
        (11, 13, "unknown key 'sbu' in section 1 › slide 1 › bullets › item 1", "did you mean 'sub'?"),
    ]


def test_a_field_named_like_a_kind_is_reported_at_itself(write_outline):
    slides = "      - kind: image\n        image: foto.png\n        alt: Een foto\n        fit: groot\n"
    [error] = errors_of(write_outline, slides)
    assert (error.location.line, error.location.column) == (10, 14)
    assert error.message.startswith("section 1 › slide 1 › fit: 'groot' is not allowed")


def test_an_unknown_key_in_a_chart_suggests_the_charts_own_fields(write_outline):
    slides = CHART.format(type="bar", extra="sorting: ascending")
    [error] = errors_of(write_outline, slides)
    assert error.message == "unknown key 'sorting' in section 1 › slide 1 › chart" and error.hint == "did you mean 'sort'?"
