"""The run sheet: per section a coloured band, per slide a block with its clock time.

The clock time and a miniature of the slide stand in a left column, so the
eye can run down the times and recognise the screen at a glance; the block
beside it names the slide (number, kind, title), says whether only the
facilitator sees it, summarises what is on screen, and gives the notes —
what to do and say — in a tinted panel. A block is kept whole on one page
(with the section band before it); only a block taller than a page (a
30-step exercise) flows on to the next.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, TableStyle

from workshop.brand.colors import mix
from workshop.model.slides import SectionSlide
from workshop.plan.model import DeckPlan, PlannedSlide
from workshop.render.guide.content import summary
from workshop.render.guide.overview import Block
from workshop.render.guide.scene import SceneMaker
from workshop.render.guide.thumbnail import Thumbnail
from workshop.render.pdf import markup
from workshop.render.pdf.document import Bookmark
from workshop.render.pdf.fallback import draw_string
from workshop.render.pdf.flowables import FlowTable, box
from workshop.render.pdf.kit import Kit
from workshop.text.inline import plain

GUTTER = 21 * mm  # the band's time column
THUMB = 46 * mm  # the miniature's width: the left column of every slide block
GAP = 5 * mm
CLOCK = 14.0  # points: a clock time read from a metre away


def band(kit: Kit, title: str, span: str, minutes: str, note: str | None, facilitator: bool) -> list[Flowable]:
    s, p = kit.styles, kit.palette
    fill = mix(p.warning, "#FFFFFF", 0.15) if facilitator else p.primary
    ink = p.background if facilitator else p.on_primary
    width = kit.geo.frame_width
    style = s.cell_head.clone("band", fontSize=max(s.h3.fontSize, 12.5), leading=max(s.h3.leading, 16),
                              textColor=p.c(ink))
    small = s.cell.clone("band-small", textColor=p.c(ink))
    head = markup.bold(markup.inline(title))
    if note:
        head += markup.escape(f"  · {note}")
    row = [kit.raw(markup.escape(span), style), kit.raw(head, style), kit.raw(markup.escape(minutes), small)]
    table = FlowTable([row], colWidths=[GUTTER + 12 * mm, width - GUTTER - 12 * mm - 22 * mm, 22 * mm],
                      splitInRow=1, hAlign="LEFT", spaceBefore=5 * mm, spaceAfter=2 * mm)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), s.fonts.body.regular),
        ("BACKGROUND", (0, 0), (-1, -1), p.c(fill)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.4 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
    ]))
    return [Bookmark(plain(title)), table]


def slide_block(kit: Kit, scenes: SceneMaker, item: PlannedSlide, title: str | None = None,
                lead: Sequence[Flowable] = ()) -> list[Flowable]:
    """One slide: clock time and miniature on the left, what to show, say and do on the right.

    Kept whole on one page, together with ``lead`` (the section band before
    it: reportlab's keepWithNext does not chain into a ``KeepTogether``).
    """
    s, p = kit.styles, kit.palette
    fonts = s.fonts
    left: list[Flowable] = [_Clock(kit.clock(item.start), kit.duration(item.minutes) if item.minutes else "", kit)]
    scene = scenes.scene(item)
    if scene is not None:
        left.append(Thumbnail(scene, THUMB, p.rule))
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
    width = kit.geo.frame_width
    table = FlowTable([[left, body]], colWidths=[THUMB + GAP, width - THUMB - GAP],
                      splitByRow=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fonts.body.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), GAP),
        ("RIGHTPADDING", (1, 0), (1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    rule = HRFlowable(width="100%", thickness=0.4, color=p.c(p.rule), spaceBefore=2.5 * mm, spaceAfter=2.5 * mm)
    return [KeepTogether([*lead, table, rule])]


class _Clock(Flowable):
    """The block's clock time, large, with its duration at the right edge of the miniature below."""

    def __init__(self, time: str, minutes: str, kit: Kit) -> None:
        super().__init__()
        s, p = kit.styles, kit.palette
        self.time, self.minutes = time, minutes
        self.time_font, self.minutes_font = s.fonts.heading.bold, s.fonts.body.regular
        self.minutes_size = s.muted.fontSize
        self.time_color, self.minutes_color = p.c(p.primary), p.c(p.muted)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return THUMB, CLOCK * 1.25

    def draw(self) -> None:
        canvas = self.canv
        baseline = CLOCK * 0.3
        canvas.saveState()
        canvas.setFillColor(self.time_color)
        draw_string(canvas, 0, baseline, self.time, self.time_font, CLOCK)
        if self.minutes:
            canvas.setFillColor(self.minutes_color)
            draw_string(canvas, THUMB, baseline, self.minutes, self.minutes_font, self.minutes_size, anchor="end")
        canvas.restoreState()


def notes_panel(kit: Kit, notes: str) -> Flowable:
    s, p = kit.styles, kit.palette
    rows: list[Flowable] = [kit.raw(markup.escape(kit.word("say")), s.kicker)]
    rows += [kit.p(part, s.body) for part in notes.split("\n\n") if part.strip()]
    return box(rows, p.c(p.light), s.fonts.body.regular, accent=p.c(p.accent), padding=3.5 * mm)


def runsheet(kit: Kit, plan: DeckPlan, blocks: list[Block], scenes: SceneMaker) -> list[Flowable]:
    out: list[Flowable] = []
    lead: list[Flowable] = []  # a band (and section notes) waiting for the block it stays with

    def add(item: PlannedSlide, title: str | None = None) -> None:
        out.extend(slide_block(kit, scenes, item, title, lead))
        lead.clear()

    opening = [i for i in plan.slides if i.section is None]
    if opening:
        first, last = opening[0].start, opening[-1].start + opening[-1].minutes
        span = kit.span(first, last) if last > first else kit.clock(first)
        lead += band(kit, kit.word("opening"), span, kit.duration(last - first) if last > first else "", None, False)
        for item in opening:
            add(item, plan.meta.title if item.kind == "title" and not item.slide.heading else None)
    sections = plan.workshop.sections
    by_index = {b.index: b for b in blocks}
    for index, section in enumerate(sections):
        items = [i for i in plan.slides if i.section == index]
        if not items:
            continue
        block = by_index[index]
        opener = items[0].slide
        heading = opener.title if isinstance(opener, SectionSlide) else section.title
        out.extend(lead)  # a section with nothing to show after its band
        lead[:] = band(kit, heading, kit.span(block.start, block.end),
                       kit.duration(max(1, block.end - block.start)), None, block.facilitator)
        for item in items:
            if item.first_part:  # a continued slide is described once, with its slide range
                add(item)
    return out + lead
