"""brand.yml's ``color`` section: a named palette and the semantic colour roles.

Roles and palette entries may name each other (``primary: forest``,
``forest: "#1F3D2B"``, ``accent: primary``) as brand.yml allows; names are
resolved here once, cycles and unknown names are errors at their line, and
everything later sees only ``#RRGGBB``. A role given as ``{light, dark}`` uses
its light value: slides and handouts are light documents.
"""

from __future__ import annotations

from dataclasses import fields
from functools import partial
from types import MappingProxyType

from workshop.brand import nodes
from workshop.brand.colors import ColorError, parse_color
from workshop.brand.model import Colors
from workshop.errors import Location, WorkshopError
from workshop.outline.suggest import closest
from workshop.outline.tree import Mapping, Node, Scalar

ROLES = tuple(f.name for f in fields(Colors) if f.name != "palette")
_DEFAULTS = {role: getattr(Colors(), role) for role in ROLES}
_QUOTE_HINT = 'put quotes around hex colours: primary: "#1F3D2B" (without them, # starts a comment)'


class ColorResolver:
    """Turns colour text from anywhere in the brand file into ``#RRGGBB``."""

    def __init__(self, palette: dict[str, Node], roles: dict[str, Node]):
        self.palette_nodes = palette
        self.role_nodes = roles
        self._cache: dict[str, str] = {}

    def resolve(self, node: Node, what: str, _seen: tuple[str, ...] = ()) -> str:
        """The colour ``node`` names: a theme role, a palette entry or a CSS colour."""
        if isinstance(node, Mapping) and (node.get("light") is not None or node.get("dark") is not None):
            chosen = node.get("light") or node.get("dark")
            return self.resolve(chosen, what, _seen)  # type: ignore[arg-type]
        if nodes.is_null(node):
            raise WorkshopError(f"{what} is empty", node.location, hint=_QUOTE_HINT)
        value = nodes.text(node, what)
        if value in self.role_nodes and f"role {value}" not in _seen:
            return self._follow(f"role {value}", self.role_nodes[value], value, _seen, node.location)
        if value in self.palette_nodes and f"palette {value}" not in _seen:
            return self._follow(f"palette {value}", self.palette_nodes[value], value, _seen, node.location)
        if value in _DEFAULTS and value not in self.role_nodes:
            return _DEFAULTS[value]  # a role the file leaves out keeps our default
        try:
            return parse_color(value)
        except ColorError as exc:
            names = list(self.palette_nodes) + list(self.role_nodes)
            guess = closest(value, names)
            if value in self.role_nodes or value in self.palette_nodes:
                chain = " → ".join([s.split(" ", 1)[1] for s in _seen] + [value])
                raise WorkshopError(f"{what}: the colour names go round in a circle ({chain})",
                                    node.location, hint="let one of them be a real colour") from None
            hint = f"did you mean '{guess}'?" if guess else (
                "use a palette name, a colour role or a colour like \"#1F3D2B\"")
            raise WorkshopError(f"{what}: {exc}", node.location, hint=hint) from None

    def _follow(self, key: str, target: Node, name: str, seen: tuple[str, ...], where: Location) -> str:
        if key in self._cache:
            return self._cache[key]
        result = self.resolve(target, f"color '{name}'", seen + (key,))
        self._cache[key] = result
        return result


def read_colors(section: Node | None, report: nodes.Report) -> tuple[Colors, ColorResolver]:
    """The roles (missing ones keep our neutral defaults) with the resolved palette, and the resolver.

    Each role and palette entry is resolved on its own, so every bad colour in
    the file is reported in one run; a bad one keeps its default meanwhile.
    """
    if nodes.is_null(section):
        return Colors(), ColorResolver({}, {})
    color = nodes.mapping(section, "color")  # type: ignore[arg-type]
    nodes.warn_unknown_keys(color, ("palette", *ROLES), "color", report.findings)
    palette_nodes: dict[str, Node] = {}
    palette_section = color.get("palette")
    if palette_section is not None and not nodes.is_null(palette_section):
        section = palette_section
        listing: list[tuple[str, Location, Node]] = report.attempt(
            lambda: nodes.items(nodes.mapping(section, "color.palette")), [])
        for name, _, value in listing:
            palette_nodes[name] = value
    role_nodes = {name: value for name, _, value in nodes.items(color)
                  if name in ROLES and not _blank(value)}
    for name, _, value in nodes.items(color):
        if name in ROLES and _blank(value):
            report.errors.append(WorkshopError(f"color.{name} is empty", value.location, hint=_QUOTE_HINT))
    resolver = ColorResolver(palette_nodes, role_nodes)
    palette: dict[str, str] = {}
    for name, node in palette_nodes.items():
        entry = report.attempt(partial(resolver.resolve, node, f"color.palette.{name}"), None)
        if entry is not None:
            palette[name] = entry
    roles: dict[str, str] = {}
    for name, node in role_nodes.items():
        role = report.attempt(partial(resolver.resolve, node, f"color.{name}"), None)
        if role is not None:
            roles[name] = role
    return Colors(**roles, palette=MappingProxyType(palette)), resolver


def _blank(node: Node) -> bool:
    return isinstance(node, Scalar) and node.to_python() is None
