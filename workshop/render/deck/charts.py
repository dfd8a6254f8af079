"""Native, editable PowerPoint charts (bar, column, pie, line) in brand colours.

python-pptx writes the chart XML and its embedded workbook; we fix the
workbook's creation date (XlsxWriter stamps "now" into it, which would break
byte-identical builds) and style every element explicitly: series colours
from the brand, data labels with the outline's unit, brand font and language.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, timezone

from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.util import Pt, lazyproperty

from workshop.brand.colors import mix
from workshop.layouts.composite import CHART_ROLE
from workshop.layouts.geometry import Box
from workshop.model.slides import ChartData, ChartType
from workshop.render.deck.ooxml import clean

FIXED_DATE = datetime(2000, 1, 1, tzinfo=timezone.utc)
TYPES = {
    ChartType.BAR: XL_CHART_TYPE.BAR_CLUSTERED,
    ChartType.COLUMN: XL_CHART_TYPE.COLUMN_CLUSTERED,
    ChartType.PIE: XL_CHART_TYPE.PIE,
    ChartType.LINE: XL_CHART_TYPE.LINE_MARKERS,
}
_PREFIX_UNITS = {"€", "$", "£", "¥"}


class _FixedDateWorkbook(CategoryWorkbookWriter):
    @contextmanager
    def _open_worksheet(self, xlsx_file):
        from xlsxwriter import Workbook

        workbook = Workbook(xlsx_file, {"in_memory": True})
        workbook.set_properties({"created": FIXED_DATE.replace(tzinfo=None)})
        worksheet = workbook.add_worksheet()
        yield workbook, worksheet
        workbook.close()


class _ChartData(CategoryChartData):
    @lazyproperty
    def _workbook_writer(self):
        return _FixedDateWorkbook(self)


def number_format(unit: str | None, values: list[float]) -> str:
    """Excel number format showing values as typed, with the unit: ``0"%"``, ``"€"#,##0``.

    Whole numbers get thousands separators; as soon as one value has decimals
    ``General`` shows each value with its own decimals (3.3 and 21, not 3.3 and 21.0).
    """
    number = "#,##0" if all(float(v).is_integer() for v in values) else "General"
    if not unit:
        return number
    literal = unit.replace('"', "")
    if literal in _PREFIX_UNITS:
        return f'"{literal}"{number}'
    space = "" if literal in ("%", "‰", "°") else " "
    return f'{number}"{space}{literal}"'


def series_colors(brand, count: int) -> list[str]:
    """Brand series colours in order, lightened tints once the six run out."""
    base = brand.colors.series()
    return [base[i % len(base)] if i < len(base) else mix(base[i % len(base)], "#FFFFFF", 0.45)
            for i in range(count)]


def add_chart(canvas, name: str, box: Box, data: ChartData):
    """A native chart for ``data`` filling ``box`` on ``canvas``'s slide."""
    brand = canvas.deck.brand
    values = [v for s in data.series for v in s.values]
    fmt = number_format(data.unit, values)
    chart_data = _ChartData(number_format=fmt)
    chart_data.categories = [clean(c) for c in data.categories]
    for series in data.series:
        chart_data.add_series(clean(series.name), list(series.values), number_format=fmt)
    frame = canvas.slide.shapes.add_chart(TYPES[data.type], box.x, box.y, box.w, box.h, chart_data)
    canvas.sync_ids(frame.shape_id)
    frame.name = name
    chart = frame.chart
    _style(chart, data, fmt, canvas, brand)
    return frame


def _style(chart, data: ChartData, fmt: str, canvas, brand) -> None:
    size = canvas.size(CHART_ROLE)
    palette = canvas.palette
    text = palette.hex("foreground")[1:]
    chart.has_title = False
    chart.font.size = Pt(size)
    chart.font.name = brand.typography.base.family.name
    chart.font.color.rgb = RGBColor.from_string(text)
    chart.font._rPr.set("lang", canvas.type.lang)
    pie = data.type is ChartType.PIE
    chart.has_legend = pie or len(data.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(size)
    plot = chart.plots[0]
    colors = series_colors(brand, len(data.categories) if pie else len(data.series))
    if not pie:
        plot.vary_by_categories = False
        if data.type in (ChartType.BAR, ChartType.COLUMN):
            plot.gap_width = 60
            plot.overlap = -10 if len(data.series) > 1 else 0
    line = data.type is ChartType.LINE
    if not (line and len(data.series) > 1):  # several lines: labels would collide, the axis reads better
        _data_labels(plot, data, fmt, size)
    _color_series(plot, data, colors, pie)
    if not pie:
        _axes(chart, data, fmt, size, palette, value_axis=line)


def _data_labels(plot, data: ChartData, fmt: str, size: float) -> None:
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = fmt
    labels.number_format_is_linked = False
    labels.show_value = True
    labels.font.size = Pt(size)
    labels.font.bold = True
    labels.position = {
        ChartType.PIE: XL_LABEL_POSITION.OUTSIDE_END, ChartType.LINE: XL_LABEL_POSITION.ABOVE,
    }.get(data.type, XL_LABEL_POSITION.OUTSIDE_END)


def _color_series(plot, data: ChartData, colors: list[str], pie: bool) -> None:
    for index, series in enumerate(plot.series):
        if pie:
            for point_index in range(len(data.categories)):
                fill = series.points[point_index].format.fill
                fill.solid()
                fill.fore_color.rgb = RGBColor.from_string(colors[point_index][1:])
            continue
        color = RGBColor.from_string(colors[index][1:])
        if data.type is ChartType.LINE:
            series.format.line.color.rgb = color
            series.format.line.width = Pt(3)
            series.smooth = False
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = 8
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = color
            series.marker.format.line.color.rgb = color
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = color


def _axes(chart, data: ChartData, fmt: str, size: float, palette, value_axis: bool) -> None:
    """Line charts keep a value axis with gridlines; bars carry their values as labels instead."""
    rule = RGBColor.from_string(palette.hex("rule")[1:])
    values, category_axis = chart.value_axis, chart.category_axis
    category_axis.format.line.color.rgb = rule
    category_axis.tick_labels.font.size = Pt(size)
    category_axis.has_major_gridlines = False
    if data.type is ChartType.BAR:
        category_axis.reverse_order = True  # first category on top, as read
    values.tick_labels.number_format = fmt
    values.tick_labels.number_format_is_linked = False
    values.tick_labels.font.size = Pt(size)
    values.format.line.fill.background()
    if not value_axis:
        values.visible = False
        values.has_major_gridlines = False
        if min(v for s in data.series for v in s.values) >= 0:
            values.minimum_scale = 0
        return
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = rule
    values.major_gridlines.format.line.width = Pt(0.75)
