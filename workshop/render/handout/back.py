"""The handout's back matter: a notes page, then a back cover.

The back cover is one page: next steps, contact and (when they fit) the
sources in the upper part; a band in the brand's main colour with the web
address and its QR code at the foot. Sources that would not fit stay in the
body, before the notes page, and the back cover never spills onto a second
page (an outline at every limit is shrunk to fit, the only place that can).
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Frame, KeepInFrame, NextPageTemplate, PageTemplate

from workshop.brand.colors import mix
from workshop.plan.model import BackCover, DeckPlan, Source
from workshop.render.handout.closing import numbered, source_list
from workshop.render.pdf import markup
from workshop.render.pdf.document import Bookmark
from workshop.render.pdf.fallback import draw_string
from workshop.render.pdf.flowables import NotesGrid
from workshop.render.pdf.images import draw_image, logo_image
from workshop.render.pdf.kit import Kit
from workshop.render.pdf.measure import shorten
from workshop.render.pdf.pages import Geometry, template
from workshop.render.pdf.qr import draw_qr
from workshop.render.pdf.styles import Palette

TEMPLATE = "cover-back"  # "cover…": no running header or footer
BAND = 68 * mm  # the coloured band at the foot
TOP = 42 * mm  # logo area above the frame
QR = 34 * mm


def back_frame(geo: Geometry) -> Frame:
    return Frame(geo.left, BAND + 12 * mm, geo.frame_width, geo.height - TOP - BAND - 12 * mm, id="back",
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


def notes_page(kit: Kit) -> list[Flowable]:
    """A page of its own with a dot grid, for what participants want to keep."""
    s, p = kit.styles, kit.palette
    mark = Bookmark(kit.word("notes"))
    mark.keepWithNext = 1
    heading = kit.raw(markup.escape(kit.word("notes")), s.h1)
    return [CondPageBreak(kit.geo.frame_height - 2), mark, heading,
            NotesGrid(p.c(p.rule), "", s.fonts.body.bold, p.c(p.muted), minimum=0)]


def _contents(kit: Kit, back: BackCover, sources: tuple[Source, ...]) -> list[Flowable]:
    s = kit.styles
    out: list[Flowable] = []
    if back.next_steps:
        out.append(kit.raw(markup.escape(kit.word("next_steps")), s.h1))
        out += numbered(kit, back.next_steps, 1.5 * mm)
    if back.contact:
        out.append(kit.raw(markup.escape(kit.word("contact")), s.h2))
        first, *rest = back.contact
        out.append(kit.raw(markup.bold(markup.literal(first)), s.tight))
        out += [kit.raw(markup.literal(line), s.tight) for line in rest]
    if sources:
        bookmark = Bookmark(kit.word("sources"))
        bookmark.keepWithNext = 1
        out += [bookmark, *source_list(kit, sources)]
    return out


def _height(flowables: list[Flowable], width: float) -> float:
    """A generous estimate of the height the flowables take at ``width``."""
    total = 0.0
    for flowable in flowables:
        total += flowable.wrap(width, 10_000)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def sources_fit(kit: Kit, plan: DeckPlan) -> bool:
    """Whether the sources go on the back cover (else they close the body, as a page section)."""
    frame = back_frame(kit.geo)
    return _height(_contents(kit, plan.back, plan.sources), frame._width) <= frame._height


def back_cover(kit: Kit, plan: DeckPlan, with_sources: bool) -> list[Flowable]:
    """The flowables of the back cover, after the switch to its page template."""
    frame = back_frame(kit.geo)
    contents = _contents(kit, plan.back, plan.sources if with_sources else ())
    if _height(contents, frame._width) > frame._height:  # only an outline at every limit gets here
        contents = [KeepInFrame(frame._width, frame._height, contents, mode="shrink")]
    return [NextPageTemplate(TEMPLATE), CondPageBreak(kit.geo.frame_height - 2), *contents]


def back_template(kit: Kit, plan: DeckPlan) -> PageTemplate:
    return template(TEMPLATE, [back_frame(kit.geo)], kit.geo, paint=back_painter(kit, plan))


def back_painter(kit: Kit, plan: DeckPlan) -> Callable[[Canvas, object], None]:
    geo, p, fonts = kit.geo, kit.palette, kit.styles.fonts
    back = plan.back
    ours = logo_image(kit.brand.logos.get("medium"))
    ink = p.on_primary
    soft = mix(p.on_primary, p.primary, 0.22)

    def paint(canvas: Canvas, doc: object) -> None:
        canvas.setFillColor(Palette.c(p.primary))
        canvas.rect(0, 0, geo.width, BAND, stroke=0, fill=1)
        canvas.setFillColor(Palette.c(p.accent))
        canvas.rect(0, BAND, geo.width, 2.5 * mm, stroke=0, fill=1)
        top = geo.height - 22 * mm - 14 * mm
        if ours is not None:
            draw_image(canvas, ours, geo.left, top, 55 * mm, 14 * mm)
        else:
            canvas.setFillColor(Palette.c(p.primary))
            draw_string(canvas, geo.left, top + 3 * mm, " ".join(kit.brand.meta.short_name.split())[:60],
                        fonts.heading.bold, 16)
        canvas.setFillColor(Palette.c(p.muted))
        draw_string(canvas, geo.width - geo.right, top + 3 * mm,
                    shorten(" ".join(plan.meta.title.split()), fonts.body.regular, 9, geo.frame_width * 0.5),
                    fonts.body.regular, 9, anchor="end")

        text_width = geo.frame_width - (QR + 14 * mm if back.qr else 0)
        y = BAND - 18 * mm
        canvas.setFillColor(Palette.c(soft))
        draw_string(canvas, geo.left, y, kit.word("more").upper(), fonts.body.bold, 9)
        if back.url:
            y -= 7 * mm
            canvas.setFillColor(Palette.c(ink))
            intro = kit.word("scan" if back.qr else "go_to")
            draw_string(canvas, geo.left, y, shorten(intro, fonts.body.regular, 11, text_width),
                        fonts.body.regular, 11)
            y -= 8 * mm
            address = back.url.split("://", 1)[-1].rstrip("/")
            draw_string(canvas, geo.left, y, shorten(address, fonts.body.bold, 14, text_width),
                        fonts.body.bold, 14)
        canvas.setFillColor(Palette.c(soft))
        draw_string(canvas, geo.left, 16 * mm, shorten(kit.brand.meta.name, fonts.body.regular, 9, text_width),
                    fonts.body.regular, 9)
        if back.qr and back.url:
            tile = QR + 8 * mm
            x = geo.width - geo.right - tile
            base = (BAND - tile) / 2
            canvas.setFillColor(Palette.c("#FFFFFF"))
            canvas.roundRect(x, base, tile, tile, 2.5 * mm, stroke=0, fill=1)
            draw_qr(canvas, back.url, x + 4 * mm, base + 4 * mm, QR, Palette.c(p.dark))

    return paint
