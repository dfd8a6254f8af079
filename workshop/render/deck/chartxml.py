"""The chart part (``c:chartSpace``) of a native PowerPoint chart, written as text from a ``ChartView``.

One string template per piece, in the element order ECMA-376 part 1 (§21.2)
prescribes, so PowerPoint opens it without repair and the same view always
gives the same bytes. The look is the view's (``workshop.plan.charts``):
round value axis with at most five gridlines, direct labels, a legend only
for several series, the highlighted point in the accent and the rest muted.
The cell references point into the embedded workbook's one sheet: categories
in column A from row 2, one series per column from B with its name in row 1
(the layout PowerPoint's "Edit Data" expects).
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from workshop.layouts.paragraphs import clean
from workshop.lazyclass import lazy_dataclass
from workshop.model.slides import ChartType
from workshop.plan.charts import ChartColors, ChartView, SeriesView, Tone

_NS = ('xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_AXES = ('<c:axId val="50010"/><c:axId val="50020"/>')
_LINE_WIDTH = 38100  # 3 pt
_GRID_WIDTH = 9525  # 0.75 pt
_SLICE_EDGE = 19050  # 1.5 pt, in the background colour between slices


@lazy_dataclass(frozen=True)
class ChartStyle:
    """What the deck draws the chart's text and lines in."""

    font: str
    size: float  # points
    lang: str
    text: str  # #RRGGBB
    rule: str  # axis line and gridlines
    background: str  # between pie slices
    colors: ChartColors
    number_format: str  # Excel format of values and labels, e.g. 0"%"


def column(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: a spreadsheet column's letters."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def number(value: float) -> str:
    """A value as the caches and the workbook write it: 100, 21.5 (never 100.0)."""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))


def chart_space(view: ChartView, style: ChartStyle, workbook_rid: str = "rId1") -> str:
    """The whole chart part as an XML string."""
    plot = {ChartType.PIE: _pie, ChartType.LINE: _line}.get(view.type, _bar)(view, style)
    axes = "" if view.type is ChartType.PIE else _category_axis(view, style) + _value_axis(view, style)
    legend = ""
    if view.legend:
        legend = (f'<c:legend><c:legendPos val="t"/><c:overlay val="0"/>{_text(style, style.size)}'
                  '</c:legend>')
    return (
        f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<c:chartSpace {_NS}>"
        '<c:date1904 val="0"/><c:roundedCorners val="0"/>'
        f'<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>{plot}{axes}</c:plotArea>'
        f'{legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>'
        f"{_text(style, style.size, fill=True)}"
        f'<c:externalData r:id="{workbook_rid}"><c:autoUpdate val="0"/></c:externalData>'
        "</c:chartSpace>"
    )


# -- plots ----------------------------------------------------------------------------------------


def _bar(view: ChartView, style: ChartStyle) -> str:
    direction = "bar" if view.type is ChartType.BAR else "col"
    series = "".join(
        f"{_series_head(view, n, s)}{_fill(style, s.tone)}<c:invertIfNegative val=\"0\"/>"
        f"{_points(style, s)}{_labels(s, style, 'outEnd')}{_data(view, n, s, style)}</c:ser>"
        for n, s in enumerate(view.series)
    )
    overlap = -10 if len(view.series) > 1 else 0
    return (f'<c:barChart><c:barDir val="{direction}"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
            f'{series}<c:gapWidth val="60"/><c:overlap val="{overlap}"/>{_AXES}</c:barChart>')


def _line(view: ChartView, style: ChartStyle) -> str:
    series = "".join(
        f"{_series_head(view, n, s)}{_stroke(style, s.tone)}{_marker(style, s.tone, 8)}"
        f"{_line_points(style, s)}{_labels(s, style, 't')}{_data(view, n, s, style)}"
        '<c:smooth val="0"/></c:ser>'
        for n, s in enumerate(view.series)
    )
    return (f'<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{series}'
            f'<c:marker val="1"/>{_AXES}</c:lineChart>')


