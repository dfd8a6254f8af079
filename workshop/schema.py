"""The outline's JSON Schema, for editor autocompletion (e.g. YAML language servers)."""

from __future__ import annotations

import json

from workshop import __version__


def schema_dict() -> dict:
    from workshop.model import Workshop

    schema = Workshop.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"workshop-outline-{__version__}.schema.json",
        "title": "workshop outline",
        **schema,
    }


def schema_json() -> str:
    return json.dumps(schema_dict(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
