"""The model's JSON Schema (2020-12 style, from ``model.describe``) → draft-07, which YAML language servers read.

Generic rewrites only, none of them about outlines: ``$defs`` becomes
``definitions``; a ``$ref`` with sibling keywords (ignored by draft-07) is
wrapped in ``allOf``; a ``discriminator`` hint goes; plain text
also accepts the numbers and booleans an editor's YAML parser makes of
unquoted values (our reader keeps every scalar as text, so ``title: 2027``
or ``value: 21`` are fine); and a property with ``examples`` gets a
``markdownDescription`` that shows them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
SCALAR_TYPES = ["string", "number", "boolean"]
_TEXT_ONLY = ("enum", "const", "pattern", "format")


def to_draft07(schema: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``schema`` that a draft-07 validator reads the way ours does."""
    text = json.dumps(schema).replace('"#/$defs/', '"#/definitions/')
    converted = json.loads(text)
    if "$defs" in converted:
        converted["definitions"] = converted.pop("$defs")
    return _walk(converted)


def _walk(node: Any) -> Any:
    if isinstance(node, list):
        return [_walk(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: (value if key in ("properties", "definitions") else _walk(value)) for key, value in node.items()}
    for key in ("properties", "definitions"):
        if isinstance(node.get(key), dict):
            node[key] = {name: _walk(value) for name, value in node[key].items()}
    node.pop("discriminator", None)
    if node.get("type") == "string" and not any(k in node for k in _TEXT_ONLY):
        node["type"] = list(SCALAR_TYPES)
    if "$ref" in node and len(node) > 1:
        node = {"allOf": [{"$ref": node.pop("$ref")}], **node}
    if "anyOf" in node:
        node = _one_branch(node)
    return node


#: keywords that apply to one JSON type only, so branches using them can share one schema
_TYPED = {
    "string": {"pattern", "minLength", "maxLength"},
    "number": {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"},
    "integer": {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"},
    "array": {"items", "minItems", "maxItems", "uniqueItems"},
    "boolean": set(),
    "null": set(),
}
#: annotations, which say but do not check
_NOTES = {"description", "markdownDescription", "examples", "title", "default"}


def _types(branch: dict[str, Any]) -> list[str]:
    kind = branch.get("type")
    return kind if isinstance(kind, list) else [kind] if isinstance(kind, str) else []


def _one_branch(node: dict[str, Any]) -> dict[str, Any]:
    """``anyOf`` → one schema where that loses nothing, so a validator's error names the real problem.

    ``anyOf: [{type: string, pattern}, {type: integer, minimum}, {type: null}]`` becomes
    ``{type: [string, integer, null], pattern, minimum}``: each keyword applies to its own
    type only. Text-or-mapping (``bullets: [text, {text, sub}]``) becomes ``if: {type:
    object}`` then the mapping's schema, else the text's: a typo in the mapping is then
    reported as that, not as "not valid under any of the given schemas".
    """
    branches = node["anyOf"]
    rest = {k: v for k, v in node.items() if k != "anyOf"}
    merged: dict[str, Any] = {}
    types: list[str] = []
    for branch in branches:
        kinds = _types(branch)
        allowed = {"type", *_NOTES}.union(*(_TYPED.get(k, {"?"}) for k in kinds)) if kinds else set()
        if not kinds or set(branch) - allowed or set(kinds) & set(types) \
                or any(k in merged and merged[k] != v for k, v in branch.items() if k != "type"):
            break
        types += kinds
        merged.update({k: v for k, v in branch.items() if k != "type"})
    else:
        return {"type": types, **merged, **rest}  # the field's own notes win over its type's
    objects = [b for b in branches if _is_object(b)]
    scalars = [b for b in branches if not _is_object(b)]
    if len(objects) == 1 and len(scalars) == 1:
        return {"if": {"type": "object"}, "then": objects[0], "else": scalars[0], **rest}
    return node


def _is_object(branch: dict[str, Any]) -> bool:
    return "$ref" in branch or branch.get("type") == "object"


def add_examples_to_markdown(schema: dict[str, Any]) -> None:
    """Every property with ``examples`` and no ``markdownDescription`` gets one that shows them."""
    for props in _property_maps(schema):
        for prop in props.values():
            if "examples" in prop and "markdownDescription" not in prop and "description" in prop:
                shown = ", ".join(f"`{json.dumps(e, ensure_ascii=False).strip(chr(34))}`" for e in prop["examples"])
                prop["markdownDescription"] = f"{prop['description']}\n\nFor example: {shown}."


def _property_maps(node: Any) -> Iterator[dict[str, Any]]:
    """Every ``properties`` map of the schema, except in ``if`` tests (which only pick a branch)."""
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            yield node["properties"]
        for key, value in node.items():
            if key != "if":
                yield from _property_maps(value)
    elif isinstance(node, list):
        for item in node:
            yield from _property_maps(item)


def properties_without_description(schema: dict[str, Any]) -> list[str]:
    """Names of properties that say nothing about themselves (a test keeps this empty)."""
    missing = []
    for props in _property_maps(schema):
        missing += [name for name, prop in props.items() if not prop.get("description")]
    return missing
