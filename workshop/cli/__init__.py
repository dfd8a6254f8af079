"""The command line: thin typer commands, the only place that prints or exits.

Every command gets the run's ``Console`` (what to print, and where) from
typer's context object, never from module state, and reads the project
configuration (``workshop.toml``) itself; flags override the configuration.
Exit codes are ``errors.ExitStatus`` (documented in the README). The commands
live in ``build`` (build, check), ``project`` (edits, new, brands, schema),
``watch`` and ``template``; each imports what it needs when it runs, so
``--help`` and shell completion start with typer alone (a brand or client name is
completed without it: ``completion``). A plain ``build`` or
``check`` line does not even load typer: ``quick`` reads it and runs the same
command body (``commands``); every other line goes to typer.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    import typer

__all__ = ["app", "main", "run"]


def _app() -> typer.Typer:
    """The typer application with every command registered (in order)."""
    from workshop.cli import build, project, template, watch  # noqa: F401  (registers the commands)
    from workshop.cli.application import app

    return app


def __getattr__(name: str) -> Any:
    """``workshop.cli.app`` is the typer application (``application.app``), loaded on first use (PEP 562)."""
    if name == "app":
        return _app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """The ``workshop`` entry point."""
    if "_WORKSHOP_COMPLETE" in os.environ:  # a <TAB> for a brand or client name is answered without typer
        from workshop.cli import completion

        completion.complete()
    from workshop import heap, stopping
    from workshop.cli import quick

    heap.pause_for_start()  # until the first build has loaded what it needs (see workshop.heap)

    stopping.install_stop_handlers()  # SIGTERM unwinds like Ctrl-C, with exit status 143
    try:
        line = quick.parse(sys.argv[1:])
        if line is not None:
            quick.main(line)
        from workshop.console import Console

        _app()(obj=Console())
    except KeyboardInterrupt as exc:  # arrived after the command had finished: exit quietly
        from workshop.errors import ExitStatus

        raise SystemExit(getattr(exc, "status", ExitStatus.INTERRUPTED)) from None
    finally:
        stopping.ignore_while_exiting()


def run() -> NoReturn:
    """The ``workshop`` command (and ``python -m workshop``): :func:`main`, then leave without teardown.

    ``main`` ends with ``SystemExit`` like any click program, for callers that
    go on afterwards (tests, scripts); the command itself has nothing left to
    do, so it skips freeing its objects (``leaving``).
    """
    from workshop.cli import leaving

    try:
        main()
    except SystemExit as exc:
        leaving.leave(exc)
    raise SystemExit(0)


if __name__ == "__main__":  # pragma: no cover
    main()
