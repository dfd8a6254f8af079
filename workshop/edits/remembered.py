"""A deck's records remembered by its bytes: looking at an unchanged deck again parses no XML.

Reading a deck's records (every slide, its layout and notes parsed, their
facts digested) is about 16 ms for a sample deck, and ``workshop check``
and every rebuild do it for the deck in the output folder. Builds are
deterministic, so that deck is most often byte for byte one seen before.
The records are kept as JSON in ``<user cache>/records/``, named by the
SHA-256 of the deck's bytes and of the reader's code (its source files in a
checkout, the install's RECORD otherwise: ``fingerprint.sources_fingerprint``),
so a changed reader never meets an entry of the old one. Entries are ``workshop.cache``'s
(written whole, with a SHA-256 of their bytes, the folder bounded); one that
is damaged, cannot be decoded or is for another key is ignored and written
again.
``WORKSHOP_CACHE=off`` (or ``--no-cache``) turns it off. A deck that cannot
be read is never remembered: it is read, and refused, every time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workshop.cache import area, enabled, read_entry, write_entry
from workshop.edits.facts import ShapeFacts, SlideFacts, SlideView
from workshop.edits.records import DeckRecords, DeckSlide, Listed, SlideRecord

MAGIC = b"workshop deck records 1\n"
_HERE = Path(__file__).parent


def records_dir() -> Path:
    return area("records")


def deck_key(data: bytes) -> str:
    """The entry's name: the deck's bytes and the state of the code that reads them (once per process)."""
    import workshop
    from workshop.fingerprint import sources_fingerprint

    digest = hashlib.sha256(f"workshop {workshop.__version__}\n{sources_fingerprint(_HERE)}\n".encode())
    digest.update(data)
    return digest.hexdigest()


def remembered_records(data: bytes, read: Callable[[], DeckRecords], folder: Path | None = None) -> DeckRecords:
    """``read()``, or what it gave for these very bytes before."""
    if not enabled():
        return read()
    key = deck_key(data)
    path = (folder or records_dir()) / f"{key}.json"
    entry = read_entry(path, key, MAGIC)
    if entry is not None:
        try:
            return decode(json.loads(entry))
        except (ValueError, KeyError, TypeError, IndexError):
            pass  # an entry of another shape: read again, and replace it
    records = read()
    write_entry(path, key, json.dumps(encode(records), ensure_ascii=False, separators=(",", ":")).encode(), MAGIC)
    return records


def _facts(facts: SlideFacts) -> list[Any]:
    return [facts.layout, facts.notes, [[s.kind, s.name, s.content, s.look, s.place, s.size] for s in facts.shapes]]


def _unfacts(value: list[Any]) -> SlideFacts:
    layout, notes, shapes = value
    return SlideFacts(str(layout), str(notes), tuple(ShapeFacts(*(str(bit) for bit in s)) for s in shapes))


def encode(records: DeckRecords) -> dict[str, Any]:
    slides = []
    for slide in records.slides:
        record = slide.record
        slides.append([
            slide.number, slide.part, _facts(slide.view.facts), slide.view.layout_name, slide.view.title,
            None if record is None else [record.identity, None if record.facts is None else _facts(record.facts),
                                         record.role],
        ])
    listed = None if records.listed is None else [[e.identity, e.fingerprint, e.title] for e in records.listed]
    return {"slides": slides, "listed": listed, "marked": records.marked}


def decode(data: dict[str, Any]) -> DeckRecords:
    slides = []
    for number, part, facts, layout_name, title, record in data["slides"]:
        view = SlideView(_unfacts(facts), str(layout_name), str(title))
        kept = None if record is None else SlideRecord(
            str(record[0]), None if record[1] is None else _unfacts(record[1]), str(record[2]))
        slides.append(DeckSlide(int(number), str(part), view, kept))
    listed = data["listed"]
    return DeckRecords(tuple(slides), None if listed is None else tuple(Listed(*(str(x) for x in e)) for e in listed),
                       bool(data["marked"]))
