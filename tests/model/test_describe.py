"""The JSON Schema is written from the declarations that check: the shape pydantic wrote for them."""

from __future__ import annotations

from enum import Enum
from typing import Any, ClassVar

from workshop.model.base import field
from workshop.model.containers import Many, Nullable
from workshop.model.describe import json_schema
from workshop.model.fields import Strict
from workshop.model.spec import Choice, Flag, Number, Parsed, Text


class Tone(str, Enum):
    """How it sounds."""

    LOW = "low"
    HIGH = "high"


class Size(str, Enum):
    S = "s"


class Part(Strict):
    """One part."""

    text: str = field(Text(min_length=1), description="Its words.")


class Whole(Strict):
    """A whole of parts.

    Said on two lines.
    """

    model_schema_extra: ClassVar[dict[str, Any] | None] = {"if": {"required": ["tone"]}}

    parts: list[Part] = field(Many(Part, min_length=1), description="The parts.")
    tone: Tone = field(Choice(Tone), default=Tone.LOW, description="The tone.")
    size: Size | None = field(Nullable(Choice(Size)), default=None, description="The size.")
    first_part: Part | None = field(Nullable(Part), default=None, description="A part.")
    loud: bool = field(Flag(), default=True, description="Loud?")
    lines: int = field(Number(int, ge=0), default=4, examples=[2], description="Lines.")
    when: int = field(Parsed(int, {"type": "string", "description": "A time."}), default="9", description="When.",
                      extra={"markdownDescription": "*When*."})
    notes: list[str] = field(Many(Text()), factory=list, description="Notes.")


def test_the_model_is_an_object_closed_to_other_keys_with_its_docstring_and_extra():
    schema = json_schema(Whole)
    assert schema["type"] == "object" and schema["additionalProperties"] is False
    assert schema["title"] == "Whole" and schema["description"] == "A whole of parts.\n\nSaid on two lines."
    assert schema["required"] == ["parts"] and schema["if"] == {"required": ["tone"]}
    assert list(schema["properties"]) == list(Whole.model_fields)


def test_plain_properties_are_titled_and_references_are_not():
    props = json_schema(Whole)["properties"]
    assert props["first_part"] == {"anyOf": [{"$ref": "#/$defs/Part"}, {"type": "null"}], "default": None,
                                   "description": "A part."}
    assert props["tone"] == {"$ref": "#/$defs/Tone", "default": "low", "description": "The tone."}
    assert props["loud"] == {"type": "boolean", "title": "Loud", "default": True, "description": "Loud?"}
    assert props["parts"]["title"] == "Parts" and props["parts"]["items"] == {"$ref": "#/$defs/Part"}
    assert Whole.model_fields["first_part"].name == "first_part"


def test_defaults_examples_and_extras_as_declared_and_no_default_from_a_factory():
    props = json_schema(Whole)["properties"]
    assert props["lines"] == {"type": "integer", "minimum": 0, "title": "Lines", "default": 4, "examples": [2],
                              "description": "Lines."}
    assert props["when"] == {"type": "string", "description": "When.", "title": "When", "default": "9",
                             "markdownDescription": "*When*."}
    assert "default" not in props["notes"]


def test_every_model_and_enum_referred_to_is_defined_once():
    definitions = json_schema(Whole)["$defs"]
    assert list(definitions) == ["Part", "Size", "Tone"]
    assert definitions["Tone"] == {"enum": ["low", "high"], "title": "Tone", "type": "string",
                                   "description": "How it sounds."}
    assert definitions["Size"] == {"enum": ["s"], "title": "Size", "type": "string"}
    assert json_schema(Part) == {"additionalProperties": False, "description": "One part.", "required": ["text"],
                                 "properties": {"text": {"type": "string", "minLength": 1, "title": "Text",
                                                         "description": "Its words."}},
                                 "title": "Part", "type": "object"}


def test_the_model_class_gives_its_schema_too():
    assert Whole.model_json_schema() == json_schema(Whole)
