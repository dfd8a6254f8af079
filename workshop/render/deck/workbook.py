"""The workbook embedded in a chart (what PowerPoint's "Edit Data" opens), written as text.

One sheet, ``Sheet1``, in the layout the chart's formulas point at
(``chartxml``): categories in column A from row 2, one series per column
from B with its name in row 1, values in the chart's number format. Strings
are inline (no shared-strings part), the zip has fixed timestamps and a
fixed member order, so the same data always gives the same bytes — no
XlsxWriter workbook, no creation date.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

from workshop.layouts.paragraphs import clean
from workshop.plan.charts import ChartView
from workshop.render.deck.chartxml import column, number

ZIP_TIME = (2000, 1, 1, 0, 0, 0)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEAD = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"

_CONTENT_TYPES = (
    f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SML}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SML}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_SML}.styles+xml"/>'
    "</Types>"
)
_PACKAGE_RELS = (
    f'{_HEAD}<Relationships xmlns="{_RELS}"><Relationship Id="rId1" '
    f'Type="{_DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_DOC_RELS}"><sheets>'
    '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    f'{_HEAD}<Relationships xmlns="{_RELS}">'
    f'<Relationship Id="rId1" Type="{_DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_DOC_RELS}/styles" Target="styles.xml"/></Relationships>'
)


def _styles(number_format: str) -> str:
    """Two cell formats: General (0) and the chart's number format (1)."""
    custom = number_format != "General"
    formats = (f'<numFmts count="1"><numFmt numFmtId="164" formatCode={quoteattr(number_format)}/></numFmts>'
               if custom else "")
    return (
        f'{_HEAD}<styleSheet xmlns="{_MAIN}">{formats}'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        f'<xf numFmtId="{164 if custom else 0}" fontId="0" fillId="0" borderId="0" xfId="0" '
        'applyNumberFormat="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )


def _text_cell(ref: str, text: str) -> str:
    value = clean(text)
    space = ' xml:space="preserve"' if value != value.strip() else ""
    return f'<c r="{ref}" t="inlineStr"><is><t{space}>{escape(value)}</t></is></c>'


def _sheet(view: ChartView) -> str:
    last_col = column(len(view.series))
    last_row = len(view.categories) + 1
    head = "".join(_text_cell(f"{column(n + 1)}1", s.name) for n, s in enumerate(view.series))
    rows = [f'<row r="1">{head}</row>']
    for p, category in enumerate(view.categories):
        r = p + 2
        values = "".join(f'<c r="{column(n + 1)}{r}" s="1"><v>{number(s.values[p])}</v></c>'
                         for n, s in enumerate(view.series))
        rows.append(f'<row r="{r}">{_text_cell(f"A{r}", category)}{values}</row>')
    width = min(60, max(10, *(len(c) + 2 for c in view.categories)))
    return (
        f'{_HEAD}<worksheet xmlns="{_MAIN}"><dimension ref="A1:{last_col}{last_row}"/>'
        f'<cols><col min="1" max="1" width="{width}" customWidth="1"/>'
        f'<col min="2" max="{len(view.series) + 1}" width="14" customWidth="1"/></cols>'
        f'<sheetData>{"".join(rows)}</sheetData></worksheet>'
    )


def workbook(view: ChartView, number_format: str) -> bytes:
    """The ``.xlsx`` bytes holding ``view``'s data, the same bytes every time."""
    members = (
        ("[Content_Types].xml", _CONTENT_TYPES),
        ("_rels/.rels", _PACKAGE_RELS),
        ("xl/workbook.xml", _WORKBOOK),
        ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
        ("xl/styles.xml", _styles(number_format)),
        ("xl/worksheets/sheet1.xml", _sheet(view)),
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()
