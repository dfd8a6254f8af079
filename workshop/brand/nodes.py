"""Typed reads from the located YAML tree, with errors a designer can act on.

The brand file is read with the shared located-YAML reader (``workshop.yamltree.reader``):
every value is text with a file:line:col, so each check here can point at the
exact place. brand.yml is an open format, so unknown keys in *its* sections
are warnings; unknown keys in our own ``defaults: workshop:`` are errors.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from workshop.errors import Finding, Location, WorkshopError, WorkshopErrors
from workshop.suggest import closest, did_you_mean
from workshop.yamltree.tree import Mapping, Node, Scalar, Sequence

T = TypeVar("T")


class Report:
    """A brand file's problems, gathered so one run shows them all, each once.

    Readers call ``attempt`` around each independent part; an error there is
    kept and the part takes its default, so the parts after it are still read.
    """

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.errors: list[WorkshopError] = []

    def attempt(self, read: Callable[[], T], default: T) -> T:
        try:
            return read()
        except WorkshopErrors as group:
            self.errors.extend(group.errors)
        except WorkshopError as exc:
            self.errors.append(exc)
        return default

    def warn(self, finding: Finding) -> None:
        self.findings.append(finding)

    def raise_errors(self) -> None:
        """Raise every error gathered (none: return)."""
        if self.errors:
            raise WorkshopErrors(self.errors)

    def unique_findings(self) -> list[Finding]:
        seen: set[tuple[str, str, Location | None]] = set()
        out = []
        for finding in self.findings:
            key = (finding.code, finding.message, finding.location)
            if key not in seen:
                seen.add(key)
                out.append(finding)
        return out


WEIGHT_NAMES = {
    "thin": 100, "hairline": 100, "extra-light": 200, "ultra-light": 200, "light": 300,
    "normal": 400, "regular": 400, "medium": 500, "semi-bold": 600, "demi-bold": 600,
    "bold": 700, "extra-bold": 800, "ultra-bold": 800, "black": 900, "heavy": 900,
}


def kind_of(node: Node) -> str:
    if isinstance(node, Mapping):
        return "a group of settings"
    if isinstance(node, Sequence):
        return "a list"
    return f"'{node.value}'"


def is_null(node: Node | None) -> bool:
    return node is None or (isinstance(node, Scalar) and node.to_python() is None)


def given(node: Node | None) -> Node | None:
    """``node``, or None where it is missing or empty (so the type checker sees which)."""
    return None if is_null(node) else node


def mapping(node: Node, what: str) -> Mapping:
    if not isinstance(node, Mapping):
        raise WorkshopError(f"{what} should be a group of 'key: value' settings, not {kind_of(node)}",
                            node.location, hint="indent its settings under it, one per line")
    return node


def sequence(node: Node, what: str) -> Sequence:
    if not isinstance(node, Sequence):
        raise WorkshopError(f"{what} should be a list ('- ' items), not {kind_of(node)}", node.location)
    return node


def text(node: Node, what: str) -> str:
    if not isinstance(node, Scalar):
        raise WorkshopError(f"{what} should be a single value, not {kind_of(node)}", node.location)
    value = node.to_python()
    if value is None or not value.strip():
        raise WorkshopError(f"{what} is empty", node.location)
    return value.strip()


def number(node: Node, what: str, *, low: float, high: float, integer: bool = False) -> float:
    raw = text(node, what)
    try:
        value = int(raw) if integer else float(raw)
    except ValueError:
        kind = "a whole number" if integer else "a number"
        raise WorkshopError(f"{what} should be {kind}, not '{raw}'", node.location) from None
    if not low <= value <= high:
        raise WorkshopError(f"{what} is {raw}; it must be between {low:g} and {high:g}", node.location)
    return value


def choice(node: Node, what: str, options: dict[str, str]) -> str:
    """One of ``options`` (keys compared case-insensitively), returned in canonical form."""
    raw = text(node, what)
    if raw.casefold() in options:
        return options[raw.casefold()]
    raise WorkshopError(f"{what} '{raw}' is not one of: {', '.join(options.values())}",
                        node.location, hint=did_you_mean(raw, options.values()))


def weight(node: Node, what: str) -> int | None:
    """A CSS font weight (number or name); None for ``auto`` or a variable range."""
    raw = text(node, what).casefold()
    if raw == "auto" or ".." in raw:
        return None
    if raw in WEIGHT_NAMES:
        return WEIGHT_NAMES[raw]
    if re.fullmatch(r"[1-9]00", raw):
        return int(raw)
    raise WorkshopError(f"{what} '{raw}' is not a font weight", node.location,
                        hint="use 100, 200, … 900 or a name like normal, semi-bold, bold")


def check_keys(node: Mapping, allowed: tuple[str, ...] | list[str], what: str) -> None:
    """Unknown keys are errors (our own settings: a typo must not be silently ignored); all of them at once."""
    unknown = [WorkshopError(f"unknown setting '{key.value}' in {what}", key.location,
                             hint=did_you_mean(key.value, allowed))
               for key, _ in node.items if key.value not in allowed]
    if len(unknown) == 1:
        raise unknown[0]
    if unknown:
        raise WorkshopErrors(unknown)


def warn_unknown_keys(node: Mapping, allowed: tuple[str, ...] | list[str], what: str,
                      findings: list[Finding]) -> None:
    """Unknown keys in brand.yml's own sections: tolerated, but a likely typo is pointed out."""
    for key, _ in node.items:
        if key.value not in allowed:
            guess = closest(key.value, allowed)
            message = f"'{key.value}' in {what} is not a brand.yml setting we use; it is ignored"
            if guess:
                message += f" (did you mean '{guess}'?)"
            findings.append(Finding("brand-unknown-key" if guess else "brand-ignored-key", message, key.location))


def items(node: Mapping) -> list[tuple[str, Location, Node]]:
    return [(key.value, key.location, value) for key, value in node.items]
