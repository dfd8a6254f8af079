"""``workshop new``, ``brands``, ``schema`` and ``edits``: the project's files, read or started."""

from __future__ import annotations

from pathlib import Path

import typer

from workshop.cli.application import app, console_of, project
from workshop.console import shown
from workshop.errors import ExitStatus, UsageError


@app.command()
def edits(
    ctx: typer.Context,
    decks: list[str] = typer.Argument(..., metavar="DECK.pptx|FOLDER...",
                                      help="Built decks, or folders of them (build/ and its client folders)."),
) -> None:
    """List what was changed by hand in built decks since workshop wrote them. Writes nothing.

    Exit code 0 whether or not there are edits; 1 when a deck is missing.
    """
    console = console_of(ctx)

    def run() -> int:
        from workshop.edits import inspect_deck
        from workshop.edits.guard import decks_in

        code = ExitStatus.OK
        for name in (str(p) for given in decks for p in decks_in(Path(given))):
            report = inspect_deck(Path(name))
            if report is None:
                console.err(f"error: {name}: no such deck")
                code = ExitStatus.INPUT
                continue
            lines = report.lines()
            if not lines:
                console.data(f"{name}: no hand edits")
                continue
            console.data(f"{name}: " + ("hand edits:" if report.state.value == "ours" else
                                       "counts as edited as a whole:"))
            for line in lines:
                console.data(f"  {line}")
        return code

    raise typer.Exit(console.guarded(run))


@app.command()
def new(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Name of the workshop file, e.g. klantreis."),
    folder: str | None = typer.Option(None, "--dir", help="Folder to create it in (default: the project's decks/)."),
    title: str | None = typer.Option(None, "--title", help="Workshop title."),
    project_files: bool | None = typer.Option(
        None, "--project/--no-project",
        help="Also create workshop.toml, clients/ and the outline schema (default: when no project is found)."),
) -> None:
    """Create a new outline that builds as is; outside a project, the project around it."""
    console = console_of(ctx)

    def make() -> int:
        from workshop.config import find_config
        from workshop.scaffold import write_new_outline, write_project

        config = find_config()
        if project_files or (project_files is None and config is None):
            written = write_project(Path.cwd(), name, title, decks=folder or "decks")
            for path in written:
                console.say(f"created {shown(path)}")
            console.say(f"build it with: workshop build {shown(written[1])}")
            return ExitStatus.OK
        target = Path(folder) if folder else Path(shown(project().decks))
        path = write_new_outline(name, target, title, project_root=project().root)
        console.say(f"created {path}; build it with: workshop build {path}")
        return ExitStatus.OK

    raise typer.Exit(console.guarded(make))


@app.command()
def brands(ctx: typer.Context) -> None:
    """List the brands found by name, and the folders searched, in lookup order."""
    console = console_of(ctx)

    def run() -> int:
        from workshop.brand.lookup import brand_listing

        console.data("\n".join(brand_listing(project())))
        return ExitStatus.OK

    raise typer.Exit(console.guarded(run))


@app.command()
def schema(
    ctx: typer.Context,
    what: str = typer.Argument("outline", help="outline (default) or brand (for _brand.yml)."),
    out: str | None = typer.Option(None, "--out", "-o", help="Write to a file instead of stdout."),
) -> None:
    """Print the JSON Schema (draft-07) of outlines or of brand files, for editor completion."""
    console = console_of(ctx)

    def make() -> int:
        from workshop.schema import schema_json

        if what not in ("outline", "brand"):
            raise UsageError(f"schema takes outline or brand, not '{what}'")
        text = schema_json(what)
        if out:
            from workshop.output import write_together

            write_together({Path(out): text.encode("utf-8")})
            console.say(f"wrote {out}")
        else:
            console.data(text)
        return ExitStatus.OK

    raise typer.Exit(console.guarded(make))
