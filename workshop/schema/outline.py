"""The outline's JSON Schema (draft-07), generated from the model so it says what the tool accepts.

Each slide kind is its own branch, chosen by ``kind`` with ``if``/``then``:
a validator checks a slide only against its own kind, so a typo in a field
gives one error naming that field, and a typo in ``kind`` one error naming
the kinds there are.
"""

from __future__ import annotations

from typing import Any

from workshop import __version__
from workshop.model import Workshop
from workshop.model.slides import TITLED_BY_DEFAULT
from workshop.schema.draft07 import DRAFT_07, add_examples_to_markdown, to_draft07
from workshop.schema.snippets import kind_models, slide_snippets

SCHEMA_ID = f"urn:workshop:schema:outline:{__version__}"


def outline_schema() -> dict[str, Any]:
    """The whole outline schema as a dict, ready for ``json.dumps``."""
    schema = to_draft07(Workshop.model_json_schema())
    _one_slide_definition(schema)
    definitions = schema["definitions"]
    for kind, model in kind_models():
        branch = definitions[model.__name__]
        branch["properties"]["kind"]["description"] = f"`{kind}`: {model.__doc__}"
        if kind in TITLED_BY_DEFAULT:
            branch["properties"]["title"].pop("default", None)  # it depends on the outline's language
    add_examples_to_markdown(schema)
    return {
        "$schema": DRAFT_07,
        "$id": SCHEMA_ID,
        "title": "workshop outline",
        "description": "A workshop outline: meta data under `workshop:`, then timed `sections:` of slides. "
                       "See docs/outline-format.md.",
        **schema,
    }


def _one_slide_definition(schema: dict[str, Any]) -> None:
    """Replace every ``oneOf`` over the kinds by a reference to one ``Slide`` definition."""
    refs = {f"#/definitions/{model.__name__}" for _, model in kind_models()}

    def is_union(node: Any) -> bool:
        return isinstance(node, dict) and {r.get("$ref") for r in node.get("oneOf", [])} == refs

    def replace(node: Any) -> Any:
        if is_union(node):
            return {"$ref": "#/definitions/Slide"}
        if isinstance(node, dict):
            return {key: replace(value) for key, value in node.items()}
        if isinstance(node, list):
            return [replace(item) for item in node]
        return node

    for key in list(schema):
        schema[key] = replace(schema[key])
    kinds = [kind for kind, _ in kind_models()]
    table = "\n".join(f"- `{kind}`: {model.__doc__}" for kind, model in kind_models())
    schema["definitions"]["Slide"] = {
        "type": "object",
        "title": "slide",
        "description": "One slide. `kind` says which; each kind has its own fields.",
        "required": ["kind"],
        "properties": {
            "kind": {
                "enum": kinds,
                "description": "Which kind of slide: " + ", ".join(kinds) + ".",
                "markdownDescription": "Which kind of slide:\n\n" + table,
            },
        },
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                "then": {"$ref": f"#/definitions/{model.__name__}"},
            }
            for kind, model in kind_models()
        ],
        "defaultSnippets": slide_snippets(schema["definitions"]),
    }

