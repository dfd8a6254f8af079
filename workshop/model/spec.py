"""The leaf value types of model fields: each checks and converts one input value and says its JSON Schema.

Declared once per field and read twice, so the schema editors see is the
rule the tool applies. The checks follow pydantic's lax rules (which the
model used before) for what our YAML reader yields: text, ``None``, lists
and mappings, plus the Python values code passes in. A failed check raises
``Failed`` with its problems, each located relative to the value; the
containers (``containers.py``) prefix their own place. Nothing is compiled
until first used.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum
from typing import Any

from workshop.model.problems import Failed, Problem, fail

Schema = dict[str, Any]
#: the model and Enum classes whose definitions a schema refers to, by name
Refs = dict[str, type]


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _choices(values: tuple[object, ...]) -> str:
    shown = [repr(v) for v in values]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


def plural(count: int) -> str:
    return "" if count == 1 else "s"


class Spec:
    """A value type: ``check`` converts or raises ``Failed``; ``schema`` is its JSON Schema."""

    def check(self, value: Any) -> Any:
        raise NotImplementedError

    def schema(self, refs: Refs) -> Schema:
        raise NotImplementedError


class Text(Spec):
    """A string, optionally bounded in length and matching a pattern (checked as ECMA and Rust read it)."""

    def __init__(self, min_length: int | None = None, max_length: int | None = None,
                 pattern: str | None = None) -> None:
        self.min_length, self.max_length, self.pattern = min_length, max_length, pattern
        self._lo: float = min_length or 0
        self._hi: float = max_length if max_length is not None else float("inf")
        #: (min, max) length for a text without a pattern, which containers check without a call
        self.bounds = None if pattern is not None else (self._lo, self._hi)
        self._regex: re.Pattern[str] | None = None

    def check(self, value: Any) -> str:
        if type(value) is str and self._lo <= len(value) <= self._hi and self.pattern is None:
            return value  # the common case, decided at once
        if type(value) is not str:
            if isinstance(value, str):
                value = value.value if isinstance(value, Enum) else str(value)
            elif isinstance(value, (bytes, bytearray)):
                value = bytes(value).decode("utf-8", "replace")
            else:
                raise fail("string_type", value, "Input should be a valid string")
        if self.min_length is not None and len(value) < self.min_length:
            raise fail("string_too_short", value, f"String should have at least {self.min_length} "
                       f"character{plural(self.min_length)}", min_length=self.min_length)
        if self.max_length is not None and len(value) > self.max_length:
            raise fail("string_too_long", value, f"String should have at most {self.max_length} "
                       f"character{plural(self.max_length)}", max_length=self.max_length)
        if self.pattern is not None and not self._matches(value):
            raise fail("string_pattern_mismatch", value, f"String should match pattern '{self.pattern}'",
                       pattern=self.pattern)
        return value

    def _matches(self, value: str) -> bool:
        if self._regex is None:
            self._regex = re.compile(self.pattern or "")
        found = self._regex.search(value)
        # a final ``$`` is the end of the text, as in ECMA and Rust, never before a last newline
        return found is not None and (not (self.pattern or "").endswith("$") or found.end() == len(value))

    def schema(self, refs: Refs) -> Schema:
        out: Schema = {"type": "string"}
        for key, value in (("minLength", self.min_length), ("maxLength", self.max_length),
                           ("pattern", self.pattern)):
            if value is not None:
                out[key] = value
        return out


def _plain_digits(text: str) -> bool:
    return text.isascii() and not text.startswith("_")


class Number(Spec):
    """An int or a float, from a number or its text (``" 12 "``, ``1_000``, ``3.0`` for an int), within bounds."""

    def __init__(self, kind: type[int] | type[float], ge: float | None = None, le: float | None = None) -> None:
        self.kind, self.ge, self.le = kind, ge, le

    def check(self, value: Any) -> int | float:
        number = self._int(value) if self.kind is int else self._float(value)
        if self.le is not None and not number <= self.le:
            raise fail("less_than_equal", value, f"Input should be less than or equal to {_number(self.le)}",
                       le=self.le)
        if self.ge is not None and not number >= self.ge:
            raise fail("greater_than_equal", value,
                       f"Input should be greater than or equal to {_number(self.ge)}", ge=self.ge)
        return number

    @staticmethod
    def _int(value: Any) -> int:
        if isinstance(value, int):
            return int(value)
        if isinstance(value, float):
            if value.is_integer():
                return int(value)
            raise fail("int_from_float", value, "Input should be a valid integer, got a number with a fractional part")
        if isinstance(value, str):
            text = value.strip()
            whole, dot, fraction = text.partition(".")
            if _plain_digits(text) and (not dot or (fraction and not fraction.strip("0"))):
                try:
                    return int(whole)
                except ValueError:
                    pass
            raise fail("int_parsing", value, "Input should be a valid integer, unable to parse string as an integer")
        raise fail("int_type", value, "Input should be a valid integer")

    @staticmethod
    def _float(value: Any) -> float:
        if isinstance(value, (int, float)):
            return float(value)
        if isinstance(value, str):
            text = value.strip()
            if _plain_digits(text):
                try:
                    return float(text)
                except ValueError:
                    pass
            raise fail("float_parsing", value, "Input should be a valid number, unable to parse string as a number")
        raise fail("float_type", value, "Input should be a valid number")

    def schema(self, refs: Refs) -> Schema:
        out: Schema = {"type": "integer" if self.kind is int else "number"}
        if self.ge is not None:
            out["minimum"] = self.ge
        if self.le is not None:
            out["maximum"] = self.le
        return out


_TRUE = frozenset({"1", "on", "t", "true", "y", "yes"})
_FALSE = frozenset({"0", "off", "f", "false", "n", "no"})


class Flag(Spec):
    """A yes/no: a bool, 0 or 1, or one of true/false, yes/no, on/off, y/n, t/f, 1/0 in any case."""

    def check(self, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str):
            word = value.lower()
            if word in _TRUE or word in _FALSE:
                return word in _TRUE
            raise fail("bool_parsing", value, "Input should be a valid boolean, unable to interpret input")
        if isinstance(value, (int, float)) and value in (0, 1):
            return bool(value)
        if isinstance(value, int):
            raise fail("bool_parsing", value, "Input should be a valid boolean, unable to interpret input")
        raise fail("bool_type", value, "Input should be a valid boolean")

    def schema(self, refs: Refs) -> Schema:
        return {"type": "boolean"}


class Choice(Spec):
    """One value of an Enum class, given as the member or its value; the schema refers to its definition."""

    def __init__(self, enum: type[Enum]) -> None:
        self.enum = enum
        self._members: dict[object, Enum] | None = None

    def check(self, value: Any) -> Enum:
        if isinstance(value, self.enum):
            return value
        if self._members is None:
            self._members = {member.value: member for member in self.enum}
        try:
            return self._members[value]
        except (KeyError, TypeError):
            expected = _choices(tuple(self._members))
            raise fail("enum", value, f"Input should be {expected}", expected=expected) from None

    def schema(self, refs: Refs) -> Schema:
        refs[self.enum.__name__] = self.enum
        return {"$ref": f"#/$defs/{self.enum.__name__}"}


class Const(Spec):
    """One of a few literal texts (``Literal["auto", "cover"]``); a slide's ``kind`` is one."""

    def __init__(self, *values: str) -> None:
        self.values = values

    def check(self, value: Any) -> str:
        if isinstance(value, str) and value in self.values:
            return str(value)
        expected = _choices(self.values)
        raise fail("literal_error", value, f"Input should be {expected}", expected=expected)

    def schema(self, refs: Refs) -> Schema:
        if len(self.values) == 1:
            return {"const": self.values[0], "type": "string"}
        return {"enum": list(self.values), "type": "string"}


