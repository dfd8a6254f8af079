"""Our own settings, under ``defaults: workshop:`` in ``_brand.yml``.

brand.yml reserves ``defaults`` for tool-specific settings, so a Quarto project
can share the same file: Quarto ignores our section, we ignore theirs. Inside
our section every key is checked: a misspelt ``paper`` or ``sizes`` must
stop the build with its line and a suggestion, not be silently ignored.
"""

from __future__ import annotations

import string
from functools import partial
from pathlib import Path
from types import MappingProxyType

from workshop.brand import nodes
from workshop.brand.files import brand_file
from workshop.brand.model import DEFAULT_LAYOUT_NAMES, DEFAULT_SIZES, TEXT_ROLES, SizeRange, WorkshopSettings
from workshop.errors import WorkshopError
from workshop.kinds import KINDS
from workshop.safety.formats import FormatLimit, check_spec
from workshop.suggest import did_you_mean
from workshop.yamltree.tree import Node, Sequence

KEYS = ("template", "layouts", "paper", "footer", "sizes", "overflow", "minutes_per_slide",
        "max_minutes_without_break", "embed_fonts", "contact")
MAX_CONTACT_LINES, MAX_CONTACT_LINE = 8, 200  # the handout's back cover holds this much
FOOTER_FIELDS = ("client", "date", "title")
MAX_FOOTER = 1_000  # characters the footer line may be formatted to
MAX_TEMPLATE_BYTES = 50 * 1024 * 1024
_ZIP = b"PK\x03\x04"


def read_settings(section: Node | None, folder: Path, report: nodes.Report) -> WorkshopSettings:
    """Every key checked on its own, so all mistakes in the section show in one run."""
    if nodes.is_null(section):
        return WorkshopSettings()
    where = "defaults.workshop"
    node = nodes.mapping(section, where)  # type: ignore[arg-type]
    for key_node, _ in node.items:
        if key_node.value not in KEYS:
            report.errors.append(WorkshopError(f"unknown setting '{key_node.value}' in {where}",
                                               key_node.location, hint=did_you_mean(key_node.value, KEYS)))
    values: dict = {}
    for key, _, value in nodes.items(node):
        if nodes.is_null(value) or key not in KEYS:
            continue  # an empty setting keeps its default
        result = report.attempt(partial(_value, key, value, folder, f"{where}.{key}"), None)
        if result is not None:
            values[key] = result
    if "layouts" in values:
        values["layouts"] = MappingProxyType({**DEFAULT_LAYOUT_NAMES, **values["layouts"]})
    return WorkshopSettings(**values)


def _value(key: str, value: Node, folder: Path, what: str) -> object:
    """One setting's value, checked; a ``WorkshopError`` at its line when it is wrong."""
    if key == "template":
        return _template(value, folder, what)
    if key == "layouts":
        return _layouts(value, what)
    if key in ("paper", "overflow"):
        options = {"paper": {"a4": "A4", "letter": "letter"},
                   "overflow": {"continue": "continue", "error": "error"}}[key]
        return nodes.choice(value, what, options)
    if key == "footer":
        return _footer(value, what)
    if key == "sizes":
        return _sizes(value, what)
    if key == "minutes_per_slide":
        return nodes.number(value, what, low=0.1, high=60)
    if key == "embed_fonts":
        return nodes.choice(value, what, {"true": "true", "false": "false"}) == "true"
    if key == "contact":
        return _contact(value, what)
    return int(nodes.number(value, what, low=10, high=600, integer=True))


def _contact(node: Node, what: str) -> tuple[str, ...]:
    """Lines of contact details for the handout's back cover (a single text is one line)."""
    items = list(nodes.sequence(node, what).items) if isinstance(node, Sequence) else [node]
    if len(items) > MAX_CONTACT_LINES:
        raise WorkshopError(f"{what} has {len(items)} lines; the back cover holds at most {MAX_CONTACT_LINES}",
                            node.location, hint="keep name, e-mail, phone and address")
    lines = []
    for number, item in enumerate(items, start=1):
        line = nodes.text(item, f"{what}[{number}]").strip()
        if not line or len(line) > MAX_CONTACT_LINE:
            raise WorkshopError(f"{what}[{number}] must be 1 to {MAX_CONTACT_LINE} characters", item.location,
                                hint="one short line each: a name, an e-mail address, a phone number")
        lines.append(line)
    return tuple(lines)


