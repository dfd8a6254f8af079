"""Colour roles of the layout specs (``primary``, ``on-primary``, ``tint-primary``…) → colours.

Theme roles become scheme colours (``accent1``…), so a designer who changes
the theme in PowerPoint recolours the layouts; derived roles (tints, text on
a fill, the client's accent) become fixed RGB values computed from the brand.
"""

from __future__ import annotations

from workshop.brand.colors import mix, parse_color
from workshop.brand.model import Brand
from workshop.render.deck.ooxml import el

SCHEME = {
    "foreground": "tx1", "background": "bg1", "dark": "tx2", "light": "bg2",
    "primary": "accent1", "secondary": "accent2", "tertiary": "accent3",
}


class Palette:
    """Resolves colour roles for one brand (and one client accent)."""

    def __init__(self, brand: Brand, client: str | None = None, scheme: bool = True):
        self.brand = brand
        self.colors = brand.colors
        self.client = parse_color(client if client.startswith("#") else f"#{client}") if client else None
        self.scheme = scheme

    def hex(self, role: str) -> str:
        """``#RRGGBB`` for a role."""
        c = self.colors
        if role.startswith("on-"):
            return c.text_on(self.hex(role[3:]))
        if role.startswith("tint-"):
            return mix(self.hex(role[5:]), "#FFFFFF", 0.3)
        if role.startswith("soft-"):
            return mix(self.hex(role[5:]), "#FFFFFF", 0.88)
        if role == "muted":
            return mix(c.foreground, c.background, 0.38)
        if role == "rule":
            return mix(c.foreground, c.background, 0.82)
        if role == "heading":
            return self.brand.typography.headings.color
        if role == "client":
            return self.client or c.secondary
        if role.startswith("#"):
            return parse_color(role)
        value = getattr(c, role, None)
        if not isinstance(value, str):
            raise KeyError(f"unknown colour role '{role}'")
        return parse_color(value)

    def color(self, role: str):
        """An ``a:schemeClr`` or ``a:srgbClr`` element for ``role``."""
        if self.scheme and role in SCHEME:
            return el("a:schemeClr", {"val": SCHEME[role]})
        return el("a:srgbClr", {"val": self.hex(role)[1:]})

    def fill(self, role: str | None):
        """``a:solidFill`` for a role, ``a:noFill`` for None/"none"."""
        if not role or role == "none":
            return el("a:noFill")
        return el("a:solidFill", None, self.color(role))
