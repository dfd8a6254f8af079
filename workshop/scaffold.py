"""``workshop new``: a starter outline that builds as is."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from workshop.errors import UsageError
from workshop.schema.editor import add_editor_schema

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$")


def starter_text(path: Path, title: str) -> str:
    text = resources.files("workshop.data").joinpath("new-outline.yaml").read_text(encoding="utf-8")
    # A JSON string is a valid YAML double-quoted scalar: titles with ':' or '#' stay text.
    return text.replace("__TITLE__", json.dumps(title, ensure_ascii=False)).replace("__PATH__", str(path))


def write_new_outline(name: str, folder: Path, title: str | None = None) -> Path:
    stem = name.removesuffix(".yaml").removesuffix(".yml")
    if not _NAME.match(stem):
        raise UsageError(
            f"'{name}' is not a usable file name",
            hint="use letters, digits, '-' and '_', e.g. klantreis-2027",
        )
    path = folder / f"{stem}.yaml"
    if path.exists():
        raise UsageError(f"{path} already exists", hint="choose another name or remove the file first")
    folder.mkdir(parents=True, exist_ok=True)
    text = starter_text(path, title or stem.replace("-", " ").replace("_", " ").capitalize())
    text = add_editor_schema(path, text)  # the schema beside it, and the line editors read
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(text)
    return path
