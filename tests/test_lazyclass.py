"""``lazy_dataclass`` behaves as ``dataclass`` once used, and costs nothing until then."""

from __future__ import annotations

import copy
import dataclasses
import subprocess
import sys
import textwrap
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from workshop import lazyclass
from workshop.lazyclass import eager_dataclass, is_realised, lazy_dataclass, realise


def _pair(body: str, **params: Any) -> tuple[type, type]:
    """The same class body made a lazy and an eager dataclass, for comparing them."""
    made = []
    for decorate in (lazy_dataclass, dataclass):
        namespace: dict[str, Any] = {"field": field}
        exec(textwrap.dedent(body), namespace)
        made.append(decorate(**params)(namespace["Point"]))
    return made[0], made[1]


POINT = """
class Point:
    x: int
    y: int = 2
    tags: tuple = field(default_factory=tuple)
    label: str = field(default="p", compare=False)
"""


def test_an_unused_class_is_not_realised() -> None:
    @lazy_dataclass(frozen=True)
    class Unused:
        x: int

    assert not is_realised(Unused)
    assert "__repr__" not in Unused.__dict__ and "__eq__" not in Unused.__dict__
    Unused(1)
    assert is_realised(Unused)
    assert "__repr__" in Unused.__dict__ and "__setstate__" not in Unused.__dict__


@pytest.mark.parametrize("params", [{}, {"frozen": True}, {"order": True}, {"eq": False}])
def test_it_behaves_as_dataclass(params: dict[str, Any]) -> None:
    lazy, eager = _pair(POINT, **params)
    a, b = lazy(1), lazy(1, label="q")
    ea, eb = eager(1), eager(1, label="q")
    assert repr(a) == repr(ea)
    assert (a == b) == (ea == eb)
    assert (a == lazy(1, 3)) == (ea == eager(1, 3))
    assert (lazy.__hash__ is None) == (eager.__hash__ is None)
    assert a.tags == () and lazy(1, tags=(3,)).tags == (3,)
    if lazy.__hash__ is not None:
        assert (hash(a) == hash(lazy(1))) == (hash(ea) == hash(eager(1)))
    assert [f.name for f in dataclasses.fields(lazy)] == [f.name for f in dataclasses.fields(eager)]
    assert dataclasses.asdict(b) == dataclasses.asdict(eb)
    assert (dataclasses.replace(a, y=5) == lazy(1, 5)) == (dataclasses.replace(ea, y=5) == eager(1, 5))
    assert repr(dataclasses.replace(a, y=5)) == repr(eager(1, 5))
    assert repr(copy.copy(b)) == repr(b) == repr(copy.deepcopy(b))
    assert lazy.__match_args__ == eager.__match_args__ == ("x", "y", "tags", "label")
    assert lazy.__doc__ == eager.__doc__
    if params.get("order"):
        assert lazy(1) < lazy(2)


def test_the_made_up_docstring_is_dataclass_own_and_read_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    lazy, eager = _pair(POINT, frozen=True)
    calls: list[object] = []
    real = lazyclass.inspect.signature
    monkeypatch.setattr(lazyclass.inspect, "signature", lambda c: calls.append(c) or real(c))
    realise(lazy)
    assert calls == []
    assert lazy(1).__doc__ == lazy.__doc__ == eager.__doc__
    assert eager.__doc__.startswith("Point(x: ") and eager.__doc__.endswith(" = 'p')")
    assert calls == [lazy] and lazy.__doc__ == eager.__doc__ and len(calls) == 1
    assert isinstance(vars(lazy)["__doc__"], str)


def test_a_class_with_its_own_docstring_keeps_it() -> None:
    lazy, eager = _pair(POINT.replace("class Point:", 'class Point:\n    """A point."""'))
    assert lazy(1).__doc__ == lazy.__doc__ == eager.__doc__ == "A point."


def test_an_eager_dataclass_with_slots_is_dataclass_own() -> None:
    made = []
    for decorate in (eager_dataclass, dataclass):
        namespace: dict[str, Any] = {"field": field}
        exec(textwrap.dedent(POINT), namespace)
        made.append(decorate(frozen=True, slots=True)(namespace["Point"]))
    ours, theirs = made
    assert ours.__slots__ == theirs.__slots__ == ("x", "y", "tags", "label")
    assert repr(ours(1)) == repr(theirs(1)) and ours(1) == ours(1) and hash(ours(1)) == hash(ours(1))
    assert ours.__doc__ == theirs.__doc__
    with pytest.raises(dataclasses.FrozenInstanceError):
        ours(1).x = 2  # type: ignore[misc]
    assert copy.deepcopy(ours(1, tags=(3,))) == ours(1, tags=(3,))


def test_frozen_assignment_raises_as_dataclass() -> None:
    lazy, _ = _pair(POINT, frozen=True)
    point = lazy(1)
    assert hash(point) == hash(lazy(1))
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 3  # type: ignore[attr-defined]


def test_match_statement_uses_the_match_args() -> None:
    lazy, _ = _pair(POINT, frozen=True)
    match lazy(4, 5):
        case lazy(x, y):  # type: ignore[misc]
            assert (x, y) == (4, 5)
        case _:
            pytest.fail("the class pattern did not match")


