"""Durations and clock times are parsed from text by our code, never by YAML.

YAML 1.1 would read ``1:30`` as 90 (sexagesimal) and ``09:30`` as a number;
our reader keeps every scalar as text and these parsers give it meaning.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from workshop.language.table import HOUR_WORDS, JOIN_WORDS, MINUTE_WORDS
from workshop.model.spec import Parsed


def _anycase(word: str) -> str:
    """``uur`` → ``[uU][uU][rR]``: a case-free pattern that JSON Schema's ECMA regexes can read."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)


def _words(words: tuple[str, ...]) -> str:
    longest_first = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(_anycase(w) for w in longest_first) + r")\.?(?![A-Za-zÀ-ÿ])"


_HOURS, _MINUTES, _JOIN = _words(HOUR_WORDS), _words(MINUTE_WORDS), _words(JOIN_WORDS)
#: one pattern for the parser and the JSON Schema (ECMA-262 and Python alike): 15m, 1h30,
#: 2 uur, 1 Stunde und 30 Minuten, 1 heure 30, 45 minuten, 90, 1:30; at least one digit not 0
DURATION_PATTERN = (
    rf"^(?=.*[1-9])\s*(?:(\d+)\s*{_HOURS}(?:\s*{_JOIN}(?=\s*\d))?)?\s*(?:(\d+)\s*(?:{_MINUTES})?)?\s*$"
    r"|^\s*(\d+):([0-5]\d)\s*$"
)
CLOCK_PATTERN = r"^\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*$"
MAX_MINUTES = 7 * 24 * 60
_HINT = "write it like 15m, 1h30m, 90, 1:30, 2 uur, 1 Stunde 30 or 45 minutes"


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    """A pattern compiled the first time a value needs it (not at import)."""
    return re.compile(pattern)


def parse_duration(value: object) -> int:
    """``15m``, ``1h30``, ``2 uur``, ``1 Stunde 30``, ``90`` or ``1:30`` → minutes."""
    if type(value) is str:
        return _text_minutes(value)
    if isinstance(value, bool):
        raise ValueError(f"a duration is a length of time, not yes/no; {_HINT}")
    return _in_range(value if isinstance(value, int) else _text_minutes(str(value)))


@lru_cache(maxsize=1024)
def _text_minutes(text: str) -> int:
    """The minutes a duration's text says (remembered: an outline repeats its few durations)."""
    match = _regex(DURATION_PATTERN).match(text)
    if not match or not any(match.groups()):
        raise ValueError(f"'{text.strip()}' is not a duration; {_HINT}")
    hours, rest, clock_hours, clock_minutes = match.groups()
    if clock_hours is not None:
        hours, rest = clock_hours, clock_minutes
    return _in_range(int(hours or 0) * 60 + int(rest or 0))


def _in_range(minutes: int) -> int:
    if minutes <= 0 or minutes > MAX_MINUTES:
        raise ValueError(f"a duration must be between 1 minute and 7 days, not {minutes} minutes")
    return minutes


def parse_clock(value: object) -> int:
    """``09:30`` or ``9.30`` → minutes after midnight."""
    match = _regex(CLOCK_PATTERN).match(str(value))
    if not match:
        raise ValueError(f"'{value}' is not a clock time; write it as HH:MM, e.g. 09:30")
    return int(match.group(1)) * 60 + int(match.group(2))


def format_clock(minutes: int) -> str:
    """Minutes after midnight → ``HH:MM`` (wrapping past midnight)."""
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


#: a length of time in minutes, from any of the forms above
MINUTES = Parsed(
    parse_duration,
    {
        "anyOf": [
            {"type": "string", "pattern": DURATION_PATTERN},
            {"type": "integer", "minimum": 1, "maximum": MAX_MINUTES},
        ],
        "description": "A length of time: 15m, 1h30, 1:30, plain minutes (90), or in words in Dutch, "
                       "English, German or French (2 uur, 45 minutes, 1 Stunde 30, 1 heure).",
        "markdownDescription": "A length of time. Any of `15m`, `1h30m`, `1h30`, `1:30`, `90` (minutes), "
                               "or words in Dutch, English, German or French, singular or plural: "
                               "`2 uur`, `1 minuut`, `45 minutes`, `1 Stunde 30`, `2 Stunden`, `1 heure`.",
        "examples": ["15m", "1h30", 90, "2 uur", "45 minutes"],
    },
)

#: a clock time in minutes after midnight
CLOCK_TIME = Parsed(
    parse_clock,
    {
        "type": "string",
        "pattern": CLOCK_PATTERN,
        "description": "A clock time, HH:MM or H.MM, e.g. 09:30. Quote it in YAML (\"09:30\").",
        "examples": ["09:30"],
    },
)
