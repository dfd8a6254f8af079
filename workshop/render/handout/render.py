"""DeckPlan → handout PDF bytes: cover, programme, sections, worksheets, closing, sources.

Walks the same planned slides as the deck and keeps only what participants
see: slides for the facilitator, quiz answer slides and every speaker note
stay out. Sections flow one after the other like a brochure's chapters (a
new page only when less than a quarter of one is left, so a heading always
has room for what follows it); only worksheets start a page of their own.
Break-only sections are a slim band.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, NextPageTemplate, PageBreak, Spacer

from workshop.assets import Assets
from workshop.brand.model import Brand
from workshop.kinds import KINDS, Nothing
from workshop.model.slides import BreakSlide, ExerciseSlide, SectionSlide
from workshop.plan.model import DeckPlan, PlannedSlide
from workshop.render.handout.agenda import agenda
from workshop.render.handout.back import back_cover, back_template, notes_page, sources_fit
from workshop.render.handout.blocks import pause_panel
from workshop.render.handout.closing import sources
from workshop.render.handout.context import HandoutContext
from workshop.render.handout.cover import cover_painter
from workshop.render.pdf import markup
from workshop.render.pdf.document import Bookmark, DocInfo, build_pdf
from workshop.render.pdf.flowables import here_or_later, page_start
from workshop.render.pdf.kit import Kit, make_kit
from workshop.render.pdf.pages import RunningText, body_frame, running_painter, template
from workshop.render.pdf.stored_parses import kept_for
from workshop.safety.images import ImageFile
from workshop.text.inline import plain

# Body text at 10.5 pt (the styles' base is 10 pt): a handout is read on paper at arm's length.
SCALE = 1.05


def participant_slides(plan: DeckPlan) -> list[PlannedSlide]:
    """Participant slides once each: continuation parts are covered by their first part.

    Kinds whose record says the handout shows ``Nothing`` (the title and the
    agenda: the cover and the programme page stand in for them) are left out.
    """
    return [s for s in plan.slides
            if s.for_participants and not s.quiz_answer and s.first_part
            and not isinstance(KINDS[s.kind].handout, Nothing)]


SECTION_ROOM = 0.25  # of the frame: less than this left on a page and a section starts on the next


def section_header(kit: Kit, plan: DeckPlan, index: int, first: PlannedSlide,
                   worksheet_next: bool = False) -> list[Flowable]:
    """Kicker, title, subtitle and rule, kept with what follows.

    ``worksheet_next``: the section opens with a worksheet, so the heading
    starts the worksheet's page with it.
    """
    s, p = kit.styles, kit.palette
    section = plan.workshop.sections[index]
    divider = first.slide if isinstance(first.slide, SectionSlide) else None
    title = divider.title if divider is not None else section.title
    subtitle = divider.subtitle if divider is not None else section.subtitle
    row = next((r for r in plan.agenda if r.section == index), None)
    number = first.section_number if row and not row.is_break else None
    kicker = [kit.word("section", n=number)] if number else []
    if row:
        kicker += [kit.span(row.start, row.end), kit.duration(row.minutes)]
    room = page_start(kit.geo.frame_height) if worksheet_next else CondPageBreak(kit.geo.frame_height * SECTION_ROOM)
    mark = Bookmark(plain(title))
    heading: list[Flowable] = [mark]
    if kicker:
        heading.append(kit.raw(markup.escape(" · ".join(kicker)), s.kicker))
    heading.append(kit.p(title, s.h1))
    if subtitle:
        heading.append(kit.p(subtitle, s.subtitle))
    heading.append(HRFlowable(width=18 * mm, thickness=2.5, color=p.c(p.accent), hAlign="LEFT",
                              spaceBefore=1 * mm, spaceAfter=5 * mm))
    heading[1].spaceBefore = 11 * mm  # the gap between two sections on one page (dropped at a page top)
    for flowable in heading:
        flowable.keepWithNext = 1
    return [room, *heading]


def _break_only(plan: DeckPlan, index: int, items: list[PlannedSlide]) -> bool:
    return all(isinstance(i.slide, (BreakSlide, SectionSlide)) for i in items) and any(
        isinstance(i.slide, BreakSlide) for i in items)


def story(kit: Kit, plan: DeckPlan, assets: Assets) -> list[Flowable]:
    out: list[Flowable] = [Spacer(1, 1), NextPageTemplate("body"), PageBreak()]
    out += agenda(kit, plan)
    slides = participant_slides(plan)
    images = dict(assets.images)
    by_section: dict[int | None, list[PlannedSlide]] = {}
    for item in slides:
        by_section.setdefault(item.section, []).append(item)
    for item in by_section.get(None, []):
        out += _block(kit, item, images, fresh=True)
    later: list[Flowable] = []  # break notes that did not fit at the end of the previous page
    for index in sorted(k for k in by_section if k is not None):
        items = by_section[index]
        if _break_only(plan, index, items):
            for item in items:
                if isinstance(item.slide, BreakSlide):
                    here, there = here_or_later(partial(pause_panel, kit, item.slide))
                    out.append(here)
                    later.append(there)
            continue
        body = items[1:] if isinstance(items[0].slide, SectionSlide) else items
        opens_worksheet = bool(body) and isinstance(body[0].slide, ExerciseSlide)
        header = section_header(kit, plan, index, items[0], worksheet_next=opens_worksheet)
        out += header[:1] + later + header[1:]  # a carried-over break note goes before the heading
        later = []
        for n, item in enumerate(body):
            out += _block(kit, item, images, fresh=n > 0)
    on_back = sources_fit(kit, plan)
    out += later + ([] if on_back else sources(kit, plan.sources))
    if plan.back.notes_page:
        out += notes_page(kit)
    return out + back_cover(kit, plan, with_sources=on_back)


def _block(kit: Kit, item: PlannedSlide, images: Mapping[str, ImageFile], fresh: bool) -> list[Flowable]:
    """``fresh``: worksheets and the closing start their own page (not right after a heading)."""
    block = KINDS[item.kind].handout
    if isinstance(block, Nothing):
        return []
    return block.load()(kit, item.slide, HandoutContext(images, fresh))


def render(plan: DeckPlan, brand: Brand, assets: Assets) -> bytes:
    meta = plan.meta
    kit = make_kit(brand, meta.language, SCALE)
    geo = kit.geo
    frame = body_frame(geo)
    cover = template("cover", [body_frame(geo, "cover")], geo,
                     paint=cover_painter(kit, plan, assets.client_logo))
    body = template("body", [frame], geo)
    running = RunningText(
        header_left=meta.title,
        header_right=meta.client or brand.meta.name,
        footer_left=plan.footer or kit.word("handout"),
        page_label=kit.word("page"),
    )
    info = DocInfo(
        title=plain(meta.title),
        author=plain(meta.author or meta.facilitator or brand.meta.name),
        subject=plain(" — ".join(x for x in (kit.word("handout"), meta.subtitle, meta.client) if x)),
        language=meta.language,
        keywords=("workshop", kit.word("handout"), plain(meta.client or ""), brand.meta.name),
    )
    with kept_for("handout", f"{plan.name}\n{meta.client}\n{meta.language}", kit.styles.fonts.chain):
        return build_pdf(story(kit, plan, assets), info=info, geo=geo,
                         templates=[cover, body, back_template(kit, plan)],
                         paint=running_painter(geo, kit.styles, running), initial_font=kit.styles.fonts.body.regular)
