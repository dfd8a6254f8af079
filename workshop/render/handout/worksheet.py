"""An exercise as a worksheet: goal, timing, group, materials, steps and writing space.

A worksheet starts on a fresh page so participants can write on it (unless
the page so far is under 40 % full: then it starts there, see
``flowables.page_start``), and it ends its last page: what is left of that
page becomes a dot grid for notes, so the next part starts on a new page and
no worksheet page trails off into white paper. Writing space is real: ruled
lines per prompt, as many as the outline asks (``prompt.lines``), or an open
notes box when the exercise has no prompts. Everything splits across pages,
so 30 steps with 40 lines each still flows.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from workshop.model.slides import ExerciseSlide
from workshop.render.handout.context import HandoutContext
from workshop.render.pdf import markup
from workshop.render.pdf.document import Bookmark
from workshop.render.pdf.flowables import NotesGrid, WritingBox, WritingLines, badge, box, hanging, page_start
from workshop.render.pdf.kit import Kit
from workshop.text.inline import plain


def facts(kit: Kit, slide: ExerciseSlide) -> list[Flowable]:
    """Time, group size and materials as label: value lines (shared with the guide)."""
    s = kit.styles
    out = []
    pairs = [(kit.word("time"), markup.escape(kit.duration(slide.duration)))]
    if slide.group:
        pairs.append((kit.word("group"), markup.inline(slide.group)))
    if slide.materials:
        pairs.append((kit.word("materials"), ", ".join(markup.inline(x) for x in slide.materials)))
    for label, value in pairs:
        out.append(kit.raw(markup.bold(markup.escape(label + ": ")) + value, s.tight))
    return out


def worksheet(kit: Kit, slide: ExerciseSlide, ctx: HandoutContext) -> list[Flowable]:
    """A page of its own unless the section heading just started one (``ctx.fresh`` false)."""
    s, p = kit.styles, kit.palette
    fresh_page = ctx.fresh
    out: list[Flowable] = [page_start(kit.geo.frame_height)] if fresh_page else []
    bookmark = Bookmark(plain(slide.title), 1)
    bookmark.keepWithNext = 1
    out += [bookmark, kit.raw(markup.escape(kit.word("worksheet")), s.kicker),
            kit.p(slide.title, s.h1 if fresh_page else s.h2)]
    panel = []
    if slide.goal:
        panel.append(kit.raw(markup.bold(markup.escape(kit.word("goal") + ": ")) + markup.inline(slide.goal),
                             s.tight))
    panel += facts(kit, slide)
    out += [box(panel, p.c(p.tint), s.fonts.body.regular, padding=5 * mm), Spacer(1, 2 * mm),
            kit.raw(markup.escape(kit.word("how")), s.h3)]
    gutter = 9 * mm
    for number, step in enumerate(slide.steps, start=1):
        mark = badge(str(number), s.fonts.body.bold, 9, p.c(p.accent), p.c(p.on_accent), 6 * mm)
        out += hanging(mark, [kit.p(step, s.tight)], gutter, space_before=1.5 * mm)
    prompts = slide.prompts
    if not prompts:
        return out + [kit.raw(markup.escape(kit.word("notes")), s.h3),
                      WritingBox(95 * mm, p.c(p.rule)), *end_of_page(kit)]
    for number, prompt in enumerate(prompts, start=1):
        out.append(Spacer(1, 3 * mm))
        question = markup.color(markup.escape(f"{number}. "), p.accent_ink) + markup.inline(prompt.text)
        out.append(kit.raw(markup.bold(question), s.h3))
        if prompt.lines:
            out.append(WritingLines(prompt.lines, p.c(p.rule)))
    return out + end_of_page(kit)


def end_of_page(kit: Kit) -> list[Flowable]:
    """The rest of the page as a dot grid for notes (when 45 mm or more is left), then a new page."""
    s, p = kit.styles, kit.palette
    grid = NotesGrid(p.c(p.rule), kit.word("notes"), s.fonts.body.bold, p.c(p.muted))
    return [grid, CondPageBreak(grid.minimum + 1)]
