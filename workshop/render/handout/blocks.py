"""One participant slide → the flowables that tell its message in the handout.

Not printed slides: bullets become prose lists, statements emphasised text,
quotes pull quotes, figures big numbers, charts vector charts. Speaker notes,
quiz answers and explanations are facilitator content and never read here.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from workshop.model import slides as m
from workshop.render.handout.context import HandoutContext
from workshop.render.pdf import markup
from workshop.render.pdf.flowables import FlowTable, badge, box, hanging, quote_mark
from workshop.render.pdf.images import image_flowable
from workshop.render.pdf.kit import Kit
from workshop.render.pdf.tables import data_table


def _title(kit: Kit, text: str | None) -> list[Flowable]:
    return [kit.p(text, kit.styles.h2)] if text else []


def _source(kit: Kit, text: str | None) -> list[Flowable]:
    if not text:
        return []
    return [kit.raw(markup.escape(kit.word("source") + ": ") + markup.inline(text), kit.styles.muted)]


def bullets(kit: Kit, slide: m.BulletsSlide, _ctx: HandoutContext) -> list[Flowable]:
    s = kit.styles
    out = _title(kit, slide.title)
    for item in slide.items:
        out.append(kit.p(item.text, s.bullet, bullet="•"))
        out.extend(kit.p(sub, s.bullet2, bullet="–") for sub in item.sub)
    return out


def statement(kit: Kit, slide: m.StatementSlide, _ctx: HandoutContext) -> list[Flowable]:
    s, p = kit.styles, kit.palette
    rows = ([kit.p(slide.title, s.kicker)] if slide.title else []) + [kit.p(slide.text, s.statement)]
    return [Spacer(1, 2 * mm), box(rows, p.c(p.background), s.fonts.body.regular, accent=p.c(p.accent), padding=5 * mm),
            Spacer(1, 4 * mm)]


def quote(kit: Kit, slide: m.QuoteSlide, _ctx: HandoutContext) -> list[Flowable]:
    s, p = kit.styles, kit.palette
    who = markup.inline(slide.by) + (", " + markup.inline(slide.source) if slide.source else "")
    body = [kit.p(slide.text, s.quote), kit.raw("— " + who, s.attribution)]
    body[0].keepWithNext = 1  # never an attribution alone at the top of a page
    gutter = 13 * mm
    mark = quote_mark(kit.styles.fonts.heading.bold, 46, p.c(p.accent))
    return [Spacer(1, 3 * mm), *hanging(mark, body, gutter)]


def compare(kit: Kit, slide: m.CompareSlide, _ctx: HandoutContext) -> list[Flowable]:
    s, p = kit.styles, kit.palette
    width = kit.geo.frame_width
    left, right = slide.left, slide.right
    head = [kit.p(left.heading, s.cell_head), kit.p(right.heading, s.cell_head_accent)]
    rows = [head]
    for n in range(max(len(left.points), len(right.points))):
        cell = []
        for column in (left, right):
            cell.append(kit.p(column.points[n], s.cell_bullet, bullet="•") if n < len(column.points) else "")
        rows.append(cell)
    table = FlowTable(rows, colWidths=[width / 2 - 2 * mm, width / 2 - 2 * mm], repeatRows=1,
                  splitByRow=1, splitInRow=1, hAlign="LEFT", spaceBefore=2 * mm, spaceAfter=4 * mm)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), s.fonts.body.regular),
        ("BACKGROUND", (0, 0), (0, 0), p.c(p.primary)),
        ("BACKGROUND", (1, 0), (1, 0), p.c(p.accent)),
        ("BACKGROUND", (0, 1), (0, -1), p.c(p.tint)),
        ("BACKGROUND", (1, 1), (1, -1), p.c(p.light)),
        ("LINEAFTER", (0, 0), (0, -1), 4 * mm, p.c(p.background)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
        ("TOPPADDING", (0, 0), (-1, 0), 2.5 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 2.5 * mm),
        ("TOPPADDING", (0, 1), (-1, 1), 3 * mm),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 3 * mm),
    ]))
    return [*_title(kit, slide.title), table]


def stat(kit: Kit, slide: m.StatSlide, _ctx: HandoutContext) -> list[Flowable]:
    s = kit.styles
    value_style = s.stat_value
    if len(slide.value) > 6:  # long figures get smaller instead of breaking over lines
        scale = max(0.4, 6 / len(slide.value))
        value_style = value_style.clone("stat-long", fontSize=value_style.fontSize * scale,
                                        leading=value_style.leading * scale)
    figure = [kit.raw(markup.literal(slide.value), value_style), kit.p(slide.label, s.stat_label),
              *_source(kit, slide.source)]
    out = _title(kit, slide.title)
    if slide.chart is None:
        figure[0].spaceBefore = 2 * mm  # not a Spacer: the heading keeps with the figure itself
        return [KeepTogether(out + figure), Spacer(1, 3 * mm)]
    width = kit.geo.frame_width
    chart = kit.figure(slide.chart, width * 0.5, 48 * mm)
    table = FlowTable([[figure, chart]], colWidths=[width * 0.46, width * 0.54], splitInRow=1,
                  hAlign="LEFT", spaceAfter=4 * mm)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("FONTNAME", (0, 0), (-1, -1), s.fonts.body.regular),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (0, -1), 6 * mm)]))
    return [*out, table]


def chart(kit: Kit, slide: m.ChartSlide, _ctx: HandoutContext) -> list[Flowable]:
    s = kit.styles
    drawing = kit.figure(slide.chart, kit.geo.frame_width, 62 * mm)
    out = [drawing]
    if slide.caption:
        out.append(kit.p(slide.caption, s.caption))
    # One KeepTogether with the heading: keepWithNext does not reach into a KeepTogether,
    # and a caption or source must never land on a page without its chart.
    return [KeepTogether(_title(kit, slide.title) + out + _source(kit, slide.source)), Spacer(1, 2 * mm)]


def table(kit: Kit, slide: m.TableSlide, _ctx: HandoutContext) -> list[Flowable]:
    grid = data_table(kit, slide.header, slide.rows)
    source = _source(kit, slide.source)
    if source:
        grid.keepWithNext = 1  # a source line never starts a page on its own
    return [*_title(kit, slide.title), grid, *source]


def image(kit: Kit, slide: m.ImageSlide, ctx: HandoutContext) -> list[Flowable]:
    s = kit.styles
    out: list[Flowable] = []
    picture = ctx.images.get(slide.image)
    if picture is not None:
        picture_flowable = image_flowable(picture, kit.geo.frame_width, kit.geo.frame_height * 0.45)
        picture_flowable.spaceBefore = 1 * mm
        out.append(picture_flowable)
    if slide.caption:
        out.append(kit.p(slide.caption, s.caption))
    out.append(kit.raw(markup.escape(kit.word("image") + ": ") + markup.inline(slide.alt), s.muted))
    return [KeepTogether(_title(kit, slide.title) + out + _source(kit, slide.source)), Spacer(1, 2 * mm)]


def steps(kit: Kit, slide: m.StepsSlide, _ctx: HandoutContext) -> list[Flowable]:
    s, p = kit.styles, kit.palette
    out = _title(kit, slide.title)
    gutter = 11 * mm
    for number, step in enumerate(slide.items, start=1):
        mark = badge(str(number), s.fonts.heading.bold, 10, p.c(p.primary), p.c(p.on_primary), 7 * mm)
        body = [kit.raw(markup.bold(markup.inline(step.title)), s.tight)]
        if step.text:
            body.append(kit.p(step.text, s.body))
        out += hanging(mark, body, gutter, space_before=2.5 * mm)
    return [*out, Spacer(1, 2 * mm)]


def quiz(kit: Kit, slide: m.QuizSlide, _ctx: HandoutContext) -> list[Flowable]:
    """The question and its options only: the answer is the facilitator's."""
    s, p = kit.styles, kit.palette
    rows: list[Flowable] = [kit.raw(markup.escape(kit.word("question")), s.kicker),
                            kit.raw(markup.bold(markup.inline(slide.question)), s.body)]
    for n, option in enumerate(slide.options):
        rows.append(kit.p(option, s.numbered, bullet=chr(ord("A") + n)))
    panel = box(rows, p.c(p.tint), s.fonts.body.regular, padding=5 * mm)
    panel.spaceBefore, panel.spaceAfter = 1 * mm, 4 * mm
    return [*_title(kit, slide.title if slide.title != "Quiz" else None), panel]


def pause_panel(kit: Kit, slide: m.BreakSlide) -> Flowable:
    s, p = kit.styles, kit.palette
    text = markup.bold(markup.inline(slide.title)) + markup.escape(f" · {kit.duration(slide.duration)}")
    rows = [kit.raw(text, s.tight)]
    if slide.text:
        rows.append(kit.p(slide.text, s.tight))
    return box(rows, p.c(p.light), s.fonts.body.regular, padding=4 * mm)


def pause(kit: Kit, slide: m.BreakSlide, _ctx: HandoutContext) -> list[Flowable]:
    return [Spacer(1, 2 * mm), pause_panel(kit, slide), Spacer(1, 3 * mm)]


def subsection(kit: Kit, slide: m.SectionSlide, _ctx: HandoutContext) -> list[Flowable]:
    out = [kit.p(slide.title, kit.styles.h2)]
    if slide.subtitle:
        out.append(kit.p(slide.subtitle, kit.styles.subtitle))
    return out
