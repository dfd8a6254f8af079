"""``workshop watch``: build, then rebuild in this same process whenever an input changes."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import typer

from workshop.cli.application import app, console_of, project
from workshop.cli.commands import parse_only, profiles
from workshop.cli.options import BrandOpt, ClientOpt, OnlyOpt, OutOpt, PathsArg, SetOpt, VarsOpt
from workshop.cli.run import jobs_for, run
from workshop.console import shown
from workshop.errors import ExitStatus

if TYPE_CHECKING:
    from workshop.split import KeptWorker


@app.command()
def watch(
    ctx: typer.Context,
    paths: list[str] | None = PathsArg,
    brand: str | None = BrandOpt,
    vars_files: list[str] | None = VarsOpt,
    clients: list[str] | None = ClientOpt,
    assignments: list[str] | None = SetOpt,
    out: str | None = OutOpt,
    only: list[str] | None = OnlyOpt,
    interval: float = typer.Option(0.1, "--interval", min=0.01,
                                   help="Seconds between checks for changes where file-system events do not "
                                        "arrive (network drives)."),
) -> None:
    """Rebuild whenever an outline, client file or brand file changes (Ctrl-C stops).

    Rebuilds run in this process with everything loaded, the handout and guide in one PDF worker kept
    for the whole watch; the brand is read again (and the worker started afresh) only when a file in its
    folder changed.
    """
    console = console_of(ctx)

    def loop(kept: KeptWorker | None) -> int:
        from workshop.watch import watch_and_build

        where = project()
        chosen = profiles(where, vars_files or [], clients or [])
        outputs = parse_only(only or [])
        builds = 0

        def rebuild() -> None:
            nonlocal builds
            job_list = jobs_for(where, paths or [], brand, chosen, assignments or [], out, outputs)
            if builds == 0:  # the first build renders everything here, so the PDF worker forks warm
                job_list = [dataclasses.replace(job, split=False) for job in job_list]
            elif kept is not None:  # every outline's PDFs in the kept worker, beside its deck
                job_list = [dataclasses.replace(job, split=True) for job in job_list]
            builds += 1
            if run(console, job_list, 1, False, False) in (ExitStatus.INTERRUPTED, ExitStatus.TERMINATED):
                raise KeyboardInterrupt
            if kept is not None:
                kept.start(outputs)  # forked now, while the user edits, not when the next save comes

        def brand_changed() -> None:
            from workshop.pipeline import forget_brands

            forget_brands()  # the brand, and what its font files gave, before the new worker forks
            if kept is not None:
                kept.stop()  # its fonts and caches came from the old brand: the next rebuild forks afresh

        try:
            watch_and_build(paths or [shown(where.decks)], [str(p) for p in chosen],
                            brand or where.brand, rebuild, interval, say=console.say, brand_changed=brand_changed)
        except KeyboardInterrupt:
            console.say("stopped watching")
        return ExitStatus.OK

    def guarded() -> int:
        from workshop.pipeline import keep_pdf_worker

        with keep_pdf_worker() as kept:
            return loop(kept)

    raise typer.Exit(console.guarded(guarded))
