"""CSS font stacks (``"'Noto Sans', Aptos, sans-serif"``) and where a family can be had.

brand.yml copies CSS, so a family may be a whole stack: families in order of
preference, ending in a generic class. We take the first family that is
installed; a stack that runs out lands on the font we ship for its class
(serif or sans), so a brand made for the web still builds. The advice for a
missing family names the one thing that would install it: a PyPI font package
where one exists (fonts must never be downloaded at build time), else the
family's Google Fonts page.
"""

from __future__ import annotations

import re
from typing import Literal

FontClass = Literal["sans", "serif", "mono"]

#: Generic CSS families and what they stand for here.
GENERIC: dict[str, FontClass] = {
    "sans-serif": "sans", "serif": "serif", "monospace": "mono", "system-ui": "sans",
    "ui-sans-serif": "sans", "ui-serif": "serif", "ui-monospace": "mono", "ui-rounded": "sans",
    "cursive": "sans", "fantasy": "sans", "emoji": "sans", "math": "serif", "fangsong": "serif",
    "-apple-system": "sans", "blinkmacsystemfont": "sans",
}

#: The family we ship (pip dependencies of this tool) for each class.
SHIPPED: dict[FontClass, str] = {"sans": "Lato", "serif": "Source Serif Pro", "mono": "Lato"}

#: Families that a PyPI package installs as TrueType files (checked on PyPI, 2026-12).
PIP_PACKAGES = {
    "lato": "font-lato", "red hat display": "font-rhd", "roboto": "font-roboto",
    "source sans pro": "font-source-sans-pro", "source serif pro": "font-source-serif-pro",
    "manrope": "font-manrope", "hanken grotesk": "font-hanken-grotesk", "caladea": "font-caladea",
    "fredoka one": "font-fredoka-one", "fjalla one": "font-fjallaone", "amatic sc": "font-amatic-sc",
}

_SPLIT = re.compile(r"""\s*(?:"([^"]*)"|'([^']*)'|([^,]+))\s*(?:,|$)""")


def parse_stack(text: str) -> tuple[str, ...]:
    """``"'Noto Sans', Aptos, sans-serif"`` → ``("Noto Sans", "Aptos", "sans-serif")``."""
    names = []
    for match in _SPLIT.finditer(text.strip()):
        name = next((g for g in match.groups() if g is not None), "").strip()
        if name:
            names.append(" ".join(name.split()))
    return tuple(dict.fromkeys(names))


def is_generic(name: str) -> bool:
    return name.casefold() in GENERIC


def font_class(stack: tuple[str, ...], default: FontClass = "sans") -> FontClass:
    """The class a stack asks for: its generic family, else a guess from the names."""
    for name in stack:
        if is_generic(name):
            return GENERIC[name.casefold()]
    for name in stack:
        low = name.casefold()
        if re.search(r"\b(mono|code|courier)\b", low):
            return "mono"
        if re.search(r"\bserif\b", low) and "sans" not in low:
            return "serif"
        if re.search(r"\b(slab|garamond|times|georgia|baskerville|caslon|merriweather|playfair)\b", low):
            return "serif"
    return default


def how_to_get(family: str, source: str | None = None) -> str:
    """What would install ``family``: a pip package if one exists, else the page to download it from."""
    package = PIP_PACKAGES.get(" ".join(family.casefold().split()))
    if package:
        return f"pip install {package}"
    if source == "bunny":
        page = f"https://fonts.bunny.net/family/{'-'.join(family.casefold().split())}"
    elif source in (None, "google"):
        page = f"https://fonts.google.com/specimen/{'+'.join(family.split())}"
    else:
        return f"install the TrueType (.ttf) files of '{family}' or put them in the brand folder"
    maybe = "" if source else " (if it is a Google font)"
    return f"put the TrueType (.ttf) files from {page}{maybe} in the brand folder"
