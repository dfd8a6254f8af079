"""Which characters need a glyph, and what to draw when no font has one.

Shared by the PDF renderers' per-character font fallback and the glyph check,
so both agree on what is lost: invisible format characters (variation
selectors, joiners, the byte-order mark) draw nothing and never need a glyph;
a few typographic characters that some fonts lack have a stand-in that means
the same when printed (a non-breaking hyphen prints as a hyphen). Plain data,
no font access.
"""

from __future__ import annotations

# Default-ignorable code points: they change how neighbours look (or nothing)
# and have no glyph of their own in most fonts.
_INVISIBLE_RANGES = (
    (0x00AD, 0x00AD),  # soft hyphen (we do not hyphenate: it never shows)
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x200B, 0x200F),  # zero-width space, (non-)joiners, direction marks
    (0x2060, 0x2064),  # word joiner, invisible operators
    (0xFE00, 0xFE0F),  # variation selectors (emoji/text presentation)
    (0xFEFF, 0xFEFF),  # zero-width no-break space / byte-order mark
    (0xE0100, 0xE01EF),  # variation selectors supplement
)

# When no font of the chain has the character: the closest that prints the same meaning.
# Tried in order; the first that a font can draw wins.
STAND_INS: dict[str, tuple[str, ...]] = {
    "\u2011": ("\u2010", "-"),  # non-breaking hyphen → hyphen
    "\u2010": ("-",),
    "\u2012": ("\u2013", "-"),  # figure dash
    "\u2013": ("-",),
    "\u2014": ("\u2013", "-"),
    "\u2212": ("\u2013", "-"),  # minus sign
    "\u202f": ("\u00a0", " "),  # narrow no-break space
    "\u2007": ("\u00a0", " "),  # figure space
    "\u2009": (" ",),  # thin space
    "\u200a": (" ",),  # hair space
    "\u00a0": (" ",),
    "\u2116": ("No",),  # numero sign
    "\u2026": ("...",),
    "\u2018": ("'",),
    "\u2019": ("'",),
    "\u201c": ('"',),
    "\u201d": ('"',),
    "\u201e": (",,",),
    "\u2022": ("\u00b7", "-"),
}


def is_invisible(char: str) -> bool:
    """True for format characters that draw nothing (no glyph needed)."""
    code = ord(char)
    return any(low <= code <= high for low, high in _INVISIBLE_RANGES)


def needs_glyph(char: str) -> bool:
    """Line breaks, tabs and invisible format characters need no glyph."""
    return char not in "\n\r\t" and not is_invisible(char)
