"""The guide's first page: what, when and with what — timeline and materials checklist.

A facilitator checks this page the evening before and again at the door:
the blocks of the day on one bar and in a table, and a list of everything to
bring with a box to tick.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.render.pdf import settings  # noqa: F401  (pins reportlab before it loads)

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, TableStyle

from workshop.brand.colors import mix
from workshop.model.slides import Audience, BreakSlide, SectionSlide
from workshop.plan.model import DeckPlan
from workshop.render.guide.materials import collect_materials
from workshop.render.pdf import markup
from workshop.render.pdf.charts import LABEL, shorten
from workshop.render.pdf.flowables import FlowTable, Checkbox
from workshop.render.pdf.kit import Kit
from workshop.render.pdf.styles import Palette


@dataclass(frozen=True)
class Block:
    """One section on the run sheet with its clock times (facilitator-only ones too)."""

    index: int
    title: str
    start: int
    end: int
    facilitator: bool
    is_break: bool
    slides: int


def blocks(plan: DeckPlan) -> list[Block]:
    sections = plan.workshop.sections
    starts: dict[int, int] = {}
    counts: dict[int, int] = {}
    for item in plan.slides:
        if item.section is None:
            continue
        starts.setdefault(item.section, item.start)
        if not item.generated:
            counts[item.section] = counts.get(item.section, 0) + 1
    order = sorted(starts)
    out = []
    for n, index in enumerate(order):
        end = starts[order[n + 1]] if n + 1 < len(order) else plan.end
        section = sections[index]
        out.append(Block(
            index=index, title=section.title, start=starts[index], end=end,
            facilitator=section.audience is Audience.FACILITATOR,
            is_break=all(isinstance(s, (BreakSlide, SectionSlide)) for s in section.slides),
            slides=counts.get(index, 0),
        ))
    return out


def heading(kit: Kit, plan: DeckPlan) -> list[Flowable]:
    s = kit.styles
    meta = plan.meta
    line = [meta.client, plan.date, f"{kit.span(plan.start, plan.end)} ({kit.duration(plan.end - plan.start)})"
            if plan.end > plan.start else None, meta.facilitator]
    out = [kit.raw(markup.escape(kit.word("guide")), s.kicker), kit.p(meta.title, s.h1)]
    if meta.subtitle:
        out.append(kit.p(meta.subtitle, s.lead.clone("guide-subtitle", spaceAfter=2)))
    out.append(kit.raw(" · ".join(markup.inline(x) for x in line if x), s.subtitle))
    return out


def timeline_bar(kit: Kit, items: list[Block], width: float) -> Drawing:
    p = kit.palette
    height = 15 * mm
    drawing = Drawing(width, height, initialFontName=kit.styles.fonts.body.regular, initialFontSize=LABEL)
    total = sum(max(0, b.end - b.start) for b in items) or 1
    x = 0.0
    shades = (p.primary, mix(p.primary, p.dark, 0.35))
    font, bold = kit.styles.fonts.body.regular, kit.styles.fonts.body.bold
    for n, block in enumerate(items):
        w = width * max(0, block.end - block.start) / total
        if block.is_break:
            fill = p.light
        elif block.facilitator:
            fill = mix(p.warning, "#FFFFFF", 0.55)
        else:
            fill = shades[n % 2]
        drawing.add(Rect(x, 5 * mm, max(w - 1, 0.5), 7 * mm, fillColor=Palette.c(fill), strokeColor=None))
        ink = Palette.c(p.text if block.is_break or block.facilitator else kit.palette.on_primary)
        if w > 14 * mm:
            drawing.add(String(x + 2, 7.6 * mm, shorten(block.title, bold, LABEL, w - 5),
                               fontName=bold, fontSize=LABEL, fillColor=ink))
        if (w > 9 * mm or n == 0) and width - x > 12 * mm:
            drawing.add(String(x, 1.2 * mm, kit.clock(block.start), fontName=font, fontSize=LABEL - 0.5,
                               fillColor=Palette.c(p.muted)))
        x += w
    drawing.add(String(width, 1.2 * mm, kit.clock(items[-1].end) if items else "", fontName=font,
                       fontSize=LABEL - 0.5, fillColor=Palette.c(p.muted), textAnchor="end"))
    return drawing


def timeline(kit: Kit, plan: DeckPlan) -> list[Flowable]:
    s, p = kit.styles, kit.palette
    items = blocks(plan)
    if not items:
        return []
    width = kit.geo.frame_width
    rows = [[kit.raw(markup.escape(kit.word(k)), s.cell_head) for k in ("time", "part", "duration")]
            + [kit.raw(markup.escape(kit.word("slides")), s.cell_head)]]
    for block in items:
        title = markup.bold(markup.inline(block.title))
        if block.facilitator:
            title += " " + markup.color(markup.escape(f"({kit.word('facilitator_only')})"), p.warning)
        rows.append([kit.raw(markup.escape(kit.span(block.start, block.end)), s.cell), kit.raw(title, s.cell),
                     kit.raw(markup.escape(kit.duration(max(1, block.end - block.start))), s.cell),
                     kit.raw(markup.escape(str(block.slides)), s.cell)])
    table = FlowTable(rows, colWidths=[30 * mm, width - 30 * mm - 22 * mm - 16 * mm, 22 * mm, 16 * mm],
                  repeatRows=1, splitByRow=1, splitInRow=1, hAlign="LEFT")
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), s.fonts.body.regular),
        ("BACKGROUND", (0, 0), (-1, 0), p.c(p.primary)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.3 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, p.c(p.rule)),
    ]
    for n, block in enumerate(items, start=1):
        if block.is_break:
            commands.append(("BACKGROUND", (0, n), (-1, n), p.c(p.light)))
    table.setStyle(TableStyle(commands))
    return [kit.raw(markup.escape(kit.word("timeline")), s.h2), timeline_bar(kit, items, width),
            Spacer(1, 4 * mm), table]


def checklist(kit: Kit, plan: DeckPlan) -> list[Flowable]:
    s, p = kit.styles, kit.palette
    out: list[Flowable] = [kit.raw(markup.escape(kit.word("checklist")), s.h2)]
    materials = collect_materials(plan)
    if not materials:
        return out + [kit.raw(markup.escape(kit.word("no_materials")), s.muted)]
    width = kit.geo.frame_width
    rows = []
    for material in materials:
        uses = ", ".join(markup.inline(t) for t in material.needed_for)
        rows.append([Checkbox(3.4 * mm, p.c(p.primary)), kit.p(material.name, s.cell),
                     kit.raw(markup.color(markup.escape(kit.word("needed_for") + " ") + uses, p.muted), s.cell)])
    table = FlowTable(rows, colWidths=[8 * mm, width * 0.45, width - 8 * mm - width * 0.45],
                  splitByRow=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), s.fonts.body.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, p.c(p.rule)),
    ]))
    return out + [table]
