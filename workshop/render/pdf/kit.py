"""Everything a PDF renderer needs at hand, made once per document.

Bundles styles, palette, labels, page geometry and the chart painter, and the
one way renderers turn outline text into a paragraph (always through
``markup.inline``, so no outline text reaches reportlab unescaped).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from workshop.brand.model import Brand
from workshop.kinds import KINDS
from workshop.language import Language, language_for
from workshop.lazyclass import lazy_dataclass
from workshop.model.durations import format_clock
from workshop.render.pdf import markup, paragraphs
from workshop.render.pdf.fallback import apply_markup
from workshop.render.pdf.pages import Geometry, geometry
from workshop.render.pdf.styles import Palette, Styles, styles_for

if TYPE_CHECKING:
    from workshop.model.slides import ChartData
    from workshop.render.pdf.charts import ChartPainter
    from workshop.render.pdf.figures import Figure


@lazy_dataclass(frozen=True)
class Kit:
    brand: Brand
    styles: Styles
    palette: Palette
    lang: Language  # the fixed words, durations and numbers in the outline's language
    geo: Geometry
    language: str

    @cached_property
    def charts(self) -> ChartPainter:
        """The chart painter, imported only when an outline has charts (saves start-up time)."""
        from workshop.render.pdf.charts import ChartPainter

        fonts = self.styles.fonts
        return ChartPainter(self.palette, fonts.body.regular, fonts.body.bold, self.language, fonts.chain)

    def figure(self, chart: ChartData, width: float, height: float) -> Figure:
        """The chart as a drawing of ``width`` × ``height`` points (played from the user cache when it can be)."""
        from workshop.render.pdf.figures import Figure, figure_key

        fonts = self.styles.fonts
        font, bold = fonts.body.regular, fonts.body.bold
        key = figure_key(("chart", chart, width, height, self.palette, self.language), (font, bold), fonts.chain)
        return Figure(width, height, key, lambda: self.charts.drawing(chart, width, height))

    def p(self, text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
        """Outline text (with ``**bold**``/``*italic*``) as a paragraph."""
        return self._paragraph(text, style, bullet, inline=True)

    def raw(self, safe_markup: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
        """Markup built by ``markup`` helpers only (our labels and escaped outline text).

        Outside table cells the last two words of each line are tied, so no
        paragraph ends in a line of one word; cells are too narrow for that.
        """
        return self._paragraph(safe_markup, style, bullet, inline=False)

    def _paragraph(self, text: str, style: ParagraphStyle, bullet: str | None, inline: bool) -> Paragraph:
        tie = style.name not in self.styles.narrow
        chain = self.styles.fonts.chain

        def prepare(given: str) -> str:  # only when this text was not parsed before (``paragraphs``)
            safe_markup = markup.inline(given) if inline else given
            if tie:
                safe_markup = markup.tie_last_words(safe_markup)
            return apply_markup(safe_markup, style.fontName, chain)

        return paragraphs.paragraph(text, style, bullet, prepare=prepare, context=(inline, tie, chain))

    def word(self, key: str, **values: object) -> str:
        return self.lang.word(key, **values)

    def kind(self, kind: str) -> str:
        """The kind's name in the document's language (the record names the table's key)."""
        return self.lang.kind(KINDS[kind].label)

    @staticmethod
    def clock(minutes: int) -> str:
        return format_clock(minutes)

    @staticmethod
    def span(start: int, end: int) -> str:
        return f"{format_clock(start)}–{format_clock(end)}"

    def duration(self, minutes: int) -> str:
        return self.lang.duration(minutes)


def make_kit(brand: Brand, language: str, scale: float = 1.0) -> Kit:
    styles = styles_for(brand, scale, language)
    return Kit(
        brand=brand, styles=styles, palette=styles.palette, lang=language_for(language),
        geo=geometry(brand.settings.paper), language=language,
    )
