"""Text measurement with the brand's real TrueType metrics.

The same font files the PDFs embed give advance widths and line heights, so
the plan can decide at build time whether text fits its box, instead of
hoping PowerPoint's autofit runs (it only does after someone edits a slide).
Metrics load once per font file per process (and are read from the file
once per machine, ``metrics_cache``); widths are cached per word.
The text fit (``plan.fit``) measures each paragraph once at 1 pt
(``measure_runs``) and wraps it at any size by arithmetic (``count_lines``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import field
from functools import lru_cache
from pathlib import Path

from workshop.brand.fontfiles import MAX_FONT_BYTES
from workshop.brand.sfnt import NotAFont
from workshop.errors import Location, WorkshopError
from workshop.layouts.paragraphs import Run
from workshop.lazyclass import lazy_dataclass
from workshop.plan.metrics_cache import font_metrics
from workshop.safety.paths import read_regular_file

_SPACE = " "


class FontMetrics:
    """Advance widths and vertical metrics of one TrueType file."""

    def __init__(self, path: Path) -> None:
        try:
            data = font_metrics(Path(path), _read_font_file, MAX_FONT_BYTES)
        except (NotAFont, OSError) as exc:
            raise WorkshopError(
                f"the font file '{Path(path).name}' cannot be used: {exc}", Location(str(path)),
                hint="use an undamaged TrueType (.ttf) file, as downloaded from the font's publisher",
            ) from None
        self.path = path
        self.units = data.units_per_em
        self._advance = data.advances
        self.cmap = data.advances  # the code points the font can draw
        self._fallback = data.notdef_advance
        self.line_factor = (data.ascent + data.descent + data.line_gap) / self.units
        self.ascent_factor = data.ascent / self.units
        self._words: dict[str, float] = {}

    def has(self, char: str) -> bool:
        return ord(char) in self.cmap or char in "\n\t\r\u00ad\u200b"

    def missing(self, text: str) -> list[str]:
        return sorted({c for c in text if not self.has(c)})

    def units_of(self, text: str) -> float:
        """Width in font units (cached per word; layout multiplies by size)."""
        cached = self._words.get(text)
        if cached is None:
            cached = float(sum(self._advance.get(ord(c), self._fallback) for c in text))
            if len(self._words) < 200_000:
                self._words[text] = cached
        return cached

    def width(self, text: str, size: float) -> float:
        return self.units_of(text) * size / self.units

    def line_height(self, size: float, spacing: float = 1.0) -> float:
        return self.line_factor * size * spacing


def _read_font_file(path: Path) -> bytes:
    return read_regular_file(path, max_bytes=MAX_FONT_BYTES)


@lru_cache(maxsize=64)
def metrics_for(path: str) -> FontMetrics:
    return FontMetrics(Path(path))


def forget_font_files() -> None:
    """Measure every font file afresh: the brand changed, perhaps a font saved over its old file (``watch``)."""
    from workshop.plan.substitutes import is_serif

    metrics_for.cache_clear()
    is_serif.cache_clear()


# --- measuring once, wrapping at any size ---------------------------------------------------
#
# Advance widths scale linearly with the size, so a paragraph is measured once at 1 pt
# (a list of word widths per forced line) and wrapped at any size by dividing the
# width available by the size. The text fit tries several sizes per box; no word is
# measured twice.

#: spaces a line may break at (a no-break space U+00A0/U+202F keeps its words together)
_BREAKS = re.compile("[ \t\u1680\u2000-\u200a\u205f\u3000]+")
#: a word starting with one of these stays on the line of the word before it (UAX #14: no
#: break before closing punctuation, even after a space: "wat ?" moves as one)
_CLINGS = frozenset("!?;:,.)]}»”’%")
#: inside a word, a line may break after a hyphen or slash (not before a digit), as
#: PowerPoint and LibreOffice do with long compounds and web addresses
_HYPHENS = frozenset("-/\u2010\u2013\u2014")
_WITHIN = re.compile("(?<=[-/\u2010\u2013\u2014])(?=[^\\d])")


@lazy_dataclass(frozen=True)
class Measured:
    """A paragraph's word widths at 1 pt: one tuple per forced line (``\\n``), and its space width.

    ``pieces`` holds, for words a line may break inside (after a hyphen or
    slash), the widths of their pieces; they are used only when the whole
    word is wider than a line.
    """

    lines: tuple[tuple[float, ...], ...]
    space: float
    pieces: dict = field(default_factory=dict, compare=False)  # (line, word) → piece widths

    @property
    def widest(self) -> float:
        """The widest piece no line can break (in points at 1 pt)."""
        widest = 0.0
        for n, line in enumerate(self.lines):
            for m, width in enumerate(line):
                widest = max(widest, max(self.pieces[(n, m)]) if (n, m) in self.pieces else width)
        return widest


def measure_runs(runs: Iterable[Run], metrics_of: Callable[[Run], FontMetrics], space_metrics: FontMetrics
                 ) -> Measured:
    """Word widths at 1 pt for ``runs`` (objects with ``text``), each run in ``metrics_of(run)``.

    A word may span runs (``**echte**,``): its pieces are measured in their own
    fonts and added up.
    """
    space = space_metrics.units_of(_SPACE) / space_metrics.units
    lines: list[tuple[float, ...]] = []
    pieces: dict[tuple[int, int], tuple[float, ...]] = {}
    words: list[float] = []
    parts: list[float] = []  # the current word's pieces
    current, open_word, clings = 0.0, False, False

    def close() -> None:
        nonlocal current, open_word, clings, parts
        if open_word:
            parts.append(current)
            width = sum(parts)
            if clings and words:
                words[-1] += space + width
                pieces.pop((len(lines), len(words) - 1), None)
            else:
                words.append(width)
                if len(parts) > 1:
                    pieces[(len(lines), len(words) - 1)] = tuple(parts)
        current, open_word, clings, parts = 0.0, False, False, []

    for run in runs:
        metrics = metrics_of(run)
        scale = 1.0 / metrics.units
        for n, hard in enumerate(run.text.split("\n")):
            if n:
                close()
                lines.append(tuple(words))
                words = []
            for m, piece in enumerate(_BREAKS.split(hard)):
                if m:
                    close()
                if not piece:
                    continue
                if not open_word:
                    clings = piece[0] in _CLINGS
                open_word = True
                if not _HYPHENS.intersection(piece):
                    current += metrics.units_of(piece) * scale
                    continue
                for k, bit in enumerate(_WITHIN.split(piece)):
                    if k:
                        parts.append(current)
                        current = 0.0
                    current += metrics.units_of(bit) * scale
    close()
    lines.append(tuple(words))
    return Measured(tuple(lines), space, pieces)


def count_lines(measured: Measured, limit: float) -> tuple[int, bool]:
    """(lines, a word is wider than a line) when wrapping greedily at ``limit`` (width / size).

    A word wider than the line breaks after a hyphen or slash in it if it has
    one, else by character, as PowerPoint and LibreOffice do; only the latter
    counts as too wide.
    """
    if limit <= 0:
        return 10**6, True
    space = measured.space
    total, overlong = 0, False
    for n, words in enumerate(measured.lines):
        total += 1
        used = -1.0
        for m, width in enumerate(words):
            if width <= limit:
                used, wrapped = _place(used, space, width, limit)
                total += wrapped
                continue
            bits = measured.pieces.get((n, m), (width,))
            for k, bit in enumerate(bits):
                gap = space if k == 0 else 0.0
                if bit > limit:  # breaks inside, a character short of full lines
                    overlong = True
                    if used >= 0:
                        total += 1
                    count = max(1, math.ceil(bit / (limit * 0.97)))
                    total += count - 1
                    used = bit - (count - 1) * limit * 0.97
                else:
                    used, wrapped = _place(used, gap, bit, limit)
                    total += wrapped
    return total, overlong


def _place(used: float, gap: float, width: float, limit: float) -> tuple[float, int]:
    """Add a word of ``width`` to a line ``used`` wide (-1: empty); returns (new used, lines added)."""
    if used < 0:
        return width, 0
    if used + gap + width <= limit:
        return used + gap + width, 0
    return width, 1
