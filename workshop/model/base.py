"""Frozen, closed model classes declared field by field: the outline is checked into these.

``title: str = field(SHORT, description="…")`` says everything about a field
once: how it is checked (``spec.py``), its default and what editors read in
the JSON Schema (``describe.py``). Defining a class only collects its fields,
so importing the model is cheap; an unknown key is an error at its line,
never a silently ignored field. The method names are pydantic's
(``model_validate``, ``model_copy``, ``model_dump``, ``model_fields``), which
the rest of the tool was written against.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar, dataclass_transform

from workshop.model.containers import Nullable, as_spec
from workshop.model.problems import Failed, Problem, fail
from workshop.model.spec import Spec, Text

M = TypeVar("M", bound="Model")


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


#: the default of a field the input must give
REQUIRED: Any = _Required()
#: a check of one field after its type's: (value, the fields checked before it) → value, or ValueError
FieldCheck = Callable[[Any, dict[str, Any]], Any]


class Field:
    """One declared field: its value type, default (or factory), words for editors and an extra check."""

    __slots__ = ("name", "spec", "default", "factory", "description", "examples", "extra", "check",
                 "validate_default")

    def __init__(self, spec: Spec, default: Any, factory: Callable[[], Any] | None, description: str | None,
                 examples: list[Any] | None, extra: dict[str, Any] | None, check: FieldCheck | None,
                 validate_default: bool) -> None:
        self.name = ""
        self.spec, self.default, self.factory, self.description = spec, default, factory, description
        self.examples, self.extra, self.check, self.validate_default = examples, extra, check, validate_default

    @property
    def required(self) -> bool:
        return self.default is REQUIRED and self.factory is None

    def __repr__(self) -> str:
        return f"Field({self.name!r}, {type(self.spec).__name__}, required={self.required})"


def field(spec: Spec | type[Model], *, default: Any = REQUIRED, factory: Callable[[], Any] | None = None,
          description: str | None = None, examples: list[Any] | None = None, extra: dict[str, Any] | None = None,
          check: FieldCheck | None = None, validate_default: bool = False) -> Any:
    """Declare a field; ``extra`` goes into its JSON Schema as it is, ``check`` runs after the type's check."""
    return Field(as_spec(spec), default, factory, description, examples, extra, check, validate_default)


class ValidationError(ValueError):
    """The input did not make a ``model``; ``errors()`` lists every problem with its place."""

    def __init__(self, model: str, problems: list[Problem]) -> None:
        self.model, self.problems = model, problems
        lines = [f"{len(problems)} validation error{'s' if len(problems) != 1 else ''} for {model}"]
        lines += [f"{'.'.join(map(str, p.loc)) or '(the value)'}\n  {p.msg}" for p in problems]
        super().__init__("\n".join(lines))

    def errors(self) -> list[Problem]:
        return list(self.problems)


class FrozenError(AttributeError):
    """A model is never changed in place: ``model_copy(update=…)`` makes the changed one."""


_FAILED: Any = object()  # a field whose value did not pass
_FACTORY: Any = object()  # a field whose default a factory makes, fresh for each instance


def _text_bounds(spec: Spec) -> tuple[float, float]:
    inner = spec.inner if isinstance(spec, Nullable) else spec
    if isinstance(inner, Text) and inner.bounds is not None:
        return inner.bounds
    return (1.0, 0.0)  # no length passes: every value goes to the check


