"""The typer application, its global flags and what every command shares.

Every command gets the run's ``Console`` (what to print, and where) from
typer's context object, never from module state, and reads the project
configuration (``workshop.toml``) itself. Nothing heavy is imported here:
``workshop --help`` and shell completion load only typer and this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from workshop import __version__
from workshop.console import Console
from workshop.errors import ExitStatus

if TYPE_CHECKING:
    from workshop.config import Project

app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Turn a YAML workshop outline into a branded deck, a PDF handout and a facilitator guide.",
)
template_app = typer.Typer(no_args_is_help=True,
                           help="Tools for designers: export, check and preview the PowerPoint master.")
app.add_typer(template_app, name="template")


def _version(value: bool) -> None:
    if value:
        import platform
        from importlib.metadata import PackageNotFoundError, version

        parts = []
        for dist in ("python-pptx", "reportlab"):
            try:
                parts.append(f"{dist} {version(dist)}")
            except PackageNotFoundError:
                parts.append(f"{dist} not installed")
        typer.echo(f"workshop {__version__} ({', '.join(parts)}; Python {platform.python_version()})")
        raise typer.Exit(ExitStatus.OK)


@app.callback()
def _main(
    ctx: typer.Context,
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print errors only."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Print every file written and timings."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version, with those of python-pptx and reportlab."),
    no_cache: bool = typer.Option(False, "--no-cache",
                                  help="Neither read nor write the cached masters (as WORKSHOP_CACHE=off)."),
) -> None:
    if no_cache:  # through the environment, so worker processes see it too
        import os

        from workshop.cache import CACHE_ENV

        os.environ[CACHE_ENV] = "off"
    console = ctx.obj if isinstance(ctx.obj, Console) else Console()
    console.debug, console.quiet, console.verbose = debug, quiet, verbose
    ctx.obj = console


def console_of(ctx: typer.Context) -> Console:
    """The run's console (a plain one when a test invokes a command without the app's callback)."""
    return ctx.obj if isinstance(ctx.obj, Console) else Console()


def project() -> Project:
    """The project around the working folder (``workshop.toml``, found walking up), or the defaults."""
    from workshop.config import load_project

    return load_project()
