"""Durations and clock times are parsed from text by our code, never by YAML.

YAML 1.1 would read ``1:30`` as 90 (sexagesimal) and ``09:30`` as a number;
our reader keeps every scalar as text and these parsers give it meaning.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BeforeValidator, WithJsonSchema

_DURATION = re.compile(
    r"^\s*(?:(?P<h>\d+)\s*(?:h|u|uur|hr|hrs|hour|hours))?\s*"
    r"(?:(?P<m>\d+)\s*(?:m|min|mins|minute|minutes|minuten)?)?\s*$",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"^\s*(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\s*$")
MAX_MINUTES = 7 * 24 * 60


def parse_duration(value: object) -> int:
    """``15m``, ``1h30m``, ``1h``, ``90`` or ``1:30`` → minutes."""
    if isinstance(value, bool):
        raise ValueError("a duration is a number of minutes such as 15m, 1h30m or 90")
    if isinstance(value, int):
        minutes = value
    else:
        text = str(value).strip()
        clock = re.fullmatch(r"(\d+):([0-5]\d)", text)
        match = _DURATION.match(text) if not clock else None
        if clock:
            minutes = int(clock.group(1)) * 60 + int(clock.group(2))
        elif match and (match.group("h") or match.group("m")):
            minutes = int(match.group("h") or 0) * 60 + int(match.group("m") or 0)
        else:
            raise ValueError(
                f"'{text}' is not a duration; write minutes like 15m, 1h30m or 90"
            )
    if minutes <= 0 or minutes > MAX_MINUTES:
        raise ValueError(f"a duration must be between 1 minute and 7 days, not {minutes} minutes")
    return minutes


def parse_clock(value: object) -> int:
    """``09:30`` or ``9.30`` → minutes after midnight."""
    match = _CLOCK.match(str(value))
    if not match:
        raise ValueError(f"'{value}' is not a clock time; write it as HH:MM, e.g. 09:30")
    return int(match.group("h")) * 60 + int(match.group("m"))


def format_clock(minutes: int) -> str:
    """Minutes after midnight → ``HH:MM`` (wrapping past midnight)."""
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def format_duration(minutes: int) -> str:
    """90 → ``1u30``; 45 → ``45 min`` (Dutch-friendly, compact)."""
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} u" if not rest else f"{hours} u {rest:02d}"


Minutes = Annotated[
    int,
    BeforeValidator(parse_duration),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^\s*(\d+\s*h)?\s*(\d+\s*m?)?\s*$|^\d+:[0-5]\d$"},
                {"type": "integer", "minimum": 1},
            ],
            "description": "Duration: 15m, 1h30m, 1h or plain minutes (90).",
            "examples": ["15m", "1h30m", 90],
        }
    ),
]

ClockTime = Annotated[
    int,
    BeforeValidator(parse_clock),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^([01]?\d|2[0-3])[:.][0-5]\d$",
            "description": "Clock time HH:MM, e.g. 09:30.",
            "examples": ["09:30"],
        }
    ),
]
