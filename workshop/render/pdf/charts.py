"""Outline charts as vector drawings in brand colours (bar, column, line, pie).

The deck gets native PowerPoint charts; the PDFs get the same data drawn with
reportlab.graphics, so figures stay sharp in print and the text stays text.
Labels are plain strings drawn with ``drawString``: no markup is parsed.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.pdfbase.pdfmetrics import stringWidth

from workshop.brand.colors import mix
from workshop.language import language_for
from workshop.model.slides import ChartData, ChartType
from workshop.render.pdf import measure
from workshop.render.pdf.markup import clean
from workshop.render.pdf.styles import Palette

LABEL = 8.0  # tick and data labels: the smallest printed size (issue 16)


def number_format(language: str, unit: str | None) -> Callable[[float], str]:
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

    def __init__(self, palette: Palette, font: str, bold: str, language: str) -> None:
        self.palette = palette
        self.font = font
        self.bold = bold
        self.language = language

    def colors(self, count: int):
        base = list(self.palette.series)
        out = []
        for n in range(count):
            tint = (n // len(base)) * 0.35
            out.append(Palette.c(mix(base[n % len(base)], "#FFFFFF", min(tint, 0.8))))
        return out

    def drawing(self, chart: ChartData, width: float, height: float) -> Drawing:
        drawing = Drawing(width, height, initialFontName=self.font, initialFontSize=LABEL)
        fmt = number_format(self.language, chart.unit)
        if chart.type is ChartType.PIE:
            self._pie(drawing, chart, width, height, fmt)
            return drawing
        legend = self._legend(drawing, [s.name for s in chart.series], width, height) if len(chart.series) > 1 else 0
        plot_h = height - legend
        if chart.type is ChartType.BAR:
            self._bar(drawing, chart, width, plot_h, fmt)
        elif chart.type is ChartType.LINE:
            self._line(drawing, chart, width, plot_h, fmt)
        else:
            self._column(drawing, chart, width, plot_h, fmt)
        return drawing

    # -- pieces -------------------------------------------------------------------------
    def _legend(self, drawing: Drawing, names: list[str], width: float, height: float) -> float:
        colors = self.colors(len(names))
        x, y, row = 0.0, height - LABEL - 1, LABEL + 6
        for name, color in zip(names, colors, strict=False):
            label = shorten(name, self.font, LABEL, width / 2)
            item = 12 + stringWidth(label, self.font, LABEL) + 14
            if x and x + item > width:
                x, y = 0.0, y - row
            drawing.add(Rect(x, y - 1, 8, 8, fillColor=color, strokeColor=None))
            drawing.add(String(x + 12, y, label, fontName=self.font, fontSize=LABEL,
                               fillColor=Palette.c(self.palette.text)))
            x += item
        return height - y + 8

    def _value_range(self, chart: ChartData) -> tuple[float, float]:
        values = [v for s in chart.series for v in s.values]
        low, high = min(0.0, min(values)), max(0.0, max(values))
        if low == high:
            high = low + 1
        return low, high + (high - low) * 0.08

    def _style_axes(self, chart_obj, category_axis, value_axis, fmt, labels: list[str]) -> None:
        p = self.palette
        for axis in (category_axis, value_axis):
            axis.labels.fontName = self.font
            axis.labels.fontSize = LABEL
            axis.labels.fillColor = Palette.c(p.muted)
            axis.strokeColor = Palette.c(p.rule)
            axis.strokeWidth = 0.5
        value_axis.visibleGrid = 1
        value_axis.gridStrokeColor = Palette.c(mix(p.rule, "#FFFFFF", 0.5))
        value_axis.gridStrokeWidth = 0.4
        value_axis.visibleAxis = 0
        value_axis.visibleTicks = 0
        value_axis.labelTextFormat = fmt
        category_axis.visibleTicks = 0
        category_axis.categoryNames = labels

    def _category_labels(self, chart: ChartData, slot: float) -> list[str]:
        names = list(chart.categories)
        every = 1
        while every < len(names) and slot * every < 28:
            every += 1
        return [shorten(n, self.font, LABEL, slot * every - 3) if i % every == 0 else ""
                for i, n in enumerate(names)]

    def _column(self, drawing, chart, width, height, fmt) -> None:
        bc = VerticalBarChart()
        slot = self._plot(bc, chart, width, height, fmt, right=4, top=14)
        self._bars(bc, chart, fmt, slot)
        drawing.add(bc)

    def _plot(self, plot, chart, width, height, fmt, *, right: float, top: float) -> float:
        """Place a vertical-category plot with its data and axes; returns the width of one category."""
        left, bottom = self._axis_width(chart, fmt), 16
        plot.x, plot.y, plot.width, plot.height = left, bottom, width - left - right, height - bottom - top
        plot.data = [list(s.values) for s in chart.series]
        plot.valueAxis.valueMin, plot.valueAxis.valueMax = self._value_range(chart)
        slot = plot.width / len(chart.categories)
        self._style_axes(plot, plot.categoryAxis, plot.valueAxis, fmt, self._category_labels(chart, slot))
        return slot

    def _bar(self, drawing, chart, width, height, fmt) -> None:
        left = min(width * 0.32, max(stringWidth(clean(c), self.font, LABEL) for c in chart.categories) + 8)
        bc = HorizontalBarChart()
        bc.x, bc.y, bc.width, bc.height = left, 14, width - left - 30, height - 18
        bc.data = [list(reversed(s.values)) for s in chart.series]
        bc.valueAxis.valueMin, bc.valueAxis.valueMax = self._value_range(chart)
        labels = [shorten(c, self.font, LABEL, left - 6) for c in reversed(chart.categories)]
        slot = bc.height / len(chart.categories)
        if slot < LABEL + 1:
            labels = [text if i % max(1, int((LABEL + 1) // slot) + 1) == 0 else "" for i, text in enumerate(labels)]
        self._style_axes(bc, bc.categoryAxis, bc.valueAxis, fmt, labels)
        bc.valueAxis.visibleLabels = 1
        self._bars(bc, chart, fmt, slot)
        drawing.add(bc)

    def _bars(self, bc, chart, fmt, slot) -> None:
        colors = self.colors(len(chart.series))
        bc.bars.strokeColor = None
        for n, color in enumerate(colors):
            bc.bars[n].fillColor = color
        bc.groupSpacing = max(1.0, slot * 0.25)
        bc.barSpacing = 1
        bars = len(chart.series) * len(chart.categories)
        if bars <= 24:
            bc.barLabelFormat = fmt
            bc.barLabels.fontName = self.bold
            bc.barLabels.fontSize = LABEL
            bc.barLabels.fillColor = Palette.c(self.palette.text)
            bc.barLabels.nudge = 6

    def _line(self, drawing, chart, width, height, fmt) -> None:
        lc = HorizontalLineChart()
        self._plot(lc, chart, width, height, fmt, right=8, top=10)
        lc.joinedLines = 1
        for n, color in enumerate(self.colors(len(chart.series))):
            lc.lines[n].strokeColor = color
            lc.lines[n].strokeWidth = 2
            if len(chart.categories) <= 40:
                lc.lines[n].symbol = makeMarker("FilledCircle", size=4, fillColor=color, strokeColor=color)
        drawing.add(lc)

    def _axis_width(self, chart, fmt) -> float:
        low, high = self._value_range(chart)
        return max(stringWidth(fmt(v), self.font, LABEL) for v in (low, high)) + 8

    def _pie(self, drawing, chart, width, height, fmt) -> None:
        values = list(chart.series[0].values)
        size = min(height - 8, width * 0.45)
        pie = Pie()
        pie.x, pie.y, pie.width, pie.height = 4, (height - size) / 2, size, size
        pie.data = values if any(values) else [1] * len(values)
        pie.simpleLabels = 1
        pie.labels = None
        pie.slices.strokeColor = Palette.c(self.palette.background)
        pie.slices.strokeWidth = 1.2
        colors = self.colors(len(values))
        for n, color in enumerate(colors):
            pie.slices[n].fillColor = color
        drawing.add(pie)
        total = sum(values) or 1
        x = size + 24
        rows = len(values)
        row = min(14.0, (height - 4) / max(rows, 1))
        size_font = min(LABEL + 1, row - 2)
        y = height / 2 + rows * row / 2 - row
        pct = number_format(self.language, "%")
        texts = [f"{fmt(v)} ({pct(round(100 * v / total, 1))})" if chart.unit != "%" else fmt(v) for v in values]
        room = width - x - 12 - max(stringWidth(t, self.bold, size_font) for t in texts) - 8
        for name, text, color in zip(chart.categories, texts, colors, strict=False):
            if size_font < 4:
                break
            drawing.add(Rect(x, y, 8, 8, fillColor=color, strokeColor=None))
            label = shorten(name, self.font, size_font, room)
            drawing.add(String(x + 12, y + 1, label, fontName=self.font, fontSize=size_font,
                               fillColor=Palette.c(self.palette.text)))
            drawing.add(String(width, y + 1, text, fontName=self.bold, fontSize=size_font,
                               fillColor=Palette.c(self.palette.text), textAnchor="end"))
            y -= row
