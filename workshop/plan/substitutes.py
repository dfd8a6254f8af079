"""The font a viewer draws with when the brand font is missing, and measuring with the widest.

The deck embeds its fonts, but some viewers ignore embedded fonts
(LibreOffice as Debian ships it, many web and mobile viewers) and some faces
cannot be embedded. Such a viewer takes the next family of the brand's CSS
stack that it has, and the usual ones are metric-compatible with an open
font we ship widths of: Arial, Helvetica and Arimo draw like Liberation Sans;
Times New Roman, Times and Tinos like Liberation Serif. A stack without one
ends in a generic family (``sans-serif``, ``serif``) or, if it names none,
the class the brand font declares (PANOSE, OS/2 family class).

The fit measures every word with the brand face *and* the substitute and
keeps the wider width (:class:`Widest`), so text fits under either. Width
tables, not fonts, are shipped (``data/fonts/metrics``, made by
``assets/make_fonts.py`` from Debian's fonts-liberation2): runtime never
depends on the fonts a machine has.
"""

from __future__ import annotations

import json
import re
import zlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.brand.shipped_fonts import SHIPPED_FONTS
from workshop.plan.measure import FontMetrics

if TYPE_CHECKING:
    from workshop.brand.model import Brand

METRICS = SHIPPED_FONTS / "metrics"
SANS, SERIF = "LiberationSans", "LiberationSerif"
# Families whose metrics equal a Liberation font's (normalised names: lowercase, letters only)
METRIC_COMPATIBLE = {
    "arial": SANS, "helvetica": SANS, "helveticaneue": SANS, "arimo": SANS, "liberationsans": SANS,
    "timesnewroman": SERIF, "times": SERIF, "tinos": SERIF, "liberationserif": SERIF,
    "sansserif": SANS, "systemui": SANS, "uisansserif": SANS, "serif": SERIF, "uiserif": SERIF,
}
_STYLE = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic", (True, True): "BoldItalic"}


def split_stack(text: str) -> tuple[str, ...]:
    """``"Lato, 'Helvetica Neue', sans-serif"`` → ``("Lato", "Helvetica Neue", "sans-serif")``."""
    return tuple(part.strip().strip("'\"").strip() for part in text.split(",") if part.strip().strip("'\""))


def _key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.casefold())


def substitute_family(stack: tuple[str, ...], serif_font: bool) -> str:
    """The Liberation family a viewer most likely draws ``stack[0]`` with, when it lacks it."""
    for name in stack[1:]:
        found = METRIC_COMPATIBLE.get(_key(name))
        if found:
            return found
    return SERIF if serif_font else SANS


class WidthTable(FontMetrics):
    """A font known only by its advance widths (``data/fonts/metrics/*.json.z``)."""

    def __init__(self, path: Path):
        # Replaces FontMetrics' file reading: the same fields, from the table.
        table = json.loads(zlib.decompress(path.read_bytes()))
        advances: dict[int, int] = {}
        for run in table["runs"]:  # [first code point, its advance, the next one's, ...]
            advances.update(zip(range(run[0], run[0] + len(run) - 1), run[1:], strict=True))
        self.path = path
        self.units = table["units_per_em"]
        self._advance = advances
        self.cmap = advances
        self._fallback = table["notdef"]
        self.line_factor = (table["ascent"] + table["descent"] + table["line_gap"]) / self.units
        self.ascent_factor = table["ascent"] / self.units
        self._words = {}


@lru_cache(maxsize=16)
def width_table(family: str, bold: bool, italic: bool) -> WidthTable:
    return WidthTable(METRICS / f"{family}-{_STYLE[(bold, italic)]}.json.z")


class Widest(FontMetrics):
    """The brand face, measured as wide as the wider of it and its substitute, word by word."""

    def __init__(self, face: FontMetrics, substitute: FontMetrics):
        self.face, self.substitute = face, substitute
        self.path = face.path
        self.units = face.units
        self._advance = face._advance
        self.cmap = face.cmap
        self._fallback = face._fallback
        self.line_factor = max(face.line_factor, substitute.line_factor)
        self.ascent_factor = max(face.ascent_factor, substitute.ascent_factor)
        self._words = {}
        self._ratio = face.units / substitute.units

    def units_of(self, text: str) -> float:
        cached = self._words.get(text)
        if cached is None:
            cached = max(self.face.units_of(text), self.substitute.units_of(text) * self._ratio)
            if len(self._words) < 200_000:
                self._words[text] = cached
        return cached


@lru_cache(maxsize=64)
def is_serif(path: str) -> bool:
    """Does the font call itself a serif (PANOSE serif style 2-10, or IBM class 1-7)?"""
    from workshop.brand.eot import NotEmbeddable, header_of

    try:
        header = header_of(Path(path))
    except (NotEmbeddable, OSError):
        return False
    if header.panose[0] == 2 and header.panose[1] >= 2:
        return header.panose[1] <= 10
    return 1 <= header.family_class <= 7


@lru_cache(maxsize=64)
def _widest(face: FontMetrics, family: str, bold: bool, italic: bool) -> Widest:
    return Widest(face, width_table(family, bold, italic))


def widest(face: FontMetrics, stack: tuple[str, ...], bold: bool, italic: bool) -> Widest:
    """``face`` measured against the substitute its ``stack`` leads a viewer to."""
    family = substitute_family(stack, is_serif(str(face.path)))
    return _widest(face, family, bold, italic)


def role_stack(brand: Brand, heading: bool) -> tuple[str, ...]:
    """The CSS stack the brand gives a role (the family alone when it declares none)."""
    role = brand.typography.headings if heading else brand.typography.base
    return tuple(role.stack) or (role.family.name,)
