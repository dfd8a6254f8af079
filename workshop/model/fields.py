"""The field types every outline model shares: bounded texts, slide ids, and the strict base.

Apart from the slide kinds so the chart data (and any later part) can use them
without importing the kinds.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

MAX_TEXT = 10_000
Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT)]
Short = Annotated[str, StringConstraints(min_length=1, max_length=2_000)]
SlideId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]


class Strict(BaseModel):
    """Frozen and closed: an unknown key is an error at its line, never a silently ignored field."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)
