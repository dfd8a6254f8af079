"""Outline charts as vector drawings in brand colours (bar, column, line, pie).

The deck gets native PowerPoint charts; the PDFs get the same ``ChartView``
(``workshop.plan.charts``) drawn with reportlab.graphics: the same order,
value range, gridlines, labels and emphasis, so a figure reads the same on
the slide and on paper. Labels are plain strings (no markup is parsed), split per character onto
the brand's fallback fonts where the body font lacks a letter (``fallback``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import BarChart, HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Circle, Drawing, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.pdfbase.pdfmetrics import stringWidth

from workshop.language import language_for
from workshop.model.slides import ChartData, ChartType
from workshop.plan.charts import ChartColors, ChartView, Tone, chart_view
from workshop.render.pdf import measure
from workshop.render.pdf.fallback import drawing_with_fallback
from workshop.render.pdf.fonts import Family
from workshop.render.pdf.markup import clean
from workshop.render.pdf.styles import Palette

LABEL = 8.0  # tick, legend and data labels: the smallest text on the page (≥ 8 pt)
Format = Callable[[float], str]


def number_format(language: str, unit: str | None) -> Format:
    lang = language_for(language)

    def fmt(value: float) -> str:
        text = lang.number(value)
        if unit:
            text = f"{text}{unit}" if unit in ("%", "‰") else f"{text} {unit}"
        return text

    return fmt


def shorten(text: str, font: str, size: float, width: float) -> str:
    return measure.shorten(" ".join(clean(text).split()), font, size, width)


class ChartPainter:
    """Draws one chart of ``width`` × ``height`` points with the brand's palette and body font."""

    def __init__(self, palette: Palette, font: str, bold: str, language: str,
                 chain: Sequence[Family] = ()) -> None:
        self.palette = palette
        self.font = font
        self.bold = bold
        self.language = language
        self.chain = tuple(chain)  # the brand's families, for labels the body font cannot draw
        self.tones = ChartColors(tuple(palette.series), palette.accent, palette.text, palette.background)

    def color(self, tone: Tone) -> Any:
        return Palette.c(self.tones.paint(tone))

    def drawing(self, chart: ChartData, width: float, height: float) -> Drawing:
        view = chart_view(chart)
        drawing = Drawing(width, height, initialFontName=self.font, initialFontSize=LABEL)
        fmt = number_format(self.language, view.unit)
        if view.type is ChartType.PIE:
            self._pie(drawing, view, width, height, fmt)
            return drawing_with_fallback(drawing, self.chain)
        legend = self._legend(drawing, view, width, height) if view.legend else 0
        plot_h = height - legend
        if view.type is ChartType.BAR:
            self._bar(drawing, view, width, plot_h, fmt)
        elif view.type is ChartType.LINE:
            self._line(drawing, view, width, plot_h, fmt)
        else:
            self._column(drawing, view, width, plot_h, fmt)
        return drawing_with_fallback(drawing, self.chain)

    # -- pieces -------------------------------------------------------------------------
    def _legend(self, drawing: Drawing, view: ChartView, width: float, height: float) -> float:
        x, y, row = 0.0, height - LABEL - 1, LABEL + 6
        for series in view.series:
            label = shorten(series.name, self.font, LABEL, width / 2)
            item = 12 + stringWidth(label, self.font, LABEL) + 14
            if x and x + item > width:
                x, y = 0.0, y - row
            drawing.add(Rect(x, y - 1, 8, 8, fillColor=self.color(series.tone), strokeColor=None))
            drawing.add(String(x + 12, y, label, fontName=self.font, fontSize=LABEL,
                               fillColor=Palette.c(self.palette.text)))
            x += item
        return height - y + 8

    def _style_axes(self, plot: Any, view: ChartView, fmt: Format, labels: list[str]) -> None:
        """The view's value range on ``plot``; gridlines and tick labels only where the view shows them."""
        p = self.palette
        category_axis, value_axis = plot.categoryAxis, plot.valueAxis
        for axis in (category_axis, value_axis):
            axis.labels.fontName = self.font
            axis.labels.fontSize = LABEL
            axis.labels.fillColor = Palette.c(p.muted)
            axis.strokeColor = Palette.c(p.rule)
            axis.strokeWidth = 0.5
        axis_range = view.axis
        assert axis_range is not None  # every chart but a pie has one
        value_axis.valueMin, value_axis.valueMax = axis_range.minimum, axis_range.maximum
        value_axis.valueStep = axis_range.step
        value_axis.visibleGrid = int(view.value_axis)
        value_axis.visibleLabels = int(view.value_axis)
        value_axis.gridStrokeColor = Palette.c(p.rule)
        value_axis.gridStrokeWidth = 0.5
        value_axis.visibleAxis = 0
        value_axis.visibleTicks = 0
        value_axis.labelTextFormat = fmt
        category_axis.visibleTicks = 0
        category_axis.categoryNames = labels

    def _category_labels(self, view: ChartView, slot: float) -> list[str]:
        names = list(view.categories)
        every = 1
        while every < len(names) and slot * every < 28:
            every += 1
        return [shorten(n, self.font, LABEL, slot * every - 3) if i % every == 0 else ""
                for i, n in enumerate(names)]

    def _column(self, drawing: Drawing, view: ChartView, width: float, height: float, fmt: Format) -> None:
        bc = VerticalBarChart()
        slot = self._plot(bc, view, width, height, fmt, right=4, top=14)
        self._bars(bc, view, fmt, slot, reverse=False)
        drawing.add(bc)

    def _plot(self, plot: Any, view: ChartView, width: float, height: float, fmt: Format, *, right: float,
              top: float) -> float:
        """Place a vertical-category plot with its data and axes; returns the width of one category."""
        left = self._axis_width(view, fmt) if view.value_axis else 4
        bottom = 16
        plot.x, plot.y, plot.width, plot.height = left, bottom, width - left - right, height - bottom - top
        plot.data = [list(s.values) for s in view.series]
        slot = plot.width / len(view.categories)
        self._style_axes(plot, view, fmt, self._category_labels(view, slot))
        return slot

    def _bar(self, drawing: Drawing, view: ChartView, width: float, height: float, fmt: Format) -> None:
        left = min(width * 0.32, max(stringWidth(clean(c), self.font, LABEL) for c in view.categories) + 8)
        bc = HorizontalBarChart()
        bottom = 14 if view.value_axis else 2
        bc.x, bc.y, bc.width, bc.height = left, bottom, width - left - 30, height - bottom - 4
        bc.data = [list(reversed(s.values)) for s in view.series]  # reportlab stacks upwards: first on top
        labels = [shorten(c, self.font, LABEL, left - 6) for c in reversed(view.categories)]
        slot = bc.height / len(view.categories)
        if slot < LABEL + 1:
            labels = [text if i % max(1, int((LABEL + 1) // slot) + 1) == 0 else "" for i, text in enumerate(labels)]
        self._style_axes(bc, view, fmt, labels)
        self._bars(bc, view, fmt, slot, reverse=True)
        drawing.add(bc)

    def _bars(self, bc: BarChart, view: ChartView, fmt: Format, slot: float, *, reverse: bool) -> None:
        """Each bar in its tone, its value as a label where the view labels it."""
        bc.bars.strokeColor = None
        count = len(view.categories)
        for n, series in enumerate(view.series):
            bc.bars[n].fillColor = self.color(series.tone)
            for p, tone in enumerate(series.points):
                if tone != series.tone:
                    bc.bars[(n, count - 1 - p if reverse else p)].fillColor = self.color(tone)
        bc.barWidth, bc.groupSpacing = 10, 6  # a gap of 60 % of a bar, as the deck's gapWidth
        bc.barSpacing = 1 if len(view.series) > 1 else 0
        if any(s.labelled for s in view.series):
            order = (lambda row: list(reversed(row))) if reverse else list
            bc.barLabelFormat = "values"
            bc.barLabelArray = [order([fmt(v) if shown else "" for v, shown in zip(s.values, s.labels, strict=True)])
                                for s in view.series]
            bc.barLabels.fontName = self.bold
            bc.barLabels.fontSize = LABEL
            bc.barLabels.fillColor = Palette.c(self.palette.text)
            bc.barLabels.nudge = 6

    def _line(self, drawing: Drawing, view: ChartView, width: float, height: float, fmt: Format) -> None:
        lc = HorizontalLineChart()
        slot = self._plot(lc, view, width, height, fmt, right=8, top=10)
        lc.joinedLines = 1
        for n, series in enumerate(view.series):
            color = self.color(series.tone)
            lc.lines[n].strokeColor = color
            lc.lines[n].strokeWidth = 2
            if len(view.categories) <= 40:
                lc.lines[n].symbol = makeMarker("FilledCircle", size=4, fillColor=color, strokeColor=color)
        if any(s.labelled for s in view.series):
            lc.lineLabelFormat = "values"
            lc.lineLabelArray = [[fmt(v) if shown else "" for v, shown in zip(s.values, s.labels, strict=True)]
                                 for s in view.series]
            lc.lineLabels.fontName = self.bold
            lc.lineLabels.fontSize = LABEL
            lc.lineLabels.fillColor = Palette.c(self.palette.text)
            lc.lineLabels.dy = 7
        drawing.add(lc)
        self._line_emphasis(drawing, lc, view, slot)

    def _line_emphasis(self, drawing: Drawing, lc: HorizontalLineChart, view: ChartView, slot: float) -> None:
        """A larger marker in its own tone where the view marks a moment (as the deck's dPt)."""
        axis = view.axis
        assert axis is not None
        scale = lc.height / (axis.maximum - axis.minimum)
        for series in view.series:
            for p, tone in enumerate(series.points):
                if tone != series.tone:
                    x = lc.x + slot * (p + 0.5)
                    y = lc.y + (series.values[p] - axis.minimum) * scale
                    drawing.add(Circle(x, y, 3.5, fillColor=self.color(tone), strokeColor=None))

    def _axis_width(self, view: ChartView, fmt: Format) -> float:
        assert view.axis is not None
        return max(stringWidth(fmt(v), self.font, LABEL) for v in view.axis.ticks) + 8

    def _two_lines(self, text: str, width: float) -> str:
        """A slice's name on at most two lines of ``width``, shortened with an ellipsis beyond that."""
        words = " ".join(clean(text).split()).split(" ")
        first = ""
        while words and stringWidth(f"{first} {words[0]}".strip(), self.bold, LABEL) <= width:
            first = f"{first} {words.pop(0)}".strip()
        if not first:
            return shorten(" ".join(words), self.bold, LABEL, width)
        rest = " ".join(words)
        return f"{first}\n{shorten(rest, self.bold, LABEL, width)}" if rest else first

    def _pie(self, drawing: Drawing, view: ChartView, width: float, height: float, fmt: Format) -> None:
        """A pie labelled at its slices (name and value), no legend; the highlighted slice in the accent."""
        series = view.series[0]
        values = list(series.values)
        texts = [fmt(v) for v in values]  # the value as the slide labels it (its share is the slice)
        size = min(height - 2 * LABEL - 8, width * 0.4)
        room = max(30.0, (width - size) / 2 - 14)
        names = [self._two_lines(c, room) for c in view.categories]
        pie = Pie()
        pie.x, pie.y, pie.width, pie.height = (width - size) / 2, (height - size) / 2, size, size
        top = max(values, default=0.0)
        # Shares, not sizes: scaled to the largest slice so that values near the
        # float minimum still give finite angles (reportlab's arcs fail on them).
        pie.data = [v / top for v in values] if top > 0 else [1] * len(values)
        pie.startAngle, pie.direction = 90, "clockwise"  # as PowerPoint draws it: from twelve o'clock
        pie.slices.strokeColor = Palette.c(self.palette.background)
        pie.slices.strokeWidth = 1.2
        pie.simpleLabels = 0
        pie.sideLabels = 1
        pie.labels = [f"{name}\n{text}" for name, text in zip(names, texts, strict=True)]
        pie.slices.fontName = self.bold
        pie.slices.fontSize = LABEL
        pie.slices.fontColor = Palette.c(self.palette.text)
        pie.slices.label_pointer_strokeColor = Palette.c(self.palette.rule)
        pie.slices.label_pointer_strokeWidth = 0.5
        for n, tone in enumerate(series.points):
            pie.slices[n].fillColor = self.color(tone)
        drawing.add(pie)