class _Plan:
    """How a class checks a mapping, made the first time it does."""

    def __init__(self, model: type[Model]) -> None:
        fields = model.model_fields
        #: per field, its check and the lengths within which a plain text passes as it is (text fields only)
        self.entries = {name: (d.spec.check, *_text_bounds(d.spec)) for name, d in fields.items()}
        self.template: dict[str, Any] = {}
        for name, declared in fields.items():
            default = declared.default
            if declared.factory is not None:
                default = _FACTORY
            elif declared.validate_default and default is not REQUIRED:
                default = declared.spec.check(default)
            self.template[name] = default
        self.required = tuple(name for name, declared in fields.items() if declared.required)
        self.factories = tuple((name, d.factory) for name, d in fields.items() if d.factory is not None)
        self.field_checks = tuple((name, d.check) for name, d in fields.items() if d.check is not None)
        names = list(fields)
        #: the fields declared before each, which a field check may read (as pydantic's ``info.data``)
        self.before = {name: frozenset(names[:index]) for index, name in enumerate(names)}
        own = [vars(k) for k in model.__mro__ if k is not Model]
        self.prepares = any("model_prepare" in d for d in own)
        self.checks_model = any("model_check" in d for d in own)


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(field,))
class Model:
    """A frozen value compared by its fields; subclasses declare fields with ``field(...)``.

    ``dataclass_transform`` (nothing at run time) lets mypy check every
    constructor call against the declared fields and their defaults.
    """

    model_fields: ClassVar[dict[str, Field]] = {}
    #: what editors see beside the model's properties (``if``/``then``, …), merged into its schema
    model_schema_extra: ClassVar[dict[str, Any] | None] = None
    _plan: ClassVar[_Plan | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = {name: value for name, value in vars(cls).items() if isinstance(value, Field)}
        for name, declared in own.items():
            declared.name = name
            delattr(cls, name)
        cls.model_fields = {**cls.model_fields, **own}  # inherited first; an override keeps its place
        cls._plan = None

    def __init__(self, **data: Any) -> None:
        try:
            built = type(self).model_check_input(data)
        except Failed as failed:
            raise ValidationError(type(self).__name__, failed.problems) from None
        object.__setattr__(self, "__dict__", built.__dict__)

    # --- checking -------------------------------------------------------------------------------------

    @classmethod
    def model_prepare(cls, data: dict[str, Any]) -> dict[str, Any]:
        """Reshape a mapping before its fields are checked (override; the default leaves it)."""
        return data

    def model_check(self) -> None:
        """Check the fields together once each passed on its own; raise ValueError to refuse (override)."""

    @classmethod
    def model_validate(cls: type[M], data: object) -> M:
        """``data`` (a mapping, or an instance taken as it is) as this model, or ValidationError."""
        try:
            return cls.model_check_input(data)
        except Failed as failed:
            raise ValidationError(cls.__name__, failed.problems) from None

    @classmethod
    def model_check_input(cls: type[M], data: object) -> M:
        """As ``model_validate``, raising ``Failed`` (with places relative to ``data``) for the containers.

        Only the keys given are checked (a slide gives a few of its fields); the
        rest start from a template of the defaults, in field order.
        """
        if type(data) is not dict:
            if isinstance(data, cls):
                return data
            if not isinstance(data, dict):
                raise fail("model_type", data, f"Input should be a valid dictionary or instance of {cls.__name__}",
                           class_name=cls.__name__)
        plan = cls._plan or cls._make_plan()
        if plan.prepares:
            data = cls.model_prepare(data)
        values = plan.template.copy()
        problems: list[Problem] = []
        entries = plan.entries
        for key, given in data.items():
            entry = entries.get(key)
            if entry is None:
                problems.append(Problem("extra_forbidden", given, "Extra inputs are not permitted",
                                        {"fields": tuple(entries)}, (key,)))
                continue
            check, shortest, longest = entry
            if type(given) is str and shortest <= len(given) <= longest:
                values[key] = given  # text within its bounds, where any text is: the common case, without a call
                continue
            try:
                values[key] = check(given)
            except Failed as failed:
                problems += [p.under(key) for p in failed.problems]
                values[key] = _FAILED
        for name in plan.required:
            if values[name] is REQUIRED:
                problems.append(Problem("missing", data, "Field required", loc=(name,)))
        for name, factory in plan.factories:
            if values[name] is _FACTORY:
                values[name] = factory()
        for name, field_check in plan.field_checks:
            if name in data and values[name] is not _FAILED:
                before = plan.before[name]
                known = {k: v for k, v in values.items() if k in before and v is not _FAILED and v is not REQUIRED}
                try:
                    values[name] = field_check(values[name], known)
                except ValueError as exc:
                    problems.append(Problem("value_error", data[name], f"Value error, {exc}", {"error": str(exc)},
                                            (name,)))
        if problems:
            raise Failed(problems)
        made = object.__new__(cls)
        object.__setattr__(made, "__dict__", values)
        if plan.checks_model:
            try:
                made.model_check()
            except ValueError as exc:
                raise fail("value_error", data, f"Value error, {exc}", error=str(exc)) from None
        return made

    @classmethod
    def _make_plan(cls) -> _Plan:
        cls._plan = _Plan(cls)
        return cls._plan

    # --- a value ------------------------------------------------------------------------------------

    @classmethod
    def model_construct(cls: type[M], **values: Any) -> M:
        """An instance of trusted ``values`` without checking them; missing fields get their defaults."""
        made = object.__new__(cls)
        filled: dict[str, Any] = {}
        for name, declared in cls.model_fields.items():
            if name in values:
                filled[name] = values[name]
            elif declared.factory is not None:
                filled[name] = declared.factory()
            elif declared.default is not REQUIRED:
                filled[name] = declared.default
        object.__setattr__(made, "__dict__", filled)
        return made

    def model_copy(self: M, *, update: dict[str, Any] | None = None, deep: bool = False) -> M:
        """A copy with ``update`` applied (not checked again, as in pydantic)."""
        values = copy.deepcopy(self.__dict__) if deep else dict(self.__dict__)
        values.update(update or {})
        made = object.__new__(type(self))
        object.__setattr__(made, "__dict__", values)
        return made

    def model_dump(self) -> dict[str, Any]:
        """The fields as a dict, nested models as dicts too (Enum members stay members)."""
        return {name: _dumped(value) for name, value in self.__dict__.items()}

    @classmethod
    def model_json_schema(cls) -> dict[str, Any]:
        """This model's JSON Schema (2020-12 style, definitions under ``$defs``)."""
        from workshop.model.describe import json_schema

        return json_schema(cls)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenError(f"{type(self).__name__} is frozen; make a changed copy with model_copy(update=...)")

    def __delattr__(self, name: str) -> None:
        raise FrozenError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *self.__dict__.values()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"


def _dumped(value: Any) -> Any:
    if isinstance(value, Model):
        return value.model_dump()
    if isinstance(value, list):
        return [_dumped(item) for item in value]
    if isinstance(value, dict):
        return {key: _dumped(item) for key, item in value.items()}
    return value
