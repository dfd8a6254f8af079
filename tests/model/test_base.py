"""Model classes: declared fields, every problem at once, frozen values compared by their fields."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import pytest

from workshop.model.base import REQUIRED, FrozenError, Model, ValidationError, field
from workshop.model.containers import Many, Nullable
from workshop.model.spec import Number, Text


def _after_start(value: int, data: dict[str, Any]) -> int:
    if "start" in data and value < data["start"]:
        raise ValueError(f"ends at {value}, before it starts")
    return value


class Span(Model):
    """From one minute to another."""

    name: str = field(Text(min_length=1), description="What it is.")
    start: int = field(Number(int), default=0, description="The first minute.")
    end: int = field(Number(int), check=_after_start, description="The last minute.")
    tags: list[str] = field(Many(Text()), factory=list, description="Labels.")


class Break(Span):
    name: str = field(Text(min_length=1), default="pauze", description="Its name.")  # an override keeps its place
    cups: int | None = field(Nullable(Number(int)), default=None, description="Cups of coffee.")


class Checked(Model):
    low: int = field(Number(int))
    high: int = field(Number(int), default="9", validate_default=True)
    seen: list[object] = []  # a class attribute, not a field

    @classmethod
    def model_prepare(cls, data: dict[str, Any]) -> dict[str, Any]:
        return {"low": data.pop("from")} if "from" in data else data

    def model_check(self) -> None:
        if self.low > self.high:
            raise ValueError("low is above high")


def failed(model: type[Model], data: object) -> list[tuple[str, tuple, str]]:
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return [(p.type, p.loc, p.msg) for p in info.value.errors()]


def test_fields_are_collected_in_order_inherited_first_and_leave_the_class():
    assert list(Span.model_fields) == ["name", "start", "end", "tags"]
    assert list(Break.model_fields) == ["name", "start", "end", "tags", "cups"]
    assert Break.model_fields["name"].default == "pauze" and Span.model_fields["name"].default is REQUIRED
    assert Span.model_fields["name"].required and not Span.model_fields["tags"].required
    assert not hasattr(Span, "name") and "seen" not in Checked.model_fields


def test_defaults_and_fresh_factories_fill_what_is_not_given():
    one, two = Span(name="a", end="3"), Span(name="b", end=4)
    assert (one.start, one.end, one.tags) == (0, 3, [])
    assert one.tags is not two.tags
    assert Checked(low=1).high == 9  # a default checked like a given value


def test_every_problem_at_once_with_its_place():
    assert sorted(failed(Span, {"name": "", "end": "x", "extra": 1, "tags": ["a", 3]})) == [
        ("extra_forbidden", ("extra",), "Extra inputs are not permitted"),
        ("int_parsing", ("end",), "Input should be a valid integer, unable to parse string as an integer"),
        ("string_too_short", ("name",), "String should have at least 1 character"),
        ("string_type", ("tags", 1), "Input should be a valid string"),
    ]
    assert failed(Span, {}) == [("missing", ("name",), "Field required"), ("missing", ("end",), "Field required")]
    assert failed(Span, "x") == [("model_type", (), "Input should be a valid dictionary or instance of Span")]


def test_an_unknown_key_names_the_fields_there_are():
    with pytest.raises(ValidationError) as info:
        Span.model_validate({"name": "a", "end": 1, "ned": 2})
    [unknown] = info.value.errors()
    assert unknown.ctx == {"fields": ("name", "start", "end", "tags")} and unknown.input == 2


def test_a_field_check_reads_the_fields_before_it_and_runs_only_on_a_given_valid_value():
    assert failed(Span, {"name": "a", "start": 5, "end": 3}) == [
        ("value_error", ("end",), "Value error, ends at 3, before it starts")]
    # the default start (0) is there to read, as pydantic's ``info.data`` held defaults too
    assert failed(Span, {"name": "a", "end": -3}) == [("value_error", ("end",), "Value error, ends at -3, before it starts")]
    # a start that failed is not there to read: only its own problem is reported
    assert [p[:2] for p in failed(Span, {"name": "a", "start": "x", "end": 3})] == [("int_parsing", ("start",))]


def test_prepare_runs_before_and_check_after_the_fields():
    assert Checked.model_validate({"from": "2"}).low == 2
    assert failed(Checked, {"low": 10}) == [("value_error", (), "Value error, low is above high")]
    assert failed(Checked, {"low": "x"})[0][0] == "int_parsing"  # the check waits for the fields


def test_validation_error_says_every_problem():
    with pytest.raises(ValidationError) as info:
        Span(name="", end="x")
    assert str(info.value).startswith("2 validation errors for Span\nname\n  String should have at least 1")
    assert isinstance(info.value, ValueError)


def test_an_instance_is_taken_as_it_is():
    span = Span(name="a", end=1)
    assert Span.model_validate(span) is span


def test_frozen_compared_by_value_and_hashable_when_its_values_are():
    span = Span(name="a", end=1)
    with pytest.raises(FrozenError):
        span.name = "b"  # type: ignore[misc]
    with pytest.raises(FrozenError):
        del span.name
    assert span == Span(name="a", end="1") and span != Span(name="b", end=1)
    assert Span(name="a", end=1) != Break(name="a", end=1)  # another class is another value
    assert hash(Checked(low=1)) == hash(Checked(low="1"))
    with pytest.raises(TypeError):
        hash(span)  # its tags are a list
    assert repr(span) == "Span(name='a', start=0, end=1, tags=[])"


def test_copies_dumps_and_unchecked_construction():
    span = Span(name="a", end=1, tags=["x"])
    moved = span.model_copy(update={"end": 9})
    assert (moved.end, span.end, moved.tags is span.tags) == (9, 1, True)
    assert span.model_copy(deep=True).tags is not span.tags
    assert span.model_copy(update={"end": "not checked"}).end == "not checked"
    assert Break(end=2).model_dump() == {"name": "pauze", "start": 0, "end": 2, "tags": [], "cups": None}
    assert Span.model_construct(name="", end=-1) == Span.model_construct(name="", end=-1, start=0, tags=[])


def test_pickle_and_copy_keep_the_value():
    span = Span(name="a", end=1, tags=["x"])
    assert pickle.loads(pickle.dumps(span)) == span
    assert copy.copy(span) == span and copy.deepcopy(span) == span


_BLOCKED = """
import runpy, sys

class NoPydantic:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("pydantic", "pydantic_core"):
            raise ImportError(f"{name} imported on a command path")

sys.meta_path.insert(0, NoPydantic())
sys.argv = ["workshop", *sys.argv[1:]]
runpy.run_module("workshop", run_name="__main__")
"""


@pytest.mark.parametrize("command", [["check", "decks/citroensap.yaml"], ["schema"],
                                     ["build", "decks/citroensap.yaml", "--only", "deck", "--out", "{out}"]])
def test_no_command_needs_pydantic(command, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    args = [part.format(out=tmp_path) for part in command]
    result = subprocess.run([sys.executable, "-c", _BLOCKED, *args], cwd=repo, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