def test_fields_and_defaults_read_on_the_class_realise_it() -> None:
    lazy, eager = _pair(POINT, frozen=True)
    assert not is_realised(lazy)
    assert lazy.y == eager.y == 2
    assert lazy.label == eager.label == "p"  # a field(default=...) reads as its default
    assert is_realised(lazy)
    assert not hasattr(lazy, "tags") and not hasattr(eager, "tags")

    other, _ = _pair(POINT)
    assert dataclasses.is_dataclass(other)
    assert is_realised(other)
    assert [f.name for f in dataclasses.fields(other)] == ["x", "y", "tags", "label"]


def test_a_lazy_child_of_a_lazy_base_realises_the_base_first() -> None:
    @lazy_dataclass(frozen=True)
    class Base:
        x: int
        y: int = 0

    @lazy_dataclass(frozen=True)
    class Child(Base):
        z: int = 9

    assert not is_realised(Base) and not is_realised(Child)
    child = Child(1, 2, 3)
    assert is_realised(Base)
    assert [f.name for f in dataclasses.fields(child)] == ["x", "y", "z"]
    assert child == Child(1, 2, 3) and child != Base(1, 2)
    assert repr(child) == "test_a_lazy_child_of_a_lazy_base_realises_the_base_first.<locals>.Child(x=1, y=2, z=3)"
    assert Base(1) == Base(1, 0)


def test_a_child_is_realised_with_its_base_only_when_used() -> None:
    @lazy_dataclass(frozen=True)
    class Base:
        x: int

    @lazy_dataclass(frozen=True)
    class Child(Base):
        z: int

    Base(1)
    assert is_realised(Base) and not is_realised(Child)
    assert Child(1, 2).z == 2


def test_plain_and_eager_subclasses_of_a_lazy_base() -> None:
    @lazy_dataclass(frozen=True)
    class Base:
        x: int

        def double(self) -> int:
            return self.x * 2

    class Plain(Base):
        pass

    assert Plain(4).double() == 8 and Plain(4) != Base(4) and Plain(4) == Plain(4)

    @lazy_dataclass(frozen=True)
    class Other:
        x: int

    @dataclass(frozen=True)
    class Eager(Other):
        y: int

    assert is_realised(Other)  # dataclass read the base's fields
    assert Eager(1, 2) == Eager(1, 2) and [f.name for f in dataclasses.fields(Eager)] == ["x", "y"]


def test_a_base_with_its_own_new_keeps_its_arguments() -> None:
    class Counted:
        made: list[tuple[object, ...]] = []

        def __new__(cls, *args: object, **kwargs: object) -> Counted:
            Counted.made.append(args)
            return super().__new__(cls)

    @lazy_dataclass(frozen=True)
    class Item(Counted):
        x: int

    assert Item(3).x == 3 and Counted.made == [(3,)]


def test_classes_that_pickling_would_not_realise_are_made_at_once() -> None:
    @lazy_dataclass(frozen=True)
    class Marker:
        pass

    @lazy_dataclass(frozen=True)
    class Failure(Exception):
        reason: str

    assert is_realised(Marker) and Marker() == Marker()
    assert is_realised(Failure) and Failure("x") == Failure("x")


def test_slots_are_refused_with_a_clear_error() -> None:
    with pytest.raises(TypeError, match="slots=True.*dataclasses.dataclass"):

        @lazy_dataclass(frozen=True, slots=True)
        class Slotted:
            x: int


def test_realising_from_many_threads_runs_dataclass_once(monkeypatch: pytest.MonkeyPatch) -> None:
    @lazy_dataclass(frozen=True)
    class Shared:
        x: int

    calls = []
    real = dataclasses.dataclass

    def counting(**params: Any) -> Any:
        calls.append(params)
        return real(**params)

    monkeypatch.setattr(dataclasses, "dataclass", counting)
    made: list[object] = []
    threads = [threading.Thread(target=lambda: made.append(Shared(1))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1 and len(set(made)) == 1
    realise(Shared)
    assert len(calls) == 1


SAMPLE = """
from dataclasses import field
from workshop.lazyclass import lazy_dataclass

@lazy_dataclass(frozen=True)
class Base:
    x: int

@lazy_dataclass(frozen=True)
class Leaf(Base):
    tags: tuple = field(default=())
"""


def _python(code: str, cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_unpickling_in_a_fresh_process_realises_the_class(tmp_path: Path) -> None:
    (tmp_path / "lazysample.py").write_text(SAMPLE)
    _python(
        """
        import pickle, lazysample
        with open("leaf.pickle", "wb") as out:
            pickle.dump([lazysample.Leaf(1, ("a",)), lazysample.Base(2)], out)
        """,
        tmp_path,
    )
    printed = _python(
        """
        import pickle, lazysample
        from workshop.lazyclass import is_realised
        assert not is_realised(lazysample.Leaf) and not is_realised(lazysample.Base)
        with open("leaf.pickle", "rb") as source:
            leaf, base = pickle.load(source)
        assert is_realised(lazysample.Leaf) and is_realised(lazysample.Base)
        assert leaf == lazysample.Leaf(1, ("a",)) and hash(leaf) == hash(lazysample.Leaf(1, ("a",)))
        assert base == lazysample.Base(2) and {base: 1}[lazysample.Base(2)] == 1
        print(repr(leaf))
        """,
        tmp_path,
    )
    assert printed.strip() == "Leaf(x=1, tags=('a',))"
