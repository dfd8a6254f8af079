"""Brand colours and fonts → the paragraph styles both PDFs share.

Typography decisions, applied to every style so the documents are consistent:
- ragged right (left-aligned), hyphenated by the outline's language
  (``hyphenation``): Dutch and German compounds are long, and a word cut
  without a hyphen in a narrow column reads as a typo; headings break only
  words too long for a line (a longer minimum word length);
- no widows or orphans (``allowWidows=0``, ``allowOrphans=0``);
- headings and kickers keep with what follows (``keepWithNext``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from workshop.brand.colors import contrast_ratio, mix, readable_on
from workshop.brand.model import Brand, Colors
from workshop.brand.roles import AA_BODY, AA_LARGE
from workshop.lazyclass import lazy_dataclass
from workshop.render.pdf.fonts import FontSet, register_brand_fonts
from workshop.render.pdf.hyphenation import hyphenator


@lazy_dataclass(frozen=True)
class Palette:
    """Brand colour roles as ``#RRGGBB`` strings; :meth:`c` gives reportlab colours."""

    text: str
    muted: str
    heading: str
    primary: str
    accent: str
    tertiary: str
    background: str
    light: str
    tint: str
    rule: str
    dark: str
    warning: str
    success: str
    on_primary: str
    on_accent: str
    accent_ink: str  # the accent as text on paper (kickers, big figures): darkened until it reads
    series: tuple[str, ...]

    @staticmethod
    def c(hex_color: str) -> Color:
        return HexColor("#" + hex_color.lstrip("#"))


PAPER = "#FFFFFF"


def on_paper(brand: Brand) -> tuple[Colors, str]:
    """The brand's colours for a white page, and the heading colour.

    Handouts and guides are printed on white. A dark brand's text colours are
    made for its dark background, so each one that does not reach WCAG AA on
    paper is replaced by the brand's own dark (or light) colour, whichever
    reads; the accessibility check says so. Light brands pass through as they are.
    Accent roles must reach body-text contrast too: the PDFs set them in small
    text (kickers, box titles, quiz answers, the facilitator-only label).
    """
    c = brand.colors
    heading = brand.typography.headings.color
    if contrast_ratio(c.background, "#000000") >= contrast_ratio(c.background, PAPER):
        return c, heading  # a light background: the brand was made for paper

    def ink(color: str, needed: float) -> str:
        if contrast_ratio(color, PAPER) >= needed:
            return color
        return next((x for x in (c.dark, c.light) if contrast_ratio(x, PAPER) >= needed), "#000000")

    paper = replace(c, background=PAPER, foreground=ink(c.foreground, AA_BODY), primary=ink(c.primary, AA_BODY),
                    secondary=ink(c.secondary, AA_BODY), tertiary=ink(c.tertiary, AA_BODY),
                    dark=ink(c.dark, AA_BODY), success=ink(c.success, AA_BODY), warning=ink(c.warning, AA_BODY))
    return paper, ink(heading, AA_LARGE)


def ink_on(color: str, paper: str, toward: str, needed: float = AA_BODY) -> str:
    """``color`` shaded toward ``toward`` in small steps until it reaches ``needed`` on ``paper``.

    A light accent (an ochre is 2.9:1 on white) stays recognisably the brand's
    hue as text instead of being swapped for black; fills keep the accent itself.
    """
    for step in range(21):
        shade = mix(color, toward, step * 0.05)
        if contrast_ratio(shade, paper) >= needed:
            return shade
    return readable_on(paper, (toward, "#000000", "#FFFFFF"), needed)


def make_palette(brand: Brand) -> Palette:
    c, heading = on_paper(brand)
    white = c.background
    tint = mix(c.primary, white, 0.9)
    return Palette(
        text=c.foreground,
        muted=_muted(c.foreground, white, (c.light, tint)),
        heading=heading,
        primary=c.primary,
        accent=c.secondary,
        tertiary=c.tertiary,
        background=white,
        light=c.light,
        tint=tint,
        rule=mix(c.foreground, white, 0.78),
        dark=c.dark,
        warning=c.warning,
        success=c.success,
        on_primary=readable_on(c.primary, (white, c.light, c.foreground, "#FFFFFF", "#000000")),
        on_accent=readable_on(c.secondary, (white, c.light, c.foreground, "#FFFFFF", "#000000")),
        accent_ink=ink_on(c.secondary, white, c.dark if contrast_ratio(c.dark, white) >= AA_BODY else "#000000"),
        series=tuple(c.series()),
    )


def _muted(text: str, paper: str, fills: tuple[str, ...]) -> str:
    """Text colour lightened towards paper, as far as it still reads: AA on paper, 3:1 on the light fills.

    Muted text (captions, sources) stands on paper; muted bullets also on the light
    and tint fills of compare columns, where 3:1 is what a graphic needs.
    """
    for amount in (0.35, 0.3, 0.25, 0.2, 0.15, 0.1, 0.05, 0.0):
        muted = mix(text, paper, amount)
        if contrast_ratio(muted, paper) >= AA_BODY and all(contrast_ratio(muted, f) >= AA_LARGE for f in fills):
            return muted
    return text


