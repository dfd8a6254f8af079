"""Located trees kept in the user cache, so a text read before needs neither PyYAML nor composing again.

Importing PyYAML costs about 14 ms on a small machine (its pure-Python
reader compiles a large regular expression we never use, as libyaml reads
for us), more than composing a sample outline (2 ms); a cold ``build``
or ``check`` reads an outline and a brand file that rarely changed since
the last run. So a tree composed from a text is kept as plain data in
``<user cache>/yaml/`` (``workshop.cache``: whole, checked, bounded) and
the next read of the same text takes it from there.

An entry's name is a SHA-256 of everything the tree depends on: the text,
the name its locations carry, the state of this package's reading code and
of the installed PyYAML (path, size, time: an upgrade changes it). Only a
text that composed without error is kept, so every error is still found,
located and worded by the composer. An entry that is damaged, of another
key, or not a tree of the expected shape is a miss and is written again;
``WORKSHOP_CACHE=off`` or ``--no-cache`` reads and writes nothing.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
from pathlib import Path
from typing import Any

from workshop import cache
from workshop.errors import Location
from workshop.yamltree.tree import Mapping, Node, Scalar, Sequence

AREA = "yaml"
MAGIC = b"workshop yaml tree 1\n"
#: the modules whose code decides the tree (paths inside the package)
_READERS = ("yamltree/reader.py", "yamltree/compose.py", "yamltree/tree.py", "yamltree/kept.py")
_SCALAR, _SEQUENCE, _MAPPING = 0, 1, 2

_state: str | None = None


def _code_state() -> str:
    """This package's reading code and the installed PyYAML, as they are now (computed once a process)."""
    global _state
    if _state is None:
        try:
            spec = importlib.util.find_spec("yaml")
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec is not None else None
        parser = "no PyYAML"
        if origin:
            try:
                parser = cache.file_state(Path(origin), os.stat(origin))
            except OSError:
                pass
        _state = f"{cache.code_state(*_READERS)}\n{parser}"
    return _state


def _entry(text: str, name: str) -> tuple[str, str]:
    """The entry's file name and key for ``text`` read under ``name``."""
    digest = hashlib.sha256()
    for part in (_code_state(), name, text):
        data = part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little") + data)
    key = digest.hexdigest()
    return key[:40], key


def tree(text: str, name: str) -> Node | None:
    """The tree kept for ``text`` under ``name``, or None (nothing kept, a damaged entry, the cache off)."""
    if not cache.enabled():
        return None
    file, key = _entry(text, name)
    data = cache.read_entry(cache.area(AREA) / file, key, MAGIC)
    if data is None:
        return None
    try:
        return _decode(marshal.loads(data), name)
    except (EOFError, ValueError, TypeError, RecursionError):
        return None


def keep(text: str, name: str, node: Node) -> None:
    """Keep the tree composed from ``text`` for the next read (a cache that cannot be written is skipped)."""
    if not cache.enabled():
        return
    file, key = _entry(text, name)
    cache.write_entry(cache.area(AREA) / file, key, marshal.dumps(_encode(node)), MAGIC)


def _encode(node: Node) -> tuple[Any, ...]:
    """A node as marshal-able plain data: (kind, line, column, ...)."""
    where = node.location
    if isinstance(node, Scalar):
        return (_SCALAR, where.line, where.column, node.value, node.plain)
    if isinstance(node, Sequence):
        return (_SEQUENCE, where.line, where.column, [_encode(item) for item in node.items])
    flat: list[tuple[Any, ...]] = []
    for key, value in node.items:
        flat += (_encode(key), _encode(value))
    return (_MAPPING, where.line, where.column, flat)


def _decode(data: Any, name: str) -> Node:
    """The node ``_encode`` wrote, with locations in ``name``; ValueError for anything else."""
    if not isinstance(data, tuple) or len(data) < 4:
        raise ValueError("not a node")
    kind, line, column, body = data[:4]
    if type(line) is not int or type(column) is not int:
        raise ValueError("not a place")
    where = Location(name, line, column)
    if kind == _SCALAR and len(data) == 5 and type(body) is str and type(data[4]) is bool:
        return Scalar(body, where, plain=data[4])
    if kind == _SEQUENCE and len(data) == 4 and type(body) is list:
        return Sequence(where, [_decode(item, name) for item in body])
    if kind == _MAPPING and len(data) == 4 and type(body) is list and len(body) % 2 == 0:
        items: list[tuple[Scalar, Node]] = []
        for at in range(0, len(body), 2):
            key = _decode(body[at], name)
            if not isinstance(key, Scalar):
                raise ValueError("a key that is not a scalar")
            items.append((key, _decode(body[at + 1], name)))
        return Mapping(where, items)
    raise ValueError("not a node")
