"""brand.yml's ``typography`` section: which families, weights and colours text uses.

``fonts`` lists families and where a web page would get them (``file``,
``google``, ``bunny``, ``system``). We never download: every family, whatever
its source, is looked up as TrueType files (``fonts.py``), with files listed
under ``source: file`` tried first. Body text (``base``) and ``headings`` must
be found; a missing ``monospace`` or an unused family in ``fonts`` is only a
warning. Sizes in CSS units (``1rem``) are web settings and are ignored: slide
sizes come from ``defaults: workshop: sizes``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workshop.brand import nodes
from workshop.brand.files import brand_file
from workshop.brand.fontfiles import FONT_SUFFIXES, normalise
from workshop.brand.fonts import MAX_FONT_BYTES, DeclaredFile, resolve_family
from workshop.brand.model import FontFamily
from workshop.brand.palette import ColorResolver
from workshop.errors import Finding, Location, WorkshopError
from workshop.yamltree.tree import Mapping, Node, Scalar

DEFAULT_BODY = "Lato"  # the house body font; installed with the tool (font-lato)
SOURCES = {"file": "file", "google": "google", "bunny": "bunny", "system": "system"}
_SECTIONS = ("fonts", "base", "headings", "monospace", "monospace-inline", "monospace-block", "link")
_STYLE_KEYS = ("family", "size", "line-height", "weight", "style", "color", "background-color",
               "decoration")


@dataclass(frozen=True)
class Typography:
    body: FontFamily
    heading: FontFamily
    mono: FontFamily | None
    heading_weight: int = 700
    heading_italic: bool = False
    heading_color: str | None = None
    line_height: float | None = None
    link_color: str | None = None


@dataclass
class _Role:
    family: str | None = None
    location: Location | None = None
    node: Mapping | None = None


def read_typography(section: Node | None, folder: Path, colors: ColorResolver,
                    findings: list[Finding], where: Location) -> Typography:
    """Fonts resolved to files, plus the heading and link settings; ``where``: the file."""
    if nodes.is_null(section):
        typo = Mapping(where)
    else:
        typo = nodes.mapping(section, "typography")  # type: ignore[arg-type]
    nodes.warn_unknown_keys(typo, _SECTIONS, "typography", findings)
    declared, declared_at = _read_fonts(typo.get("fonts"), folder, findings)
    base = _role(typo.get("base"), "typography.base", findings)
    headings = _role(typo.get("headings"), "typography.headings", findings)
    mono = _role(typo.get("monospace"), "typography.monospace", findings)

    if base.family is None:
        base.family = DEFAULT_BODY
        findings.append(Finding("brand-font-default",
                                f"typography.base names no family; body text uses {DEFAULT_BODY}",
                                typo.location))
    if headings.family is None:  # headings inherit the body family, as in CSS
        headings.family, headings.location = base.family, base.location

    def resolve(role: _Role) -> tuple[FontFamily, list[Finding]]:
        assert role.family is not None
        return resolve_family(role.family, folder, location=role.location,
                              declared=declared.get(normalise(role.family), ()))

    body, found = resolve(base)
    findings += found
    heading, found = resolve(headings) if normalise(headings.family) != normalise(base.family) else (body, [])
    findings += found
    mono_family = None
    if mono.family:
        try:
            mono_family, found = resolve(mono)
            findings += found
        except WorkshopError as exc:
            findings.append(Finding("brand-font-missing", f"{exc.message}; code uses the body font",
                                    exc.location, details={"hint": exc.hint}))
    used = {normalise(f) for f in (base.family, headings.family, mono.family) if f}
    for key, (family, location) in declared_at.items():
        if key in used:
            continue
        try:
            resolve_family(family, folder, location=location, declared=declared.get(key, ()),
                           thorough=False)
        except WorkshopError as exc:
            findings.append(Finding(
                "brand-font-unused",
                f"'{family}' is listed in typography.fonts but is not installed; nothing uses it "
                f"for slides or handouts, so this changes nothing",
                location, details={"hint": exc.hint},
            ))

    return Typography(
        body=body,
        heading=heading,
        mono=mono_family,
        heading_weight=_weight(headings, findings) or 700,
        heading_italic=_italic(headings),
        heading_color=_color(headings, "typography.headings.color", colors),
        line_height=_line_height(base, findings),
        link_color=_color(_role(typo.get("link"), "typography.link", findings, family_allowed=False),
                          "typography.link.color", colors),
    )


def _role(node: Node | None, what: str, findings: list[Finding], family_allowed: bool = True) -> _Role:
    """``base: Open Sans`` or ``base: {family: Open Sans, ...}``."""
    if nodes.is_null(node):
        return _Role()
    if isinstance(node, Scalar) and family_allowed:
        return _Role(nodes.text(node, what), node.location)
    mapping = nodes.mapping(node, what)  # type: ignore[arg-type]
    nodes.warn_unknown_keys(mapping, _STYLE_KEYS, what, findings)
    family = mapping.get("family")
    if nodes.is_null(family):
        return _Role(node=mapping)
    return _Role(nodes.text(family, f"{what}.family"), family.location, mapping)  # type: ignore[arg-type, union-attr]


def _read_fonts(node: Node | None, folder: Path, findings: list[Finding]):
    """Families listed in ``typography.fonts``, with any TrueType files they name."""
    declared: dict[str, list[DeclaredFile]] = {}
    declared_at: dict[str, tuple[str, Location]] = {}
    if nodes.is_null(node):
        return declared, declared_at
    for index, entry in enumerate(nodes.sequence(node, "typography.fonts").items):  # type: ignore[arg-type]
        what = f"typography.fonts[{index + 1}]"
        entry = nodes.mapping(entry, what)
        family_node = entry.get("family")
        if family_node is None:
            raise WorkshopError(f"{what} has no family", entry.location,
                                      hint="add 'family: <font name>'")
        family = nodes.text(family_node, f"{what}.family")
        files = entry.get("files")
        source = "file" if not nodes.is_null(files) else "google"
        if not nodes.is_null(entry.get("source")):
            source = nodes.choice(entry.get("source"), f"{what}.source", SOURCES)  # type: ignore[arg-type]
        key = normalise(family)
        declared_at.setdefault(key, (family, family_node.location))
        if source == "file" and not nodes.is_null(files):
            for item in nodes.sequence(files, f"{what}.files").items:  # type: ignore[arg-type]
                got = _declared_file(item, what, folder, findings)
                if got:
                    declared.setdefault(key, []).append(got)
    return declared, declared_at


def _declared_file(item: Node, what: str, folder: Path, findings: list[Finding]) -> DeclaredFile | None:
    weight = italic = None
    if isinstance(item, Mapping):
        path_node = item.get("path")
        if path_node is None:
            raise WorkshopError(f"a file in {what}.files has no path", item.location)
        if not nodes.is_null(item.get("weight")):
            weight = nodes.weight(item.get("weight"), f"{what} weight")  # type: ignore[arg-type]
        if not nodes.is_null(item.get("style")):
            italic = nodes.choice(item.get("style"), f"{what} style",  # type: ignore[arg-type]
                                  {"normal": "normal", "italic": "italic"}) == "italic"
    else:
        path_node = item
    value = nodes.text(path_node, f"{what} file")
    if value.lower().startswith(("http://", "https://", "//")):
        findings.append(Finding("brand-font-skipped",
                                f"the font file {value} is a web address; nothing is downloaded",
                                path_node.location))
        return None
    if Path(value).suffix.lower() not in FONT_SUFFIXES:
        findings.append(Finding(
            "brand-font-skipped",
            f"the font file '{value}' is not TrueType (.ttf); PDFs need .ttf files, so it is skipped",
            path_node.location,
        ))
        return None
    path = brand_file(value, folder, what="font file", max_bytes=MAX_FONT_BYTES,
                         location=path_node.location)
    return DeclaredFile(path, weight, italic, path_node.location)


def _weight(role: _Role, findings: list[Finding]) -> int | None:
    if role.node is None or nodes.is_null(role.node.get("weight")):
        return None
    return nodes.weight(role.node.get("weight"), "typography.headings.weight")  # type: ignore[arg-type]


def _italic(role: _Role) -> bool:
    if role.node is None or nodes.is_null(role.node.get("style")):
        return False
    value = nodes.choice(role.node.get("style"), "typography.headings.style",  # type: ignore[arg-type]
                         {"normal": "normal", "italic": "italic", "oblique": "italic"})
    return value == "italic"


def _color(role: _Role, what: str, colors: ColorResolver) -> str | None:
    if role.node is None or nodes.is_null(role.node.get("color")):
        return None
    return colors.resolve(role.node.get("color"), what)  # type: ignore[arg-type]


def _line_height(role: _Role, findings: list[Finding]) -> float | None:
    if role.node is None or nodes.is_null(role.node.get("line-height")):
        return None
    node = role.node.get("line-height")
    raw = nodes.text(node, "typography.base.line-height")  # type: ignore[arg-type]
    try:
        value = float(raw)
    except ValueError:
        findings.append(Finding(
            "brand-line-height",
            f"typography.base.line-height '{raw}' has a unit; only plain numbers like 1.3 are used",
            node.location,  # type: ignore[union-attr]
        ))
        return None
    if not 0.8 <= value <= 3.0:
        raise WorkshopError(f"typography.base.line-height {raw} is outside 0.8-3.0", node.location)  # type: ignore[union-attr]
    return value
