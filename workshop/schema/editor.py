"""Editor support for new files: the schema beside them and the line that points at it.

VS Code's YAML extension (yaml-language-server) reads a first-line comment
``# yaml-language-server: $schema=outline.schema.json`` and then
completes, documents and checks the file as it is typed, offline. The schema
file is written next to the YAML file (relative paths resolve from there), and
rewritten only when this version of the tool would write something else.
"""

from __future__ import annotations

import os
from pathlib import Path

SCHEMA_FILES = {"outline": "outline.schema.json", "brand": "brand.schema.json"}
MODELINE = "# yaml-language-server: $schema="


def add_editor_schema(path: Path, text: str, what: str = "outline") -> str:
    """Write the ``what`` schema beside ``path`` and return ``text`` with the modeline on top.

    For scaffolds: ``workshop new`` (outlines) and any command that writes a new
    ``_brand.yml`` (``what="brand"``). A modeline already in ``text`` is replaced.
    """
    return with_modeline(text, path, write_schema_file(path.parent, what))


def with_modeline(text: str, path: Path, schema: Path) -> str:
    """``text`` (the file at ``path``) with a first line pointing at ``schema``, relative to ``path``."""
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith(MODELINE)]
    try:
        where = os.path.relpath(os.path.abspath(schema), os.path.abspath(path.parent)).replace(os.sep, "/")
    except ValueError:  # another drive (Windows): no relative path, so the file's URI
        where = Path(os.path.abspath(schema)).as_uri()
    return f"{MODELINE}{where}\n" + "".join(lines)


def write_schema_file(folder: Path, what: str = "outline") -> Path:
    """``folder``/outline.schema.json (or brand.schema.json), written when missing or stale."""
    from workshop.output import write_together
    from workshop.schema import schema_json

    path = folder / SCHEMA_FILES[what]
    data = schema_json(what).encode("utf-8")
    try:
        current = path.read_bytes() if path.is_file() else None
    except OSError:
        current = None
    if current != data:
        folder.mkdir(parents=True, exist_ok=True)
        write_together({path: data})
    return path
