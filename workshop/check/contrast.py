"""Colour contrast of every text role, on what each is actually drawn on.

For each generated layout, each text shape's colour role is judged against
the fill under it (its own fill, a band of the layout, or the slide
background), with the same ``RoleColors.readable`` the deck renderer paints
with; so is the text inside the slide-level bands (agenda rows, quiz options,
table rows). Where the brand's colour fails WCAG AA the deck uses the brand's
light or dark colour instead, and one finding per colour pair says so, at the
line of ``_brand.yml`` that sets the colour. Handouts are printed on white:
a dark brand's text colours that do not read on paper are named too.
"""

from __future__ import annotations

from workshop.brand.colors import contrast_ratio
from workshop.brand.model import Brand
from workshop.brand.roles import AA_BODY, AA_LARGE, Choice, RoleColors, is_large
from workshop.errors import Finding, Location
from workshop.layouts import layouts_for
from workshop.layouts.spec import LayoutSpec, ShapeSpec

#: Text in slide-level bands the painters draw: (layout kind, what, text role, band fill).
BANDS = (
    ("agenda", "agenda rows", "foreground", "light"),
    ("agenda", "the break row of the agenda", "foreground", "soft-tertiary"),
    ("quiz", "quiz options", "foreground", "light"),
    ("quiz", "the right answer", "foreground", "soft-success"),
    ("table", "table rows", "foreground", "light"),
    ("table", "table headers", "on-primary", "primary"),
)


def contrast_findings(brand: Brand) -> list[Finding]:
    """One finding per failing (text colour, background) pair, naming where it occurs."""
    roles = RoleColors(brand)
    failing: dict[tuple[str, str], list[tuple[Choice, str]]] = {}
    for spec in layouts_for(brand).values():
        for shape in spec.text_shapes:
            choice = _judge(roles, brand, spec, shape)
            if choice.changed:
                failing.setdefault((choice.role, choice.behind), []).append((choice, f"{spec.name} › {shape.name}"))
    for kind, what, role, fill in BANDS:
        choice = roles.readable(role, fill, False)
        if choice.changed:
            failing.setdefault((role, fill), []).append((choice, f"{brand.layout_name(kind)} › {what}"))
    out = []
    for found in failing.values():
        strictest = max((choice for choice, _ in found), key=lambda c: c.needed)
        out.append(_finding(brand, roles, strictest, [place for _, place in found]))
    return out + _paper_findings(brand)


def _judge(roles: RoleColors, brand: Brand, spec: LayoutSpec, shape: ShapeSpec) -> Choice:
    style = shape.text
    assert style is not None
    behind = shape.fill or spec.fill_under(shape.box) or spec.background or "background"
    # The fit may shrink text to the role's smallest size: judge it there.
    return roles.readable(style.color, behind, is_large(brand.size(style.role).min_pt, style.bold))


def _finding(brand: Brand, roles: RoleColors, choice: Choice, places: list[str]) -> Finding:
    shown = ", ".join(places[:4]) + (f" and {len(places) - 4} more" if len(places) > 4 else "")
    used = choice.used if choice.used.startswith("#") else f"the brand's '{choice.used}' ({roles.hex(choice.used)})"
    return Finding(
        "a11y-contrast",
        f"text in '{choice.role}' ({roles.hex(choice.role)}) on '{choice.behind}' ({roles.hex(choice.behind)}) "
        f"has contrast {choice.ratio:.2f}:1; WCAG AA needs {choice.needed:g}:1. The deck draws it in {used} "
        f"instead ({choice.used_ratio:.2f}:1): {shown}. Choose colours in _brand.yml that read on each other "
        f"to keep your own",
        _where(brand, choice.role), details={"ratio": choice.ratio, "places": places},
    )


def _paper_findings(brand: Brand) -> list[Finding]:
    """A dark brand's text colours that the white pages of the handout and guide replace."""
    from workshop.brand.colors import parse_color

    c = brand.colors
    if contrast_ratio(c.background, "#000000") >= contrast_ratio(c.background, "#FFFFFF"):
        return []
    replaced = [f"{name} ({parse_color(value)})" for name, value, needed in (
        ("foreground", c.foreground, AA_BODY), ("headings", brand.typography.headings.color, AA_LARGE),
        ("primary", c.primary, AA_LARGE), ("secondary", c.secondary, AA_LARGE),
        ("tertiary", c.tertiary, AA_LARGE), ("dark", c.dark, AA_BODY),
    ) if contrast_ratio(value, "#FFFFFF") < needed]
    if not replaced:
        return []
    return [Finding(
        "a11y-contrast",
        "handouts and guides are printed on white, where " + ", ".join(replaced)
        + " would not reach WCAG AA; they use the brand's dark colour "
        f"({parse_color(c.dark)}) or black there instead",
        _where(brand, "background"),
    )]


def _where(brand: Brand, role: str) -> Location | None:
    base = role[3:] if role.startswith("on-") else role
    place = brand.places.get(f"color.{base}") or brand.places.get("color")
    if place is None and brand.file is not None:
        return Location(str(brand.file))
    return place
