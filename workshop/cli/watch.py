"""``workshop watch``: build, then rebuild in this same process whenever an input changes."""

from __future__ import annotations

import typer

from workshop.cli.app import app, console_of, project
from workshop.cli.options import BrandOpt, ClientOpt, OnlyOpt, OutOpt, PathsArg, SetOpt, VarsOpt, parse_only, profiles
from workshop.cli.run import jobs_for, run
from workshop.console import shown
from workshop.errors import ExitStatus


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
    interval: float = typer.Option(0.5, "--interval", help="Seconds between checks for changes."),
) -> None:
    """Rebuild whenever an outline, client file or brand file changes (Ctrl-C stops)."""
    console = console_of(ctx)

    def loop() -> int:
        from workshop.watch import watch_and_build

        where = project()
        chosen = profiles(where, vars_files or [], clients or [])
        outputs = parse_only(only or [])

        def rebuild() -> None:
            from workshop.brand.fonts import clear_caches
            from workshop.pipeline import forget_brands

            forget_brands()
            clear_caches()
            job_list = jobs_for(where, paths or [], brand, chosen, assignments or [], out, outputs)
            if run(console, job_list, 1, False, False) in (ExitStatus.INTERRUPTED, ExitStatus.TERMINATED):
                raise KeyboardInterrupt

        try:
            watch_and_build(paths or [shown(where.decks)], [str(p) for p in chosen],
                            brand or where.brand, rebuild, interval, say=console.say)
        except KeyboardInterrupt:
            console.say("stopped watching")
        return ExitStatus.OK

    raise typer.Exit(console.guarded(loop))
