"""Hand edits in a built deck: reading its records and telling what changed since workshop wrote it.

Standard library only (``zipfile`` and ``xml.etree``), so ``workshop check``
and ``workshop edits`` stay fast, and a deck seen before is not read again
(``remembered``); writing the records and carrying slides
over into a new deck is the deck renderer's job (``render/deck/records.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop.edits.package import MAX_DECK_BYTES, DeckUnreadable, ZipParts

if TYPE_CHECKING:
    from workshop.edits.diff import Change, DeckState, EditReport, SlideEdit

__all__ = ["inspect_deck", "inspect_bytes", "EditReport", "SlideEdit", "Change", "DeckState"]

#: names re-exported from ``diff``, which a build that replaces no deck never needs (imported on first use)
_FROM_DIFF = ("Change", "DeckState", "EditReport", "SlideEdit")


def __getattr__(name: str) -> Any:
    if name in _FROM_DIFF:
        from workshop.edits import diff

        return getattr(diff, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def inspect_bytes(data: bytes, name: str) -> EditReport:
    """The edits in a deck held in memory (``name`` is used in messages)."""
    from workshop.edits.diff import DeckState, EditReport, compare
    from workshop.edits.records import read_records
    from workshop.edits.remembered import remembered_records

    try:
        return compare(name, remembered_records(data, lambda: read_records(ZipParts(data, name))))
    except DeckUnreadable as exc:
        return EditReport(name, DeckState.UNREADABLE, f"the file cannot be read as a workshop deck: {exc}")


def inspect_deck(path: Path) -> EditReport | None:
    """The edits in the deck at ``path``; None when there is no file there."""
    data: bytes | None = None
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_DECK_BYTES + 1)
    except FileNotFoundError:
        return None  # the usual case of a first build: nothing below is imported
    except IsADirectoryError:
        pass
    from workshop.edits.diff import DeckState, EditReport

    if data is None:
        return EditReport(str(path), DeckState.UNREADABLE, "it is a folder, not a deck")
    if len(data) > MAX_DECK_BYTES:
        return EditReport(str(path), DeckState.UNREADABLE, "the file is larger than any deck workshop writes")
    return inspect_bytes(data, str(path))
