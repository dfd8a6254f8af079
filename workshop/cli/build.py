"""``workshop build`` and ``check``: outlines in, outputs (or findings) out."""

from __future__ import annotations

import typer

from workshop.cli.app import app, console_of, project
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
    edit_policy,
    parse_only,
    profiles,
)
from workshop.cli.run import check_brand_alone, jobs_for, run


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
    console = console_of(ctx)

    def start() -> int:
        where = project()
        chosen = profiles(where, vars_files or [], clients or [])
        job_list = jobs_for(where, paths or [], brand, chosen, assignments or [], out, parse_only(only or []),
                            edit_policy(keep_edits, overwrite))
        return run(console, job_list, where.jobs if jobs is None else jobs, strict, False)

    raise typer.Exit(console.guarded(start))


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
    console = console_of(ctx)

    def start() -> int:
        where = project()
        if brand and not paths and not where.decks.is_dir():
            return check_brand_alone(console, brand, strict)
        chosen = profiles(where, vars_files or [], clients or [])
        job_list = jobs_for(where, paths or [], brand, chosen, assignments or [], out, ("deck",))
        return run(console, job_list, where.jobs if jobs is None else jobs, strict, True)

    raise typer.Exit(console.guarded(start))
