"""The command line: thin typer commands, the only place that prints or exits.

Every command gets the run's ``Console`` (what to print, and where) from
typer's context object, never from module state, and reads the project
configuration (``workshop.toml``) itself; flags override the configuration.
Exit codes are ``errors.ExitStatus`` (documented in the README). The commands
live in ``build`` (build, check), ``project`` (edits, new, brands, schema),
``watch`` and ``template``; each imports what it needs when it runs, so
``--help`` and shell completion start with typer alone.
"""

from __future__ import annotations

from workshop.cli import build, project, template, watch  # noqa: F401  (registers the commands, in order)
from workshop.cli.app import app
from workshop.console import Console
from workshop.errors import ExitStatus

__all__ = ["app", "main"]


def main() -> None:
    """The ``workshop`` entry point."""
    from workshop import heap, stopping

    heap.pause_for_start()  # until the first build has loaded what it needs (see workshop.heap)

    stopping.install_stop_handlers()  # SIGTERM unwinds like Ctrl-C, with exit status 143
    try:
        app(obj=Console())
    except KeyboardInterrupt as exc:  # arrived after the command had finished: exit quietly
        raise SystemExit(getattr(exc, "status", ExitStatus.INTERRUPTED)) from None
    finally:
        stopping.ignore_while_exiting()


if __name__ == "__main__":  # pragma: no cover
    main()
