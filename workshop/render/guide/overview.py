"""The guide's first page: what, when and with what — timeline and materials checklist.

A facilitator checks this page the evening before and again at the door:
the blocks of the day on one bar and in a table, and a list of everything to
bring with a box to tick.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, TableStyle

from workshop.brand.colors import mix
from workshop.lazyclass import lazy_dataclass
from workshop.model.slides import Audience, BreakSlide, SectionSlide
from workshop.plan.model import DeckPlan
from workshop.render.guide.content import LISTED
from workshop.render.guide.materials import group_materials
from workshop.render.pdf import markup
from workshop.render.pdf.fallback import string_width
from workshop.render.pdf.flowables import Checkbox, FlowTable
from workshop.render.pdf.kit import Kit
from workshop.render.pdf.styles import Palette
from workshop.text.inline import plain


@lazy_dataclass(frozen=True)
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


BAR_LABEL = 8.5  # points: the block titles inside the bar
TICK = 12.0  # points: clock times are read from a distance


def _label_lines(text: str, font: str, width: float, most: int = 3) -> list[str] | None:
    """``text`` wrapped to ``width`` in at most ``most`` lines, or None when it does not fit whole."""
    lines: list[str] = []
    for word in text.split():
        if lines and string_width(lines[-1] + " " + word, font, BAR_LABEL) <= width:
            lines[-1] += " " + word
        elif string_width(word, font, BAR_LABEL) <= width:
            lines.append(word)
        else:
            return None
    return lines if 0 < len(lines) <= most else None


def bar_labels(kit: Kit, items: list[Block], width: float) -> list[tuple[list[str], bool]]:
    """Each block's title as it fits its stretch of the bar, whole, or else its number (its table row).

    Pairs of (lines, numbered): a title is never cut short.
    """
    bold = kit.styles.fonts.body.bold
    total = sum(max(0, b.end - b.start) for b in items) or 1
    out: list[tuple[list[str], bool]] = []
    for n, block in enumerate(items, start=1):
        w = width * max(0, block.end - block.start) / total - 4
        lines = _label_lines(plain(block.title), bold, w)
        if lines is not None:
            out.append((lines, False))
        else:
            out.append(([str(n)] if string_width(str(n), bold, BAR_LABEL) <= w else [], True))
    return out


def timeline_bar(kit: Kit, items: list[Block], width: float) -> Drawing:
    p = kit.palette
    labels = bar_labels(kit, items, width)
    lines = max((len(x) for x, _ in labels), default=1)
    bar = max(8 * mm, (lines * BAR_LABEL * 1.15) + 3 * mm)
    ticks = TICK * 1.5
    drawing = Drawing(width, bar + ticks, initialFontName=kit.styles.fonts.body.regular, initialFontSize=TICK)
    total = sum(max(0, b.end - b.start) for b in items) or 1
    x = 0.0
    shades = (p.primary, mix(p.primary, p.dark, 0.35))
    font, bold = kit.styles.fonts.body.regular, kit.styles.fonts.body.bold
    end_label = kit.clock(items[-1].end) if items else ""
    room_end = width - string_width(end_label, font, TICK) - 2 * mm
    free = 0.0  # where the next clock time may start without touching the one before
    for n, block in enumerate(items):
        w = width * max(0, block.end - block.start) / total
        if block.is_break:
            fill = p.light
        elif block.facilitator:
            fill = mix(p.warning, "#FFFFFF", 0.55)
        else:
            fill = shades[n % 2]
        drawing.add(Rect(x, ticks, max(w - 1, 0.5), bar, fillColor=Palette.c(fill), strokeColor=None))
        ink = Palette.c(p.text if block.is_break or block.facilitator else kit.palette.on_primary)
        top = ticks + bar - 1.5 * mm - BAR_LABEL * 0.8
        for k, line in enumerate(labels[n][0]):
            drawing.add(String(x + 2, top - k * BAR_LABEL * 1.15, line, fontName=bold, fontSize=BAR_LABEL,
                               fillColor=ink))
        clock = kit.clock(block.start)
        if x >= free and x + string_width(clock, font, TICK) <= room_end:
            drawing.add(String(x, TICK * 0.35, clock, fontName=font, fontSize=TICK, fillColor=Palette.c(p.muted)))
            free = x + string_width(clock, font, TICK) + 2 * mm
        x += w
    drawing.add(String(width, TICK * 0.35, end_label, fontName=font, fontSize=TICK, fillColor=Palette.c(p.muted),
                       textAnchor="end"))
    return drawing


def _row_style(kit: Kit) -> ParagraphStyle:
    """Table rows on the first page at body size: it is read at the door, with a bag in one hand."""
    s = kit.styles
    return s.cell.clone("guide-row", fontSize=s.body.fontSize, leading=s.body.fontSize * 1.3)


def timeline(kit: Kit, plan: DeckPlan) -> list[Flowable]:
    s, p = kit.styles, kit.palette
    items = blocks(plan)
    if not items:
        return []
    width = kit.geo.frame_width
    cell = _row_style(kit)
    head = cell.clone("guide-row-head", fontName=s.fonts.body.bold, textColor=p.c(p.on_primary))
    rows = [[kit.raw(markup.escape(kit.word(k)), head) for k in ("time", "part", "duration")]
            + [kit.raw(markup.escape(kit.word("slides")), head)]]
    numbered = any(by_number for _, by_number in bar_labels(kit, items, width))
    clock = cell.clone("guide-clock", fontSize=TICK, leading=TICK * 1.25)
    for n, block in enumerate(items, start=1):
        title = markup.bold(markup.inline(block.title))
        if numbered:  # the bar names some blocks by their row number
            title = markup.color(markup.escape(f"{n}  "), p.muted) + title
        if block.facilitator:
            title += " " + markup.color(markup.escape(f"({kit.word('facilitator_only')})"), p.warning)
        rows.append([kit.raw(markup.escape(kit.span(block.start, block.end)), clock), kit.raw(title, cell),
                     kit.raw(markup.escape(kit.duration(max(1, block.end - block.start))), cell),
                     kit.raw(markup.escape(str(block.slides)), cell)])
    table = FlowTable(rows, colWidths=[34 * mm, width - 34 * mm - 22 * mm - 16 * mm, 22 * mm, 16 * mm],
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
    """Everything to bring, under the exercise that needs it first (with its clock time and slide)."""
    s, p = kit.styles, kit.palette
    out: list[Flowable] = [kit.raw(markup.escape(kit.word("checklist")), s.h2)]
    groups = group_materials(plan)
    if not groups:
        return out + [kit.raw(markup.escape(kit.word("no_materials")), s.muted)]
    width = kit.geo.frame_width
    cell = _row_style(kit)
    clock = cell.clone("guide-clock", fontName=s.fonts.heading.bold, fontSize=TICK, leading=TICK * 1.25,
                       textColor=p.c(p.primary))
    rows: list[list] = []
    heads: list[int] = []
    for group in groups:
        heads.append(len(rows))
        title = markup.bold(markup.inline(group.title))
        if group.number:
            title += markup.color(markup.escape("  · " + kit.word("slide", n=group.number)), p.muted)
        rows.append([kit.raw(markup.escape(kit.clock(group.start)), clock), kit.raw(title, cell), ""])
        for material in group.items:
            name = markup.inline(material.name)
            later = material.needed_for[1:]
            if later:
                what = ", ".join(plain(t) for t in later[:LISTED])
                if len(later) > LISTED:  # one paragraph stays short enough to break in bounded time
                    what += " … " + kit.word("and_more", n=kit.lang.number(len(later) - LISTED))
                also = kit.word("also_for", what=what)
                name += markup.color(markup.escape(f"  ({also})"), p.muted)
            rows.append(["", Checkbox(3.4 * mm, p.c(p.primary)), kit.raw(name, cell)])
    table = FlowTable(rows, colWidths=[22 * mm, 8 * mm, width - 30 * mm], splitByRow=1, splitInRow=1,
                      hAlign="LEFT")
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), s.fonts.body.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0.8 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8 * mm),
    ]
    for n in heads:
        commands += [("SPAN", (1, n), (-1, n)), ("TOPPADDING", (0, n), (-1, n), 3 * mm if n else 0.5 * mm),
                     ("VALIGN", (0, n), (-1, n), "BOTTOM")]
    table.setStyle(TableStyle(commands))
    return out + [table]
