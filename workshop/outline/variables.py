"""Template variables: outline ``vars``, then a client file, then ``--set``.

Later sources win; mappings merge key by key so a client file can override
``client.name`` without repeating the rest of ``client``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from workshop.errors import UsageError, WorkshopError
from workshop.yamltree.reader import read_yaml_file
from workshop.yamltree.tree import Mapping

_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
MAX_VARS_BYTES = 1024 * 1024


def merge(base: dict, extra: dict) -> dict:
    """Deep-merge ``extra`` over ``base`` (neither is changed)."""
    result = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = value
    return result


def read_vars_file(path: str | Path) -> dict:
    """A client profile: a YAML mapping of variables (optionally under ``vars:``)."""
    tree = read_yaml_file(path, max_bytes=MAX_VARS_BYTES)
    if not isinstance(tree, Mapping):
        raise WorkshopError(
            "a variables file must be a mapping of names to values", tree.location,
            hint="write it as `client: {name: Acme}`",
        )
    data = tree.to_python()
    if set(data) == {"vars"} and isinstance(data["vars"], dict):
        data = data["vars"]
    for key_node, _ in tree.items:
        if key_node.value != "vars" and not _KEY.match(key_node.value):
            raise WorkshopError(
                f"'{key_node.value}' is not a valid variable name", key_node.location,
                hint="use letters, digits and underscores, starting with a letter",
            )
    return data


def parse_assignment(text: str) -> dict:
    """``client.name=Acme`` → ``{"client": {"name": "Acme"}}`` (the value stays text)."""
    key, sep, value = text.partition("=")
    key = key.strip()
    if not sep or not _KEY.match(key):
        raise UsageError(
            f"--set expects key=value with a dotted name, got '{text}'",
            hint="for example --set client.name=Acme",
        )
    result: dict = {}
    node = result
    parts = key.split(".")
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value
    return result


def combine(outline_vars: dict, files: Iterable[dict], assignments: Iterable[str]) -> dict:
    merged = dict(outline_vars)
    for data in files:
        merged = merge(merged, data)
    for text in assignments:
        merged = merge(merged, parse_assignment(text))
    return merged


def outline_vars(tree: Mapping, name: str) -> dict:
    node = tree.get("vars")
    if node is None:
        return {}
    value = node.to_python()
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise WorkshopError("`vars` must be a mapping of names to values", node.location)
    return value


