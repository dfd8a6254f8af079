"""Words broken at syllables with a hyphen, by the outline's language (pyphen).

Without it reportlab cuts a word too long for its column anywhere, with no
hyphen ("Toegankelij|k"); Dutch and German compounds make that common in
narrow table cells. pyphen ships the dictionaries (LibreOffice's hyphenation
patterns) inside its wheel, so nothing is downloaded at build time.

reportlab calls the hyphenator only for words made of letters, so clock times
and numbers ("08:15", "1.250") are never hyphenated; the table column widths
make room for them so they are never cut either (``tables.column_widths``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

import pyphen

Hyphenator = Callable[[str], Iterator[tuple[str, str]]]

# Short words are never hyphenated; a syllable of one or two letters alone on a line reads badly.
MIN_WORD = 7
LEFT, RIGHT = 2, 3


@lru_cache(maxsize=16)
def _dictionary(language: str) -> pyphen.Pyphen | None:
    name = pyphen.language_fallback(language.replace("-", "_")) if language else None
    return pyphen.Pyphen(lang=name, left=LEFT, right=RIGHT) if name else None


def hyphenator(language: str, min_word: int = MIN_WORD) -> Hyphenator | None:
    """The (head, tail) pairs reportlab tries, longest head first; None for a language pyphen lacks."""
    dictionary = _dictionary(language)
    if dictionary is None:
        return None

    def pairs(word: str) -> Iterator[tuple[str, str]]:
        if len(word) < min_word or any(c.isdigit() for c in word):
            return iter(())
        return dictionary.iterate(word)

    return pairs


def syllables(language: str, word: str) -> str:
    """``word`` with a hyphen at every break point (for tests and docs)."""
    dictionary = _dictionary(language)
    return dictionary.inserted(word) if dictionary else word
