"""What the command line prints, and where: one explicit object instead of module globals.

``workshop.cli`` makes one ``Console`` per run from the global flags (``--quiet``,
``--verbose``, ``--debug``) and hands it to every command through typer's
context, the way httpie passes an ``Environment`` into ``main``. Tests build
their own, or let typer's ``CliRunner`` swap the streams in-process. The
streams are looked up when written to, so a runner's captured
``sys.stdout`` is what we write to.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from workshop.errors import ExitStatus, Severity, WorkshopError
from workshop.lazyclass import lazy_dataclass
from workshop.text.terminal import printable

if TYPE_CHECKING:
    from workshop.pipeline import JobResult


# Information a user must see even without ``--verbose``: it changes what the
# outputs say (for example, labels printed in English for an unknown language).
ALWAYS_SHOWN = frozenset({"language-fallback"})


@lazy_dataclass
class Console:
    """How much to print and to which streams (None: the process's current ones)."""

    debug: bool = False
    quiet: bool = False
    verbose: bool = False
    stdout: TextIO | None = None
    stderr: TextIO | None = None

    @property
    def out(self) -> TextIO:
        return self.stdout if self.stdout is not None else sys.stdout

    @property
    def errors(self) -> TextIO:
        return self.stderr if self.stderr is not None else sys.stderr

    def say(self, text: str) -> None:
        """Progress and results: silenced by ``--quiet``."""
        if not self.quiet:
            self.data(text)

    def data(self, text: str) -> None:
        """What the user asked for (a schema, a report): always printed, to stdout."""
        _echo(printable(text), self.out)

    def err(self, text: str) -> None:
        """Errors and warnings: always printed, to stderr."""
        _echo(printable(text), self.errors)

    def live(self) -> bool:
        """Whether a one-line progress counter can redraw itself (a terminal on stderr)."""
        isatty = getattr(self.errors, "isatty", None)
        return bool(isatty and isatty()) and not self.quiet

    def guarded(self, action: Callable[[], int]) -> int:
        """Run a command body; turn errors into messages and exit codes (tracebacks only with --debug)."""
        try:
            return action()
        except WorkshopError as exc:
            if self.debug:
                raise
            self.err(f"error: {exc}")
            return exc.exit_code
        except KeyboardInterrupt as exc:  # outside a batch: outputs are written whole or not at all
            self.err("interrupted; no output was changed")
            return getattr(exc, "status", ExitStatus.INTERRUPTED)
        except Exception as exc:  # a bug: say so plainly
            if self.debug:
                raise
            self.err(f"internal error: {type(exc).__name__}: {exc}\n  run again with --debug for the traceback "
                     "and please report it")
            return ExitStatus.INTERNAL

    def report(self, result: JobResult, *, plain: bool, seen: set[str] | None = None) -> None:
        """One job's outcome: its error, its warnings, the files it wrote.

        ``seen`` holds what earlier jobs of the run printed: the brand's own
        findings (and a brand error) come with every job and are shown once.
        """
        seen = set() if seen is None else seen
        if result.error:
            if result.error not in seen:
                seen.add(result.error)
                plain_error = result.error.startswith(("error", "internal error"))
                self.err(result.error if plain_error else f"error: {result.error}")
                if self.debug and result.traceback:
                    self.err(result.traceback.rstrip())
            return
        for finding in result.findings:
            if self.quiet or not (finding.severity is Severity.WARNING or self.verbose
                                  or finding.code in ALWAYS_SHOWN):
                continue
            if str(finding) not in seen:
                seen.add(str(finding))
                self.err(str(finding))
        for note in result.notes:
            self.say(f"{result.job.label}: {note}")
        if self.verbose:
            for path in result.written:
                self.say(f"  wrote {shown(path)}")
        elif plain and result.written:
            self.say(f"{result.job.label}: {', '.join(p.name for p in result.written)} ({result.seconds:.2f}s)")


class Progress:
    """A one-line counter on a terminal; plain lines otherwise."""

    def __init__(self, console: Console, total: int, verb: str) -> None:
        self.console, self.total, self.done, self.verb = console, total, 0, verb
        self.live = console.live() and total > 1
        self.seen: set[str] = set()

    def __call__(self, result: JobResult) -> None:
        self.done += 1
        if self.live:
            stream = self.console.errors
            stream.write(f"\r{self.verb} {self.done}/{self.total} {printable(result.job.label)[:60]:<60}")
            stream.flush()
            if self.done == self.total:
                stream.write("\r" + " " * 80 + "\r")
        self.console.report(result, plain=not self.live, seen=self.seen)


def _echo(text: str, stream: TextIO | None) -> None:
    """A line, flushed: what ``typer.echo`` does with text that holds no terminal codes (``printable``
    escapes them), without importing typer (a plain ``build`` or ``check`` never loads it)."""
    if stream is None:  # no console at all (pythonw)
        return
    stream.write(text + "\n")
    stream.flush()


def shown(path: Path | str) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    text = str(path)
    if not os.path.isabs(text):
        return text
    try:
        relative = os.path.relpath(text)
    except ValueError:  # another drive on Windows
        return text
    return text if relative.startswith("..") else relative