class Parsed(Spec):
    """A value our own parser gives meaning (durations, clock times), with the JSON Schema written for it."""

    def __init__(self, parse: Callable[[Any], Any], schema: Schema, then: Spec | None = None) -> None:
        self.parse, self._schema, self.then = parse, schema, then

    def check(self, value: Any) -> Any:
        try:
            parsed = self.parse(value)
        except ValueError as exc:
            raise fail("value_error", value, f"Value error, {exc}", error=str(exc)) from None
        return parsed if self.then is None else self.then.check(parsed)

    def schema(self, refs: Refs) -> Schema:
        return dict(self._schema)


class Shown(Spec):
    """Checked as ``inner``, shown to editors as ``schema`` (an answer letter or a list of them)."""

    def __init__(self, inner: Spec, schema: Schema) -> None:
        self.inner, self._schema = inner, schema

    def check(self, value: Any) -> Any:
        return self.inner.check(value)

    def schema(self, refs: Refs) -> Schema:
        return dict(self._schema)


class Anything(Spec):
    """A mapping of text keys to any values (template variables), copied."""

    def check(self, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise fail("dict_type", value, "Input should be a valid dictionary")
        bad = [key for key in value if not isinstance(key, str)]
        if bad:
            raise Failed([Problem("invalid_key", key, "Keys should be strings", loc=(key,)) for key in bad])
        return dict(value)

    def schema(self, refs: Refs) -> Schema:
        return {"additionalProperties": True, "type": "object"}
