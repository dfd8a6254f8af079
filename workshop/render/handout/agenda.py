"""The programme page: the plan's agenda rows as a table with clock times."""

from __future__ import annotations

from workshop.render.pdf import settings  # noqa: F401  (pins reportlab before it loads)

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, TableStyle

from workshop.plan.model import DeckPlan
from workshop.render.pdf import markup
from workshop.render.pdf.document import Bookmark
from workshop.render.pdf.flowables import FlowTable
from workshop.render.pdf.kit import Kit


def agenda(kit: Kit, plan: DeckPlan) -> list[Flowable]:
    s, p = kit.styles, kit.palette
    meta = plan.meta
    sections = plan.workshop.sections
    width = kit.geo.frame_width
    head = [kit.raw(markup.escape(kit.word(k)), s.cell_head) for k in ("time", "part", "duration")]
    rows = [head]
    breaks = []
    for number, row in enumerate(plan.agenda, start=1):
        section = sections[row.section]
        title = markup.bold(markup.inline(row.title))
        if section.subtitle:
            title += "<br/>" + markup.color(markup.inline(section.subtitle), p.muted)
        rows.append([kit.raw(markup.escape(kit.span(row.start, row.end)), s.cell),
                     kit.raw(title, s.cell),
                     kit.raw(markup.escape(kit.duration(row.minutes)), s.cell)])
        if row.is_break:
            breaks.append(len(rows) - 1)
    total = sum(r.minutes for r in plan.agenda)
    rows.append(["", kit.raw(markup.bold(markup.escape(kit.word("total"))), s.cell),
                 kit.raw(markup.bold(markup.escape(kit.duration(total))), s.cell)] if total else ["", "", ""])
    table = FlowTable(rows, colWidths=[32 * mm, width - 32 * mm - 24 * mm, 24 * mm], repeatRows=1,
                  splitByRow=1, splitInRow=1, hAlign="LEFT")
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), s.fonts.body.regular),
        ("BACKGROUND", (0, 0), (-1, 0), p.c(p.primary)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 2.4 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6 * mm),
        ("LINEBELOW", (0, 1), (-1, -2), 0.4, p.c(p.rule)),
        ("LINEABOVE", (0, -1), (-1, -1), 1.2, p.c(p.primary)),
    ]
    for index in breaks:
        commands.append(("BACKGROUND", (0, index), (-1, index), p.c(p.light)))
    table.setStyle(TableStyle(commands))
    intro = " · ".join(x for x in (plan.date, kit.span(plan.start, plan.end)) if x)
    return [Bookmark(kit.word("agenda")), kit.p(kit.word("agenda"), s.h1),
            kit.raw(markup.inline(intro), s.subtitle), table]
