"""Safe YAML reading into a located tree.

We compose nodes ourselves from libyaml's event stream instead of using a
loader (``workshop.yamltree.compose``): no tag is ever constructed into an
object, anchors and aliases are refused (no alias bombs, no hidden sharing),
duplicate keys are errors, and size, depth and node-count limits are checked
while reading. A tree read before from the same text is taken from the user
cache instead (``workshop.yamltree.kept``), so PyYAML is imported only when a
text is new.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from workshop.errors import Location, WorkshopError
from workshop.yamltree import kept
from workshop.yamltree.tree import Node

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 250_000
MAX_SCALAR = 100_000



def read_yaml_file(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Node:
    """Read one YAML file into a located tree, or raise a WorkshopError."""
    path = Path(path)
    shown = str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise WorkshopError("not a regular file", Location(shown), hint="give the path of a .yaml file")
        if size > max_bytes:
            raise WorkshopError(
                f"file is {size / 1024 / 1024:.1f} MB; the limit is {max_bytes // 1024 // 1024} MB",
                Location(shown),
                hint="split the outline into several files",
            )
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise WorkshopError("file not found", Location(shown)) from None
    except IsADirectoryError:
        raise WorkshopError("is a folder, not a file", Location(shown)) from None
    except PermissionError:
        raise WorkshopError("permission denied", Location(shown)) from None
    return read_yaml_bytes(data, shown, max_bytes=max_bytes)


def decode(data: bytes, name: str) -> str:
    """Bytes → text: UTF-8 (BOM allowed) or UTF-16 with a BOM; anything else is an error."""
    if data.startswith(codecs.BOM_UTF8):
        encoding, data = "utf-8", data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise WorkshopError(
            f"the file is not valid {encoding.upper()} (byte 0x{data[exc.start]:02x})",
            Location(name, line, column),
            hint="save the file as UTF-8 in your editor",
        ) from None


def read_yaml_bytes(data: bytes, name: str, *, max_bytes: int = MAX_BYTES) -> Node:
    if len(data) > max_bytes:
        raise WorkshopError(
            f"file is larger than the limit of {max_bytes // 1024 // 1024} MB", Location(name)
        )
    return read_yaml_text(decode(data, name), name)


def read_yaml_text(text: str, name: str) -> Node:
    text = text.replace("\r\n", "\n")
    tree = kept.tree(text, name)  # a text kept passed every check below before
    if tree is None:
        from workshop.yamltree.compose import compose

        tree = compose(text, name)
        kept.keep(text, name, tree)
    return tree


def is_within(path: Path, root: Path) -> bool:
    """True when ``path`` (resolved) lies inside ``root`` (resolved)."""
    try:
        Path(os.path.realpath(path)).relative_to(os.path.realpath(root))
    except ValueError:
        return False
    return True
