"""The leaf value types check as pydantic's lax mode did for the same inputs, and say their JSON Schema.

The expected values and error types were read off pydantic 2 (the model's
checker before) for each input, so an outline means what it meant.
"""

from __future__ import annotations

import math
from enum import Enum

import pytest

from workshop.model.problems import Failed
from workshop.model.spec import Anything, Choice, Const, Flag, Number, Parsed, Shown, Text


def problem(spec, value):
    with pytest.raises(Failed) as info:
        spec.check(value)
    [found] = info.value.problems
    return found


class Who(str, Enum):
    ALL = "all"
    FACILITATOR = "facilitator"


def test_text_is_kept_as_typed_and_a_str_enum_gives_its_value():
    assert Text().check(" zo ") == " zo "
    assert Text().check(Who.ALL) == "all" and type(Text().check(Who.ALL)) is str
    assert Text().check(b"ab") == "ab"


@pytest.mark.parametrize("value", [3, 3.5, None, ["a"], {"a": 1}, True])
def test_anything_but_text_is_not_text(value):
    found = problem(Text(), value)
    assert (found.type, found.msg, found.input) == ("string_type", "Input should be a valid string", value)


def test_text_lengths_are_counted_in_characters():
    short = problem(Text(min_length=1), "")
    assert (short.type, short.ctx, short.msg) == ("string_too_short", {"min_length": 1},
                                                  "String should have at least 1 character")
    long = problem(Text(max_length=3), "abcd")
    assert (long.type, long.ctx) == ("string_too_long", {"max_length": 3})
    assert Text(min_length=1, max_length=3).check("ëëë") == "ëëë"


def test_a_pattern_is_compiled_on_first_use_and_its_end_is_the_end_of_the_text():
    letter = Text(pattern=r"^[a-hA-H]$")
    assert letter._regex is None
    assert letter.check("b") == "b"
    found = problem(letter, "b\n")  # Python's $ would match before the newline; ECMA's and Rust's do not
    assert found.type == "string_pattern_mismatch" and found.ctx == {"pattern": r"^[a-hA-H]$"}
    assert problem(letter, "i").type == "string_pattern_mismatch"


@pytest.mark.parametrize("text,number", [
    ("0", 0), ("-5", -5), ("07", 7), ("1_000", 1000), (" 12 ", 12), ("+3", 3), ("1.0", 1), ("3.00", 3),
    ("0.0", 0), ("-0", 0), ("12\n", 12), ("\t3", 3), ("00012", 12), ("1_0.0", 10), (4, 4), (4.0, 4), (True, 1),
])
def test_an_int_from_its_text(text, number):
    assert Number(int).check(text) == number and type(Number(int).check(text)) is int


@pytest.mark.parametrize("text", ["", "1e3", "3.5", "5.", ".5", "0x1A", "1__0", "_1", "١٢", "true", "nan", "- 1",
                                  "1.0_0", "12abc"])
def test_not_an_int(text):
    assert problem(Number(int), text).type == "int_parsing"


def test_an_int_is_not_a_fraction_or_nothing():
    assert problem(Number(int), 4.5).type == "int_from_float"
    assert problem(Number(int), None).type == "int_type"


@pytest.mark.parametrize("text,number", [
    ("0", 0.0), ("1e3", 1000.0), ("3.5", 3.5), (".5", 0.5), ("5.", 5.0), ("-.5", -0.5), ("1_000.5", 1000.5),
    ("1.5E2", 150.0), (" 12 ", 12.0), ("inf", math.inf), ("-Infinity", -math.inf), ("1e400", math.inf), (4, 4.0),
    (True, 1.0),
])
def test_a_float_from_its_text(text, number):
    assert Number(float).check(text) == number and type(Number(float).check(text)) is float


@pytest.mark.parametrize("text", ["", "1e", "e1", "1 000", "١٢", "0x1A", "_1", "1__0", "yes", "1,5"])
def test_not_a_float(text):
    assert problem(Number(float), text).type == "float_parsing"


def test_nan_is_a_float_and_none_is_not():
    assert math.isnan(Number(float).check("NaN"))
    assert problem(Number(float), None).type == "float_type"


