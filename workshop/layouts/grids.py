"""How composite areas split into boxes: agenda rows, step cells, quiz options.

The renderer draws these and the text fit measures them, so the split lives
here, once, as pure arithmetic on a ``Box``.
"""

from __future__ import annotations

import math

from workshop.layouts.geometry import Box, inch, pt
from workshop.lazyclass import lazy_dataclass

ROW_MAX = inch(0.8)
ROW_GAP = inch(0.08)
PAD = inch(0.25)
STEP_HEADING_BAND = inch(1.2)  # three heading lines at 24 pt
STEP_TEXT_GAP = inch(0.1)


@lazy_dataclass(frozen=True)
class AgendaRowBoxes:
    band: Box  # the row's background
    time: Box  # "09:30–09:50"
    title: Box
    minutes: Box  # "20 min", right-aligned


def agenda_rows(area: Box, count: int, time_width: int = inch(2.75),
                minutes_width: int = inch(1.45)) -> tuple[AgendaRowBoxes, ...]:
    """One band per agenda row, at most 0.8 in tall, stacked from the top of ``area``."""
    if count <= 0:
        return ()
    pitch = min(ROW_MAX + ROW_GAP, (area.h + ROW_GAP) // count)
    height = pitch - ROW_GAP
    rows = []
    for i in range(count):
        band = Box(area.x, area.y + i * pitch, area.w, height)
        time = Box(band.x + PAD, band.y, time_width, band.h)
        minutes = Box(band.right - PAD - minutes_width, band.y, minutes_width, band.h)
        title = Box(time.right + PAD // 2, band.y, max(0, minutes.x - time.right - PAD), band.h)
        rows.append(AgendaRowBoxes(band, time, title, minutes))
    return tuple(rows)


@lazy_dataclass(frozen=True)
class StepBoxes:
    marker: Box  # the numbered circle
    body: Box  # the step's words: its heading, then its text
    heading: Box  # the heading, bottom-aligned in a band every step of the slide shares
    text: Box  # the text, starting at the same height in every step


def step_grid(count: int, max_columns: int = 5) -> tuple[int, int]:
    """(columns, rows): balanced rows of at most ``max_columns`` steps."""
    if count <= 0:
        return 0, 0
    rows = math.ceil(count / max_columns)
    columns = math.ceil(count / rows)
    return columns, rows


def step_cells(area: Box, count: int) -> tuple[StepBoxes, ...]:
    """Numbered circles in reading order, each with its heading and text below it.

    Headings sit in a band of the same height in every cell, aligned to its
    bottom, and the texts start under that band: in a row, the last lines of
    the headings share a baseline and so do the first lines of the texts.
    """
    columns, rows = step_grid(count)
    if not count:
        return ()
    gap_x, gap_y = inch(0.35), inch(0.3)
    cells = [c for row in area.rows(rows, gap_y) for c in row.columns(columns, gap_x)][:count]
    diameter = min(inch(0.85), cells[0].h * 3 // 10)
    result = []
    for cell in cells:
        marker = Box(cell.x, cell.y, diameter, diameter)
        body = Box(cell.x, marker.bottom + inch(0.18), cell.w, max(0, cell.bottom - marker.bottom - inch(0.18)))
        band = min(STEP_HEADING_BAND, body.h * 2 // 5)
        heading = Box(body.x, body.y, body.w, band)
        text = Box(body.x, body.y + band + STEP_TEXT_GAP, body.w, max(0, body.h - band - STEP_TEXT_GAP))
        result.append(StepBoxes(marker, body, heading, text))
    return tuple(result)


@lazy_dataclass(frozen=True)
class OptionBoxes:
    band: Box  # the option's background
    letter: Box  # the lettered circle
    text: Box
    mark: Box  # where the answer slide's check mark goes, at the band's right end


def option_rows(area: Box, count: int) -> tuple[OptionBoxes, ...]:
    """Quiz options a, b, c… down one column (two columns for five or more); the same on the answer slide."""
    if count <= 0:
        return ()
    columns = 1 if count <= 4 else 2
    rows = math.ceil(count / columns)
    pitch = min(ROW_MAX + ROW_GAP, (area.h + ROW_GAP) // rows)
    height = pitch - ROW_GAP
    result = []
    for index in range(count):
        column, row = divmod(index, rows)
        col_box = area.columns(columns, inch(0.35))[column]
        band = Box(col_box.x, area.y + row * pitch, col_box.w, height)
        diameter = min(inch(0.55), band.h - inch(0.12))
        letter = Box(band.x + inch(0.14), band.y + (band.h - diameter) // 2, diameter, diameter)
        mark = Box(band.right - inch(0.14) - diameter, letter.y, diameter, diameter)
        text = Box(letter.right + inch(0.22), band.y, max(0, mark.x - letter.right - inch(0.4)), band.h)
        result.append(OptionBoxes(band, letter, text, mark))
    return tuple(result)


def table_column_widths(width: int, header: list[str], rows: list[list[str]]) -> tuple[int, ...]:
    """Column widths from how much each column holds, so long texts get room.

    Weights are the square root of a column's longest cell (header included),
    so one long column cannot squeeze the others to nothing; every column
    keeps at least 0.9 in.
    """
    count = len(header)
    if not count:
        return ()
    longest = [max([len(header[i])] + [len(r[i]) for r in rows if i < len(r)]) for i in range(count)]
    weights = [max(4, n) ** 0.5 for n in longest]
    floor = min(inch(0.9), width // count)
    spare = width - floor * count
    total = sum(weights)
    widths = [floor + int(spare * w / total) for w in weights]
    widths[-1] += width - sum(widths)
    return tuple(widths)


def table_min_row_height(size: float, area_h: int, rows: int) -> int:
    """The least height of a table row at ``size`` points: rows share the area, within a line and 2.4 lines.

    A row with more text is as tall as its text (the fit measures it; the
    renderer writes that height, so the table frame is the table's real size).
    """
    from workshop.layouts.composite import TABLE_INSETS

    one_line = pt(size * 1.25) + TABLE_INSETS.top + TABLE_INSETS.bottom
    return max(one_line, min(area_h // (rows + 1), pt(size * 2.4)))
