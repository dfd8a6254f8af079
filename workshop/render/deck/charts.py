"""Native, editable PowerPoint charts (bar, column, pie, line) in the look of ``workshop.plan.charts``.

python-pptx adds the chart part and its embedded workbook (XlsxWriter, with a
fixed creation date so builds stay byte-identical); the chart XML itself is
ours (``chartxml``): the view's order, axis range, labels and emphasis, in
the brand's font, colours and language. The frame's alt text reads the data
out for screen readers.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pptx.enum.chart import XL_CHART_TYPE

from workshop.language import Language
from workshop.layouts.composite import CHART_ROLE
from workshop.layouts.geometry import Box
from workshop.model.slides import ChartData, ChartType
from workshop.plan.charts import ChartColors, ChartView, chart_view
from workshop.render.deck.chartxml import ChartStyle, chart_space
from workshop.render.deck.ooxml import clean
from workshop.render.deck.package import chart_data_dated, element, parse_xml, set_element

FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)
TYPES = {
    ChartType.BAR: XL_CHART_TYPE.BAR_CLUSTERED,
    ChartType.COLUMN: XL_CHART_TYPE.COLUMN_CLUSTERED,
    ChartType.PIE: XL_CHART_TYPE.PIE,
    ChartType.LINE: XL_CHART_TYPE.LINE_MARKERS,
}
_PREFIX_UNITS = {"€", "$", "£", "¥"}


_ChartData = chart_data_dated(FIXED_DATE.replace(tzinfo=None))


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


def chart_colors(brand: Any, palette: Any) -> ChartColors:
    """The deck's chart colours: the brand's series, its accent, greys between text and background."""
    return ChartColors(tuple(brand.colors.series()), palette.hex("secondary"), palette.hex("foreground"),
                       palette.hex("background"))


def add_chart(canvas: Any, name: str, box: Box, data: ChartData) -> Any:
    """A native chart for ``data`` filling ``box`` on ``canvas``'s slide."""
    view = chart_view(data)
    values = [v for s in view.series for v in s.values]
    fmt = number_format(view.unit, values)
    chart_data = _ChartData(number_format=fmt)
    chart_data.categories = [clean(c) for c in view.categories]
    for series in view.series:
        chart_data.add_series(clean(series.name), list(series.values), number_format=fmt)
    frame = canvas.slide.shapes.add_chart(TYPES[view.type], box.x, box.y, box.w, box.h, chart_data)
    canvas.sync_ids(frame.shape_id)
    frame.name = name
    element(frame).nvGraphicFramePr.cNvPr.set("descr", clean(describe(view, canvas.lang)))
    palette = canvas.palette
    style = ChartStyle(
        font=canvas.deck.brand.typography.base.family.name, size=canvas.size(CHART_ROLE), lang=canvas.type.lang,
        text=palette.hex("foreground"), rule=palette.hex("rule"), background=palette.hex("background"),
        colors=chart_colors(canvas.deck.brand, palette), number_format=fmt,
    )
    part = frame.chart_part
    set_element(part, parse_xml(chart_space(view, style, _workbook_rid(part)).encode("utf-8")))
    return frame


def _workbook_rid(part: Any) -> str:
    return next(rid for rid, rel in part.rels.items() if rel.reltype.endswith("/package"))


def describe(view: ChartView, lang: Language) -> str:
    """The alt text: the chart's kind and its data, read out (``grafiek (staven): Geen 100, …``)."""
    fmt = lang.number
    unit = view.unit or ""
    glue = "" if unit in ("", "%", "‰") else " "

    def points(values: tuple[float, ...]) -> str:
        return ", ".join(f"{c} {fmt(v)}{glue}{unit}" for c, v in zip(view.categories, values, strict=True))

    if len(view.series) == 1:
        body = points(view.series[0].values)
    else:
        body = "; ".join(f"{s.name}: {points(s.values)}" for s in view.series)
    text = f"{lang.kind('chart')} ({lang.chart(view.type.value)}): {body}"
    highlighted = _highlighted(view)
    if highlighted:
        text += ". " + lang.word("chart_highlight", name=highlighted)
    return text


def _highlighted(view: ChartView) -> str | None:
    if view.highlight is not None:
        return view.categories[view.highlight]
    return next((s.name for s in view.series if s.tone.role == "accent"), None)