def _template(node: Node, folder: Path, what: str) -> Path:
    name = nodes.text(node, what)
    if Path(name).suffix.lower() != ".pptx":
        raise WorkshopError(f"{what} '{name}' must be a PowerPoint file (.pptx)", node.location,
                            hint="in PowerPoint use File > Save As > PowerPoint Presentation (.pptx)")
    path = brand_file(name, folder, what="template", max_bytes=MAX_TEMPLATE_BYTES,
                         location=node.location)
    with open(path, "rb") as handle:
        if handle.read(4) != _ZIP:
            raise WorkshopError(f"{what} '{name}' is not a PowerPoint file (it is not a .pptx package)",
                                node.location, hint="save it again from PowerPoint as .pptx")
    return path


def _layouts(node: Node, what: str) -> MappingProxyType:
    mapping = nodes.mapping(node, what)
    nodes.check_keys(mapping, tuple(KINDS), f"{what} (slide kinds)")
    return MappingProxyType({kind: nodes.text(value, f"{what}.{kind}")
                             for kind, _, value in nodes.items(mapping)})


def _footer(node: Node, what: str) -> str:
    text = nodes.text(node, what)
    try:
        parsed = [(field, spec or "") for _, field, spec, _ in string.Formatter().parse(text) if field is not None]
        fields = [field for field, _ in parsed]
    except ValueError:
        raise WorkshopError(f"{what} has an unmatched {{ or }}", node.location,
                            hint="write {{ or }} for a literal brace; placeholders are "
                                 + ", ".join("{" + f + "}" for f in FOOTER_FIELDS)) from None
    for field in fields:
        if field not in FOOTER_FIELDS:
            raise WorkshopError(f"{what} uses the unknown placeholder {{{field}}}", node.location,
                                hint=did_you_mean(field, FOOTER_FIELDS))
    for field, spec in parsed:
        if "{" in spec:
            raise WorkshopError(f"{what}: the placeholder {{{field}}} takes its format from another placeholder",
                                node.location, hint="write the format out, e.g. {client:>20}")
        try:
            check_spec(spec, MAX_FOOTER)
        except FormatLimit as exc:
            raise WorkshopError(f"{what}: {{{field}:{spec}}} is too wide: {exc}", node.location,
                                hint=f"a footer holds at most {MAX_FOOTER:,} characters") from None
    return text


def _sizes(node: Node, what: str) -> MappingProxyType:
    """Every role's range; every problem in them at once (an unknown role, a bad value, min over max)."""
    mapping = nodes.mapping(node, what)
    report = nodes.Report()
    report.attempt(lambda: nodes.check_keys(mapping, TEXT_ROLES, f"{what} (text roles)"), None)
    sizes = dict(DEFAULT_SIZES)
    for role, _, value in nodes.items(mapping):
        if role in DEFAULT_SIZES and not nodes.is_null(value):
            found = report.attempt(partial(_size_range, role, value, f"{what}.{role}"), None)
            if found is not None:
                sizes[role] = found
    report.raise_errors()
    return MappingProxyType(sizes)


def _size_range(role: str, value: Node, what: str) -> SizeRange:
    pair = nodes.mapping(value, what)
    report = nodes.Report()
    report.attempt(lambda: nodes.check_keys(pair, ("max", "min"), what), None)
    default = DEFAULT_SIZES[role]
    high, low = default.max_pt, default.min_pt
    given_max, given_min = nodes.given(pair.get("max")), nodes.given(pair.get("min"))
    if given_max is not None:
        high = report.attempt(partial(nodes.number, given_max, f"{what}.max", low=4, high=400), high)
    if given_min is not None:
        low = report.attempt(partial(nodes.number, given_min, f"{what}.min", low=4, high=400), low)
    report.raise_errors()
    if low > high:
        raise WorkshopError(f"{what}: min ({low:g} pt) is larger than max ({high:g} pt)",
                            pair.location, hint="min is the smallest size text may shrink to")
    return SizeRange(high, low)
