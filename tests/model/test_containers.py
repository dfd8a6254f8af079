"""Lists, optional values, text-or-mapping, nested and tagged models: every problem, each at its place."""

from __future__ import annotations

import pytest

from workshop.model.base import field
from workshop.model.containers import Either, Many, Nested, Nullable, Tagged
from workshop.model.fields import Strict
from workshop.model.problems import Failed
from workshop.model.spec import Const, Number, Text


class Item(Strict):
    """A point with sub-points."""

    text: str = field(Text(min_length=1), description="The point.")
    sub: list[str] = field(Many(Text(min_length=1)), factory=list, description="Sub-points.")


class Cat(Strict):
    kind: str = field(Const("cat"))
    name: str = field(Text(min_length=1))


class Dog(Strict):
    kind: str = field(Const("dog"))
    sound: str = field(Const("woof"), default="woof")


def problems(spec, value) -> list[tuple[str, tuple]]:
    with pytest.raises(Failed) as info:
        spec.check(value)
    return [(p.type, p.loc) for p in info.value.problems]


def test_a_list_from_a_list_or_a_tuple_only():
    assert Many(Number(int)).check(("1", 2)) == [1, 2]
    for wrong in ("ab", {"a": 1}, None, 3):
        assert problems(Many(Text()), wrong) == [("list_type", ())]


def test_every_item_problem_is_reported_at_its_index():
    assert problems(Many(Text(min_length=1)), ["a", 3, "", None]) == [
        ("string_type", (1,)), ("string_too_short", (2,)), ("string_type", (3,))]


def test_plain_texts_pass_as_the_checked_path_would():
    texts = Many(Text(min_length=1, max_length=3))
    given = ["a", "abc"]
    assert texts.check(given) == given and texts.check(given) is not given
    assert problems(texts, ["a", "abcd"]) == [("string_too_long", (1,))]
    assert Many(Text(pattern="^a$")).check(["a"]) == ["a"]


def test_too_long_is_told_before_the_items_and_too_short_after_them():
    bounded = Many(Text(min_length=1), min_length=3, max_length=4)
    with pytest.raises(Failed) as info:
        bounded.check(["a", 3, "b", "c", "d"])
    [long] = info.value.problems
    assert (long.type, long.ctx) == ("too_long", {"field_type": "List", "max_length": 4, "actual_length": 5})
    assert problems(bounded, ["a", 3]) == [("string_type", (1,))]
    with pytest.raises(Failed) as info:
        bounded.check(["a"])
    assert info.value.problems[0].ctx == {"field_type": "List", "min_length": 3, "actual_length": 1}


def test_nullable_is_none_or_the_inner_type():
    assert Nullable(Text(min_length=1)).check(None) is None
    assert problems(Nullable(Text(min_length=1)), "") == [("string_too_short", ())]


def test_text_or_mapping_is_chosen_by_the_input_and_a_mapping_tells_all_its_problems():
    either = Either(Text(min_length=1), Item)
    assert either.check("een") == "een"
    assert either.check({"text": "een", "sub": ["a"]}) == Item(text="een", sub=["a"])
    assert sorted(problems(either, {"txt": "een", "sbu": []})) == [
        ("extra_forbidden", ("sbu",)), ("extra_forbidden", ("txt",)), ("missing", ("text",))]
    assert problems(either, ["een"]) == [("string_type", ())]
    assert problems(either, "") == [("string_too_short", ())]
    made = Item(text="x")
    assert either.check(made) is made


def test_a_nested_model_from_a_mapping_or_as_it_is():
    assert Nested(Item).check({"text": "x"}) == Item(text="x")
    made = Item(text="x")
    assert Nested(Item).check(made) is made
    with pytest.raises(Failed) as info:
        Nested(Item).check("x")
    [found] = info.value.problems
    assert (found.type, found.ctx) == ("model_type", {"class_name": "Item"})


def test_a_tagged_model_is_the_one_its_tag_names():
    animal = Tagged("kind", (Cat, Dog))
    assert animal.check({"kind": "cat", "name": "Tom"}) == Cat(kind="cat", name="Tom")
    assert isinstance(animal.check({"kind": "dog"}), Dog)
    assert problems(animal, {"kind": "cat"}) == [("missing", ("name",))]
    assert problems(animal, {"name": "Tom"}) == [("union_tag_not_found", ())]
    assert problems(animal, {"kind": "cow"}) == [("union_tag_invalid", ())]
    assert problems(animal, {"kind": None}) == [("union_tag_invalid", ())]
    assert problems(animal, "cat") == [("model_attributes_type", ())]
    assert animal.by_tag() == {"cat": Cat, "dog": Dog}


def test_the_schemas_of_the_containers_name_what_they_refer_to():
    refs: dict = {}
    assert Many(Text(), min_length=1, max_length=2).schema(refs) == {
        "items": {"type": "string"}, "type": "array", "minItems": 1, "maxItems": 2}
    assert Nullable(Text()).schema(refs) == {"anyOf": [{"type": "string"}, {"type": "null"}]}
    assert Either(Text(), Item).schema(refs) == {"anyOf": [{"type": "string"}, {"$ref": "#/$defs/Item"}]}
    assert Tagged("kind", (Cat, Dog)).schema(refs) == {"oneOf": [{"$ref": "#/$defs/Cat"}, {"$ref": "#/$defs/Dog"}]}
    assert refs == {"Item": Item, "Cat": Cat, "Dog": Dog}
