"""Data tables that survive any length: header repeated, rows split across pages.

Column widths follow the text each column holds (bounded, so no column gets
squeezed to nothing), cells are escaped paragraphs that wrap, and
``splitInRow`` lets a single very tall row continue on the next page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from workshop.render.pdf.fallback import string_width
from workshop.render.pdf.flowables import FlowTable
from workshop.render.pdf.kit import Kit
from workshop.text.inline import plain


def column_widths(header: Sequence[str], rows: Sequence[Sequence[str]], width: float,
                  minimums: Sequence[float] = ()) -> list[float]:
    """Widths by the text each column holds; ``minimums`` (e.g. the widest number) are met first."""
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
    widths = [w * scale for w in widths]
    floors = [min(m, width / columns) for m in minimums] + [0.0] * (columns - len(minimums))
    short = [c for c in range(columns) if widths[c] < floors[c]]
    if short:
        need = sum(floors[c] - widths[c] for c in short)
        spare = {c: widths[c] - floors[c] for c in range(columns) if c not in short and widths[c] > floors[c]}
        room = sum(spare.values())
        if room > 0:
            take = min(1.0, need / room)
            for c in short:
                widths[c] = floors[c] if room >= need else widths[c] + (floors[c] - widths[c]) * room / need
            for c, extra in spare.items():
                widths[c] -= extra * take
    return widths


_UNBREAKABLE = re.compile(r"\S*\d\S*")  # clock times, figures, ranges: never cut inside


def number_widths(kit: Kit, header: Sequence[str], rows: Sequence[Sequence[str]], padding: float) -> list[float]:
    """Per column, the width of its widest token with a digit in it (plus the cell padding)."""
    s = kit.styles
    widths = []
    for c in range(len(header)):
        cells = [(header[c], s.cell_head.fontName, s.cell_head.fontSize)]
        cells += [(str(r[c]), s.cell.fontName, s.cell.fontSize) for r in rows if c < len(r)]
        widest = max((string_width(token, font, size) for text, font, size in cells
                      for token in _UNBREAKABLE.findall(plain(text))), default=0.0)
        widths.append(widest + padding + 1 if widest else 0.0)
    return widths


def data_table(kit: Kit, header: Sequence[str], rows: Sequence[Sequence[str]],
               widths: Sequence[float] | None = None) -> Table:
    s, p = kit.styles, kit.palette
    width = kit.geo.frame_width
    data = [[kit.p(h, s.cell_head) for h in header]]
    data += [[kit.p(cell, s.cell) for cell in row] for row in rows]
    padding = 2 * 2.5 * mm
    if widths is None:
        widths = column_widths(header, rows, width, number_widths(kit, header, rows, padding))
    table = FlowTable(data, colWidths=list(widths), repeatRows=1,
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
