"""The values used most recently, bounded by their count and their total size.

The PDF renderers keep work between documents in one process (encoded
pictures, parsed paragraphs, deflated streams); each keep is bounded so a
long watch or batch cannot pile up memory, and the value used longest ago
goes first. One small class, so every keep drops what it holds the same way.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Recent(Generic[K, V]):
    """At most ``max_entries`` values and ``max_size`` of ``size(key, value)`` (the newest one is always kept)."""

    def __init__(self, max_entries: int, max_size: int | None = None,
                 size: Callable[[K, V], int] | None = None) -> None:
        self.max_entries, self.max_size, self._size_of = max_entries, max_size, size
        self._values: OrderedDict[K, V] = OrderedDict()
        self.size = 0

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def __iter__(self) -> Iterator[K]:
        """The keys, least recently used first."""
        return iter(self._values)

    def values(self) -> list[V]:
        """The values, least recently used first."""
        return list(self._values.values())

    def empty(self) -> Recent[K, V]:
        """A new, empty keep with the same bounds and measure."""
        return Recent(self.max_entries, self.max_size, self._size_of)

    def get(self, key: K) -> V | None:
        """The value for ``key`` (now the most recently used), or None."""
        found = self._values.get(key)
        if found is not None:
            self._values.move_to_end(key)
        return found

    def put(self, key: K, value: V) -> None:
        """Keep ``value`` for ``key``, dropping the least recently used values past the bounds."""
        self.pop(key)
        self._values[key] = value
        self.size += self._measure(key, value)
        while len(self._values) > 1 and (len(self._values) > self.max_entries
                                         or (self.max_size is not None and self.size > self.max_size)):
            old_key, old = self._values.popitem(last=False)
            self.size -= self._measure(old_key, old)

    def pop(self, key: K) -> V | None:
        """Drop ``key``'s value and return it (None when none is kept)."""
        if key not in self._values:
            return None
        value = self._values.pop(key)
        self.size -= self._measure(key, value)
        return value

    def clear(self) -> None:
        self._values.clear()
        self.size = 0

    def _measure(self, key: K, value: V) -> int:
        return self._size_of(key, value) if self._size_of is not None else 0
