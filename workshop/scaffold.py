"""``workshop new``: a starter outline that builds as is, and, outside a project, the project around it.

A project is a folder with ``workshop.toml`` (found from any subfolder),
``decks/`` with the outline, ``clients/`` with a sample client profile for
``--client`` and the outline's JSON Schema for editors (the outline's first
line points at it, for VS Code's YAML extension). Every text comes from
the package (``workshop.data``), so a pip- or pipx-installed tool scaffolds the
same project as a checkout. Nothing that exists is overwritten.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from workshop.config import CONFIG_FILE
from workshop.errors import UsageError
from workshop.schema.editor import SCHEMA_FILES, with_modeline, write_schema_file

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$")
SCHEMA_FILE = SCHEMA_FILES["outline"]
SAMPLE_CLIENT = "voorbeeld"


def _data(name: str) -> str:
    return resources.files("workshop.data").joinpath(name).read_text(encoding="utf-8")


def starter_text(path: Path, title: str) -> str:
    text = _data("new-outline.yaml")
    # A JSON string is a valid YAML double-quoted scalar: titles with ':' or '#' stay text.
    return text.replace("__TITLE__", json.dumps(title, ensure_ascii=False)).replace("__PATH__", path.as_posix())


def outline_path(name: str, folder: Path) -> Path:
    stem = name.removesuffix(".yaml").removesuffix(".yml")
    if not _NAME.match(stem):
        raise UsageError(
            f"'{name}' is not a usable file name",
            hint="use letters, digits, '-' and '_', e.g. klantreis-2027",
        )
    return folder / f"{stem}.yaml"


def write_new_outline(name: str, folder: Path, title: str | None = None, project_root: Path | None = None) -> Path:
    """The outline in ``folder`` (inside an existing project), with its editor schema.

    The outline points at the project's ``outline.schema.json`` when the project
    has one (refreshed if this version would write another), else at one written
    beside the outline.
    """
    path = outline_path(name, folder)
    shared = project_root / SCHEMA_FILE if project_root is not None else None
    schema = shared if shared is not None and shared.is_file() else folder / SCHEMA_FILE
    written = write_files({path: with_modeline(starter_text(path, _title(path, title)), path, schema)})[0]
    write_schema_file(schema.parent)
    return written


def project_files(root: Path, name: str, title: str | None = None, decks: str = "decks") -> dict[Path, str]:
    """Every file of a new project in ``root``, by path (relative paths shown in the texts)."""
    from workshop.schema import schema_json

    relative = outline_path(name, Path(decks))
    outline = starter_text(relative, _title(relative, title))
    return {
        root / CONFIG_FILE: _data("new-workshop.toml").replace("__DECKS__", json.dumps(decks)),
        root / relative: with_modeline(outline, root / relative, root / SCHEMA_FILE),
        root / "clients" / f"{SAMPLE_CLIENT}.yaml": _data("new-client.yaml"),
        root / SCHEMA_FILE: schema_json(),
    }


def write_project(root: Path, name: str, title: str | None = None, decks: str = "decks") -> list[Path]:
    return write_files(project_files(root, name, title, decks))


def write_files(files: dict[Path, str]) -> list[Path]:
    """Write new files only: refuse before writing anything when one already exists."""
    existing = [p for p in files if p.exists()]
    if existing:
        raise UsageError(f"{existing[0]} already exists", hint="choose another name or remove the file first")
    written = []
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        written.append(path)
    return written


def _title(path: Path, title: str | None) -> str:
    return title or path.stem.replace("-", " ").replace("_", " ").capitalize()
