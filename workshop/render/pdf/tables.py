"""Data tables that survive any length: header repeated, rows split across pages.

Column widths follow the text each column holds (bounded, so no column gets
squeezed to nothing), cells are escaped paragraphs that wrap, and
``splitInRow`` lets a single very tall row continue on the next page.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from workshop.render.pdf.flowables import FlowTable
from workshop.render.pdf.kit import Kit


def column_widths(header: Sequence[str], rows: Sequence[Sequence[str]], width: float) -> list[float]:
    columns = len(header)
    weights = []
    for c in range(columns):
        lengths = sorted(len(str(r[c])) for r in rows) or [0]
        typical = lengths[int(len(lengths) * 0.9) - 1 if len(lengths) > 1 else 0]
        weights.append(min(60, max(8, len(header[c]), typical)))
    total = sum(weights)
    floor = width / columns * 0.45
    widths = [max(floor, width * w / total) for w in weights]
    scale = width / sum(widths)
    return [w * scale for w in widths]


def data_table(kit: Kit, header: Sequence[str], rows: Sequence[Sequence[str]],
               widths: Sequence[float] | None = None) -> Table:
    s, p = kit.styles, kit.palette
    width = kit.geo.frame_width
    data = [[kit.p(h, s.cell_head) for h in header]]
    data += [[kit.p(cell, s.cell) for cell in row] for row in rows]
    table = FlowTable(data, colWidths=list(widths or column_widths(header, rows, width)), repeatRows=1,
                  splitByRow=1, splitInRow=1, hAlign="LEFT", spaceBefore=2 * mm, spaceAfter=3 * mm)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), s.fonts.body.regular),
        ("BACKGROUND", (0, 0), (-1, 0), p.c(p.primary)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 1.6 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8 * mm),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, p.c(p.rule)),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [p.c(p.background), p.c(p.light)]),
    ]
    table.setStyle(TableStyle(commands))
    return table
