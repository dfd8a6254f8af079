"""The slide kinds: one ``SlideKind`` record per kind, which every stage reads.

``KINDS["quote"]`` is everything the tool knows about quotes, from the model
class to the handout block. Look kinds up with ``[kind]``, never ``.get``: a
kind the registry lacks is a bug to fail on, not a slide to skip. Adding a
kind is writing its record (see docs/architecture.md, "Adding a slide kind").
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from workshop.kinds import activity, data, opening, text
from workshop.kinds.record import Continues, Nothing, Ref, ShapeRole, SlideKind

#: the order of the generated master's layouts (and of every listing of kinds)
_ORDER = (
    "title", "agenda", "section", "bullets", "statement", "quote", "compare", "stat", "chart", "table",
    "image", "steps", "quiz", "exercise", "break", "closing",
)


class Registry:
    """Slide kinds by name, in master order."""

    def __init__(self, records: tuple[SlideKind, ...]):
        self._records = {record.name: record for record in records}

    def __getitem__(self, name: str) -> SlideKind:
        return self._records[name]

    def __contains__(self, name: object) -> bool:
        return name in self._records

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    def records(self) -> tuple[SlideKind, ...]:
        return tuple(self._records.values())

    @contextmanager
    def extended(self, record: SlideKind) -> Iterator[SlideKind]:
        """``record`` registered for the duration of a ``with`` block (tests, experiments)."""
        if record.name in self._records:
            raise ValueError(f"slide kind '{record.name}' is already registered")
        self._records[record.name] = record
        try:
            yield record
        finally:
            del self._records[record.name]


def _in_order() -> tuple[SlideKind, ...]:
    found = {r.name: r for group in (opening, text, data, activity) for r in group.RECORDS}
    return tuple(found[name] for name in _ORDER)


KINDS = Registry(_in_order())

__all__ = ["KINDS", "Continues", "Nothing", "Ref", "Registry", "ShapeRole", "SlideKind"]
