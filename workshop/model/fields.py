"""The field types every outline model shares: bounded texts, slide ids, and the strict base.

Apart from the slide kinds so the chart data (and any later part) can use them
without importing the kinds.
"""

from __future__ import annotations

from workshop.model.base import Model
from workshop.model.spec import Text

MAX_TEXT = 10_000
#: a paragraph: notes, statements, points
TEXT = Text(min_length=1, max_length=MAX_TEXT)
#: a line: titles, labels, names
SHORT = Text(min_length=1, max_length=2_000)
SLIDE_ID = Text(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class Strict(Model):
    """Frozen and closed: an unknown key is an error at its line, never a silently ignored field."""
