"""Colour roles (``primary``, ``on-primary``, ``tint-primary``, ``muted``…) → colours, readably.

The layouts name colours by role so one layout serves every brand. This
module turns a role into ``#RRGGBB`` for one brand, and decides what colour
text in a role is actually drawn in on what lies behind it: the brand's own
choice when it reaches WCAG AA there, otherwise the more readable of the
brand's ``light`` and ``dark`` colours (black or white only when neither
reaches AA). The deck renderer paints with it and the accessibility check
reports with it, so what is reported is what is drawn.
"""

from __future__ import annotations

from workshop.brand.colors import contrast_ratio, mix, parse_color
from workshop.brand.model import Brand
from workshop.lazyclass import lazy_dataclass

AA_BODY = 4.5  # WCAG 2.x AA, normal text
AA_LARGE = 3.0  # AA for large text: 18 pt and up, or 14 pt bold and up
_SUBSTITUTES = ("light", "dark")


DERIVED = ("muted", "rule")  # shades the layouts derive from the brand's colours


def _nudge(color: str, fill: str, needed: float) -> str:
    """``color`` moved towards black or white (whichever reads on ``fill``) until it reaches ``needed``."""
    target = "#000000" if contrast_ratio("#000000", fill) >= contrast_ratio("#FFFFFF", fill) else "#FFFFFF"
    for step in range(1, 21):
        moved = mix(color, target, step / 20)
        if contrast_ratio(moved, fill) >= needed:
            return moved
    return target


def is_large(size_pt: float, bold: bool) -> bool:
    return size_pt >= 18 or (bold and size_pt >= 14)


@lazy_dataclass(frozen=True)
class Choice:
    """The colour text in ``role`` gets on ``behind``: ``used`` is ``role`` when it was readable."""

    role: str
    behind: str
    used: str
    ratio: float  # the brand's choice, as asked
    used_ratio: float
    needed: float

    @property
    def changed(self) -> bool:
        return self.used != self.role


class RoleColors:
    """Resolves colour roles for one brand (and one client accent)."""

    def __init__(self, brand: Brand, client: str | None = None):
        self.brand = brand
        self.colors = brand.colors
        self.client = parse_color(client if client.startswith("#") else f"#{client}") if client else None
        self._choices: dict[tuple[str, str, bool], Choice] = {}

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
            return self._muted()
        if role == "rule":
            return mix(c.foreground, c.background, 0.82)
        if role == "heading":
            return self.brand.typography.headings.color
        if role == "client":
            return self.client or c.secondary
        if role.startswith("#"):
            return parse_color(role)
        value = getattr(c, role, None)
        if not isinstance(value, str) or role == "palette":
            raise KeyError(f"unknown colour role '{role}'")
        return parse_color(value)

    def _muted(self) -> str:
        """Foreground faded towards the background, but never below AA on it (a derived role)."""
        c = self.colors
        for step in range(38, -1, -1):
            muted = mix(c.foreground, c.background, step / 100)
            if contrast_ratio(muted, c.background) >= AA_BODY:
                return muted
        return c.foreground

    def accent(self, role: str, behind: str) -> str:
        """``#RRGGBB`` for a graphic accent (a bar, a band) in ``role`` on ``behind``: 3:1 at least.

        WCAG 1.4.11 asks 3:1 of graphics that carry meaning; a client colour
        too close to the fill it sits on is moved towards black or white,
        keeping its hue, until it stands out.
        """
        color, fill = self.hex(role), self.hex(behind)
        return color if contrast_ratio(color, fill) + 1e-9 >= AA_LARGE else _nudge(color, fill, AA_LARGE)

    def readable(self, role: str, behind: str, large: bool) -> Choice:
        """What text in ``role`` is drawn in on a fill in role ``behind``."""
        key = (role, behind, large)
        if key not in self._choices:
            self._choices[key] = self._choose(role, behind, large)
        return self._choices[key]

    def _choose(self, role: str, behind: str, large: bool) -> Choice:
        needed = AA_LARGE if large else AA_BODY
        fill = self.hex(behind)
        ratio = contrast_ratio(self.hex(role), fill)
        if ratio + 1e-9 >= needed:
            return Choice(role, behind, role, ratio, ratio, needed)
        if role in DERIVED or role.startswith(("tint-", "soft-")):
            # Our own shade, not the brand's choice: keep its hue, move it until it reads.
            nudged = _nudge(self.hex(role), fill, needed)
            return Choice(nudged, behind, nudged, ratio, contrast_ratio(nudged, fill), needed)
        options = [(contrast_ratio(self.hex(r), fill), r) for r in _SUBSTITUTES]
        best_ratio, best = max(options)
        if best_ratio + 1e-9 < needed:  # neither of the brand's own: plain black or white
            best_ratio, best = max((contrast_ratio(x, fill), x) for x in ("#000000", "#FFFFFF"))
        return Choice(role, behind, best, ratio, best_ratio, needed)
