"""Native PowerPoint tables: header row in the brand colour, banded rows, brand type.

Every cell's fill, border and text is written explicitly, so LibreOffice
(which applies PowerPoint's built-in table styles only partly) shows the
same table as PowerPoint does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pptx.util import Emu

from workshop.layouts.composite import TABLE_CELL as CELL
from workshop.layouts.composite import TABLE_HEADER as HEADER
from workshop.layouts.composite import TABLE_INSETS
from workshop.layouts.geometry import Box, Insets
from workshop.layouts.grids import table_column_widths
from workshop.layouts.spec import TextStyle
from workshop.plan.fit_blocks import TableMeasure
from workshop.render.deck.ooxml import Element, el, qn, sub
from workshop.render.deck.package import element, table_cell
from workshop.render.deck.text import para

if TYPE_CHECKING:
    from workshop.render.deck.canvas import Canvas

_TABLE = "/".join(qn(t) for t in ("a:graphic", "a:graphicData", "a:tbl"))


def add_table(canvas: Canvas, name: str, box: Box, header: list[str], rows: list[list[str]]) -> Any:
    """A native table in ``box``: as wide as the box, each row as tall as its text needs.

    Row heights are the text fit's (``TableMeasure``), so the frame written is
    the table's real size and the fit has checked it stays inside ``box``.
    """
    size = canvas.size("table")
    heights, _ = TableMeasure(name, header, rows, box, canvas.deck.fonts).row_heights(size)
    frame = canvas.slide.shapes.add_table(len(rows) + 1, len(header), box.x, box.y, box.w, sum(heights))
    canvas.sync_ids(frame.shape_id)
    frame.name = name
    table = frame.table
    table.first_row = True
    table.horz_banding = True
    # Sizes straight into the XML, the frame summed once (python-pptx re-sums it on every column and row).
    tbl = element(frame).find(_TABLE)
    widths = table_column_widths(box.w, header, rows)
    for column, width in zip(tbl.iter(qn("a:gridCol")), widths, strict=False):
        column.set("w", str(int(width)))
    rows_xml = list(tbl.iter(qn("a:tr")))
    for row, height in zip(rows_xml, heights, strict=False):
        row.set("h", str(int(height)))
    frame.width = Emu(sum(int(c.get("w")) for c in tbl.iter(qn("a:gridCol"))))
    frame.height = Emu(sum(int(r.get("h")) for r in rows_xml))
    insets = TABLE_INSETS
    for r, values in enumerate([header, *rows]):
        style = HEADER if r == 0 else CELL
        fill = "primary" if r == 0 else ("light" if r % 2 == 0 else "background")
        for c, value in enumerate(values):
            _cell(canvas, table_cell(table.cell(r, c)), value, style, fill, insets)
    return frame


def _cell(canvas: Canvas, tc: Element, value: str, style: TextStyle, fill: str, insets: Insets) -> None:
    for child in list(tc):
        tc.remove(child)
    body = canvas.type.on(fill).body([para(value)], style, insets, explicit=True, tag="a:txBody")
    body.remove(body.find(qn("a:bodyPr")))
    body.insert(0, el("a:bodyPr"))
    tc.append(body)
    props = sub(tc, "a:tcPr", {"marL": insets.left, "marR": insets.right, "marT": insets.top,
                               "marB": insets.bottom, "anchor": "ctr"})
    palette = canvas.palette
    for side in ("a:lnL", "a:lnR", "a:lnT"):
        sub(props, side, {"w": 0}, el("a:noFill"))
    sub(props, "a:lnB", {"w": 9525}, palette.fill("rule"))
    props.append(palette.fill(fill))
