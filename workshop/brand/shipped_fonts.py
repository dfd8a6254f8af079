"""Fonts that ship inside workshop: what they are and where they are.

``data/fonts/`` holds Lato 2.0 (the house body font, found by the normal
font search before any installed copy), Noto Sans (the last font of the PDFs'
per-character fallback chain) and width tables of Liberation Sans and Serif
(what the fit measures a substituted font with). ``data/fonts/README.md``
says where each comes from and under which licence.
"""

from __future__ import annotations

from pathlib import Path

from workshop.brand.model import FontFamily

SHIPPED_FONTS = Path(__file__).resolve().parent.parent / "data" / "fonts"
_NOTO = SHIPPED_FONTS / "noto-sans"

FALLBACK_FAMILY = FontFamily(
    name="Noto Sans",
    regular=_NOTO / "NotoSans-Regular.ttf",
    bold=_NOTO / "NotoSans-Bold.ttf",
    italic=_NOTO / "NotoSans-Italic.ttf",
    bold_italic=_NOTO / "NotoSans-BoldItalic.ttf",
)
