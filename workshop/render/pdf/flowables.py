"""Small flowables both PDFs use, all safe to split across pages.

Nothing here is taller than a frame and unsplittable: a marker in the margin
has no height, writing lines split into shorter runs of lines, and boxes are
one-column tables that split between and inside rows. That is what keeps long
outlines free of reportlab's ``LayoutError``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Indenter, Table, TableStyle

from workshop.render.pdf.fallback import draw_string
from workshop.render.pdf.measure import shorten

Painter = Callable[[object, float, float], None]  # (canvas, x, y_top) in the gutter


class Marker(Flowable):
    """Zero-height flowable that paints into the left gutter and keeps with what follows."""

    def __init__(self, paint: Painter, gutter: float, space_before: float = 0) -> None:
        super().__init__()
        self.paint = paint
        self.gutter = gutter
        self.spaceBefore = space_before
        self.keepWithNext = 1

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, 0

    def draw(self) -> None:
        self.paint(self.canv, -self.gutter, 0)


def hanging(paint: Painter, flowables: Sequence[Flowable], gutter: float,
            space_before: float = 0) -> list[Flowable]:
    """Flowables indented by ``gutter`` with ``paint`` drawn beside the first line.

    The opening indenter keeps with next too, so a heading before it stays
    with the first indented line (reportlab's keepWithNext chain stops at any
    flowable without the flag).
    """
    indent = Indenter(left=gutter)
    indent.keepWithNext = 1
    return [indent, Marker(paint, gutter, space_before), *flowables, Indenter(left=-gutter)]


def badge(text: str, font: str, size: float, fill: Color, ink: Color, diameter: float) -> Painter:
    """A filled circle with a number or letter, top-aligned with the text beside it."""

    def paint(canvas: Any, x: float, y: float) -> None:
        r = diameter / 2
        cx, cy = x + r, y - r + 1
        canvas.saveState()
        canvas.setFillColor(fill)
        canvas.circle(cx, cy, r, stroke=0, fill=1)
        canvas.setFillColor(ink)
        draw_string(canvas, cx, cy - size * 0.35, text, font, size, anchor="middle")
        canvas.restoreState()

    return paint


def quote_mark(font: str, size: float, color: Color) -> Painter:
    """A large opening quotation mark hanging in the margin of a pull quote."""

    def paint(canvas: Any, x: float, y: float) -> None:
        canvas.saveState()
        canvas.setFillColor(color)
        draw_string(canvas, x, y - size * 0.72, "“", font, size)
        canvas.restoreState()

    return paint


def gutter_text(lines: Sequence[tuple[str, str, float, object]], width: float) -> Painter:
    """Right-aligned lines (text, font, size, colour) in the gutter, e.g. a clock time."""

    def paint(canvas: Any, x: float, y: float) -> None:
        canvas.saveState()
        baseline = y
        for text, font, size, color in lines:
            baseline -= size * 1.15
            canvas.setFillColor(color)
            draw_string(canvas, x + width, baseline, shorten(text, font, size, width, ellipsis=""),
                        font, size, anchor="end")
        canvas.restoreState()

    return paint


class _Placed:
    """Shared between the two halves of :func:`here_or_later`."""

    drawn = False


class _Here(Flowable):
    """Draws its content only if it fits in the space left on this page."""

    def __init__(self, content: Flowable, placed: _Placed, gap: float) -> None:
        super().__init__()
        self.content, self.placed, self.gap, self.fits = content, placed, gap, False

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = self.content.wrap(availWidth, availHeight)
        self.fits = height + self.gap <= availHeight
        return availWidth, (height + self.gap if self.fits else 0)

    def draw(self) -> None:
        if self.fits:
            self.content.drawOn(self.canv, 0, 0)
            self.placed.drawn = True


class _Later(Flowable):
    """Draws its content unless the first half already did."""

    def __init__(self, content: Flowable, placed: _Placed, gap: float) -> None:
        super().__init__()
        self.content, self.placed, self.gap = content, placed, gap

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.placed.drawn:
            return availWidth, 0
        width, height = self.content.wrap(availWidth, availHeight)
        return availWidth, height + self.gap

    def draw(self) -> None:
        if not self.placed.drawn:
            self.content.drawOn(self.canv, 0, self.gap)


def here_or_later(make: Callable[[], Flowable], gap: float = 7 * mm) -> tuple[Flowable, Flowable]:
    """A small note (a break) placed where it fits, else further on — never on a page alone.

    Put the first flowable where the note belongs and the second where it may
    go instead (e.g. under the next heading); exactly one of them draws it.
    """
    placed = _Placed()
    return _Here(make(), placed, gap), _Later(make(), placed, gap)


class WritingLines(Flowable):
    """Ruled lines to write on; splits into shorter runs of lines at a page end."""

    def __init__(self, count: int, color: Color, spacing: float = 8.5 * mm, first_gap: float = 0) -> None:
        super().__init__()
        self.count = max(1, count)
        self.color = color
        self.spacing = spacing
        self.first_gap = first_gap

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.count * self.spacing + self.first_gap
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        fits = int((availHeight - self.first_gap) // self.spacing)
        if fits < 1 or fits >= self.count:
            return []
        return [WritingLines(fits, self.color, self.spacing, self.first_gap),
                WritingLines(self.count - fits, self.color, self.spacing)]

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.color)
        canvas.setLineWidth(0.5)
        for n in range(1, self.count + 1):
            y = self.height - self.first_gap - n * self.spacing
            canvas.line(0, y + 1.5, self.width, y + 1.5)
        canvas.restoreState()


class WritingBox(Flowable):
    """An open box for notes or sketches (used when an exercise has no prompts)."""

    def __init__(self, height: float, color: Color, fill: Color | None = None) -> None:
        super().__init__()
        self.box_height = height
        self.color = color
        self.fill = fill

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = min(self.box_height, max(availHeight, 40 * mm))
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if availHeight < 40 * mm:
            return []
        return [WritingBox(availHeight, self.color, self.fill)]

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.color)
        canvas.setLineWidth(0.6)
        if self.fill is not None:
            canvas.setFillColor(self.fill)
        canvas.roundRect(0, 0, self.width, self.height, 2.5 * mm, stroke=1, fill=1 if self.fill else 0)
        canvas.restoreState()


class Checkbox(Flowable):
    """An empty square to tick, for checklists and quiz options."""

    def __init__(self, size: float, color: Color) -> None:
        super().__init__()
        self.size = size
        self.color = color

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)
        self.canv.restoreState()


class FlowTable(Table):
    """A table that splits between rows, and inside a row only when that row is tall.

    reportlab's own ``splitInRow`` also splits short rows, leaving a sliver of
    padding (or half a line) alone at the top of the next page; a short row is
    better moved whole.
    """

    TALL = 150  # points: rows at least this tall may continue on the next page

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._calc(availWidth, availHeight)
        result = self._splitRows(availHeight, doInRowSplit=False)
        if result or not self.splitInRow:
            return result
        if max(self._rowHeights) < self.TALL or availHeight < 48:
            return []
        return self._splitRows(availHeight, doInRowSplit=True)


def box(rows: Sequence[Flowable], fill: Color, font: str, *, border: Color | None = None, padding: float = 4 * mm,
        accent: Color | None = None, width: float | None = None) -> Table:
    """A tinted panel around flowables; splits between and inside rows."""
    # The first two rows share a cell, so a panel's label never ends a page alone.
    cells = [[list(rows[:2])]] + [[row] for row in rows[2:]] if len(rows) > 1 else [[row] for row in rows]
    table = FlowTable(cells, colWidths=[width] if width else None,
                  splitByRow=1, splitInRow=1, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),  # else reportlab pulls in unembedded Helvetica
        ("BACKGROUND", (0, 0), (-1, -1), fill),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), 0.6 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6 * mm),
        ("TOPPADDING", (0, 0), (-1, 0), padding * 0.8),
        ("BOTTOMPADDING", (0, -1), (-1, -1), padding * 0.8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if border is not None:
        commands.append(("BOX", (0, 0), (-1, -1), 0.6, border))
    if accent is not None:
        commands.append(("LINEBEFORE", (0, 0), (0, -1), 3, accent))
    table.setStyle(TableStyle(commands))
    return table


class NotesGrid(Flowable):
    """A dot grid that takes the rest of the page (or nothing, when less than ``minimum`` is left).

    Ends a worksheet with open writing space instead of white paper, and makes
    the notes page; dots rather than rules, so it does not read as one more
    prompt's answer lines. It never splits: it fits what is left of this page.
    """

    def __init__(self, color: Color, label: str, font: str, label_color: Color, minimum: float = 45 * mm,
                 pitch: float = 5 * mm) -> None:
        super().__init__()
        self.color, self.label, self.font, self.label_color = color, label, font, label_color
        self.minimum, self.pitch = minimum, pitch
        self.spaceBefore = 4 * mm

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = availHeight if availHeight >= self.minimum else 0
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        if not self.height:
            return
        canvas = self.canv
        canvas.saveState()
        head = 14 if self.label else 0
        if self.label:
            canvas.setFillColor(self.label_color)
            draw_string(canvas, 0, self.height - 8, self.label, self.font, 8)
        columns = int(self.width // self.pitch)
        rows = int((self.height - head) // self.pitch)
        left = (self.width - columns * self.pitch) / 2
        xs = [left + column * self.pitch for column in range(columns + 1)]
        ys = [self.height - head - (row + 0.5) * self.pitch for row in range(rows)]
        canvas.setStrokeColor(self.color)
        canvas.addLiteral(dot_path(xs, ys, self.DOT))
        canvas.restoreState()

    DOT = 1.0  # points: the dots' diameter


def dot_path(xs: Sequence[float], ys: Sequence[float], diameter: float) -> str:
    """PDF operators that stroke a dot at every (x, y): one path for the whole grid.

    Each dot is a zero-length line with a round cap, which PDF paints as a
    filled circle of the line's width (ISO 32000-1, 8.5.3.2). A circle drawn
    as four Bézier curves costs reportlab 24 formatted numbers; here each
    coordinate is formatted once for the grid, and a notes page's content
    stream is a sixth as long. Poppler and Ghostscript draw the same dots.
    """
    x_text = [fp_str(x) for x in xs]
    lines = [f"{fp_str(diameter)} w 1 J"]
    for y in ys:
        y_text = fp_str(y)
        lines.append(" ".join(f"{x} {y_text} m {x} {y_text} l" for x in x_text))
    lines.append("S")
    return "\n".join(lines)


def page_start(frame_height: float, used: float = 0.4) -> Flowable:
    """A new page unless this one is still under ``used`` full (or empty).

    A worksheet opens a page of its own; but when what came before it filled
    less than 40 % of the page, moving it on would leave that page near
    empty, so it starts right there instead and the page is a worksheet page.
    """
    return CondPageBreak(frame_height * (1 - used))
