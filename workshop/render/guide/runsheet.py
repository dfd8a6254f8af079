"""The run sheet: per section a coloured band, per slide a block with its clock time.

The clock time and duration hang in a left column so the eye can run down
the times; the block beside it names the slide (number, kind, title), says
whether only the facilitator sees it, summarises what is on screen, and gives
the notes — what to do and say — in a tinted panel. Every piece splits across
pages, so a long note or a 30-step exercise flows on.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, TableStyle

from workshop.brand.colors import mix
from workshop.model.slides import SectionSlide
from workshop.plan.model import DeckPlan, PlannedSlide
from workshop.render.guide.content import summary
from workshop.render.guide.overview import Block
from workshop.render.pdf import markup
from workshop.render.pdf.document import Bookmark
from workshop.render.pdf.flowables import FlowTable, box, gutter_text, hanging
from workshop.render.pdf.kit import Kit
from workshop.text.inline import plain

GUTTER = 21 * mm


def band(kit: Kit, title: str, span: str, minutes: str, note: str | None, facilitator: bool) -> list[Flowable]:
    s, p = kit.styles, kit.palette
    fill = mix(p.warning, "#FFFFFF", 0.15) if facilitator else p.primary
    ink = p.background if facilitator else p.on_primary
    width = kit.geo.frame_width
    style = s.cell_head.clone("band", fontSize=s.h3.fontSize, leading=s.h3.leading, textColor=p.c(ink))
    small = s.cell.clone("band-small", textColor=p.c(ink))
    head = markup.bold(markup.inline(title))
    if note:
        head += markup.escape(f"  · {note}")
    row = [kit.raw(markup.escape(span), style), kit.raw(head, style), kit.raw(markup.escape(minutes), small)]
    table = FlowTable([row], colWidths=[GUTTER + 6 * mm, width - GUTTER - 6 * mm - 22 * mm, 22 * mm],
                  splitInRow=1, hAlign="LEFT", spaceBefore=5 * mm, spaceAfter=2 * mm)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), s.fonts.body.regular),
        ("BACKGROUND", (0, 0), (-1, -1), p.c(fill)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.4 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
    ]))
    return [CondPageBreak(45 * mm), Bookmark(plain(title)), table]


def slide_block(kit: Kit, item: PlannedSlide, title: str | None = None) -> list[Flowable]:
    s, p = kit.styles, kit.palette
    fonts = s.fonts
    times = [(kit.clock(item.start), fonts.heading.bold, 11.5, p.c(p.primary))]
    if item.minutes:
        times.append((kit.duration(item.minutes), fonts.body.regular, 7.5, p.c(p.muted)))
    marker = gutter_text(times, GUTTER - 5 * mm)
    parts = item.parts
    number = (kit.word("slide_range", n=item.number, last=item.number + parts - 1) if parts > 1
              else kit.word("slide", n=item.number)) if item.number else None
    tags = [number, kit.kind(item.kind)]
    kicker = markup.escape(" · ".join(t for t in tags if t))
    if not item.for_participants:
        kicker += "  " + markup.color(markup.escape("• " + kit.word("facilitator_only")), p.warning)
    heading = title or item.slide.heading or kit.kind(item.kind).capitalize()
    if item.quiz_answer:
        heading = f"{heading} — {kit.word('answer').lower()}"
    body: list[Flowable] = [kit.raw(kicker, s.kicker.clone("guide-kicker", textColor=p.c(p.muted))),
                            kit.p(heading, s.h3.clone("guide-title", spaceBefore=0))]
    body += summary(kit, item)
    if item.slide.notes and not item.quiz_answer:  # the answer slide shares the quiz's notes
        body.append(notes_panel(kit, item.slide.notes))
    return [*hanging(marker, body, GUTTER, space_before=2 * mm),
            HRFlowable(width="100%", thickness=0.4, color=p.c(p.rule), spaceBefore=2 * mm, spaceAfter=0)]


def notes_panel(kit: Kit, notes: str) -> Flowable:
    s, p = kit.styles, kit.palette
    rows: list[Flowable] = [kit.raw(markup.escape(kit.word("say")), s.kicker)]
    rows += [kit.p(part, s.body) for part in notes.split("\n\n") if part.strip()]
    return box(rows, p.c(p.light), s.fonts.body.regular, accent=p.c(p.accent), padding=3.5 * mm)


def runsheet(kit: Kit, plan: DeckPlan, blocks: list[Block]) -> list[Flowable]:
    out: list[Flowable] = []
    opening = [i for i in plan.slides if i.section is None]
    if opening:
        first, last = opening[0].start, opening[-1].start + opening[-1].minutes
        span = kit.span(first, last) if last > first else kit.clock(first)
        out += band(kit, kit.word("opening"), span, kit.duration(last - first) if last > first else "", None, False)
        for item in opening:
            title = plan.meta.title if item.kind == "title" and not item.slide.heading else None
            out += slide_block(kit, item, title)
    sections = plan.workshop.sections
    by_index = {b.index: b for b in blocks}
    for index, section in enumerate(sections):
        items = [i for i in plan.slides if i.section == index]
        if not items:
            continue
        block = by_index[index]
        divider = items[0] if isinstance(items[0].slide, SectionSlide) else None
        note = kit.word("slide", n=divider.number) if divider and divider.number else None
        heading = divider.shown_as(SectionSlide).title if divider else section.title
        out += band(kit, heading, kit.span(block.start, block.end),
                    kit.duration(max(1, block.end - block.start)), note, block.facilitator)
        if divider and divider.slide.notes:
            out.append(notes_panel(kit, divider.slide.notes))
        for item in items[1:] if divider else items:
            if item.first_part:  # a continued slide is described once, with its slide range
                out += slide_block(kit, item)
    return out
