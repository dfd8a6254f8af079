"""A YAML tree whose every node knows where it came from.

Scalars stay text exactly as typed; the model decides what a value means.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field

from workshop.errors import Location
from workshop.lazyclass import lazy_dataclass


@lazy_dataclass
class Scalar:
    value: str
    location: Location
    plain: bool = True  # unquoted in the source

    def to_python(self) -> str | None:
        # An empty plain value (`notes:`) means "not given".
        return None if self.plain and self.value == "" else self.value


@lazy_dataclass
class Mapping:
    location: Location
    items: list[tuple[Scalar, Node]] = field(default_factory=list)

    def get(self, key: str) -> Node | None:
        for k, v in self.items:
            if k.value == key:
                return v
        return None

    def key_node(self, key: str) -> Scalar | None:
        for k, _ in self.items:
            if k.value == key:
                return k
        return None

    def to_python(self) -> dict:
        return {k.value: v.to_python() for k, v in self.items}


@lazy_dataclass
class Sequence:
    location: Location
    items: list[Node] = field(default_factory=list)

    def to_python(self) -> list:
        return [item.to_python() for item in self.items]


Node = Scalar | Mapping | Sequence
Path = tuple[str | int, ...]


def walk(node: Node, path: Path = ()) -> Iterator[tuple[Path, Node]]:
    """Every node with its path of keys and indexes, parents first."""
    yield path, node
    if isinstance(node, Mapping):
        for key, value in node.items:
            yield from walk(value, path + (key.value,))
    elif isinstance(node, Sequence):
        for index, value in enumerate(node.items):
            yield from walk(value, path + (index,))


def find(node: Node, path: Path) -> tuple[Node, Path]:
    """The deepest node along ``path`` and the part of the path that matched.

    Path elements that do not exist (a name that is no key of the mapping,
    for example) are skipped, so the result is the closest real place.
    """
    matched: list = []
    for part in path:
        if isinstance(node, Mapping) and isinstance(part, str) and node.get(part) is not None:
            node = node.get(part)  # type: ignore[assignment]
            matched.append(part)
        elif isinstance(node, Sequence) and isinstance(part, int) and 0 <= part < len(node.items):
            node = node.items[part]
            matched.append(part)
    return node, tuple(matched)
