"""A slide as a handful of coloured shapes, for the guide's miniature of it.

The guide shows each slide beside its cue. Converting the deck with an office
suite would be slow and not byte-identical, so the miniature is drawn from
what the plan already knows: the layout geometry the slide is drawn on (boxes
and colour roles, or the designer's template artwork as plain data from
``workshop.layouts.artwork``), the text blocks the deck writes
(``plan.texts``) at the sizes the text fit chose, and the chart, table and
option grids. Text becomes greeked bars (one per wrapped line), so no size
rule applies to it and no glyph can go missing. Everything is in slide EMU;
``thumbnail`` scales it onto the page.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfbase.pdfmetrics import stringWidth

from workshop.brand.colors import contrast_ratio, mix
from workshop.brand.model import Brand
from workshop.brand.roles import RoleColors
from workshop.language import Language
from workshop.layouts.artwork import Artwork
from workshop.layouts.default import MASTER
from workshop.layouts.geometry import EMU_PER_PT, Box, Insets
from workshop.layouts.grids import agenda_rows, option_rows, step_cells
from workshop.layouts.paragraphs import LINE_HEIGHT, face, margins, role_of, runs, scale_of
from workshop.layouts.spec import LayoutSpec, TextStyle
from workshop.lazyclass import lazy_dataclass
from workshop.model.slides import ChartData, ChartType, QuizSlide, StepsSlide
from workshop.plan.charts import ChartColors, chart_view
from workshop.plan.model import DeckPlan, PlannedSlide
from workshop.plan.texts import Context, TableBlock, TextBlock, blocks_for
from workshop.render.pdf.fonts import FontSet

_STRONG = frozenset({"title", "statement", "stat", "subtitle", "quote"})  # roles drawn at full strength


@lazy_dataclass(frozen=True)
class Shape:
    """A filled shape: ``rect``, ``ellipse``, ``triangle``, ``roundRect`` or ``wedge``."""

    geometry: str
    box: Box
    fill: str  # "#RRGGBB"
    start: float = 0.0  # wedges: degrees, counter-clockwise from three o'clock
    extent: float = 0.0


@lazy_dataclass(frozen=True)
class Polyline:
    """A stroked line through points (a line chart's series)."""

    points: tuple[tuple[int, int], ...]
    color: str
    width: int  # EMU


Item = Shape | Polyline


@lazy_dataclass(frozen=True)
class Scene:
    """One slide as drawn in miniature: its size and its shapes, back to front."""

    width: int
    height: int
    background: str
    items: tuple[Item, ...]

    @property
    def text_bars(self) -> int:
        return sum(1 for i in self.items if isinstance(i, Shape) and i.geometry == "bar")


class SceneMaker:
    """Makes the scenes of one plan: brand colours, fonts and the text context resolved once."""

    def __init__(self, plan: DeckPlan, brand: Brand, fonts: FontSet, lang: Language) -> None:
        self.plan = plan
        self.brand = brand
        self.fonts = fonts
        self.roles = RoleColors(brand, plan.meta.client_color)
        self.context = Context(plan.meta, plan.agenda, lang)
        self.heading_bold = brand.typography.headings.bold
        self.heading_italic = brand.typography.headings.italic

    # -- colours --------------------------------------------------------------------------------

    def hex(self, role: str) -> str:
        return self.roles.hex(role)

    def ink(self, role: str, behind: str) -> str:
        """The colour text in ``role`` shows in on a fill ``behind`` (a hex), readably."""
        color = self.hex(role)
        if contrast_ratio(color, behind) >= 3.0:
            return color
        options = (self.hex("light"), self.hex("dark"), "#FFFFFF", "#000000")
        return max(options, key=lambda x: contrast_ratio(x, behind))

    # -- the scene ------------------------------------------------------------------------------

    def scene(self, item: PlannedSlide) -> Scene | None:
        """The slide ``item`` in miniature, or None when it has no layout (not in the deck)."""
        resolved = item.layout
        if resolved is None:
            return None
        spec = resolved.spec
        drawn = _Drawn(self.hex("background"))
        art = resolved.artwork
        blocks = blocks_for(item, spec, self.context)
        client_bar = self.plan.meta.client_color and item.kind == "title"
        if art is not None:
            filled = frozenset(m.name for name, m in resolved.matches.items() if name in {b.name for b in blocks})
            self._artwork(drawn, art, filled)
        if art is None or resolved.fallback:
            self._generated(drawn, spec, art is None)
        if client_bar:  # co-branding: the title painter lays the client's colour over the accent bar
            bar = next((d.box for d in spec.decorations if d.name == "Accent Bar"), None)
            if bar is not None:
                drawn.add(Shape("rect", bar, self.hex("client")))
        self._composites(drawn, item, spec)
        size = _sizes(item, self.brand)
        for block in blocks:
            if isinstance(block, TableBlock):
                self._table(drawn, spec.box(block.name), block)
            elif block.box is not None and block.style is not None:  # a label with its own box
                self._text(drawn, block, block.box, block.style, block.insets, size)
            else:
                frame = resolved.frame(block.name)
                shape = spec.shape(block.name)
                if shape is not None and shape.fill and art is None:
                    drawn.add(Shape("rect", shape.box, self.hex(shape.fill)))
                self._text(drawn, block, frame.box, frame.style, frame.insets, size)
                if block.name == "Title" and art is None:
                    for mark in spec.title_marks:
                        drawn.add(Shape(_geometry(mark.geometry), _line_box(mark.box), self.hex(mark.fill)))
        chart = getattr(item.shown, "chart", None)
        if isinstance(chart, ChartData) and spec.shape("Chart") is not None:
            self._chart(drawn, spec.box("Chart"), chart)
        if item.kind == "image" and spec.shape("Picture") is not None:
            self._picture(drawn, spec.box("Picture"))
        return Scene(resolved.size.width, resolved.size.height, drawn.background, tuple(drawn.items))

    def _artwork(self, drawn: _Drawn, art: Artwork, used: frozenset[str]) -> None:
        if art.background:
            drawn.background = art.background
        for shape in art.shapes:
            if shape.placeholder is None or shape.placeholder in used:
                drawn.add(Shape(shape.geometry, shape.box, shape.fill))

    def _generated(self, drawn: _Drawn, spec: LayoutSpec, whole: bool) -> None:
        """The generated layout's background and bands (``whole``: the master's too)."""
        if spec.background:
            drawn.background = self.hex(spec.background)
            drawn.items.clear()
        if whole and spec.show_master:
            for dec in MASTER.decorations:
                drawn.add(Shape(_geometry(dec.geometry), _line_box(dec.box), self.hex(dec.fill)))
        for dec in spec.decorations:
            if dec.text is None and dec.fill and dec.fill != "none":
                drawn.add(Shape(_geometry(dec.geometry), _line_box(dec.box), self.hex(dec.fill)))

    # -- text -----------------------------------------------------------------------------------

    def _text(self, drawn: _Drawn, block: TextBlock, box: Box, style: TextStyle, insets: Insets,
              size: Callable[[str], float]) -> None:
        """Greeked lines: one bar per line the text wraps to, clipped to the box."""
        inner = box.inner(insets)
        if inner.w <= 0 or inner.h <= 0:
            return
        rows: list[tuple[float, float, float, str, str]] = []  # (width pt, height pt, left pt, align, colour)
        first = True
        behind = drawn.fill_at(box)
        for line in block.lines:
            points = size(role_of(line, style)) * scale_of(line, style)
            heading, bold, italic = face(line, style, runs(line)[0], heading_bold=self.heading_bold,
                                         heading_italic=self.heading_italic)
            family = self.fonts.heading if heading else self.fonts.body
            font = family.face(bold, italic)
            left, _ = margins(line, style)
            room = max(1.0, (inner.w - left) / EMU_PER_PT)
            color = self.ink(line.color or style.color, behind)
            if role_of(line, style) not in _STRONG and not bold:
                color = mix(color, behind, 0.3)  # running text reads as grey beside headings and figures
            gap = 0.0 if first else (line.space_before if line.space_before is not None else style.space_before)
            first = False
            for n, width in enumerate(_wrap(" ".join(r.text for r in runs(line)), font, points, room)):
                rows.append((width, points * LINE_HEIGHT * style.line_spacing + (gap if n == 0 else 0),
                             left / EMU_PER_PT, line.align or style.align, color))
        total = sum(r[1] for r in rows) * EMU_PER_PT
        top = inner.y + {"top": 0, "middle": (inner.h - total) / 2, "bottom": inner.h - total}[style.anchor]
        y = max(float(inner.y), top)
        for width, height, indent, align, color in rows:
            step = height * EMU_PER_PT
            if y + step > inner.bottom + step * 0.25:
                break
            w = min(width * EMU_PER_PT, inner.w - indent * EMU_PER_PT)
            x: float = inner.x + indent * EMU_PER_PT
            if align == "center":
                x = inner.x + (inner.w - w) / 2
            elif align == "right":
                x = inner.right - w
            bar = step / (LINE_HEIGHT * 1.6)  # about the height of lower-case letters
            drawn.add(Shape("bar", Box(round(x), round(y + step - bar * 1.35), round(w), round(bar)), color))
            y += step

    # -- what is not text -----------------------------------------------------------------------

    def _composites(self, drawn: _Drawn, item: PlannedSlide, spec: LayoutSpec) -> None:
        """The bands and markers the deck's painters draw for agendas, steps and quizzes."""
        slide = item.shown
        if item.kind == "agenda" and spec.shape("Agenda") is not None:
            start, stop = item.span(len(self.plan.agenda))
            rows = self.plan.agenda[start:stop]
            for index, (row, band) in enumerate(zip(rows, agenda_rows(spec.box("Agenda"), len(rows)),
                                                    strict=True), start=start + 1):
                fill = "soft-tertiary" if row.is_break else ("light" if index % 2 else "background")
                drawn.add(Shape("rect", band.band, self.hex(fill)))
        elif isinstance(slide, StepsSlide) and spec.shape("Steps") is not None:
            cells = step_cells(spec.box("Steps"), len(slide.items))
            for n, cell in enumerate(cells):
                fill = "primary" if (item.first_item + n) % 2 else "secondary"
                drawn.add(Shape("ellipse", cell.marker, self.hex(fill)))
        elif isinstance(slide, QuizSlide) and spec.shape("Options") is not None:
            right = set(slide.answer_indexes)
            for index, boxes in enumerate(option_rows(spec.box("Options"), len(slide.options))):
                correct = item.quiz_answer and index in right
                wrong = item.quiz_answer and index not in right
                drawn.add(Shape("rect", boxes.band, self.hex("soft-success" if correct else "light")))
                marker = "success" if correct else ("rule" if wrong else "primary")
                drawn.add(Shape("ellipse", boxes.letter, self.hex(marker)))
                if correct:
                    drawn.add(Shape("ellipse", boxes.mark, self.hex("success")))  # the answer slide's check mark

    def _table(self, drawn: _Drawn, box: Box, block: TableBlock) -> None:
        count = len(block.rows) + 1
        height = min(box.h // max(count, 1), box.h // 3)
        columns = max(1, len(block.header))
        width = box.w // columns
        for r in range(count):
            y = box.y + r * height
            fill = self.hex("primary") if r == 0 else self.hex("light" if r % 2 else "background")
            drawn.add(Shape("rect", Box(box.x, y, box.w, height), fill))
            ink = self.ink("on-primary" if r == 0 else "foreground", fill)
            for c in range(columns):
                bar = height // 5
                drawn.add(Shape("bar", Box(box.x + c * width + width // 10, y + (height - bar) // 2,
                                           width * (6 if r == 0 else 5) // 10, bar), ink))

    def _chart(self, drawn: _Drawn, box: Box, chart: ChartData) -> None:
        """The chart as the deck draws it (``plan.charts``: order, value range, highlight), in miniature."""
        view = chart_view(chart)
        paint = ChartColors(tuple(self.brand.colors.series()), self.hex("secondary"), self.hex("foreground"),
                            drawn.background).paint
        area = Box(box.x + box.w // 20, box.y + box.h // 12, box.w * 9 // 10, box.h * 5 // 6)
        if view.type is ChartType.PIE:
            first = view.series[0]
            total = sum(max(0.0, v) for v in first.values) or 1.0
            r = min(area.w, area.h) // 2
            square = Box(area.x + area.w // 2 - r, area.y + area.h // 2 - r, 2 * r, 2 * r)
            angle = 90.0
            for value, tone in zip(first.values, first.points, strict=False):
                extent = -360.0 * max(0.0, value) / total
                if extent:
                    drawn.add(Shape("wedge", square, paint(tone), angle, extent))
                angle += extent
            return
        low, top = (view.axis.minimum, view.axis.maximum) if view.axis is not None else (0.0, 1.0)
        span = (top - low) or 1.0
        count = len(view.categories)
        rule = self.hex("rule")
        thin = max(area.h // 120, 1)
        for tick in view.gridlines:
            y = round(area.bottom - (tick - low) / span * area.h)
            drawn.add(Shape("rect", Box(area.x, y, area.w, thin), rule))
        if view.type is ChartType.LINE:
            step = area.w / max(count - 1, 1)
            for series in view.series:
                points = tuple((round(area.x + i * step), round(area.bottom - (v - low) / span * area.h))
                               for i, v in enumerate(series.values))
                drawn.add(Polyline(points, paint(series.tone), max(area.h // 40, 1)))
            return
        horizontal = view.type is ChartType.BAR
        along = (area.h if horizontal else area.w) / max(count, 1)
        thick = along * 0.7 / max(len(view.series), 1)
        for n, series in enumerate(view.series):
            for c, (value, tone) in enumerate(zip(series.values, series.points, strict=False)):
                length = max(0.0, (value - low) / span)
                offset = c * along + along * 0.15 + n * thick
                if horizontal:
                    drawn.add(Shape("rect", Box(area.x, round(area.y + offset), round(area.w * length),
                                                round(thick * 0.9)), paint(tone)))
                else:
                    h = round(area.h * length)
                    drawn.add(Shape("rect", Box(round(area.x + offset), area.bottom - h, round(thick * 0.9), h),
                                    paint(tone)))
        base = Box(area.x, area.y, thin, area.h) if horizontal else Box(area.x, area.bottom, area.w, thin)
        drawn.add(Shape("rect", base, rule))

    def _picture(self, drawn: _Drawn, box: Box) -> None:
        """A picture as a tinted area with a sun and a hill: where the image sits, not the image."""
        drawn.add(Shape("rect", box, self.hex("soft-primary")))
        hill = Box(box.x + box.w // 8, box.y + box.h * 2 // 5, box.w * 3 // 4, box.h * 3 // 5)
        drawn.add(Shape("triangle", hill, self.hex("tint-primary")))
        r = min(box.w, box.h) // 8
        drawn.add(Shape("ellipse", Box(box.right - box.w // 4, box.y + box.h // 6, r, r), self.hex("tint-secondary")))


class _Drawn:
    """Shapes so far, and what fill lies under a point (for readable text colours)."""

    def __init__(self, background: str) -> None:
        self.background = background
        self.items: list[Item] = []

    def add(self, item: Item) -> None:
        self.items.append(item)

    def fill_at(self, box: Box) -> str:
        x, y = box.x + box.w // 2, box.y + box.h // 2
        for item in reversed(self.items):
            if isinstance(item, Shape) and item.geometry in ("rect", "roundRect") \
                    and item.box.x <= x <= item.box.right and item.box.y <= y <= item.box.bottom:
                return item.fill
        return self.background


def _sizes(item: PlannedSlide, brand: Brand) -> Callable[[str], float]:
    fit = item.fit
    return lambda role: float(fit[role]) if role in fit else brand.size(role).max_pt


def _wrap(text: str, font: str, size: float, width: float) -> list[float]:
    """The widths (pt) of the lines ``text`` wraps to at ``width`` (at least one line)."""
    space = stringWidth(" ", font, size)
    lines: list[float] = []
    current = 0.0
    for word in text.split():
        w = stringWidth(word, font, size)
        if current and current + space + w > width:
            lines.append(current)
            current = w
        else:
            current = current + space + w if current else w
        while current > width:  # a word wider than the box breaks inside it
            lines.append(width)
            current -= width
    lines.append(current)
    return lines


def _geometry(name: str) -> str:
    return "rect" if name == "line" else name


def _line_box(box: Box) -> Box:
    """A line decoration (zero height) as a hairline rectangle."""
    return Box(box.x, box.y, box.w, max(box.h, 9525)) if box.h == 0 else box