def _pie(view: ChartView, style: ChartStyle) -> str:
    s = view.series[0]
    edge = f'<a:ln w="{_SLICE_EDGE}"><a:solidFill>{_rgb(style.background)}</a:solidFill></a:ln>'
    points = "".join(
        f'<c:dPt><c:idx val="{p}"/><c:bubble3D val="0"/><c:spPr><a:solidFill>'
        f"{_rgb(style.colors.paint(tone))}</a:solidFill>{edge}</c:spPr></c:dPt>"
        for p, tone in enumerate(s.points)
    )
    labels = _labels(s, style, "outEnd", category=True)
    return (f'<c:pieChart><c:varyColors val="1"/>{_series_head(view, 0, s)}{points}{labels}'
            f'{_data(view, 0, s, style)}</c:ser><c:firstSliceAng val="0"/></c:pieChart>')


# -- series pieces --------------------------------------------------------------------------------


def _series_head(view: ChartView, n: int, s: SeriesView) -> str:
    cell = f"Sheet1!${column(n + 1)}$1"
    return (f'<c:ser><c:idx val="{n}"/><c:order val="{n}"/><c:tx><c:strRef><c:f>{cell}</c:f>'
            f'<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>{_xml(s.name)}</c:v></c:pt>'
            "</c:strCache></c:strRef></c:tx>")


def _data(view: ChartView, n: int, s: SeriesView, style: ChartStyle) -> str:
    last = len(view.categories) + 1
    categories = "".join(f'<c:pt idx="{p}"><c:v>{_xml(c)}</c:v></c:pt>' for p, c in enumerate(view.categories))
    values = "".join(f'<c:pt idx="{p}"><c:v>{number(v)}</c:v></c:pt>' for p, v in enumerate(s.values))
    col = column(n + 1)
    count = f'<c:ptCount val="{len(view.categories)}"/>'
    return (f"<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${last}</c:f><c:strCache>{count}{categories}"
            f"</c:strCache></c:strRef></c:cat>"
            f"<c:val><c:numRef><c:f>Sheet1!${col}$2:${col}${last}</c:f><c:numCache>"
            f"<c:formatCode>{_xml(style.number_format)}</c:formatCode>{count}{values}"
            "</c:numCache></c:numRef></c:val>")


def _points(style: ChartStyle, s: SeriesView) -> str:
    """A bar's own fill where it differs from its series' (the highlighted one, the muted rest)."""
    return "".join(
        f'<c:dPt><c:idx val="{p}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>'
        f"{_fill(style, tone)}</c:dPt>"
        for p, tone in enumerate(s.points) if tone != s.tone
    )


def _line_points(style: ChartStyle, s: SeriesView) -> str:
    """A larger marker in its own colour at the highlighted moment."""
    return "".join(
        f'<c:dPt><c:idx val="{p}"/>{_marker(style, tone, 12)}<c:bubble3D val="0"/></c:dPt>'
        for p, tone in enumerate(s.points) if tone != s.tone
    )


def _labels(s: SeriesView, style: ChartStyle, position: str, *, category: bool = False) -> str:
    """Direct labels on the labelled points; the others' labels deleted one by one."""
    if not s.labelled:
        return '<c:dLbls><c:delete val="1"/></c:dLbls>'
    hidden = "".join(f'<c:dLbl><c:idx val="{p}"/><c:delete val="1"/></c:dLbl>'
                     for p, shown in enumerate(s.labels) if not shown)
    separator = "<c:separator>\n</c:separator>" if category else ""
    text = _text(style, style.size, bold=True, wrap=not category)
    return (f'<c:dLbls>{hidden}<c:numFmt formatCode={quoteattr(style.number_format)} sourceLinked="0"/>'
            f"<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{text}"
            f'<c:dLblPos val="{position}"/><c:showLegendKey val="0"/><c:showVal val="1"/>'
            f'<c:showCatName val="{int(category)}"/><c:showSerName val="0"/><c:showPercent val="0"/>'
            f'<c:showBubbleSize val="0"/>{separator}<c:showLeaderLines val="{int(category)}"/></c:dLbls>')


# -- axes -----------------------------------------------------------------------------------------


