"""Native, editable PowerPoint charts (bar, column, pie, line) in the look of ``workshop.plan.charts``.

Both parts are written as text: the chart XML (``chartxml``: the view's
order, axis range, labels and emphasis, in the brand's font, colours and
language) and the embedded workbook PowerPoint's "Edit Data" opens
(``workbook``). No XlsxWriter workbook, no python-pptx chart objects: the
same data gives the same bytes, at a fraction of the cost. The frame's alt
text reads the data out for screen readers.
"""

from __future__ import annotations

from typing import Any

from workshop.language import Language
from workshop.layouts.composite import CHART_ROLE
from workshop.layouts.geometry import Box
from workshop.model.slides import ChartData
from workshop.plan.charts import ChartColors, ChartView, chart_view
from workshop.render.deck import shapes
from workshop.render.deck.chartxml import ChartStyle, chart_space
from workshop.render.deck.ooxml import clean, el
from workshop.render.deck.package import add_chart_part
from workshop.render.deck.workbook import workbook

CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_PREFIX_UNITS = {"€", "$", "£", "¥"}


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
    """A native chart for ``data`` filling ``box`` on ``canvas``'s slide; returns its ``p:graphicFrame``."""
    view = chart_view(data)
    fmt = number_format(view.unit, [v for s in view.series for v in s.values])
    palette = canvas.palette
    style = ChartStyle(
        font=canvas.deck.brand.typography.base.family.name, size=canvas.size(CHART_ROLE), lang=canvas.type.lang,
        text=palette.hex("foreground"), rule=palette.hex("rule"), background=palette.hex("background"),
        colors=chart_colors(canvas.deck.brand, palette), number_format=fmt,
    )
    rid = add_chart_part(canvas.slide.part, chart_space(view, style).encode("utf-8"), workbook(view, fmt))
    alt = clean(describe(view, canvas.lang))
    frame = el(
        "p:graphicFrame", None,
        el("p:nvGraphicFramePr", None,
           el("p:cNvPr", {"id": canvas.painter.ids(), "name": clean(name), "descr": alt}),
           el("p:cNvGraphicFramePr", None, el("a:graphicFrameLocks", {"noGrp": "1"})),
           el("p:nvPr")),
        shapes.xfrm(box, "p:xfrm"),
        el("a:graphic", None, el("a:graphicData", {"uri": CHART_URI}, el("c:chart", {"r:id": rid}))),
    )
    canvas.tree.append(frame)
    return frame


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
