"""``@lazy_dataclass``: a dataclass whose methods are made when the class is first used.

``dataclasses.dataclass`` writes the source of ``__init__``, ``__repr__``,
``__eq__``, ``__hash__`` … and ``exec``s it when the class statement runs:
about half a millisecond per class on Python 3.11. The package has over a
hundred of them and a cold ``--only deck`` build instantiates only some, so
paying for all at import was a large share of its start-up (issue 18).

``@lazy_dataclass(frozen=True)`` keeps the class as written and defers
``dataclasses.dataclass(frozen=True)(cls)`` to the first moment the class is
needed, which makes it equivalent from then on:

* the first ``__init__`` (a stub installed here, removed when realised):
  construction and ``dataclasses.replace`` pass there;
* the first ``__setstate__`` (another stub): unpickling creates an instance
  without ``__init__`` and then hands it its state, so a plan crossing the pipe
  to the PDF worker, or a record read back from the cache, realises its class
  before anyone compares or hashes it (``copy`` needs an instance, so a class
  already realised);
* the first read of ``__dataclass_fields__`` (a descriptor installed here):
  ``dataclasses.fields(cls)``, ``is_dataclass(cls)`` and a dataclass (lazy or
  eager) deriving from the class, which collects its base's fields that way;
* the first read of a ``field(...)`` attribute on the class, which then reads
  as after ``dataclass``: the default, or no attribute for a factory (a plain
  ``x: int = 3`` default is an ordinary class attribute and needs nothing).

Stubbing ``__new__`` instead would cover both at once, but CPython keeps the
slot of a deleted ``__new__`` (every later construction would then pass
through a Python-level lookup and reject its arguments). An instance with no
state at all is pickled without a ``__setstate__`` call, so a class with no
fields anywhere in its bases, or with a ``__setstate__`` of its own or of a
base (exceptions have one), is made a dataclass at once.

Lazy bases are realised before their subclasses, under one lock, so two
threads never realise a class twice. ``slots=True`` makes ``dataclass``
return a *new* class, which cannot be deferred behind the name already bound,
so it is refused; use ``dataclasses.dataclass`` for slotted classes.

Either way the methods' code comes from :mod:`workshop.methodcache` when a
build has made them before, which is most of what a dataclass costs. For a
class without a docstring ``dataclass`` writes one from
``inspect.signature(cls)`` (some 100 µs a class); that text is made when
``__doc__`` is first read instead, and is the same text.

``@eager_dataclass(...)`` is ``dataclasses.dataclass(...)`` made at once with
the methods' code from the cache, for what cannot be deferred
(``slots=True``).

For type checkers the name *is* ``dataclasses.dataclass``, so mypy checks
constructors, fields and frozenness exactly as before.
"""

from __future__ import annotations

import dataclasses
import inspect
import threading
from typing import TYPE_CHECKING, Any

from workshop.methodcache import compiled_methods

__all__ = ["eager_dataclass", "is_realised", "lazy_dataclass", "realise"]

_MISSING = object()
#: the class → its ``dataclass`` keyword arguments, for classes not yet realised
_pending: dict[type, dict[str, Any]] = {}
#: the class → what its own ``__dict__`` held where a stub now stands (``_MISSING``: nothing)
_hidden: dict[type, dict[str, object]] = {}
_lock = threading.RLock()


def is_realised(cls: type) -> bool:
    """Whether ``cls`` is no longer waiting to be made a dataclass (true for other classes)."""
    return cls not in _pending


def realise(cls: type) -> None:
    """Make ``cls`` (and its lazy bases first) the dataclass it was declared as; idempotent."""
    with _lock, compiled_methods():
        for base in reversed(cls.__mro__):
            params = _pending.pop(base, None)
            if params is None:
                continue
            for name, original in _hidden.pop(base).items():
                if original is _MISSING:
                    type.__delattr__(base, name)
                else:
                    type.__setattr__(base, name, original)
            _make(base, params)


