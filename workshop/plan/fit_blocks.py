"""Text blocks measured once and tried at any size: the arithmetic behind the text fit.

A block (``workshop.plan.texts``) is measured once: every paragraph's
word widths at 1 pt in the face the deck draws it in (heading or body
family, bold and italic per run), its margin, the space before it and its
line spacing. Trying a size is then a greedy wrap per paragraph and a sum;
no font is consulted again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import field
from typing import TYPE_CHECKING

from workshop.layouts import paragraphs as rules
from workshop.layouts.composite import TABLE_CELL, TABLE_HEADER, TABLE_INSETS
from workshop.layouts.geometry import Box, Insets, to_pt
from workshop.layouts.grids import table_column_widths, table_min_row_height
from workshop.layouts.paragraphs import LINE_HEIGHT, Line
from workshop.layouts.spec import TextStyle
from workshop.lazyclass import lazy_dataclass
from workshop.plan.measure import FontMetrics, Measured, count_lines, measure_runs, metrics_for
from workshop.plan.substitutes import role_stack, widest

if TYPE_CHECKING:
    from workshop.brand.model import Brand

EPSILON = 0.01  # points: rounding, not a margin


@lazy_dataclass
class SlideFit:
    """The sizes chosen for one slide and what would not fit even at the minimum."""

    sizes: dict[str, float]
    overflow: dict[str, float] = field(default_factory=dict)  # block name → points too tall at the minimum
    broken: tuple[str, ...] = ()  # blocks where a word wider than the box breaks inside it
    refused: bool = False  # a continuation would help but the brand says ``overflow: error``
    continued: tuple[str, int, int] | None = None  # (block, items, parts) on part 1 of a continued slide


class Fonts:
    """The brand's heading and body faces, by (heading?, bold, italic), with measured lines cached."""

    def __init__(self, brand: Brand, substitutes: bool = True) -> None:
        self.brand = brand
        self.substitutes = substitutes  # False: the brand faces alone (to tell what breaks only under substitution)
        self._faces: dict[tuple[bool, bool, bool], FontMetrics] = {}
        self._measured: dict[tuple[object, ...], Measured] = {}

    def metrics(self, heading: bool, bold: bool, italic: bool) -> FontMetrics:
        key = (heading, bold, italic)
        found = self._faces.get(key)
        if found is None:
            family = self.brand.typography.headings.family if heading else self.brand.typography.base.family
            face = metrics_for(str(family.file(bold=bold, italic=italic)))
            # Measured as wide as the font a viewer without the brand font draws with.
            found = self._faces[key] = (widest(face, role_stack(self.brand, heading), bold, italic)
                                        if self.substitutes else face)
        return found

    def measure(self, line: Line, style: TextStyle) -> Measured:
        """``line``'s word widths at 1 pt, in the faces the renderer writes its runs in."""
        key = (line.text, line.markup, line.font, line.bold, line.italic, style.font, style.bold, style.italic)
        found = self._measured.get(key)
        if found is None:
            brand = self.brand

            def face(run: rules.Run | None) -> FontMetrics:
                return self.metrics(*rules.face(line, style, run, heading_bold=brand.typography.headings.bold,
                                                heading_italic=brand.typography.headings.italic))

            found = measure_runs(rules.runs(line), face, face(None))
            if len(self._measured) > 100_000:
                self._measured.clear()
            self._measured[key] = found
        return found


@lazy_dataclass(frozen=True)
class Para:
    """One paragraph ready to try at any size."""

    measured: Measured
    role: str
    scale: float  # relative to the role's size
    before: float  # points before it
    margin: float  # points from the text area's left edge to the text
    spacing: float  # line spacing (multiple of single)


@lazy_dataclass(frozen=True)
class Trial:
    """A block tried at some sizes: how tall its text is, and whether any word was too wide."""

    height: float
    room: float  # the height available
    overlong: bool

    @property
    def fits(self) -> bool:
        return self.height <= self.room + EPSILON and not self.overlong

    @property
    def fits_broken(self) -> bool:
        """Fits when words wider than the box break inside (both office suites do)."""
        return self.height <= self.room + EPSILON

    @property
    def excess(self) -> float:
        return max(0.0, self.height - self.room)


class TextMeasure:
    """A text block in its frame: paragraphs measured once, tried at any sizes."""

    def __init__(self, name: str, lines: Sequence[Line], style: TextStyle, box: Box, insets: Insets,
                 fonts: Fonts, linked: frozenset[str] = frozenset()) -> None:
        self.name = name
        self.style = style
        inner = box.inner(insets)
        self.width = to_pt(inner.w)
        self.room = to_pt(inner.h)
        paras = []
        for index, line in enumerate(lines or (Line(""),)):
            paras.append(Para(
                fonts.measure(line, style), rules.role_of(line, style), rules.scale_of(line, style),
                rules.space_before(line, style, index == 0), to_pt(rules.margins(line, style)[0]),
                style.line_spacing,
            ))
        self.paras = tuple(paras)
        self.roles = frozenset(p.role for p in paras) | linked  # linked: sized with this block, not in it

    def lines_at(self, sizes: Mapping[str, float]) -> list[int]:
        return [count_lines(p.measured, (self.width - p.margin) / (sizes[p.role] * p.scale))[0] for p in self.paras]

    def trial(self, sizes: Mapping[str, float]) -> Trial:
        height, overlong = 0.0, False
        for para in self.paras:
            size = sizes[para.role] * para.scale
            lines, too_wide = count_lines(para.measured, (self.width - para.margin) / size)
            height += para.before + lines * LINE_HEIGHT * size * para.spacing
            overlong = overlong or too_wide
        return Trial(height, self.room, overlong)


class TableMeasure:
    """A native table in its area: column widths from its text, rows as tall as their cells."""

    role = "table"
    roles = frozenset({"table"})

    def __init__(self, name: str, header: Sequence[str], rows: Sequence[Sequence[str]], box: Box,
                 fonts: Fonts) -> None:
        self.name = name
        self.box = box
        self.count = len(rows)
        widths = table_column_widths(box.w, list(header), [list(r) for r in rows])
        self.widths = tuple(to_pt(w - TABLE_INSETS.left - TABLE_INSETS.right) for w in widths)
        self.room = to_pt(box.h)
        self.rows = tuple(
            tuple(fonts.measure(Line(value), style) for value in values)
            for values, style in [(header, TABLE_HEADER)] + [(r, TABLE_CELL) for r in rows]
        )

    def row_heights(self, size: float) -> tuple[list[int], bool]:
        """Each row's height in EMU at ``size`` (header first), and whether a word was too wide."""
        from workshop.layouts.geometry import pt

        least = table_min_row_height(size, self.box.h, self.count)
        pad = TABLE_INSETS.top + TABLE_INSETS.bottom
        line = LINE_HEIGHT * size * TABLE_CELL.line_spacing
        heights, overlong = [], False
        for cells in self.rows:
            tallest = 1
            for measured, width in zip(cells, self.widths, strict=False):
                lines, too_wide = count_lines(measured, width / size)
                tallest = max(tallest, lines)
                overlong = overlong or too_wide
            heights.append(max(least, pt(tallest * line) + pad))
        return heights, overlong

    def trial(self, sizes: Mapping[str, float]) -> Trial:
        heights, overlong = self.row_heights(sizes["table"])
        return Trial(to_pt(sum(heights)), self.room, overlong)


#: a block measured in its frame: text or a native table
Measure = TextMeasure | TableMeasure
