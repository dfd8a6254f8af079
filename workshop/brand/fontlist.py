"""brand.yml's ``typography.fonts`` list: which families the brand names, and any files.

A listed file that is missing, outside the brand folder, not TrueType or not
readable is skipped with a warning: the family may still be installed (or
fall back along its stack), and a web page's ``.woff2`` is simply not for us.
The source (``google``, ``bunny``, ``system``, ``file``) tells the warning for
a missing family where the designer can get it.
"""

from __future__ import annotations

from dataclasses import field
from functools import partial
from pathlib import Path

from workshop.brand import nodes
from workshop.brand.files import brand_file
from workshop.brand.fontfiles import FONT_SUFFIXES, normalise
from workshop.brand.fonts import MAX_FONT_BYTES, DeclaredFile, read_face
from workshop.brand.stacks import how_to_get
from workshop.errors import Finding, Location, Severity, WorkshopError
from workshop.lazyclass import lazy_dataclass
from workshop.yamltree.tree import Mapping, Node

SOURCES = {"file": "file", "google": "google", "bunny": "bunny", "system": "system"}


@lazy_dataclass
class DeclaredFamilies:
    """Families from ``typography.fonts``, keyed by ``normalise(family)``."""

    files: dict[str, list[DeclaredFile]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    places: dict[str, tuple[str, Location]] = field(default_factory=dict)

    def report_unused(self, used: set[str], report: nodes.Report) -> None:
        """A listed family no role uses changes nothing: an info line, not a warning."""
        for key, (family, location) in self.places.items():
            if key not in used:
                report.warn(Finding(
                    "brand-font-unused",
                    f"'{family}' is listed in typography.fonts but no text role uses it; "
                    "slides and handouts do not need it",
                    location, severity=Severity.INFO,
                ))


def read_font_list(node: Node | None, folder: Path, report: nodes.Report) -> DeclaredFamilies:
    declared = DeclaredFamilies()
    if nodes.is_null(node):
        return declared
    for index, entry in enumerate(nodes.sequence(node, "typography.fonts").items):  # type: ignore[arg-type]
        what = f"typography.fonts[{index + 1}]"
        report.attempt(partial(_entry, entry, what, folder, declared, report), None)
    return declared


def _entry(entry: Node, what: str, folder: Path, declared: DeclaredFamilies, report: nodes.Report) -> None:
    mapping = nodes.mapping(entry, what)
    family_node = mapping.get("family")
    if family_node is None:
        raise WorkshopError(f"{what} has no family", mapping.location, hint="add 'family: <font name>'")
    family = nodes.text(family_node, f"{what}.family")
    files = mapping.get("files")
    source = "file" if not nodes.is_null(files) else "google"
    if not nodes.is_null(mapping.get("source")):
        source = nodes.choice(mapping.get("source"), f"{what}.source", SOURCES)  # type: ignore[arg-type]
    key = normalise(family)
    declared.places.setdefault(key, (family, family_node.location))
    declared.sources.setdefault(key, source)
    if source != "file" or nodes.is_null(files):
        return
    for item in nodes.sequence(files, f"{what}.files").items:  # type: ignore[arg-type]
        got = report.attempt(partial(_file, item, what, family, folder, report), None)
        if got is not None:
            declared.files.setdefault(key, []).append(got)


def _file(item: Node, what: str, family: str, folder: Path, report: nodes.Report) -> DeclaredFile | None:
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
    where = path_node.location

    def skip(problem: str) -> None:
        report.warn(Finding("brand-font-skipped",
                            f"{problem}; it is skipped and '{family}' is looked up among installed fonts",
                            where, details={"hint": how_to_get(family, "file")}))

    if value.lower().startswith(("http://", "https://", "//")):
        skip(f"the font file {value} is a web address (nothing is downloaded at build time)")
        return None
    if Path(value).suffix.lower() not in FONT_SUFFIXES:
        skip(f"the font file '{value}' is not TrueType (.ttf), which PDFs need")
        return None
    try:
        path = brand_file(value, folder, what="font file", max_bytes=MAX_FONT_BYTES, location=where)
    except WorkshopError as exc:
        skip(exc.message)
        return None
    face = read_face(path)
    if face is None or face.problem:
        skip(f"the font file '{value}' " + ((face.problem or "") if face else "is not a font we can read"))
        return None
    return DeclaredFile(path, weight, italic, where)
