"""Colour roles of the layout specs (``primary``, ``on-primary``, ``tint-primary``…) → colours.

Theme roles become scheme colours (``accent1``…), so a designer who changes
the theme in PowerPoint recolours the layouts; derived roles (tints, text on
a fill, the client's accent) become fixed RGB values computed from the brand.
"""

from __future__ import annotations

from workshop.brand.model import Brand
from workshop.brand.roles import RoleColors
from workshop.render.deck.ooxml import Element, el

SCHEME = {
    "foreground": "tx1", "background": "bg1", "dark": "tx2", "light": "bg2",
    "primary": "accent1", "secondary": "accent2", "tertiary": "accent3",
}


class Palette:
    """Colour roles as OOXML for one brand (and one client accent); the maths is ``RoleColors``."""

    def __init__(self, brand: Brand, client: str | None = None, scheme: bool = True) -> None:
        self.brand = brand
        self.colors = brand.colors
        self.roles = RoleColors(brand, client)
        self.client = self.roles.client
        self.scheme = scheme

    def hex(self, role: str) -> str:
        """``#RRGGBB`` for a role."""
        return self.roles.hex(role)

    def text_role(self, role: str, behind: str, large: bool) -> str:
        """The role text in ``role`` is drawn in on ``behind`` (the brand's unless it is unreadable)."""
        return self.roles.readable(role, behind, large).used

    def color(self, role: str) -> Element:
        """An ``a:schemeClr`` or ``a:srgbClr`` element for ``role``."""
        if self.scheme and role in SCHEME:
            return el("a:schemeClr", {"val": SCHEME[role]})
        return el("a:srgbClr", {"val": self.hex(role)[1:]})

    def fill(self, role: str | None) -> Element:
        """``a:solidFill`` for a role, ``a:noFill`` for None/"none"."""
        if not role or role == "none":
            return el("a:noFill")
        return el("a:solidFill", None, self.color(role))
