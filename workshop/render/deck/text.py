"""Paragraphs and runs as DrawingML, with every size, font and language written out.

Sizes come from the text role (the fit's choice, else the brand's maximum)
and are written on every run, so PowerPoint and LibreOffice show the same
thing without an autofit pass. Placeholders say ``a:normAutofit`` without a
``fontScale``: shown at the written sizes (100 %), and shrunk by PowerPoint
once someone edits more text into them; text boxes (labels, decorations,
table cells) say ``a:noAutofit``, as a decoration must keep its size. Bullets,
margins, spacing and typefaces follow ``workshop.layouts.paragraphs``, the
rules the text fit measures with. Colour and alignment are written only for
text boxes; placeholders inherit them from the layout so a designer's
restyle shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workshop.brand.model import Brand
from workshop.layouts import paragraphs as rules
from workshop.layouts.geometry import Insets
from workshop.layouts.paragraphs import Line
from workshop.layouts.spec import TextStyle
from workshop.render.deck.colors import Palette
from workshop.render.deck.ooxml import Element, el, sub
from workshop.text.inline import Run

ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}
ALIGN = {"left": "l", "center": "ctr", "right": "r"}
BULLET_CHARS = ("\u2022", "\u2013")

#: One paragraph to write (``workshop.layouts.paragraphs.Line``).
Para = Line


def para(text: str, markup: bool = True, **kw: Any) -> Line:
    """A paragraph from outline text; ``**bold**``/``*italic*`` become runs unless ``markup`` is off."""
    return Line(text, markup=markup, **kw)


class Typesetter:
    """Writes text bodies for one deck: brand fonts, palette, language, sizes per role."""

    def __init__(self, brand: Brand, palette: Palette, lang: str, size: Callable[[str], float],
                 behind: str = "background", made: dict[tuple[object, ...], Element] | None = None) -> None:
        self.brand = brand
        self.palette = palette
        self.lang = lang
        self.size = size
        self.behind = behind  # the colour role under the text: text colours are made readable on it
        # Run and paragraph properties already made, by everything they depend on beyond the brand,
        # palette and language (which a ``made`` dict is shared for): a copy is cheaper than a rebuild.
        self.made: dict[tuple[object, ...], Element] = {} if made is None else made

    def on(self, behind: str | None) -> Typesetter:
        """The same typesetter for text drawn on ``behind`` (a fill's colour role)."""
        if not behind or behind == "none" or behind == self.behind:
            return self
        return Typesetter(self.brand, self.palette, self.lang, self.size, behind, self.made)

    def body(self, paras: list[Para], style: TextStyle, insets: Insets, *, explicit: bool, tag: str = "p:txBody"
             ) -> Element:
        """A complete ``p:txBody`` (or ``a:txBody`` for table cells)."""
        tx = el(tag)
        # A placeholder keeps its layout's look; on an edit PowerPoint shrinks what no longer fits.
        tx.append(self.body_pr(style, insets) if explicit else el("a:bodyPr", None, el("a:normAutofit")))
        sub(tx, "a:lstStyle")
        self.write(tx, paras, style, explicit=explicit)
        return tx

    def body_pr(self, style: TextStyle, insets: Insets, autofit: bool = False) -> Element:
        return el("a:bodyPr", {
            "wrap": "square", "lIns": insets.left, "tIns": insets.top, "rIns": insets.right,
            "bIns": insets.bottom, "anchor": ANCHOR[style.anchor], "rtlCol": "0",
        }, el("a:normAutofit") if autofit else el("a:noAutofit"))

    def write(self, tx: Element, paras: list[Para], style: TextStyle, *, explicit: bool) -> None:
        for old in tx.findall("{http://schemas.openxmlformats.org/drawingml/2006/main}p"):
            tx.remove(old)
        for index, item in enumerate(paras or [Line("")]):
            self.paragraph(item, style, first=index == 0, explicit=explicit, into=tx)

    def point_size(self, item: Para, style: TextStyle) -> float:
        return self.size(rules.role_of(item, style)) * rules.scale_of(item, style)

    def paragraph(self, item: Para, style: TextStyle, *, first: bool, explicit: bool,
                  into: Element | None = None) -> Element:
        """An ``a:p``, made as the last child of ``into`` when given (no document of its own to move)."""
        size = self.point_size(item, style)
        p = el("a:p") if into is None else sub(into, "a:p")
        p.append(self._ppr(item, style, first, explicit, size))
        for run in rules.runs(item):
            self._runs(p, run, item, style, size, explicit)
        p.append(self.rpr(item, style, size, explicit, tag="a:endParaRPr"))
        return p

    def rpr(self, item: Para, style: TextStyle, size: float, explicit: bool, run: Run | None = None,
            tag: str = "a:rPr") -> Element:
        heading, bold, italic = rules.face(item, style, run, heading_bold=self.brand.typography.headings.bold,
                                           heading_italic=self.brand.typography.headings.italic)
        color = item.color or (style.color if explicit else None)
        key = ("rPr", tag, heading, bold, italic, size, color, self.behind)
        made = self.made.get(key)
        if made is None:
            made = self.made[key] = self._rpr(tag, heading, bold, italic, size, color)
        return made.__copy__()  # lxml copies the whole subtree, without copy()'s or deepcopy()'s dispatch

    def _rpr(self, tag: str, heading: bool, bold: bool, italic: bool, size: float, color: str | None) -> Element:
        props = el(tag, {"lang": self.lang, "sz": round(size * 100), "b": int(bold), "i": int(italic),
                         "dirty": "0"})
        if color:
            large = size >= 18 or (bold and size >= 14)  # WCAG's large text
            props.append(self.palette.fill(self.palette.text_role(color, self.behind, large)))
        family = self.brand.typography.headings.family if heading else self.brand.typography.base.family
        props.append(el("a:latin", {"typeface": family.name}))
        props.append(el("a:cs", {"typeface": family.name}))
        return props

    def _runs(self, p: Element, run: Run, item: Para, style: TextStyle, size: float, explicit: bool) -> None:
        for n, line in enumerate(run.text.split("\n")):
            if n:
                sub(p, "a:br", None, self.rpr(item, style, size, explicit, run))
            if line or n == 0:
                r = sub(p, "a:r", None, self.rpr(item, style, size, explicit, run))
                sub(r, "a:t").text = line

    def _ppr(self, item: Para, style: TextStyle, first: bool, explicit: bool, size: float) -> Element:
        bullets = rules.bullets_of(item, style)
        margins = rules.margins(item, style)
        align = item.align or (style.align if explicit else None)
        before = rules.space_before(item, style, first)
        key = ("pPr", bullets, item.level, margins, align, style.line_spacing, before, style.bullet_color,
               item.start_at if bullets == "number" else None)
        made = self.made.get(key)
        if made is None:
            made = self.made[key] = self._new_ppr(item, style, bullets, margins, align, before)
        return made.__copy__()

    def _new_ppr(self, item: Para, style: TextStyle, bullets: str, margins: tuple[int, int], align: str | None,
                 before: float) -> Element:
        attrs: dict[str, object] = {"lvl": item.level}
        attrs["marL"], attrs["indent"] = margins
        if align:
            attrs["algn"] = ALIGN[align]
        ppr = el("a:pPr", attrs)
        sub(ppr, "a:lnSpc", None, el("a:spcPct", {"val": round(style.line_spacing * 100_000)}))
        sub(ppr, "a:spcBef", None, el("a:spcPts", {"val": round(before * 100)}))
        sub(ppr, "a:spcAft", None, el("a:spcPts", {"val": 0}))
        if bullets == "none":
            sub(ppr, "a:buNone")
            return ppr
        ppr.append(el("a:buClr", None, self.palette.color(style.bullet_color)))
        if bullets == "number":
            sub(ppr, "a:buFont", {"typeface": self.brand.typography.base.family.name})
            sub(ppr, "a:buAutoNum", {"type": "arabicPeriod", "startAt": item.start_at})
        else:
            sub(ppr, "a:buFont", {"typeface": self.brand.typography.base.family.name})
            sub(ppr, "a:buChar", {"char": BULLET_CHARS[min(item.level, 1)]})
        return ppr

    def level_props(self, style: TextStyle, level: int) -> Element:
        """``a:lvlNpPr`` for a list style: paragraph look plus default run properties."""
        item = Line("", level=level)
        ppr = self._ppr(item, style, first=level == 0, explicit=True, size=0)
        ppr.tag = ppr.tag.replace("}pPr", f"}}lvl{level + 1}pPr")
        del ppr.attrib["lvl"]
        ppr.append(self.rpr(item, style, self.point_size(item, style), explicit=True, tag="a:defRPr"))
        return ppr

    def list_style(self, style: TextStyle, insets: Insets, prompt: str) -> Element:
        """A layout placeholder's text body: its look (inherited by slides) and a prompt."""
        tx = el("p:txBody")
        tx.append(self.body_pr(style, insets, autofit=True))
        lst = sub(tx, "a:lstStyle")
        for level in (0, 1):
            lst.append(self.level_props(style, level))
        self.write(tx, [para(prompt or " ", markup=False)], style, explicit=True)
        return tx
