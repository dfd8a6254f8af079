"""The outline's language: the words, durations, dates and numbers the outputs print.

``language_for("de-AT")`` gives the German column of ``table``; a language we
have no column for gets English (``supported`` tells which, so the plan can
say so once). Dates are formatted with Babel, imported only when an outline
gives an ISO date (it costs about 10 ms to import and 15 ms to load a locale).
"""

from __future__ import annotations

from functools import lru_cache

from workshop.language.table import CHARTS, FALLBACK, KINDS, LANGUAGES, WORDS
from workshop.lazyclass import lazy_dataclass


def base_language(tag: str) -> str:
    """``nl-BE`` → ``nl``; ``pt_BR`` → ``pt``."""
    return tag.replace("_", "-").split("-")[0].lower()


def supported(tag: str) -> bool:
    """Whether the outputs can speak ``tag``; others print English."""
    return base_language(tag) in LANGUAGES


@lazy_dataclass(frozen=True)
class Language:
    """One column of the table, plus the outline's full tag for dates (``en-GB`` → 12 March 2027)."""

    tag: str  # as the outline gives it, e.g. ``nl-BE``; ``en`` for an unsupported language
    code: str  # the table's column: nl, en, de or fr

    @property
    def _column(self) -> int:
        return LANGUAGES.index(self.code)

    def word(self, key: str, **values: object) -> str:
        """The fixed word ``key``, with its ``{placeholders}`` filled."""
        text = WORDS[key][self._column]
        return text.format(**values) if values else text

    def kind(self, kind: str) -> str:
        """A slide kind's name as the run sheet tags it (``stat`` → ``cijfer``)."""
        return KINDS[kind][self._column]

    def chart(self, chart_type: str) -> str:
        """A chart type's name (``column`` → ``staven``)."""
        return CHARTS[chart_type][self._column]

    def duration(self, minutes: int) -> str:
        """45 → ``45 min``; 90 → ``1 u 30`` / ``1 h 30`` / ``1 Std. 30``."""
        if minutes < 60:
            return self.word("minutes", m=minutes)
        hours, rest = divmod(minutes, 60)
        return self.word("hours", h=hours) if not rest else self.word("hours_minutes", h=hours, m=rest)

    def date(self, text: str | None) -> str | None:
        """An ISO date (``2027-03-12``) written out in this language; any other text as typed."""
        if text is None:
            return None
        from workshop.language.dates import format_date

        return format_date(text, self.tag)

    def number(self, value: float) -> str:
        """A chart value with this language's separators, at most two decimals: 1.234,5 / 1,234.5."""
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
        return text.replace(",", "\0").replace(".", self.word("decimal")).replace("\0", self.word("thousands"))


@lru_cache(maxsize=64)
def language_for(tag: str) -> Language:
    """The language an outline's ``language:`` names; English for one we have no words for."""
    code = base_language(tag)
    if code not in LANGUAGES:
        return Language(tag=FALLBACK, code=FALLBACK)
    return Language(tag=tag.replace("_", "-"), code=code)


__all__ = ["Language", "LANGUAGES", "base_language", "language_for", "supported"]
