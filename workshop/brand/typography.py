"""brand.yml's ``typography`` section → three fully resolved roles and a link colour.

``fonts`` lists families and where a web page would get them (``file``,
``google``, ``bunny``, ``system``). We never download: every family, whatever
its source, is looked up as TrueType files (``fonts.py``), with files listed
under ``source: file`` tried first. A role's family may be a CSS stack; the
first installed family wins, and a stack that runs out falls back to the font
we ship for its class (``stacks.py``), with a warning that says how to get the
family the brand asked for. So every brand.yml loads; only a malformed value
(a weight that is not a weight, a colour that is not a colour) is an error.

Web-only settings (sizes in ``rem``, decorations, inline-code colours) are
listed once, in one info line, rather than silently dropped.
"""

from __future__ import annotations

from dataclasses import field
from functools import partial
from pathlib import Path

from workshop.brand import nodes
from workshop.brand.fontfiles import normalise
from workshop.brand.fontlist import DeclaredFamilies, read_font_list
from workshop.brand.fonts import resolve_family
from workshop.brand.model import (
    BODY_LINE_HEIGHT,
    BODY_WEIGHT,
    HEADING_WEIGHT,
    Colors,
    FontFamily,
    TypeRole,
    Typography,
)
from workshop.brand.palette import ColorResolver
from workshop.brand.stacks import GENERIC, SHIPPED, FontClass, font_class, how_to_get, is_generic, parse_stack
from workshop.errors import Finding, Location, Severity, WorkshopError
from workshop.lazyclass import lazy_dataclass
from workshop.yamltree.tree import Mapping, Node, Scalar

DEFAULT_BODY = SHIPPED["sans"]  # the house body font; installed with the tool (font-lato)
_SECTIONS = ("fonts", "base", "headings", "monospace", "monospace-inline", "monospace-block", "link")
_STYLE_KEYS = ("family", "size", "line-height", "weight", "style", "color", "background-color",
               "decoration")
#: Settings brand.yml defines for web pages that slides and handouts cannot use.
_WEB_ONLY = ("size", "background-color", "decoration")
_USED = {
    "base": ("family", "weight", "line-height", "color"),
    "headings": ("family", "weight", "style", "line-height", "color"),
    "monospace": ("family", "weight"),
    "link": ("color",),
}


@lazy_dataclass
class _Role:
    """One role as written: its stack (empty: inherit) and its settings node."""

    what: str
    stack: tuple[str, ...] = ()
    location: Location | None = None
    node: Mapping | None = None
    ignored: list[str] = field(default_factory=list)


def read_typography(section: Node | None, folder: Path, resolver: ColorResolver, colors: Colors,
                    report: nodes.Report, where: Location) -> Typography:
    """The three roles and the link colour; problems go to ``report``; ``where``: the file."""
    if nodes.is_null(section):
        typo = Mapping(where)
    else:
        typo = report.attempt(lambda: nodes.mapping(section, "typography"), Mapping(where))  # type: ignore[arg-type]
    nodes.warn_unknown_keys(typo, _SECTIONS, "typography", report.findings)
    declared = report.attempt(lambda: read_font_list(typo.get("fonts"), folder, report), DeclaredFamilies())
    roles = {name: report.attempt(partial(_role, typo.get(name), name, report), _Role(f"typography.{name}"))
             for name in ("base", "headings", "monospace", "link")}
    base, headings, mono, link = roles["base"], roles["headings"], roles["monospace"], roles["link"]
    if not base.stack:
        report.warn(Finding("brand-font-default",
                            f"typography.base names no family; body text uses {DEFAULT_BODY}",
                            typo.location, severity=Severity.INFO))
        base.stack = (DEFAULT_BODY,)
    if not headings.stack:  # headings inherit the body family, as in CSS
        headings.stack, headings.location = base.stack, base.location
    families = _Families(folder, declared, report)
    body_weight = report.attempt(lambda: _weight(base), None) or BODY_WEIGHT
    body = families.resolve(base, "body text is", "sans", body_weight)  # the face nearest base.weight
    heading_family = families.resolve(headings, "headings are", font_class(base.stack), 400)
    mono_family = families.resolve(mono, "code is", "mono", 400) if mono.stack else body
    _ignored_info(typo, roles, report)
    declared.report_unused({normalise(n) for r in (base, headings, mono) for n in r.stack}, report)

    def color(role: _Role, default: str) -> str:
        return report.attempt(lambda: _color(role, resolver), None) or default

    return Typography(
        base=TypeRole(body, _with_fallback(base.stack, body), body_weight, False,
                      color(base, colors.foreground),
                      report.attempt(lambda: _line_height(base, report), None) or BODY_LINE_HEIGHT),
        headings=TypeRole(heading_family, _with_fallback(headings.stack, heading_family),
                          report.attempt(lambda: _weight(headings), None) or HEADING_WEIGHT,
                          report.attempt(lambda: _italic(headings), False),
                          color(headings, colors.primary),
                          report.attempt(lambda: _line_height(headings, report), None)),
        monospace=TypeRole(mono_family, _with_fallback(mono.stack or base.stack, mono_family),
                           report.attempt(lambda: _weight(mono), None) or BODY_WEIGHT, False,
                           colors.foreground, None),
        link_color=color(link, colors.primary),
    )


