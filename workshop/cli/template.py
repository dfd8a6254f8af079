"""``workshop template export | check | specimen``: the PowerPoint master, for designers."""

from __future__ import annotations

from pathlib import Path

import typer

from workshop.cli.application import console_of, project, template_app
from workshop.cli.commands import parse_only
from workshop.cli.options import BrandOpt
from workshop.console import shown
from workshop.errors import ExitStatus


@template_app.command("export")
def template_export(
    ctx: typer.Context,
    brand: str | None = BrandOpt,
    out: str = typer.Option(..., "--out", "-o", help="Where to write the .pptx master."),
) -> None:
    """Write the PowerPoint master the tool would use, ready to restyle in PowerPoint."""
    console = console_of(ctx)

    def make() -> int:
        from workshop.output import write_together
        from workshop.pipeline import get_brand
        from workshop.render.deck import build_master

        loaded, findings = get_brand(brand or project().brand)
        for finding in findings:
            console.err(str(finding))
        if loaded.settings.template is not None:  # the designer's master is what the tool uses
            from workshop.safety.templates import read_template

            data = read_template(loaded.settings.template)
            note = f"the brand's own master ({loaded.settings.template.name})"
        else:
            data = build_master(loaded, specimens=True)
            note = "one layout per slide kind, each with a sample slide"
        write_together({Path(out): data})
        console.say(f"wrote {out}: {note}; open it in PowerPoint (View › Slide Master)")
        return ExitStatus.OK

    raise typer.Exit(console.guarded(make))


@template_app.command("check")
def template_check(
    ctx: typer.Context,
    file: str | None = typer.Argument(
        None, metavar="[FILE.pptx]", help="A template to check; default: the brand's template or generated master."),
    brand: str | None = BrandOpt,
) -> None:
    """List a master's layouts and placeholders, which slide kind uses which, and what is missing.

    Exit code 1 when a slide kind cannot be drawn as designed (a missing layout or placeholder).
    """
    console = console_of(ctx)

    def run() -> int:
        from workshop.pipeline import get_brand
        from workshop.templatecheck import check_brand, check_template_file, format_problems, format_report

        loaded, findings = get_brand(brand or project().brand)
        for finding in findings:
            console.err(str(finding))
        report = check_template_file(Path(file), loaded) if file else check_brand(loaded)
        if console.quiet:
            for line in format_problems(report):
                console.err(line)
        else:
            console.data("\n".join(format_report(report)))
        return ExitStatus.OK if report.ok else ExitStatus.INPUT

    raise typer.Exit(console.guarded(run))


@template_app.command("specimen")
def template_specimen(
    ctx: typer.Context,
    brand: str | None = BrandOpt,
    out: str | None = typer.Option(None, "--out", "-o",
                                   help="Output folder (default: specimen/ in the project's output folder)."),
    only: list[str] | None = typer.Option(None, "--only", help="deck, handout or guide."),
) -> None:
    """Build a deck and handout showing every slide kind with sample content."""
    console = console_of(ctx)

    def make() -> int:
        from importlib import resources

        from workshop.pipeline import Job, run_build

        chosen = parse_only(only or ["deck", "handout"])
        where = project()
        name = brand or where.brand
        with resources.as_file(resources.files("workshop.data").joinpath("specimen.yaml")) as outline:
            folder = (Path(out) if out else Path(shown(where.out)) / "specimen") / Path(name).name
            result = run_build(Job(Path(outline), folder, name, None, (), chosen))
        console.report(result, plain=True)
        return result.exit_code if not result.ok else ExitStatus.OK

    raise typer.Exit(console.guarded(make))
