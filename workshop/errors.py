"""Errors and findings that carry a place in the user's files.

Every problem a user can cause is reported as ``file:line:col: message`` so an
editor can jump to it; the CLI is the only place that prints them.
"""

from __future__ import annotations

from dataclasses import field
from enum import IntEnum
from pathlib import Path
from typing import cast

from workshop.findings import Severity, declared
from workshop.lazyclass import lazy_dataclass

__all__ = ["ExitStatus", "Finding", "Location", "Severity", "UsageError", "WorkshopError"]


class ExitStatus(IntEnum):
    """The process exit codes, as documented in the README (one table, one place)."""

    OK = 0
    INPUT = 1  # bad input (outline, client file, brand, image) or a failed build
    USAGE = 2  # wrong usage: unknown option, missing file argument
    STRICT = 3  # warnings under --strict
    INTERNAL = 4  # a bug: run with --debug and report it
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, what shells report)
    TERMINATED = 143  # SIGTERM (128 + 15)


@lazy_dataclass(frozen=True, order=True)
class Location:
    """A place in an input file; line and column are 1-based (0 = unknown)."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line and self.column:
            return f"{self.file}:{self.line}:{self.column}"
        if self.line:
            return f"{self.file}:{self.line}"
        return self.file

    @classmethod
    def of(cls, path: str | Path) -> Location:
        return cls(str(path))


class WorkshopError(Exception):
    """Bad input: something the user can fix. Exit code 1."""

    exit_code: ExitStatus = ExitStatus.INPUT

    def __init__(self, message: str, location: Location | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.hint = hint

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}" if self.location else self.message
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class WorkshopErrors(WorkshopError):
    """Several problems in one input, all reported at once (each once, in file order)."""

    def __init__(self, errors: list[WorkshopError] | tuple[WorkshopError, ...]):
        unique: dict[tuple[str, str], WorkshopError] = {}
        for error in errors:
            # One place, one problem: a bad colour that others refer to is reported where it is.
            place = str(error.location) if error.location and error.location.line else ""
            unique.setdefault((place, "" if place else error.message), error)
        ordered = sorted(unique.values(), key=lambda e: e.location or Location(""))
        first = ordered[0]
        super().__init__(first.message, first.location, first.hint)
        self.errors = tuple(ordered)

    def __str__(self) -> str:
        # The CLI prints "error: " before the first; the others get theirs here.
        return "\nerror: ".join(WorkshopError.__str__(e) for e in self.errors)


class UsageError(WorkshopError):
    """A command was called wrongly (bad option value, missing file). Exit code 2."""

    exit_code = ExitStatus.USAGE


#: "take the severity declared for the code" (``Finding`` fills it in)
_DECLARED = cast(Severity, None)


@lazy_dataclass(frozen=True)
class Finding:
    """A warning or note returned as data by planning and checks; printed by the CLI.

    ``code`` must be declared in ``workshop.findings``, which also gives the
    severity; passing one that differs from the declaration is a bug.
    """

    code: str
    message: str
    location: Location | None = None
    slide: int | None = None
    severity: Severity = _DECLARED
    details: dict = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        code = declared(self.code)
        if self.severity is None:
            object.__setattr__(self, "severity", code.severity)
        elif self.severity is not code.severity:
            raise ValueError(f"finding '{self.code}' is declared as {code.severity.value}, "
                             f"not {self.severity.value} (workshop/findings.py)")

    def __str__(self) -> str:
        where = str(self.location) if self.location else ""
        if self.slide is not None:
            where = f"{where} (slide {self.slide})" if where else f"slide {self.slide}"
        prefix = f"{where}: " if where else ""
        return f"{prefix}{self.severity.value}[{self.code}]: {self.message}"
