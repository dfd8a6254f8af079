"""The value types that hold others: lists, optional values, text-or-mapping, nested and tagged models.

Each checks its items with their own type and puts its own place (an index
or nothing) before their problems, so an error deep in a slide keeps its
whole path. A model class stands for a nested model wherever a type goes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workshop.model.problems import Failed, Problem, fail
from workshop.model.spec import Const, Refs, Schema, Spec, Text, plural

if TYPE_CHECKING:
    from workshop.model.base import Model


class Many(Spec):
    """A list of one item type, with optional bounds on its length (given as a list or a tuple)."""

    def __init__(self, item: Spec | type[Model], min_length: int | None = None,
                 max_length: int | None = None) -> None:
        self.item = as_spec(item)
        self.min_length, self.max_length = min_length, max_length
        self._text_bounds = self.item.bounds if isinstance(self.item, Text) else None

    def check(self, value: Any) -> list[Any]:
        if not isinstance(value, (list, tuple)):
            raise fail("list_type", value, "Input should be a valid list")
        if self.max_length is not None and len(value) > self.max_length:
            raise fail("too_long", value, f"List should have at most {self.max_length} item{plural(self.max_length)} "
                       f"after validation, not {len(value)}", field_type="List", max_length=self.max_length,
                       actual_length=len(value))
        bounds = self._text_bounds
        if bounds is not None and value and set(map(type, value)) == {str} \
                and min(map(len, value)) >= bounds[0] and max(map(len, value)) <= bounds[1]:
            out = list(value)  # texts within their bounds, checked in C: the common case
        else:
            check = self.item.check
            try:
                out = [check(item) for item in value]
            except Failed:
                raise Failed(self._problems(value)) from None
        if self.min_length is not None and len(out) < self.min_length:
            raise fail("too_short", value, f"List should have at least {self.min_length} item{plural(self.min_length)} "
                       f"after validation, not {len(out)}", field_type="List", min_length=self.min_length,
                       actual_length=len(out))
        return out

    def _problems(self, value: list[Any] | tuple[Any, ...]) -> list[Problem]:
        """Every item's problems, each at its index (the slow path, once something failed)."""
        problems: list[Problem] = []
        for index, item in enumerate(value):
            try:
                self.item.check(item)
            except Failed as failed:
                problems += [p.under(index) for p in failed.problems]
        return problems

    def schema(self, refs: Refs) -> Schema:
        out: Schema = {"items": self.item.schema(refs), "type": "array"}
        if self.min_length is not None:
            out["minItems"] = self.min_length
        if self.max_length is not None:
            out["maxItems"] = self.max_length
        return out


class Nullable(Spec):
    """The inner type, or ``None`` (an empty plain YAML value)."""

    def __init__(self, inner: Spec | type[Model]) -> None:
        self.inner = as_spec(inner)

    def check(self, value: Any) -> Any:
        return None if value is None else self.inner.check(value)

    def schema(self, refs: Refs) -> Schema:
        return {"anyOf": [self.inner.schema(refs), {"type": "null"}]}


class Either(Spec):
    """Text, or a mapping of a model (``bullets: [point, {text, sub}]``): the input's shape picks which.

    A mapping is checked as the model, so its every problem is reported;
    anything else as the text.
    """

    def __init__(self, text: Spec, model: type[Model]) -> None:
        self.text, self.model = text, Nested(model)

    def check(self, value: Any) -> Any:
        if isinstance(value, (dict, self.model.model)):
            return self.model.check(value)
        return self.text.check(value)

    def schema(self, refs: Refs) -> Schema:
        return {"anyOf": [self.text.schema(refs), self.model.schema(refs)]}


class Nested(Spec):
    """A mapping checked as a model class (or an instance of it, taken as it is)."""

    def __init__(self, model: type[Model]) -> None:
        self.model = model

    def check(self, value: Any) -> Model:
        return self.model.model_check_input(value)

    def schema(self, refs: Refs) -> Schema:
        refs[self.model.__name__] = self.model
        return {"$ref": f"#/$defs/{self.model.__name__}"}


class Tagged(Spec):
    """One of several models, chosen by a literal field (``kind``) before checking."""

    def __init__(self, tag: str, models: tuple[type[Model], ...]) -> None:
        self.tag, self.models = tag, models
        self._by_tag: dict[str, type[Model]] | None = None

    def by_tag(self) -> dict[str, type[Model]]:
        if self._by_tag is None:
            self._by_tag = {}
            for model in self.models:
                tag = model.model_fields[self.tag].spec
                assert isinstance(tag, Const) and len(tag.values) == 1, f"{model.__name__}.{self.tag} names one value"
                self._by_tag[tag.values[0]] = model
        return self._by_tag

    def check(self, value: Any) -> Model:
        if type(value) is dict and type(value.get(self.tag)) is str:
            model = self.by_tag().get(value[self.tag])
            if model is not None:
                return model.model_check_input(value)
        if isinstance(value, self.models):
            return value
        if not isinstance(value, dict):
            raise fail("model_attributes_type", value, "Input should be a valid dictionary or object to extract "
                       "fields from")
        if self.tag not in value:
            raise fail("union_tag_not_found", value, f"Unable to extract tag using discriminator '{self.tag}'",
                       discriminator=f"'{self.tag}'")
        model = self.by_tag().get(value[self.tag]) if isinstance(value[self.tag], str) else None
        if model is None:
            expected = ", ".join(repr(t) for t in self.by_tag())
            raise fail("union_tag_invalid", value, f"Input tag '{value[self.tag]}' found using '{self.tag}' does not "
                       f"match any of the expected tags: {expected}", tag=value[self.tag], expected_tags=expected)
        return model.model_check_input(value)

    def schema(self, refs: Refs) -> Schema:
        for model in self.models:
            refs[model.__name__] = model
        return {"oneOf": [{"$ref": f"#/$defs/{m.__name__}"} for m in self.models]}


def as_spec(value: Spec | type[Model]) -> Spec:
    """A model class stands for ``Nested(model)``."""
    return value if isinstance(value, Spec) else Nested(value)
