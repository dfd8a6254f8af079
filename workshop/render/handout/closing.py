"""The closing page (takeaways, call to action, question) and the sources list."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from workshop.model.slides import ClosingSlide
from workshop.plan.model import Source
from workshop.render.handout.context import HandoutContext
from workshop.render.pdf import markup
from workshop.render.pdf.document import Bookmark
from workshop.render.pdf.flowables import badge, box, hanging
from workshop.render.pdf.kit import Kit
from workshop.text.inline import plain


def closing(kit: Kit, slide: ClosingSlide, ctx: HandoutContext) -> list[Flowable]:
    """The closing block; it flows on after what came before (a new page only when little is left)."""
    s, p = kit.styles, kit.palette
    out: list[Flowable] = []
    if ctx.fresh:
        bookmark = Bookmark(plain(slide.title), 1)
        bookmark.keepWithNext = 1
        out += [CondPageBreak(kit.geo.frame_height * 0.3), bookmark]
    out.append(kit.p(slide.title, s.h2))
    if slide.takeaways:
        out.append(kit.raw(markup.escape(kit.word("takeaways")), s.kicker))
        out += numbered(kit, slide.takeaways, 2 * mm)
    if slide.action:
        ink = p.on_primary
        rows = [kit.raw(markup.color(markup.bold(markup.escape(kit.word("action"))), ink), s.kicker),
                kit.raw(markup.color(markup.inline(slide.action), ink), s.lead)]
        out += [Spacer(1, 4 * mm), box(rows, p.c(p.primary), s.fonts.body.regular, padding=6 * mm)]
    if slide.question:
        rows = [kit.raw(markup.escape(kit.word("discuss")), s.kicker),
                kit.p(slide.question, s.statement)]
        out += [Spacer(1, 4 * mm), box(rows, p.c(p.tint), s.fonts.body.regular, padding=6 * mm)]
    return out


def sources(kit: Kit, items: tuple[Source, ...]) -> list[Flowable]:
    """The sources as a part of the body (when they do not fit on the back cover)."""
    if not items:
        return []
    mark = Bookmark(kit.word("sources"))
    mark.keepWithNext = 1
    return [CondPageBreak(50 * mm), mark, *source_list(kit, items)]


def source_list(kit: Kit, items: tuple[Source, ...]) -> list[Flowable]:
    """The heading and the numbered sources, each with the slide it is cited on."""
    if not items:
        return []
    s = kit.styles
    out: list[Flowable] = [kit.raw(markup.escape(kit.word("sources")), s.h2)]
    for number, source in enumerate(items, start=1):
        text = markup.inline(source.text)
        if source.slide is not None:
            text += markup.color(markup.escape(f" ({kit.word('slide', n=source.slide)})"), kit.palette.muted)
        out.append(kit.raw(text, s.numbered, bullet=f"{number}."))
    return out


def numbered(kit: Kit, texts: Sequence[str], space_before: float) -> list[Flowable]:
    """Texts in lead type, each hanging from a numbered accent badge (takeaways, next steps)."""
    s, p = kit.styles, kit.palette
    out: list[Flowable] = []
    for number, text in enumerate(texts, start=1):
        mark = badge(str(number), s.fonts.heading.bold, 10, p.c(p.accent), p.c(p.on_accent), 7 * mm)
        out += hanging(mark, [kit.p(text, s.lead)], 11 * mm, space_before=space_before)
    return out
