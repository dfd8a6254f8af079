"""What a check found wrong, with the place: the shape the outline's errors are phrased from.

The type names and messages are pydantic's (which checked the outline
before), so ``workshop.outline.validate`` words each kind of problem the
same way; the place is a path of keys and list indexes from the value checked.
"""

from __future__ import annotations

from typing import Any


class Problem:
    """One thing wrong with the input: pydantic's error types and wording, at a place (keys and indexes)."""

    __slots__ = ("type", "loc", "input", "msg", "ctx")

    def __init__(self, type: str, input: object, msg: str, ctx: dict[str, Any] | None = None,
                 loc: tuple[str | int, ...] = ()) -> None:
        self.type, self.input, self.msg, self.ctx, self.loc = type, input, msg, ctx or {}, loc

    def under(self, part: str | int) -> Problem:
        return Problem(self.type, self.input, self.msg, self.ctx, (part, *self.loc))

    def __repr__(self) -> str:
        return f"Problem({self.type!r}, loc={self.loc!r}, msg={self.msg!r})"


class Failed(Exception):
    """A value did not pass; ``problems`` says every reason (for one value, all at once)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems


def fail(type: str, input: object, msg: str, **ctx: Any) -> Failed:
    return Failed([Problem(type, input, msg, ctx)])
