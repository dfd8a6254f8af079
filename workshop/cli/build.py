"""``workshop build`` and ``check``: outlines in, outputs (or findings) out."""

from __future__ import annotations

import typer

from workshop.cli.application import app, console_of
from workshop.cli.commands import build_command, check_command
from workshop.cli.options import (
    BrandOpt,
    ClientOpt,
    JobsOpt,
    KeepOpt,
    OnlyOpt,
    OutOpt,
    OverwriteOpt,
    PathsArg,
    SetOpt,
    StrictOpt,
    VarsOpt,
)


@app.command()
def build(
    ctx: typer.Context,
    paths: list[str] | None = PathsArg,
    brand: str | None = BrandOpt,
    vars_files: list[str] | None = VarsOpt,
    clients: list[str] | None = ClientOpt,
    assignments: list[str] | None = SetOpt,
    out: str | None = OutOpt,
    only: list[str] | None = OnlyOpt,
    jobs: int | None = JobsOpt,
    strict: bool = StrictOpt,
    keep_edits: bool = KeepOpt,
    overwrite: bool = OverwriteOpt,
) -> None:
    """Build deck, handout and guide for each outline.

    A deck edited in PowerPoint since it was built is never replaced silently: the
    build stops and lists the edits, unless --keep-edits or --overwrite says what to do.
    """
    raise typer.Exit(build_command(console_of(ctx), paths or [], brand, vars_files or [], clients or [],
                                   assignments or [], out, only or [], jobs, strict, keep_edits, overwrite))


@app.command()
def check(
    ctx: typer.Context,
    paths: list[str] | None = PathsArg,
    brand: str | None = BrandOpt,
    vars_files: list[str] | None = VarsOpt,
    clients: list[str] | None = ClientOpt,
    assignments: list[str] | None = SetOpt,
    jobs: int | None = JobsOpt,
    strict: bool = StrictOpt,
    out: str | None = typer.Option(None, "--out", "-o",
                                   help="Output folder whose decks are checked for hand edits (default: the "
                                        "project's, else build/)."),
) -> None:
    """Validate outlines: schema, time budget, text fit, fonts, accessibility. Writes nothing.

    Also warns when a deck in the output folder has hand edits a plain build would refuse to replace.
    """
    raise typer.Exit(check_command(console_of(ctx), paths or [], brand, vars_files or [], clients or [],
                                   assignments or [], jobs, strict, out))
