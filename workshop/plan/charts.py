"""How a chart looks, decided once for the deck and the PDFs: order, axis, labels, emphasis, legend.

Both renderers draw a :class:`ChartView` and decide nothing themselves, so a
chart on a slide and the same chart in the handout show the same order, the
same value range and the same emphasis. The rules (the studio look):

- at most five gridlines, on a value axis with round steps (0, 3, 6, 9 rather
  than 0, 1, … 10); bars and columns carry their values as direct labels and
  need no value axis at all, unless there are too many to label;
- no legend for a single series (a pie labels its slices directly);
- ``highlight:`` gives one category or series the brand's accent and mutes
  the rest; ``sort:`` orders the categories by value.

Colours are *tones* (the brand's series colour *n*, the accent, a muted grey),
so each renderer paints them from its own palette (the deck's background,
the PDF's white paper).
"""

from __future__ import annotations

import math
from typing import Literal

from workshop.brand.colors import mix
from workshop.lazyclass import lazy_dataclass
from workshop.model.slides import ChartData, ChartSort, ChartType

MAX_GRIDLINES = 5
MAX_BAR_LABELS = 24  # more bars than this get a value axis instead of a label on each
MAX_LINE_LABELS = 12  # points on a line that still carry their value
LABEL_HEADROOM = 0.1  # room past the highest bar or point for its label, inside the chart
_MUTED_SHADES = (0.62, 0.48, 0.74, 0.55, 0.68, 0.42)  # foreground → background; alternating, told apart


@lazy_dataclass(frozen=True)
class Tone:
    """A colour by role: the brand's series colour ``index``, the accent, a muted grey or a series tint."""

    role: Literal["series", "accent", "muted", "tint"]
    index: int = 0


