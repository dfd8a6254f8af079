"""Composite areas split into boxes that stay inside the area and do not collide."""

from __future__ import annotations

import itertools

import pytest

from workshop.layouts import Box, inch
from workshop.layouts.grids import agenda_rows, option_rows, step_cells, step_grid, table_column_widths

AREA = Box.inches(0.75, 1.95, 11.833, 4.6)


@pytest.mark.parametrize("count", [1, 5, 12, 30])
def test_agenda_rows_fit_the_area(count):
    rows = agenda_rows(AREA, count)
    assert len(rows) == count
    for row in rows:
        assert AREA.contains(row.band)
        assert row.band.contains(row.time) and row.band.contains(row.title) and row.band.contains(row.minutes)
        assert row.time.right <= row.title.x and row.title.right <= row.minutes.x
    for a, b in zip(rows, rows[1:], strict=False):
        assert a.band.bottom <= b.band.y
    assert rows[0].band.h <= inch(0.8)


@pytest.mark.parametrize("count, grid", [(1, (1, 1)), (4, (4, 1)), (5, (5, 1)), (6, (3, 2)), (7, (4, 2)), (12, (4, 3))])
def test_steps_fill_balanced_rows(count, grid):
    assert step_grid(count) == grid


@pytest.mark.parametrize("count", [1, 3, 6, 11])
def test_step_cells_stay_in_the_area_and_apart(count):
    cells = step_cells(AREA, count)
    assert len(cells) == count
    for cell in cells:
        assert AREA.contains(cell.marker) and AREA.contains(cell.body)
        assert cell.marker.bottom < cell.body.y
    for a, b in itertools.combinations(cells, 2):
        assert not a.body.overlaps(b.body)


@pytest.mark.parametrize("count", [2, 4, 5, 8])
def test_quiz_options_stay_in_the_area(count):
    options = option_rows(AREA, count)
    for option in options:
        assert AREA.contains(option.band) and option.band.contains(option.letter)
        assert option.letter.right < option.text.x
    for a, b in itertools.combinations(options, 2):
        assert not a.band.overlaps(b.band)


def test_table_columns_fill_the_width_and_favour_long_text():
    widths = table_column_widths(inch(10), ["Soort", "Voorbeeld"], [["a", "een veel langere beschrijving"]])
    assert sum(widths) == inch(10)
    assert widths[1] > widths[0] >= inch(0.9)


def test_box_fit_keeps_the_aspect_ratio():
    placed = AREA.fit(16 / 9)
    assert placed.w / placed.h == pytest.approx(16 / 9, rel=1e-3)
    assert AREA.contains(placed)
    assert AREA.fit(1.0, align="left").x == AREA.x