class _Families:
    """Resolves stacks to installed families; each missing family is reported once."""

    def __init__(self, folder: Path, declared: DeclaredFamilies, report: nodes.Report):
        self.folder = folder
        self.declared = declared
        self.report = report
        self.missing: set[str] = set()

    def resolve(self, role: _Role, used_for: str, fallback: FontClass, weight: int) -> FontFamily:
        klass = font_class(role.stack, fallback)
        wanted = [n for n in role.stack if not is_generic(n)]
        for name in role.stack:
            family = SHIPPED[GENERIC[name.casefold()]] if is_generic(name) else name
            found = self._find(family, role.location, weight)
            if found is not None:
                self._say_missing(wanted, family, role, used_for)
                return found
        shipped = SHIPPED[klass]
        found = self._find(shipped, role.location, weight)
        if found is None:  # the tool's own fonts are missing: a broken install, say so plainly
            raise WorkshopError(f"the font '{shipped}' that comes with workshop is not installed",
                                role.location, hint="reinstall workshop (pip install --force-reinstall workshop)")
        self._say_missing(wanted, shipped, role, used_for)
        return found

    def _find(self, family: str, location: Location | None, weight: int) -> FontFamily | None:
        key = normalise(family)
        try:
            found, findings = resolve_family(family, self.folder, location=location,
                                             declared=self.declared.files.get(key, ()), weight=weight)
        except WorkshopError:
            return None
        for finding in findings:
            self.report.warn(finding)
        return found

    def _say_missing(self, wanted: list[str], used: str, role: _Role, used_for: str) -> None:
        used_at = next((i for i, n in enumerate(wanted) if normalise(n) == normalise(used)), len(wanted))
        for name in wanted[:used_at]:  # the families the stack preferred to the one used
            if normalise(name) in self.missing:
                continue
            self.missing.add(normalise(name))
            source = self.declared.sources.get(normalise(name))
            web = f" ({source} fonts are web fonts; nothing is downloaded at build time)" if source in (
                "google", "bunny") else ""
            self.report.warn(Finding(
                "brand-font-missing",
                f"the font family '{name}' is not installed{web}; {used_for} set in {used} instead. "
                f"To use {name}: {how_to_get(name, source)}",
                role.location, details={"family": name, "used": used},
            ))


def _with_fallback(stack: tuple[str, ...], used: FontFamily) -> tuple[str, ...]:
    """The stack as written, ending in the family actually used when the stack did not name it."""
    names = tuple(n for n in stack if not is_generic(n))
    if normalise(used.name) not in {normalise(n) for n in names}:
        names += (used.name,)
    return names


def _role(node: Node | None, name: str, report: nodes.Report) -> _Role:
    """``base: Open Sans``, ``base: "Arial, sans-serif"`` or ``base: {family: ..., ...}``."""
    what = f"typography.{name}"
    if nodes.is_null(node):
        return _Role(what)
    if isinstance(node, Scalar) and name != "link":
        return _Role(what, parse_stack(nodes.text(node, what)), node.location)
    mapping = nodes.mapping(node, what)  # type: ignore[arg-type]
    nodes.warn_unknown_keys(mapping, _STYLE_KEYS, what, report.findings)
    used = _USED[name]
    ignored = [f"{what}.{key.value}" for key, _ in mapping.items
               if key.value in _STYLE_KEYS and key.value not in used]
    family = mapping.get("family")
    if nodes.is_null(family) or name == "link":
        return _Role(what, (), mapping.location, mapping, ignored)
    return _Role(what, parse_stack(nodes.text(family, f"{what}.family")), family.location,  # type: ignore[arg-type, union-attr]
                 mapping, ignored)


def _ignored_info(typo: Mapping, roles: dict[str, _Role], report: nodes.Report) -> None:
    """One info line naming every typography setting that slides and handouts do not use."""
    ignored = [item for role in roles.values() for item in role.ignored]
    for name in ("monospace-inline", "monospace-block"):
        if not nodes.is_null(typo.get(name)):
            ignored.append(f"typography.{name}")
    if ignored:
        report.warn(Finding(
            "brand-ignored",
            "not used for slides and handouts (web settings; slide sizes come from "
            "defaults.workshop.sizes): " + ", ".join(ignored),
            typo.location, severity=Severity.INFO, details={"fields": ignored},
        ))


def _weight(role: _Role) -> int | None:
    if role.node is None or nodes.is_null(role.node.get("weight")):
        return None
    return nodes.weight(role.node.get("weight"), f"{role.what}.weight")  # type: ignore[arg-type]


def _italic(role: _Role) -> bool:
    if role.node is None or nodes.is_null(role.node.get("style")):
        return False
    value = nodes.choice(role.node.get("style"), f"{role.what}.style",  # type: ignore[arg-type]
                         {"normal": "normal", "italic": "italic", "oblique": "italic"})
    return value == "italic"


def _color(role: _Role, resolver: ColorResolver) -> str | None:
    if role.node is None or nodes.is_null(role.node.get("color")):
        return None
    return resolver.resolve(role.node.get("color"), f"{role.what}.color")  # type: ignore[arg-type]


def _line_height(role: _Role, report: nodes.Report) -> float | None:
    """A unitless line height; one with a CSS unit (``24px``) is a web setting we skip, and say so."""
    if role.node is None or nodes.is_null(role.node.get("line-height")):
        return None
    node = role.node.get("line-height")
    raw = nodes.text(node, f"{role.what}.line-height")  # type: ignore[arg-type]
    try:
        value = float(raw)
    except ValueError:
        report.warn(Finding(
            "brand-line-height",
            f"{role.what}.line-height '{raw}' has a unit; only plain numbers like 1.3 are used",
            node.location, severity=Severity.INFO,  # type: ignore[union-attr]
        ))
        return None
    if not 0.8 <= value <= 3.0:
        raise WorkshopError(f"{role.what}.line-height {raw} is outside 0.8-3.0", node.location)  # type: ignore[union-attr]
    return value
