"""One outline file → a validated Workshop plus where each value came from."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import field
from pathlib import Path
from typing import Any

from workshop.errors import Location, WorkshopError
from workshop.lazyclass import lazy_dataclass
from workshop.model import Workshop
from workshop.outline.templating import render_tree
from workshop.outline.validate import SourceMap, locate, source_map, validate
from workshop.outline.variables import MAX_VARS_BYTES, combine, outline_vars, read_vars_file
from workshop.safety.paths import confined_argument, project_root
from workshop.yamltree.reader import read_yaml_file
from workshop.yamltree.tree import Mapping, Scalar


@lazy_dataclass(frozen=True)
class Outline:
    """A validated workshop with its file, variables and source positions."""

    workshop: Workshop
    path: Path
    sources: SourceMap = field(repr=False, compare=False)
    variables: dict = field(repr=False, compare=False, default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def folder(self) -> Path:
        return self.path.parent

    def where(self, *path: str | int) -> Location:
        return locate(self.sources, tuple(path)) or Location(str(self.path))


def load_outline(
    path: str | Path,
    *,
    vars_files: Sequence[str | Path] = (),
    assignments: Sequence[str] = (),
    language: str | None = None,
    trusted: Sequence[Path] = (),
) -> Outline:
    """Read, template and validate one outline.

    ``language`` (the project's) applies when the outline does not say its
    own; ``trusted`` folders may hold client files even outside the project.
    """
    path = Path(path)
    tree = read_yaml_file(path)
    if not isinstance(tree, Mapping):
        raise WorkshopError(
            "an outline must be a mapping with `workshop:` and `sections:`", tree.location,
            hint="start from `workshop new NAME` for a working example",
        )
    if language is not None:
        _default_language(tree, language)
    root = project_root(path)
    files = []
    for given in vars_files:
        checked = confined_argument(Path(given), root, what="client file", max_bytes=MAX_VARS_BYTES,
                                    trusted=trusted)
        files.append(_logo_relative_to_outline(read_vars_file(checked), Path(given), path))
    variables = combine(outline_vars(tree, str(path)), files, assignments)
    render_tree(tree, variables, str(path))
    workshop = validate(tree)
    workshop = _apply_cobranding(workshop, variables)
    return Outline(workshop, path, source_map(tree), variables)


def _default_language(tree: Mapping, language: str) -> None:
    """Give ``workshop.language`` the project's value when the outline leaves it out."""
    meta = tree.get("workshop")
    if isinstance(meta, Mapping) and meta.get("language") is None:
        where = Location("project configuration (language)")
        meta.items.append((Scalar("language", where), Scalar(language, where, plain=False)))


def _logo_relative_to_outline(data: dict[str, Any], vars_path: Path, outline_path: Path) -> dict[str, Any]:
    """A client file names its logo relative to itself; assets resolve from the outline."""
    client = data.get("client")
    logo = client.get("logo") if isinstance(client, dict) else None
    if not isinstance(logo, str) or not logo or os.path.isabs(logo) or ":" in logo or logo.startswith("~"):
        return data  # absolute paths and URLs are refused later, by name
    assert isinstance(client, dict)  # the logo was found in it
    moved = os.path.relpath(vars_path.parent / logo, outline_path.parent)
    return {**data, "client": {**client, "logo": moved}}


def _apply_cobranding(workshop: Workshop, variables: dict) -> Workshop:
    """A client profile's ``client.logo`` / ``client.color`` (and ``client.footer_logo``) co-brand the outputs."""
    client = variables.get("client")
    if not isinstance(client, dict):
        return workshop
    updates = {}
    if workshop.meta.client_logo is None and isinstance(client.get("logo"), str):
        updates["client_logo"] = client["logo"]
    if workshop.meta.client_color is None and isinstance(client.get("color"), str):
        color = client["color"].strip()
        if not re.fullmatch(r"#?[0-9a-fA-F]{6}", color):
            raise WorkshopError(
                f"client.color '{color}' is not a colour",
                hint="write it as six hex digits, e.g. \"#2F7D4F\" (quoted, because # starts a comment)",
            )
        updates["client_color"] = color
    footer_logo = client.get("footer_logo")
    if not workshop.meta.client_footer and (footer_logo is True or str(footer_logo).lower() in ("true", "yes")):
        updates["client_footer"] = True
    if not updates:
        return workshop
    meta = workshop.meta.model_copy(update=updates)
    return workshop.model_copy(update={"workshop": meta})