def test_bounds_say_the_limit_and_nan_is_out_of_them():
    percent = Number(float, ge=0, le=100)
    low = problem(percent, "-1")
    assert (low.type, low.ctx, low.msg) == ("greater_than_equal", {"ge": 0}, "Input should be greater than or equal to 0")
    high = problem(percent, "101")
    assert (high.type, high.msg) == ("less_than_equal", "Input should be less than or equal to 100")
    assert problem(percent, "nan").type == "less_than_equal"
    assert percent.check("100") == 100.0 and Number(int, ge=0, le=40).check("40") == 40


@pytest.mark.parametrize("text,value", [
    ("true", True), ("yes", True), ("on", True), ("y", True), ("t", True), ("1", True), ("TRUE", True), ("yEs", True),
    ("false", False), ("no", False), ("off", False), ("n", False), ("f", False), ("0", False), (0, False), (1, True),
    (True, True), (1.0, True),
])
def test_yes_and_no(text, value):
    assert Flag().check(text) is value


def test_not_yes_or_no():
    assert problem(Flag(), " true ").type == "bool_parsing"
    assert problem(Flag(), "2").type == "bool_parsing" and problem(Flag(), 2).type == "bool_parsing"
    assert problem(Flag(), None).type == "bool_type" and problem(Flag(), 4.5).type == "bool_type"


def test_a_choice_is_its_member_by_value_exactly():
    assert Choice(Who).check("all") is Who.ALL and Choice(Who).check(Who.FACILITATOR) is Who.FACILITATOR
    for wrong in ("ALL", " all", 3, None, ["all"]):
        found = problem(Choice(Who), wrong)
        assert (found.type, found.ctx) == ("enum", {"expected": "'all' or 'facilitator'"})
        assert found.msg == "Input should be 'all' or 'facilitator'"


def test_a_literal_lists_what_it_expects():
    fit = Const("auto", "cover", "contain")
    assert fit.check("cover") == "cover"
    found = problem(fit, "x")
    assert (found.type, found.ctx) == ("literal_error", {"expected": "'auto', 'cover' or 'contain'"})
    assert problem(Const("title"), "x").ctx == {"expected": "'title'"}


def test_a_parsed_value_reports_the_parsers_words():
    def minutes(value: object) -> int:
        if value != "15m":
            raise ValueError(f"'{value}' is not a duration")
        return 15

    spec = Parsed(minutes, {"type": "string"})
    assert spec.check("15m") == 15
    found = problem(spec, "twintig")
    assert (found.type, found.msg) == ("value_error", "Value error, 'twintig' is not a duration")
    assert spec.schema({}) == {"type": "string"} and spec.schema({}) is not spec._schema


def test_shown_checks_as_its_inner_type_and_shows_its_own_schema():
    spec = Shown(Text(pattern="^[a-h]$"), {"anyOf": [{"type": "string"}]})
    assert spec.check("a") == "a" and problem(spec, "z").type == "string_pattern_mismatch"
    assert spec.schema({}) == {"anyOf": [{"type": "string"}]}


def test_anything_is_a_copied_mapping_with_text_keys():
    given = {"a": [1]}
    assert Anything().check(given) == given and Anything().check(given) is not given
    assert problem(Anything(), "x").type == "dict_type"
    assert problem(Anything(), {1: "x"}).type == "invalid_key"


def test_the_schemas_of_the_leaf_types():
    refs: dict = {}
    assert Text(1, 10, "^a").schema(refs) == {"type": "string", "minLength": 1, "maxLength": 10, "pattern": "^a"}
    assert Number(int, ge=0, le=40).schema(refs) == {"type": "integer", "minimum": 0, "maximum": 40}
    assert Number(float).schema(refs) == {"type": "number"}
    assert Flag().schema(refs) == {"type": "boolean"}
    assert Const("a").schema(refs) == {"const": "a", "type": "string"}
    assert Const("a", "b").schema(refs) == {"enum": ["a", "b"], "type": "string"}
    assert Choice(Who).schema(refs) == {"$ref": "#/$defs/Who"} and refs == {"Who": Who}
    assert Anything().schema(refs) == {"additionalProperties": True, "type": "object"}