def _category_axis(view: ChartView, style: ChartStyle) -> str:
    bar = view.type is ChartType.BAR
    orientation = "maxMin" if bar else "minMax"  # a bar chart reads top down, first category on top
    return (f'<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="{orientation}"/></c:scaling>'
            f'<c:delete val="0"/><c:axPos val="{"l" if bar else "b"}"/><c:numFmt formatCode="General" '
            'sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>'
            f'<c:tickLblPos val="nextTo"/><c:spPr><a:ln w="{_GRID_WIDTH}"><a:solidFill>{_rgb(style.rule)}'
            f"</a:solidFill></a:ln></c:spPr>{_text(style, style.size)}"
            '<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
            '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>')


def _value_axis(view: ChartView, style: ChartStyle) -> str:
    axis = view.axis
    assert axis is not None  # every chart but a pie has one
    shown = view.value_axis
    grid = (f'<c:majorGridlines><c:spPr><a:ln w="{_GRID_WIDTH}"><a:solidFill>{_rgb(style.rule)}'
            "</a:solidFill></a:ln></c:spPr></c:majorGridlines>") if shown else ""
    bar = view.type is ChartType.BAR
    return (f'<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/>'
            f'<c:max val="{number(axis.maximum)}"/><c:min val="{number(axis.minimum)}"/></c:scaling>'
            f'<c:delete val="{int(not shown)}"/><c:axPos val="{"b" if bar else "l"}"/>{grid}'
            f'<c:numFmt formatCode={quoteattr(style.number_format)} sourceLinked="0"/>'
            '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
            f'<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>{_text(style, style.size)}'
            f'<c:crossAx val="50010"/><c:crosses val="{"max" if bar else "autoZero"}"/>'
            f'<c:crossBetween val="between"/><c:majorUnit val="{number(axis.step)}"/></c:valAx>')


# -- drawing properties ---------------------------------------------------------------------------


def _rgb(color: str) -> str:
    return f'<a:srgbClr val="{color.lstrip("#").upper()}"/>'


def _fill(style: ChartStyle, tone: Tone) -> str:
    return f"<c:spPr><a:solidFill>{_rgb(style.colors.paint(tone))}</a:solidFill></c:spPr>"


def _stroke(style: ChartStyle, tone: Tone) -> str:
    return (f'<c:spPr><a:ln w="{_LINE_WIDTH}" cap="rnd"><a:solidFill>{_rgb(style.colors.paint(tone))}'
            '</a:solidFill><a:round/></a:ln></c:spPr>')


def _marker(style: ChartStyle, tone: Tone, size: int) -> str:
    color = _rgb(style.colors.paint(tone))
    return (f'<c:marker><c:symbol val="circle"/><c:size val="{size}"/><c:spPr><a:solidFill>{color}'
            f"</a:solidFill><a:ln><a:solidFill>{color}</a:solidFill></a:ln></c:spPr></c:marker>")


def _text(style: ChartStyle, size: float, *, bold: bool = False, fill: bool = False, wrap: bool = True) -> str:
    """``c:txPr``: the chart-wide text (font, colour, language) or one element's size and weight.

    ``wrap=False`` keeps a label on its own lines: an office suite would otherwise
    break a slice's name inside a word to fit its narrow default label box.
    """
    extra = ""
    if fill:
        extra = (f'<a:solidFill>{_rgb(style.text)}</a:solidFill><a:latin typeface={quoteattr(style.font)}/>'
                 f"<a:cs typeface={quoteattr(style.font)}/>")
    lang = f" lang={quoteattr(style.lang)}" if fill else ""
    weight = ' b="1"' if bold else (' b="0"' if not fill else "")
    body = "<a:bodyPr/>" if wrap else '<a:bodyPr wrap="none"/>'
    return (f'<c:txPr>{body}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="{round(size * 100)}"{weight}{lang}>'
            f"{extra}</a:defRPr></a:pPr><a:endParaRPr lang={quoteattr(style.lang)}/></a:p></c:txPr>")


def _xml(text: str) -> str:
    return escape(clean(text))
