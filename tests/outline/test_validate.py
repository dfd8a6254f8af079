"""Validation errors name the line, the field and the likely fix."""

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


def test_misspelt_kind_suggests_the_right_one(write_outline):
    error = error_of(write_outline, "      - kind: qoute\n        text: x\n        by: y\n")
    assert error.location.line == 7
    assert "unknown slide kind 'qoute'" in error.message
    assert "did you mean 'quote'?" in error.hint


def test_missing_kind(write_outline):
    error = error_of(write_outline, "      - text: x\n")
    assert "no `kind:`" in error.message and error.location.line == 7


def test_unknown_key_points_at_the_key_and_suggests(write_outline):
    error = error_of(write_outline, "      - kind: quote\n        text: x\n        by: y\n        sorce: z\n")
    assert error.location.line == 10 and error.location.column == 9
    assert "unknown key 'sorce'" in error.message
    assert "did you mean 'source'?" in error.hint


def test_missing_required_field(write_outline):
    error = error_of(write_outline, "      - kind: quote\n        text: x\n")
    assert "missing required field 'by'" in error.message and error.location.line == 7


def test_bad_duration_is_explained(write_outline):
    path = write_outline(HEAD.replace("20m", "twintig") + "      - kind: statement\n        text: x\n")
    with pytest.raises(WorkshopError) as info:
        load_outline(path)
    assert info.value.location.line == 5 and "15m, 1h30m, 90" in info.value.message


def test_bad_chart_value(write_outline):
    slides = """      - kind: chart
        title: T
        chart:
          categories: [a, b]
          series:
            - name: s
              values: [1, veel]
"""
    error = error_of(write_outline, slides)
    assert "'veel' is not a number" in error.message and error.location.line == 13


def test_chart_shape_mismatch(write_outline):
    slides = """      - kind: chart
        title: T
        chart:
          categories: [a, b, c]
          series: [{name: s, values: [1, 2]}]
"""
    error = error_of(write_outline, slides)
    assert "2 values but there are 3 categories" in error.message


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


def test_quiz_answer_must_name_an_option(write_outline):
    slides = "      - kind: quiz\n        question: q\n        options: [a, b]\n        answer: d\n"
    error = error_of(write_outline, slides)
    assert "answer 'd' names no option" in error.message


def test_unknown_key_in_a_bullet_item(write_outline):
    slides = "      - kind: bullets\n        title: T\n        bullets:\n          - txt: a\n"
    error = error_of(write_outline, slides)
    assert error.location.line == 10 and "did you mean 'text'?" in error.hint


def test_unknown_top_level_key(write_outline):
    path = write_outline("workshop:\n  title: T\nsectoins: []\n")
    with pytest.raises(WorkshopError) as info:
        load_outline(path)
    assert info.value.location.line == 3 and "did you mean 'sections'?" in info.value.hint


def test_literal_text_survives_validation(write_outline):
    slides = "      - kind: table\n        title: T\n        header: [a, b, c]\n        rows: [[no, '1:30', 3.10]]\n"
    path = write_outline(HEAD + slides)
    table = load_outline(path).workshop.sections[0].slides[0]
    assert table.rows == [["no", "1:30", "3.10"]]


def test_not_a_mapping(write_outline):
    path = write_outline("- a\n- b\n")
    with pytest.raises(WorkshopError, match="must be a mapping"):
        load_outline(path)