@lazy_dataclass(frozen=True)
class ChartColors:
    """The colours tones are painted in, from one output's palette."""

    series: tuple[str, ...]
    accent: str
    foreground: str
    background: str

    def paint(self, tone: Tone) -> str:
        """``#RRGGBB`` for ``tone``; series colours past the brand's own repeat lighter."""
        if tone.role == "accent":
            return self.accent
        if tone.role == "muted":
            return mix(self.foreground, self.background, _MUTED_SHADES[tone.index % len(_MUTED_SHADES)])
        base = self.series[tone.index % len(self.series)]
        lighter = min(0.8, 0.35 * (tone.index // len(self.series)))
        if tone.role == "tint":
            lighter = max(lighter, 0.6)
        return mix(base, self.background, lighter) if lighter else base


@lazy_dataclass(frozen=True)
class Axis:
    """The value axis: from ``minimum`` to ``maximum`` in steps of ``step`` (a gridline at each)."""

    minimum: float
    maximum: float
    step: float

    @property
    def ticks(self) -> tuple[float, ...]:
        first, last = round(self.minimum / self.step), round(self.maximum / self.step)
        return tuple(_tidy(n * self.step) for n in range(first, last + 1))


@lazy_dataclass(frozen=True)
class SeriesView:
    """One series as drawn: its values in the view's category order, colours and labels per point."""

    name: str
    values: tuple[float, ...]
    tone: Tone  # the series' colour: its line, its legend key
    points: tuple[Tone, ...]  # each point's fill (a bar, a slice, a marker)
    labels: tuple[bool, ...]  # which points carry their value as a label

    @property
    def labelled(self) -> bool:
        return any(self.labels)


@lazy_dataclass(frozen=True)
class ChartView:
    """Everything a renderer needs to draw one chart the same way as every other output."""

    type: ChartType
    categories: tuple[str, ...]
    series: tuple[SeriesView, ...]
    unit: str | None
    axis: Axis | None  # the value range both outputs use; None for a pie
    value_axis: bool  # tick labels and gridlines shown (lines, or bars too many to label)
    legend: bool  # only with more than one series
    highlight: int | None  # index of the highlighted category (after sorting), if one is

    @property
    def gridlines(self) -> tuple[float, ...]:
        return self.axis.ticks if self.axis is not None and self.value_axis else ()


def chart_view(data: ChartData) -> ChartView:
    """The look of ``data``: sorted, emphasised, labelled and scaled."""
    order = _order(data)
    categories = tuple(data.categories[i] for i in order)
    values = [tuple(s.values[i] for i in order) for s in data.series]
    names = [s.name for s in data.series]
    category = categories.index(data.highlight) if data.highlight in categories else None
    series_hit = names.index(data.highlight) if category is None and data.highlight in names else None
    points = len(categories)
    kind = data.type
    labels = [_labels(kind, n, series_hit, category, points, len(names)) for n in range(len(names))]
    if kind in (ChartType.BAR, ChartType.COLUMN) and sum(map(sum, labels)) > MAX_BAR_LABELS:
        labels = [(False,) * points for _ in names]
    views = tuple(
        SeriesView(name, values[n], _series_tone(n, series_hit),
                   tuple(_point_tone(kind, n, p, series_hit, category, len(names)) for p in range(points)),
                   labels[n])
        for n, name in enumerate(names)
    )
    every = [v for s in data.series for v in s.values]
    pie = kind is ChartType.PIE
    value_axis = kind is ChartType.LINE or not any(s.labelled for s in views)
    headroom = LABEL_HEADROOM if any(s.labelled for s in views) else 0.0
    axis = None if pie else nice_axis(every, headroom=headroom)
    return ChartView(kind, categories, views, data.unit, axis, value_axis and not pie,
                     legend=not pie and len(names) > 1, highlight=category)


def _order(data: ChartData) -> list[int]:
    """Category indexes in drawing order: as given, or by the value of the sorted-by series."""
    indexes = list(range(len(data.categories)))
    if data.sort in (None, ChartSort.NONE):
        return indexes
    names = [s.name for s in data.series]
    key = data.series[names.index(data.highlight) if data.highlight in names else 0].values
    return sorted(indexes, key=lambda i: key[i], reverse=data.sort is ChartSort.DESCENDING)  # stable on ties


def _series_tone(n: int, series_hit: int | None) -> Tone:
    if series_hit is None:
        return Tone("series", n)
    if n == series_hit:
        return Tone("accent")
    return Tone("muted", n if n < series_hit else n - 1)


def _point_tone(kind: ChartType, n: int, p: int, series_hit: int | None, category: int | None,
                count: int) -> Tone:
    if series_hit is not None:
        return _series_tone(n, series_hit)
    if category is None:
        return Tone("series", p) if kind is ChartType.PIE else Tone("series", n)
    if kind is ChartType.LINE:  # the moment on a single line gets the accent marker; several keep theirs
        return Tone("accent") if p == category and count == 1 else Tone("series", n)
    if count > 1:  # several series: the category keeps its colours, the rest fade
        return Tone("series", n) if p == category else Tone("tint", n)
    if p == category:
        return Tone("accent")
    return Tone("muted", (p if p < category else p - 1) if kind is ChartType.PIE else 0)


def _labels(kind: ChartType, n: int, series_hit: int | None, category: int | None, points: int,
            count: int) -> tuple[bool, ...]:
    if kind is ChartType.PIE:
        return (True,) * points
    if series_hit is not None and n != series_hit:
        return (False,) * points
    if kind is ChartType.LINE:
        if category is not None and series_hit is None:
            return tuple(p == category for p in range(points))
        if (count == 1 or series_hit is not None) and points <= MAX_LINE_LABELS:
            return (True,) * points
        return (False,) * points
    return (True,) * points


def nice_axis(values: list[float], max_lines: int = MAX_GRIDLINES, headroom: float = 0.0) -> Axis:
    """The value range from zero (or below, for negatives) to a round maximum, in at most ``max_lines`` steps.

    Steps are 1, 2, 2.5, 3, 4 or 5 times a power of ten; of those that fit
    with at least three gridlines, the one wasting the least height wins (the
    smaller step on a tie), and whole-number data never gets a fractional step. ``headroom`` (a share of
    the range) keeps a label above the highest point inside the axis.
    """
    low, high = min(0.0, min(values)), max(0.0, max(values))
    if (high - low) / (max_lines - 1) < _SMALLEST_STEP:  # no range, or one too small to step through
        high = low + 1
    if max(values) > 0:
        high += (high - low) * headroom
    whole = all(float(v).is_integer() for v in values)
    magnitude = math.floor(math.log10((high - low) / (max_lines - 1)))
    steps = [_tidy(f * 10.0 ** p) for p in range(magnitude - 1, magnitude + 2) for f in (1, 2, 2.5, 3, 4, 5)]
    fits = []
    for step in [s for s in steps if not whole or s.is_integer()]:
        bottom, top = math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step
        if round((top - bottom) / step) + 1 <= max_lines:
            lines = round((top - bottom) / step) + 1
            fits.append((lines < 3, _tidy(top - bottom), step, Axis(_tidy(bottom), _tidy(top), step)))
    if fits:
        return min(fits, key=lambda fit: fit[:3])[3]
    step = _tidy(10.0 ** (magnitude + 2))  # ten times the range per step: always fits
    return Axis(_tidy(math.floor(low / step) * step), _tidy(math.ceil(high / step) * step), step)


_SMALLEST_STEP = 1e-300
"""Below this a step's power of ten underflows; such a range is drawn as 0 to 1."""


def _tidy(value: float) -> float:
    """Float noise off (0.30000000000000004 → 0.3), so ticks print and compare as typed."""
    return float(f"{value:.12g}")
