"""The handout's cover: a brand-coloured band with the title, the meta data and logos.

Painted straight onto the canvas (the cover is a poster, not flowing text),
but every piece of outline text still goes through a ``Paragraph`` built from
escaped markup, and long titles shrink until they fit the band.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from workshop.brand.colors import mix
from workshop.plan.model import DeckPlan
from workshop.render.pdf import markup, paragraphs
from workshop.render.pdf.fallback import apply_markup, draw_string
from workshop.render.pdf.images import draw_image, logo_image
from workshop.render.pdf.kit import Kit
from workshop.render.pdf.styles import Palette
from workshop.safety.images import ImageFile


def _paragraph(safe_markup: str, style: ParagraphStyle) -> Paragraph:
    """Markup from ``markup`` helpers, with per-character font fallback."""
    return paragraphs.paragraph(safe_markup, style, prepare=lambda m: apply_markup(m, style.fontName),
                                context="cover")


def _fit_paragraph(text: str, style: ParagraphStyle, width: float, height: float,
                   sizes: tuple[float, ...]) -> Paragraph:
    """Outline text at the largest size that fits the box; at the smallest size,
    cut at a word with an ellipsis (the cover is a poster; the full text is inside)."""
    fitted = style
    for size in sizes:
        fitted = ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size, leading=size * 1.12)
        paragraph = _paragraph(markup.inline(text), fitted)
        if paragraph.wrap(width, height)[1] <= height:
            return paragraph
    words = text.split()
    low, high = 0, len(words)  # words[:low] fits, words[:high] does not
    while high - low > 1:
        middle = (low + high) // 2
        if _paragraph(markup.inline(" ".join(words[:middle]) + " …"), fitted).wrap(width, height)[1] <= height:
            low = middle
        else:
            high = middle
    return _paragraph(markup.inline(" ".join(words[:low]) + " …"), fitted)


def cover_painter(kit: Kit, plan: DeckPlan, client_logo: ImageFile | None) -> Callable[[Canvas, Any], None]:
    meta = plan.meta
    geo, p, fonts = kit.geo, kit.palette, kit.styles.fonts
    accent = "#" + meta.client_color.lstrip("#") if meta.client_color else p.accent
    ours = logo_image(kit.brand.logos.get("medium"))
    band_bottom = geo.height * 0.44
    width = geo.frame_width

    kicker = ParagraphStyle("cover-kicker", fontName=fonts.body.bold, fontSize=9, leading=12,
                            textColor=Palette.c(mix(p.on_primary, p.primary, 0.25)),
                            textTransform="uppercase")
    title = ParagraphStyle("cover-title", fontName=fonts.heading_face, textColor=Palette.c(p.on_primary))
    subtitle = ParagraphStyle("cover-subtitle", fontName=fonts.heading.regular, fontSize=15, leading=20,
                              textColor=Palette.c(mix(p.on_primary, p.primary, 0.12)))
    label = ParagraphStyle("cover-label", fontName=fonts.body.bold, fontSize=8, leading=10.5,
                           textColor=Palette.c(p.muted), textTransform="uppercase")
    value = ParagraphStyle("cover-value", fontName=fonts.body.regular, fontSize=12, leading=15,
                           textColor=Palette.c(p.text))

    def paint(canvas: Canvas, doc: Any) -> None:
        canvas.setFillColor(Palette.c(p.primary))
        canvas.rect(0, band_bottom, geo.width, geo.height - band_bottom, stroke=0, fill=1)
        canvas.setFillColor(Palette.c(accent))
        canvas.rect(0, band_bottom - 2.5 * mm, geo.width, 2.5 * mm, stroke=0, fill=1)

        top = geo.height - 24 * mm
        k = _paragraph(markup.escape(kit.word("handout") + " · workshop"), kicker)
        k.wrapOn(canvas, width, 20)
        k.drawOn(canvas, geo.left, top - k.height)

        band = top - k.height - 12 * mm - (band_bottom + 16 * mm)
        sub = _fit_paragraph(meta.subtitle, subtitle, width * 0.92, band * 0.35, (15, 13, 11, 9)) \
            if meta.subtitle else None
        sub_h = sub.wrap(width * 0.92, band)[1] if sub else 0
        room = band - sub_h - (5 * mm if sub else 0)
        t = _fit_paragraph(meta.title, title, width * 0.92, room, (38, 34, 30, 26, 22, 19, 16, 13, 11))
        _, t_h = t.wrap(width * 0.92, room)
        y = band_bottom + 16 * mm + sub_h + (5 * mm if sub else 0)
        t.drawOn(canvas, geo.left, y)
        if sub:
            sub.drawOn(canvas, geo.left, band_bottom + 16 * mm)

        rows = [
            (kit.word("for"), meta.client),
            (kit.word("date"), plan.date),
            (kit.word("time"), f"{kit.span(plan.start, plan.end)} ({kit.duration(plan.end - plan.start)})"
             if plan.end > plan.start else None),
            (kit.word("facilitator"), meta.facilitator),
        ]
        y = band_bottom - 16 * mm
        for name, text in rows:
            if not text:
                continue
            lp = _paragraph(markup.escape(name), label)
            lp.wrapOn(canvas, 40 * mm, 20)
            vp = _paragraph(markup.inline(text), value)
            _, vh = vp.wrapOn(canvas, width - 42 * mm, 40 * mm)
            lp.drawOn(canvas, geo.left, y - lp.height - 1.5)
            vp.drawOn(canvas, geo.left + 42 * mm, y - vh)
            y -= max(vh, lp.height) + 5 * mm

        _logos(canvas, kit, ours, client_logo, p, accent)

    return paint


def _logos(canvas: Canvas, kit: Kit, ours: ImageFile | None, theirs: ImageFile | None, p: Palette,
           accent: str) -> None:
    """Our logo leads at the bottom left; the client's follows after a thin rule."""
    geo = kit.geo
    y, height = geo.bottom - 4 * mm, 15 * mm
    x = geo.left
    if ours is not None:
        x += draw_image(canvas, ours, x, y, 55 * mm, height)
    else:
        name = kit.brand.meta.short_name
        canvas.setFillColor(Palette.c(p.primary))
        text = " ".join(name.split())[:60]
        x += draw_string(canvas, x, y + height / 2 - 5, text, kit.styles.fonts.heading.bold, 16)
    if theirs is not None:
        x += 7 * mm
        canvas.setStrokeColor(Palette.c(p.rule))
        canvas.setLineWidth(0.7)
        canvas.line(x, y, x, y + height)
        x += 7 * mm
        draw_image(canvas, theirs, x, y, 55 * mm, height)
