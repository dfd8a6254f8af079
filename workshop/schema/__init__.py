"""JSON Schemas for editors: the outline's (generated from the model) and the brand file's.

``workshop schema`` prints them; ``write_editor_schema`` puts the outline schema
beside a new outline with the ``# yaml-language-server: $schema=`` line that
points at it, so VS Code's YAML extension completes and checks as you type.
"""

from __future__ import annotations

import json
from typing import Any


def schema_dict(what: str = "outline") -> dict[str, Any]:
    """The schema for ``outline`` files or for ``brand`` files (``_brand.yml``)."""
    if what == "brand":
        from workshop.schema.brand import brand_schema

        return brand_schema()
    from workshop.schema.outline import outline_schema

    return outline_schema()


def schema_json(what: str = "outline") -> str:
    """The schema as stable, readable JSON (sorted keys, so a rebuild gives the same bytes)."""
    return json.dumps(schema_dict(what), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


__all__ = ["schema_dict", "schema_json"]