class Styles:
    """Named paragraph styles; ``scale`` 1.0 is the handout, smaller is the compact guide."""

    def __init__(self, brand: Brand, fonts: FontSet, palette: Palette, scale: float = 1.0,
                 language: str = "") -> None:
        self.fonts = fonts
        self.palette = palette
        p = palette
        size = 10.0 * scale
        ratio = brand.typography.base.line_height or 1.45
        body_font = fonts.body.regular
        head = fonts.heading_face
        words = hyphenator(language) or ""
        long_words = hyphenator(language, min_word=13) or ""  # headings: only what cannot fit a line

        def style(name: str, parent: ParagraphStyle | None = None, **kw: Any) -> ParagraphStyle:
            base = dict(
                fontName=body_font, fontSize=size, leading=size * ratio,
                textColor=p.c(p.text), alignment=TA_LEFT, allowWidows=0, allowOrphans=0,
                hyphenationLang=words, embeddedHyphenation=1, uriWasteReduce=0,
                bulletFontName=body_font, bulletFontSize=size,
            )
            if parent is not None:
                return ParagraphStyle(name, parent=parent, **kw)
            base.update(kw)
            return ParagraphStyle(name, **base)

        self.body = style("body", spaceAfter=size * 0.6)
        self.tight = style("tight", self.body, spaceAfter=size * 0.2)
        self.lead = style("lead", self.body, fontSize=size * 1.2, leading=size * 1.2 * ratio,
                          spaceAfter=size)
        self.small = style("small", self.body, fontSize=size * 0.85, leading=size * 0.85 * ratio,
                           spaceAfter=size * 0.3)
        self.muted = style("muted", self.small, textColor=p.c(p.muted))
        self.caption = style("caption", self.muted, fontName=fonts.body.italic, spaceBefore=size * 0.4)
        self.kicker = style("kicker", self.small, fontName=fonts.body.bold, textColor=p.c(p.accent_ink),
                            textTransform="uppercase", spaceAfter=size * 0.15, keepWithNext=1)
        heading_ratio = brand.typography.headings.line_height  # None: the designed spacing below
        self.h1 = style("h1", self.body, fontName=head, fontSize=size * 2.4,
                        leading=size * 2.4 * heading_ratio if heading_ratio else size * 2.75,
                        textColor=p.c(p.heading), spaceBefore=0, spaceAfter=size * 0.5,
                        keepWithNext=1, hyphenationLang=long_words)
        self.h2 = style("h2", self.body, fontName=head, fontSize=size * 1.45,
                        leading=size * 1.45 * heading_ratio if heading_ratio else size * 1.8,
                        textColor=p.c(p.heading), spaceBefore=size * 1.6, spaceAfter=size * 0.55,
                        keepWithNext=1, hyphenationLang=long_words)
        self.h3 = style("h3", self.body, fontName=fonts.body.bold, fontSize=size * 1.1,
                        leading=size * 1.1 * ratio, textColor=p.c(p.dark), spaceBefore=size * 0.9,
                        spaceAfter=size * 0.3, keepWithNext=1)
        self.subtitle = style("subtitle", self.lead, textColor=p.c(p.muted), spaceAfter=size * 1.2)
        self.statement = style("statement", self.body, fontName=fonts.heading.regular,
                               fontSize=size * 1.7, leading=size * 1.7 * 1.3,
                               textColor=p.c(p.primary), spaceBefore=size * 0.4, spaceAfter=size * 0.8)
        self.quote = style("quote", self.body, fontName=fonts.heading.italic, fontSize=size * 1.45,
                           leading=size * 1.45 * 1.35, textColor=p.c(p.dark), spaceAfter=size * 0.35)
        self.attribution = style("attribution", self.small, textColor=p.c(p.muted), spaceAfter=size)
        self.stat_value = style("stat_value", self.body, fontName=fonts.heading.bold,
                                fontSize=size * 4.2, leading=size * 4.5, textColor=p.c(p.accent_ink),
                                spaceAfter=size * 0.2, keepWithNext=1)
        self.stat_label = style("stat_label", self.lead, spaceAfter=size * 0.3)
        self.bullet = style("bullet", self.body, leftIndent=size * 1.5, bulletIndent=size * 0.3,
                            spaceAfter=size * 0.35, bulletColor=p.c(p.accent))
        self.bullet2 = style("bullet2", self.bullet, leftIndent=size * 3.0, bulletIndent=size * 1.6,
                             spaceAfter=size * 0.25, bulletColor=p.c(p.muted))
        self.numbered = style("numbered", self.bullet, leftIndent=size * 2.0, bulletIndent=0,
                              bulletFontName=fonts.body.bold, bulletColor=p.c(p.primary))
        self.cell = style("cell", self.body, fontSize=size * 0.9, leading=size * 0.9 * 1.35, spaceAfter=0)
        self.cell_head = style("cell_head", self.cell, fontName=fonts.body.bold,
                               textColor=p.c(p.on_primary))
        self.cell_head_accent = style("cell_head_accent", self.cell_head, textColor=p.c(p.on_accent))
        self.cell_bullet = style("cell_bullet", self.cell, leftIndent=size * 1.1, bulletIndent=0,
                                 bulletColor=p.c(p.muted), bulletFontSize=size * 0.9)
        # Styles set in table cells: too narrow to tie the last two words of a line together.
        self.narrow = frozenset({"cell", "cell_head", "cell_head_accent", "cell_bullet"})
        self.box_title = style("box_title", self.body, fontName=fonts.body.bold, textColor=p.c(p.primary),
                               spaceAfter=size * 0.3, keepWithNext=1)


def styles_for(brand: Brand, scale: float = 1.0, language: str = "") -> Styles:
    """``language`` picks the hyphenation dictionary ("" for none)."""
    fonts = register_brand_fonts(brand)
    return Styles(brand, fonts, make_palette(brand), scale, language)
