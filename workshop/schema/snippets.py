"""``defaultSnippets``: what an editor inserts for a new slide of each kind.

Made from each kind's required fields, so a snippet always validates once its
placeholders are filled, and a new required field shows up without an edit here.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count
from typing import Any

from workshop.kinds import KINDS

#: placeholders for fields whose name alone says too little
_HINTS = {"values": "10", "duration": "15m", "answer": "a", "value": "21%", "by": "who said it", "image": "images/photo.png"}


def slide_snippets(definitions: dict[str, Any]) -> list[dict[str, Any]]:
    """One snippet per slide kind: its required fields as tab stops, then its notes."""
    snippets = []
    for kind, model in kind_models():
        numbers = count(1)
        body: dict[str, Any] = {"kind": kind}
        body.update(_required(definitions[model.__name__], definitions, numbers))
        body["notes"] = f"${{{next(numbers)}:notes}}"
        snippets.append({"label": kind, "description": model.__doc__, "body": body})
    return snippets


def _required(definition: dict[str, Any], definitions: dict[str, Any], numbers: Iterator[int]) -> dict[str, Any]:
    props = definition.get("properties", {})
    return {name: _value(name, props[name], definitions, numbers)
            for name in definition.get("required", []) if name != "kind"}


def _value(name: str, schema: dict[str, Any], definitions: dict[str, Any], numbers: Iterator[int]) -> Any:
    target = _resolve(schema, definitions)
    if target.get("type") == "array" and "anyOf" not in schema:
        return [_value(name, target.get("items", {}), definitions, numbers)
                for _ in range(max(1, target.get("minItems", 1)))]
    if target.get("type") == "object" and "properties" in target:
        return _required(target, definitions, numbers)
    return f"${{{next(numbers)}:{_HINTS.get(name, name)}}}"


def _resolve(schema: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    """The schema a property points at: through ``$ref`` and single-branch ``allOf``."""
    ref = schema.get("$ref") or next((s["$ref"] for s in schema.get("allOf", []) if "$ref" in s), None)
    return definitions[ref.rsplit("/", 1)[1]] if ref else schema


def kind_models() -> list[tuple[str, type]]:
    """(kind, model class) for every slide kind, in the registry's order."""
    return [(record.name, record.model) for record in KINDS.records()]
