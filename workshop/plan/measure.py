"""Text measurement with the brand's real TrueType metrics.

The same font files the PDFs embed give advance widths and line heights, so
the plan can decide at build time whether text fits its box, instead of
hoping PowerPoint's autofit runs (it only does after someone edits a slide).
Metrics load once per font file per process; widths are cached per word.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

_SPACE = " "


class FontMetrics:
    """Advance widths and vertical metrics of one TrueType file."""

    def __init__(self, path: Path):
        font = TTFont(str(path), lazy=True)
        self.path = path
        self.units = font["head"].unitsPerEm
        self.cmap = dict(font.getBestCmap() or {})
        metrics = font["hmtx"].metrics
        self._advance = {code: metrics[glyph][0] for code, glyph in self.cmap.items() if glyph in metrics}
        self._fallback = metrics.get(".notdef", (self.units // 2, 0))[0]
        hhea, os2 = font["hhea"], font.get("OS/2")
        ascent = max(hhea.ascent, getattr(os2, "usWinAscent", 0) if os2 else 0)
        descent = max(-hhea.descent, getattr(os2, "usWinDescent", 0) if os2 else 0)
        self.line_factor = (ascent + descent + max(hhea.lineGap, 0)) / self.units
        self.ascent_factor = ascent / self.units
        font.close()
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


@lru_cache(maxsize=64)
def metrics_for(path: str) -> FontMetrics:
    return FontMetrics(Path(path))


def wrap(text: str, metrics: FontMetrics, size: float, width: float) -> list[str]:
    """Greedy word wrap as PowerPoint and LibreOffice do; over-long words break by character."""
    lines: list[str] = []
    space = metrics.width(_SPACE, size)
    for paragraph in text.split("\n"):
        current, current_width = "", 0.0
        for word in paragraph.split():
            word_width = metrics.width(word, size)
            if current and current_width + space + word_width <= width:
                current += _SPACE + word
                current_width += space + word_width
                continue
            if current:
                lines.append(current)
            while word_width > width and len(word) > 1:
                cut = _longest_prefix(word, metrics, size, width)
                lines.append(word[:cut])
                word = word[cut:]
                word_width = metrics.width(word, size)
            current, current_width = word, word_width
        lines.append(current)
    return lines


def _longest_prefix(word: str, metrics: FontMetrics, size: float, width: float) -> int:
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if metrics.width(word[:middle], size) <= width:
            low = middle
        else:
            high = middle - 1
    return low


@dataclass(frozen=True)
class Paragraph:
    """One paragraph to measure: text, indent level and the gap before it (× size)."""

    text: str
    level: int = 0
    space_before: float = 0.0  # in multiples of the font size
    scale: float = 1.0  # relative size (e.g. 0.85 for second-level bullets)


def block_height(
    paragraphs: list[Paragraph],
    metrics: FontMetrics,
    size: float,
    width: float,
    *,
    indent: float = 0.0,
    spacing: float = 1.0,
) -> float:
    """Height in points of paragraphs set at ``size`` in a column ``width`` wide."""
    total = 0.0
    for number, para in enumerate(paragraphs):
        para_size = size * para.scale
        available = max(width - indent * (para.level + (1 if indent else 0)), para_size)
        lines = wrap(para.text, metrics, para_size, available)
        if number:
            total += para.space_before * para_size
        total += len(lines) * metrics.line_height(para_size, spacing)
    return total


def widest_word(paragraphs: list[Paragraph], metrics: FontMetrics, size: float) -> float:
    return max((metrics.width(w, size * p.scale) for p in paragraphs for w in p.text.split()), default=0.0)