class _SignatureDoc:
    """The ``__doc__`` ``dataclass`` writes for a class without one (its name and signature), made on first read."""

    def __init__(self, owner: type) -> None:
        self.owner = owner

    def __get__(self, instance: object, cls: type | None = None) -> str:
        owner = self.owner
        try:  # as dataclasses words it: some signatures cannot be read
            text = str(inspect.signature(owner)).replace(" -> None", "")
        except (TypeError, ValueError):
            text = ""
        doc = owner.__name__ + text
        type.__setattr__(owner, "__doc__", doc)
        return doc


def _make(cls: type, params: dict[str, Any]) -> type:
    """``dataclasses.dataclass(**params)(cls)`` (methods from the cache), its made-up ``__doc__`` left for later."""
    undocumented = vars(cls).get("__doc__") is None
    if undocumented:
        type.__setattr__(cls, "__doc__", "(being made)")  # dataclass then skips reading the signature
    with compiled_methods():
        made: type = dataclasses.dataclass(**params)(cls)
    if undocumented:  # on the class made (a new one for slots=True)
        type.__setattr__(made, "__doc__", _SignatureDoc(made))
    return made


class _RealiseOnRead:
    """A class attribute of a class not yet realised: reading it realises the class first."""

    def __init__(self, owner: type, name: str) -> None:
        self.owner = owner
        self.name = name

    def __get__(self, instance: object, cls: type | None = None) -> object:
        realise(self.owner)
        return getattr(self.owner, self.name)


def _stubs(owner: Any) -> dict[str, object]:
    """The ``__init__`` and ``__setstate__`` that realise ``owner`` (a class) and then do their work."""

    def __init__(self: object, *args: object, **kwargs: object) -> None:
        realise(owner)
        owner.__init__(self, *args, **kwargs)

    def __setstate__(self: object, state: object) -> None:
        realise(owner)
        slots: object = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slots = state
        if isinstance(state, dict):
            vars(self).update(state)
        if isinstance(slots, dict):
            for name, value in slots.items():
                object.__setattr__(self, name, value)

    return {"__init__": __init__, "__setstate__": __setstate__}


def _defer(cls: type, params: dict[str, Any]) -> type:
    """Install the stubs that realise ``cls`` on first use, or realise it now if they cannot."""
    if params.get("slots"):
        raise TypeError(
            f"{cls.__qualname__}: lazy_dataclass cannot defer slots=True, because dataclass then "
            "returns a new class; use dataclasses.dataclass for slotted classes"
        )
    has_fields = any(vars(c).get("__annotations__") for c in cls.__mro__)
    if not has_fields or any("__setstate__" in vars(c) for c in cls.__mro__ if c not in _pending):
        realise(cls)  # its lazy bases
        with _lock:
            return _make(cls, params)
    replaced: dict[str, object] = {
        name: _RealiseOnRead(cls, name) for name, value in vars(cls).items() if isinstance(value, dataclasses.Field)
    }
    replaced["__dataclass_fields__"] = _RealiseOnRead(cls, "__dataclass_fields__")
    replaced.update(_stubs(cls))
    with _lock:
        _pending[cls] = params
        _hidden[cls] = {name: vars(cls).get(name, _MISSING) for name in replaced}
        for name, stub in replaced.items():
            type.__setattr__(cls, name, stub)
    return cls


if TYPE_CHECKING:
    from dataclasses import dataclass as eager_dataclass
    from dataclasses import dataclass as lazy_dataclass
else:

    def eager_dataclass(cls: type | None = None, /, **params: Any) -> Any:
        """As ``dataclasses.dataclass`` (with or without arguments, ``slots=True`` too), made now."""

        def make(cls: type) -> type:
            realise(cls)  # its lazy bases
            with _lock:
                return _make(cls, params)

        return make if cls is None else make(cls)

    def lazy_dataclass(cls: type | None = None, /, **params: Any) -> Any:
        """As ``dataclasses.dataclass`` (with or without arguments), realised on first use."""
        if cls is None:
            return lambda cls: _defer(cls, params)
        return _defer(cls, params)
