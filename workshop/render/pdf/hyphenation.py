"""Words broken at syllables with a hyphen, by the outline's language (pyphen).

Without it reportlab cuts a word too long for its column anywhere, with no
hyphen ("Toegankelij|k"); Dutch and German compounds make that common in
narrow table cells. pyphen ships the dictionaries (LibreOffice's hyphenation
patterns) inside its wheel, so nothing is downloaded at build time.

reportlab calls the hyphenator only for words made of letters, so clock times
and numbers ("08:15", "1.250") are never hyphenated; the table column widths
make room for them so they are never cut either (``tables.column_widths``).

Reading a dictionary is the costly part: pyphen parses the ``.dic`` text
pattern by pattern (Dutch 0.08 s, German 0.6 s). So it is read only when
reportlab first asks to break a word, and the parsed patterns are kept in the
user cache folder (``<user cache>/hyphenation/``, as the masters are: see
``workshop.cache``; ``WORKSHOP_CACHE=off`` or ``--no-cache`` skip
it). An entry is named by pyphen's version, the Python version (the
``marshal`` format) and the SHA-256 of the dictionary file, and carries a
digest of its bytes; a missing, damaged or foreign entry is parsed again and
rewritten. The patterns are the same either way, so the cache never changes a
break, nor a byte of output. An entry holds each pattern's break values as
bytes rather than a tuple of ints (pyphen only takes their length and
iterates over them, which gives the same ints): reading, checking and
loading the entry of Dutch's 16,000 patterns takes 3.5 ms instead of 5.0.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

import pyphen

Hyphenator = Callable[[str], Iterator[tuple[str, str]]]

# Short words are never hyphenated; a syllable of one or two letters alone on a line reads badly.
MIN_WORD = 7
LEFT, RIGHT = 2, 3
CACHE_FOLDER = "hyphenation"


def dictionary_file(language: str) -> Path | None:
    """The pyphen dictionary for ``language`` (``nl``, ``de-CH``), None when pyphen has none."""
    name = pyphen.language_fallback(language.replace("-", "_")) if language else None
    return Path(pyphen.LANGUAGES[name]) if name else None


@lru_cache(maxsize=16)
def _dictionary(language: str) -> pyphen.Pyphen | None:
    path = dictionary_file(language)
    if path is None:
        return None
    if path not in pyphen.hdcache:
        pyphen.hdcache[path] = _patterns(path)
    return pyphen.Pyphen(filename=path, left=LEFT, right=RIGHT)


def _patterns(path: Path) -> pyphen.HyphDict:
    """pyphen's parsed dictionary, from the cache when a sound entry is there."""
    from workshop.cache import enabled, read_entry, write_entry

    if not enabled():
        return pyphen.HyphDict(path)
    key = cache_key(path)
    entry = _cache_dir() / f"{key}.marshal"
    data = read_entry(entry, key)
    if data is not None:
        loaded = _from_entry(data)
        if loaded is not None:
            return loaded
    parsed = pyphen.HyphDict(path)
    saved = _to_entry(parsed)
    if saved is not None:
        write_entry(entry, key, saved)
    return parsed


def cache_key(path: Path) -> str:
    """Everything the parsed patterns depend on: pyphen, the marshal format and the file's bytes."""
    parts = [f"pyphen {pyphen.__version__}", f"python {sys.version}", "values as bytes",
             hashlib.sha256(path.read_bytes()).hexdigest()]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _cache_dir() -> Path:
    from workshop.cache import area

    return area(CACHE_FOLDER)


def _to_entry(parsed: pyphen.HyphDict) -> bytes | None:
    """What ``HyphDict.__init__`` left (the patterns, their values as bytes), as marshal bytes.

    None when a pattern holds one of pyphen's nonstandard breaks (an int
    subclass carrying data, which marshal would not give back as it was).
    """
    state = dict(vars(parsed))
    patterns = {}
    for pattern, (start, values) in state.get("patterns", {}).items():
        if any(type(value) is not int or not 0 <= value <= 255 for value in values):
            return None
        patterns[pattern] = (start, bytes(values))
    state["patterns"] = patterns
    try:
        return marshal.dumps(state)
    except ValueError:
        return None


def _from_entry(data: bytes) -> pyphen.HyphDict | None:
    try:
        state = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(state, dict) or not isinstance(state.get("patterns"), dict):
        return None
    parsed = pyphen.HyphDict.__new__(pyphen.HyphDict)  # the parsed state, without parsing
    parsed.__dict__.update(state)
    return parsed


def hyphenator(language: str, min_word: int = MIN_WORD) -> Hyphenator | None:
    """The (head, tail) pairs reportlab tries, longest head first; None for a language pyphen lacks.

    The dictionary is read on the first word offered (many documents never need one).
    """
    if dictionary_file(language) is None:
        return None

    def pairs(word: str) -> Iterator[tuple[str, str]]:
        if len(word) < min_word or any(c.isdigit() for c in word):
            return iter(())
        dictionary = _dictionary(language)
        return dictionary.iterate(word) if dictionary is not None else iter(())

    return pairs


def syllables(language: str, word: str) -> str:
    """``word`` with a hyphen at every break point (for tests and docs)."""
    dictionary = _dictionary(language)
    return dictionary.inserted(word) if dictionary else word
