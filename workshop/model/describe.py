"""The JSON Schema of a model class, written from the same field declarations that check the input.

The shape is the one pydantic wrote for the model before (2020-12 style,
``$defs``, a title per plain property, ``$ref`` for models and Enums), so
``workshop.schema.draft07`` turns it into the draft-07 editors read.
"""

from __future__ import annotations

from enum import Enum

from workshop.model.base import REQUIRED, Field, Model
from workshop.model.containers import Nested, Nullable
from workshop.model.spec import Choice, Refs, Schema


def json_schema(model: type[Model]) -> Schema:
    """``model``'s schema with every model and Enum it refers to under ``$defs``."""
    refs: Refs = {}
    top = model_schema(model, refs)
    definitions: dict[str, Schema] = {}
    while len(definitions) < len(refs):
        for name, cls in list(refs.items()):
            if name in definitions:
                continue
            assert issubclass(cls, (Enum, Model)), f"{name} is neither a model nor an Enum"
            definitions[name] = enum_schema(cls) if issubclass(cls, Enum) else model_schema(cls, refs)
    return {**top, "$defs": dict(sorted(definitions.items()))} if definitions else top


def model_schema(model: type[Model], refs: Refs) -> Schema:
    fields = model.model_fields
    out: Schema = {
        "additionalProperties": False,
        "properties": {name: field_schema(declared, refs) for name, declared in fields.items()},
        "title": model.__name__,
        "type": "object",
    }
    required = [name for name, declared in fields.items() if declared.required]
    if required:
        out["required"] = required
    _describe(out, model)
    out.update(model.model_schema_extra or {})
    return out


def enum_schema(enum: type[Enum]) -> Schema:
    out: Schema = {"enum": [member.value for member in enum], "title": enum.__name__, "type": "string"}
    _describe(out, enum)
    return out


def field_schema(declared: Field, refs: Refs) -> Schema:
    spec = declared.spec
    out = spec.schema(refs)
    inner = spec.inner if isinstance(spec, Nullable) else spec
    if not isinstance(inner, (Nested, Choice)):  # a reference is titled by its definition
        out["title"] = declared.name.title().replace("_", " ")
    if declared.description is not None:
        out["description"] = declared.description
    if declared.default is not REQUIRED and declared.factory is None:
        out["default"] = declared.default.value if isinstance(declared.default, Enum) else declared.default
    if declared.examples is not None:
        out["examples"] = list(declared.examples)
    out.update(declared.extra or {})
    return out


def _describe(out: Schema, cls: type) -> None:
    if cls.__doc__:
        import inspect

        out["description"] = inspect.cleandoc(cls.__doc__)

