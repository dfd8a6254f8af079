"""The paragraph parses a document used, kept in the user cache for the next process that renders it.

``paragraphs`` keeps parses within a process; a cold PDF worker starts
without any and parses all of a handout's and a guide's paragraphs again
(reportlab's markup parser, and before it our inline syntax, tied last words
and font fallback: about 20 ms of a sample's two PDFs). So a renderer names
the document it is making (:func:`kept_for`) and the parses it uses are kept
in ``<user cache>/parses/``, one entry per document; the next process that
makes that document takes each paragraph's fragments from there when its
markup, its style and what the markup was made with are the same, and parses
only the paragraphs that changed. The fragments are reportlab's own, given
back with the same values and types (``replay.to_plain``), so no byte of
output changes; a parse that holds anything else is not kept.

Each parse is found by its markup, the values of its style and the context
it was prepared in (``paragraphs``); the entry itself is keyed by the
document's name, the registered font families with the digests of their
files (``<b>``, ``<i>`` and the fallback resolve through them), reportlab's
version and this tool's code. An entry is read by the first document of its
kind in a process only: a batch worker's later documents find their parses
in memory, and a batch does not rewrite entries client by client.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Hashable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reportlab.platypus.paraparser import ParaFrag

from workshop.render.pdf import fonts
from workshop.render.pdf.replay import Spoiled, from_plain, to_plain

CACHE_FOLDER = "parses"
MAX_ENTRY_BYTES = 8 * 1024 * 1024  # beyond this (a document of very long texts) the parses are not kept

Plain = tuple[str, tuple[dict[str, Any], ...]]  # the markup reportlab was given, and each fragment's values


class Store:
    """The parses of one document: those found in its entry, and those it used this time."""

    def __init__(self, path: Path, key: str, found: dict[str, Plain]) -> None:
        self.path, self.key, self.found = path, key, found
        self.used: dict[str, Plain] = {}
        self.changed = False

    def get(self, name: str) -> tuple[str, list[ParaFrag]] | None:
        """The parse kept as ``name``, as new fragments."""
        plain = self.found.get(name)
        if plain is None:
            return None
        made = _frags(plain)
        if made is not None:
            self.used[name] = plain
        return made

    def use(self, name: str, text: str, frags: list[ParaFrag]) -> None:
        """Note that this document used this parse (kept again when the entry is written)."""
        if name in self.used:
            return
        plain = self.found.get(name)
        if plain is None:
            plain = _plain(text, frags)
            if plain is None:
                return
            self.changed = True
        self.used[name] = plain

    def save(self) -> None:
        from workshop.cache import write_entry

        if not self.changed:
            return
        try:
            payload = marshal.dumps(self.used)
        except ValueError:
            return
        if len(payload) <= MAX_ENTRY_BYTES:
            write_entry(self.path, self.key, payload)


def _plain(text: str, frags: list[ParaFrag]) -> Plain | None:
    if any(type(f) is not ParaFrag for f in frags):
        return None
    try:
        return text, tuple({name: to_plain(value) for name, value in vars(f).items()} for f in frags)
    except Spoiled:
        return None


_NEEDED = frozenset({"text", "fontName", "fontSize"})  # what every fragment reportlab's parser makes has


def _frags(plain: Plain) -> tuple[str, list[ParaFrag]] | None:
    """New fragments with the kept values (only colours and lists are tagged; the rest is as it was)."""
    try:
        text, frags = plain
        made = []
        for values in frags:
            if not _NEEDED <= values.keys() or not isinstance(values["text"], str):
                return None
            frag = ParaFrag()
            frag.__dict__.update({k: from_plain(v) if type(v) is tuple else v for k, v in values.items()})
            made.append(frag)
    except (TypeError, ValueError, IndexError, AttributeError):
        return None
    return (text, made) if isinstance(text, str) else None


_read_kinds: set[str] = set()  # the kinds of document whose entry this process has read
_current: Store | None = None


def current() -> Store | None:
    """The store of the document being made, if it has one."""
    return _current


@contextmanager
def kept_for(kind: str, name: str, families: Sequence[fonts.Family]) -> Iterator[None]:
    """While a ``kind`` of document named ``name`` makes its paragraphs, take and keep its parses.

    ``families``: the document's font families (the shipped fallback is added), which its markup resolves by.
    """
    global _current
    from workshop.cache import area, enabled, read_entry

    if not enabled() or kind in _read_kinds or _current is not None:
        yield
        return
    _read_kinds.add(kind)
    key = _entry_key(kind, name, families)
    path = area(CACHE_FOLDER) / f"{key}.parses"
    found: dict[str, Plain] = {}
    payload = read_entry(path, key)
    if payload is not None:
        try:
            loaded = marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            loaded = None
        if isinstance(loaded, dict):
            found = loaded
    _current = Store(path, key, found)
    try:
        yield
        _current.save()
    finally:
        _current = None


def forget() -> None:
    """Read entries again from the next document on (tests; ``watch`` keeps its parses in memory)."""
    _read_kinds.clear()


def _entry_key(kind: str, name: str, families: Sequence[fonts.Family]) -> str:
    """The document, and each face its markup may resolve to by its name and its file's digest."""
    from workshop.brand.shipped_fonts import FALLBACK_FAMILY
    from workshop.render.pdf.ondemand import code_version

    every = (*families, fonts.register_family(FALLBACK_FAMILY))  # registered by the first paragraph anyway
    faces = [(face, fonts.digest_of(face)) for family in every
             for face in (family.regular, family.bold, family.italic, family.bold_italic)]
    text = "\n".join([code_version(), "parses 2", kind, name, repr(faces)])
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


_names: dict[Hashable, str | None] = {}  # (context, style values) → their part of a parse's name


def name_of(markup: str, context: Hashable, style_values: tuple[tuple[str, object], ...]) -> str | None:
    """The name a parse is kept by in an entry; None when its style or context holds other values."""
    part_key = (context, style_values)
    part = _names.get(part_key, "")
    if part == "":
        try:
            plain = to_plain([_context_plain(context), list(style_values)])
            part = hashlib.sha256(marshal.dumps(plain)).hexdigest()
        except (Spoiled, ValueError):
            part = None
        _names[part_key] = part
    return None if part is None else f"{part}\n{markup}"


def _context_plain(context: Any) -> Any:
    if isinstance(context, fonts.Family):
        return ["#family", context.regular, context.bold, context.italic, context.bold_italic]
    if type(context) is tuple:
        return [_context_plain(c) for c in context]
    return context
