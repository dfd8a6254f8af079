"""Load a brand folder (``_brand.yml`` plus its logos, fonts and template) into a ``Brand``.

We read Posit's brand.yml format with our own small reader instead of the
``brand_yml`` package: that package pulls in pydantic models, htmltools and
more at import time, which would cost a large part of our cold-start budget,
and we need file:line:col on every error, which it does not give. Warnings
come back as ``Finding`` data; nothing here prints.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from workshop.brand import nodes
from workshop.brand.lookup import BRAND_FILE, available_brands, brand_folder, find_brand_file
from workshop.brand.logos import LogoReader
from workshop.brand.model import Brand, Colors, Logos, Meta, WorkshopSettings
from workshop.brand.palette import ColorResolver, read_colors
from workshop.brand.settings import read_settings
from workshop.brand.typography import read_typography
from workshop.errors import Finding, Location, WorkshopError
from workshop.outline.reader import read_yaml_file
from workshop.outline.tree import Mapping, Node, Scalar

__all__ = ["BRAND_FILE", "available_brands", "brand_folder", "find_brand_file", "load_brand",
           "load_brand_with_findings"]
MAX_BRAND_BYTES = 1024 * 1024
TOP_KEYS = ("meta", "logo", "color", "typography", "defaults")


def load_brand(name_or_path: str | Path = "default") -> Brand:
    """The brand, ignoring warnings (use ``load_brand_with_findings`` to see them)."""
    return load_brand_with_findings(name_or_path)[0]


def load_brand_with_findings(name_or_path: str | Path = "default") -> tuple[Brand, list[Finding]]:
    """The brand and the warnings a designer should see (missing styles, contrast, ...)."""
    return read_brand(find_brand_file(name_or_path))


def read_brand(file: Path) -> tuple[Brand, list[Finding]]:
    """One ``_brand.yml`` → ``Brand`` with every default resolved, and its findings.

    Each part is read on its own, so every problem in the file is reported in
    one run (as ``WorkshopErrors``), each once; the lookup of *which* file is
    ``find_brand_file``'s job, kept apart so the two can change separately.
    """
    folder = file.resolve().parent
    where = Location(str(file))
    root = read_yaml_file(file, max_bytes=MAX_BRAND_BYTES)
    if not isinstance(root, Mapping):
        raise WorkshopError(f"{BRAND_FILE} should start with sections like 'meta:', 'color:' and "
                            f"'typography:'", root.location, hint="see docs/brand.md for an example")
    report = nodes.Report()
    nodes.warn_unknown_keys(root, TOP_KEYS, BRAND_FILE, report.findings)

    meta = report.attempt(lambda: _meta(root.get("meta"), folder.name), Meta(folder.name, folder.name))
    colors, resolver = report.attempt(lambda: read_colors(root.get("color"), report),
                                      (Colors(), ColorResolver({}, {})))
    typography = read_typography(root.get("typography"), folder, resolver, colors, report, where)
    logos = report.attempt(lambda: LogoReader(folder, meta.short_name, report.findings).read(root.get("logo")),
                           Logos(wordmark=meta.short_name))
    settings = report.attempt(lambda: read_settings(_workshop_section(root.get("defaults")), folder, report),
                              WorkshopSettings())
    report.raise_errors()
    brand = Brand(name=folder.name, folder=folder, meta=meta, colors=colors, typography=typography,
                  logos=logos, settings=settings, file=file.resolve(), places=_places(root))
    return brand, report.unique_findings()


def _places(root: Mapping) -> MappingProxyType:
    """Where the colour section and each colour role are written (findings point there)."""
    places: dict[str, Location] = {}
    color = root.get("color")
    if isinstance(color, Mapping):
        places["color"] = color.location
        for key, value in color.items:
            places[f"color.{key.value}"] = value.location
    return MappingProxyType(places)


def _meta(node: Node | None, fallback: str) -> Meta:
    """Full and short name and home link; meta may hold anything else (brand.yml allows it)."""
    if nodes.is_null(node):
        return Meta(fallback, fallback)
    meta = nodes.mapping(node, "meta")  # type: ignore[arg-type]
    title, short, link = fallback, None, None
    name = meta.get("name")
    if isinstance(name, Mapping):
        full_node, short_node = name.get("full"), name.get("short")
        if not nodes.is_null(full_node):
            title = nodes.text(full_node, "meta.name.full")  # type: ignore[arg-type]
        if not nodes.is_null(short_node):
            short = nodes.text(short_node, "meta.name.short")  # type: ignore[arg-type]
            if nodes.is_null(full_node):
                title = short
    elif not nodes.is_null(name):
        title = nodes.text(name, "meta.name")  # type: ignore[arg-type]
    link_node = meta.get("link")
    if isinstance(link_node, Mapping):
        home = link_node.get("home")
        link = nodes.text(home, "meta.link.home") if not nodes.is_null(home) else None  # type: ignore[arg-type]
    elif isinstance(link_node, Scalar) and not nodes.is_null(link_node):
        link = nodes.text(link_node, "meta.link")
    return Meta(title, short or title, link)


def _workshop_section(defaults: Node | None) -> Node | None:
    if nodes.is_null(defaults):
        return None
    mapping = nodes.mapping(defaults, "defaults")  # type: ignore[arg-type]
    return mapping.get("workshop")
