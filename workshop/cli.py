"""The command line: thin typer commands, the only place that prints or exits.

Every command gets the run's ``Console`` (what to print, and where) from
typer's context object, never from module state, and reads the project
configuration (``workshop.toml``) itself; flags override the configuration.
Exit codes are ``errors.ExitStatus`` (documented in the README).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from workshop import __version__
from workshop.console import Console, Progress, shown
from workshop.errors import ExitStatus, Severity, UsageError

if TYPE_CHECKING:
    from workshop.batch import BatchOutcome
    from workshop.config import Project
    from workshop.edits.guard import EditPolicy
    from workshop.pipeline import Job

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
) -> None:
    console = ctx.obj if isinstance(ctx.obj, Console) else Console()
    console.debug, console.quiet, console.verbose = debug, quiet, verbose
    ctx.obj = console


def _console(ctx: typer.Context) -> Console:
    return ctx.obj if isinstance(ctx.obj, Console) else Console()


def _project() -> Project:
    from workshop.config import load_project

    return load_project()


def _parse_only(values: list[str]) -> tuple[str, ...]:
    from workshop.pipeline import OUTPUTS

    if not values:
        return OUTPUTS
    chosen: list[str] = []
    for value in values:
        for part in value.split(","):
            part = part.strip().lower()
            if part not in OUTPUTS:
                raise UsageError(f"--only takes deck, handout or guide, not '{part}'")
            if part not in chosen:
                chosen.append(part)
    return tuple(o for o in OUTPUTS if o in chosen)


def _profiles(project: Project, vars_files: list[str], clients: list[str]) -> list[Path]:
    """Client profiles from ``--vars FILE`` and ``--client NAME`` (looked up in the client folders)."""
    from workshop.config import client_file

    for vars_file in vars_files:
        if not Path(vars_file).is_file():
            raise UsageError(f"{vars_file}: client file not found", hint="give the path of a .yaml file")
    found = [Path(shown(client_file(project, name))) for name in clients]
    return [Path(v) for v in vars_files] + found


def _jobs_for(project: Project, paths: list[str], brand: str | None, profiles: list[Path],
              assignments: list[str], out: str | None, only: tuple[str, ...],
              edits: EditPolicy | None = None) -> list[Job]:
    from workshop.batch import find_outlines
    from workshop.edits.guard import EditPolicy
    from workshop.pipeline import Job

    if not paths and not project.decks.is_dir():
        raise UsageError(f"no outlines to use: the folder {shown(project.decks)} does not exist",
                         hint="give outline files or folders, or start a project here with `workshop new NAME`")
    outlines = find_outlines(paths or [shown(project.decks)])
    chosen: list[Path | None] = [*profiles] or [None]
    single = len(outlines) * len(chosen) == 1  # one build: let deck and PDFs render side by side
    folder = Path(out) if out else Path(shown(project.out))
    trusted = tuple(c for c in project.clients if c.is_dir())
    return [
        Job(outline, folder, brand or project.brand, profile, tuple(assignments), only, split=single,
            language=project.language, trusted=trusted, edits=edits or EditPolicy.REFUSE)
        for outline in outlines for profile in chosen
    ]


def _run(console: Console, job_list: list[Job], jobs: int, strict: bool, check_only: bool) -> int:
    from workshop.batch import check_targets, default_jobs, run_jobs, unique_jobs
    from workshop.pipeline import get_brand

    started = time.perf_counter()
    job_list = unique_jobs(job_list)
    if not check_only:
        from workshop.output import recover_tree

        check_targets(job_list)  # unsafe names and two jobs writing one file: refused before any build
        for out_dir in dict.fromkeys(job.out_dir for job in job_list):
            recover_tree(out_dir)  # finish or undo what a crashed build left there
    for name in dict.fromkeys(job.brand for job in job_list):
        get_brand(name)  # a broken brand is one error for the run, not one per outline
    progress = Progress(console, len(job_list), "checking" if check_only else "building")

    def stopping(running: int, queued: int) -> None:
        console.err(f"stopping: {queued} queued build(s) will not start; waiting for {running} running "
                    "build(s) to finish (press Ctrl-C again to end them)")

    outcome = run_jobs(job_list, workers=jobs or default_jobs(), check_only=check_only, on_result=progress,
                       on_stopping=stopping)
    if outcome.signum is not None:
        return _interrupted(console, outcome, check_only)
    results = outcome.results
    failed = [r for r in results if not r.ok]
    warnings = len({str(f) for r in results for f in r.findings if f.severity is Severity.WARNING})
    files = sum(len(r.written) for r in results)
    elapsed = time.perf_counter() - started
    if check_only:
        console.say(f"checked {len(results)} outline(s): {len(results) - len(failed)} ok, {len(failed)} failed, "
                    f"{warnings} warning(s) in {elapsed:.1f}s")
    else:
        out = job_list[0].out_dir if job_list else "build"
        console.say(f"built {len(results) - len(failed)} of {len(results)}: {files} file(s) written to {out}, "
                    f"{warnings} warning(s), {len(failed)} failed in {elapsed:.1f}s")
    if failed:
        return max(r.exit_code for r in failed) or ExitStatus.INPUT
    if strict and warnings:
        console.err(f"--strict: {warnings} warning(s) count as failure")
        return ExitStatus.STRICT
    return ExitStatus.OK


def _interrupted(console: Console, outcome: BatchOutcome, check_only: bool) -> int:
    """Say exactly what an interrupted batch did; exit 130 (Ctrl-C) or 143 (SIGTERM)."""
    from workshop import platforms

    assert outcome.signum is not None
    done = len(outcome.results)
    text = f"interrupted ({platforms.signal_name(outcome.signum)}): {done} {'checked' if check_only else 'built'}"
    if not check_only:
        text += " (their files were replaced)" if done else ""
        if outcome.stopped or outcome.skipped:
            text += (f"; {len(outcome.stopped)} stopped and {len(outcome.skipped)} not started: "
                     "their previous outputs are unchanged")
    console.err(text)
    return platforms.exit_status_for(outcome.signum)


def _check_brand_alone(console: Console, brand: str, strict: bool) -> int:
    """``workshop check --brand PATH`` outside a project: the brand on its own, each problem once."""
    from workshop.brand.lookup import find_brand_file
    from workshop.check.contrast import contrast_findings
    from workshop.pipeline import get_brand

    loaded, findings = get_brand(brand)
    findings = [*findings, *contrast_findings(loaded)]
    for finding in findings:
        if not console.quiet and (finding.severity is Severity.WARNING or console.verbose):
            console.err(str(finding))
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    console.say(f"checked brand {shown(find_brand_file(brand))}: it loads, {warnings} warning(s)")
    if strict and warnings:
        console.err(f"--strict: {warnings} warning(s) count as failure")
        return ExitStatus.STRICT
    return ExitStatus.OK


def _complete_brand(incomplete: str) -> list[str]:
    """Shell completion for --brand: the names ``workshop brands`` lists."""
    from workshop.brand.lookup import available_brands

    try:
        return [name for name in available_brands() if name.startswith(incomplete)]
    except Exception:  # a broken config must not break the user's shell
        return []


def _complete_client(incomplete: str) -> list[str]:
    """Shell completion for --client: the profiles in the project's client folders."""
    from workshop.config import CLIENT_SUFFIXES, load_project

    try:
        folders = [f for f in load_project().clients if f.is_dir()]
        names = {p.stem for f in folders for p in f.iterdir() if p.suffix in CLIENT_SUFFIXES}
    except Exception:  # a broken config must not break the user's shell
        return []
    return sorted(n for n in names if n.startswith(incomplete))


PathsArg = typer.Argument(None, help="Outline files or folders (default: the project's decks/).")
BrandOpt = typer.Option(None, "--brand", "-b", autocompletion=_complete_brand,
                        help="A brand name (`workshop brands` lists them) or a brand folder; default: the "
                             "project's brand, else 'default'.")
VarsOpt = typer.Option(None, "--vars", help="Client profile (YAML); repeat for one build per client.")
ClientOpt = typer.Option(None, "--client", "-c", metavar="NAME", autocompletion=_complete_client,
                         help="Client profile NAME.yaml from the project's client folders; repeatable.")
SetOpt = typer.Option(None, "--set", help="Set a variable: key=value (dotted keys allowed).")
StrictOpt = typer.Option(False, "--strict", help="Warnings make the exit code non-zero (3).")
JobsOpt = typer.Option(None, "--jobs", "-j", min=0, help="Parallel builds (default: the project's, else one per core).")
OutOpt = typer.Option(None, "--out", "-o", help="Output folder (default: the project's, else build/).")
OnlyOpt = typer.Option(None, "--only", help="deck, handout or guide (repeat or comma-separate).")
KeepOpt = typer.Option(False, "--keep-edits", help="Carry slides edited in PowerPoint over into the new deck.")
OverwriteOpt = typer.Option(False, "--overwrite",
                            help="Replace a deck edited in PowerPoint; the edited one is kept as NAME.edited-N.pptx.")


def _edit_policy(keep: bool, overwrite: bool) -> EditPolicy:
    from workshop.edits.guard import EditPolicy

    if keep and overwrite:
        raise UsageError("--keep-edits and --overwrite exclude each other", hint="choose one")
    return EditPolicy.KEEP if keep else EditPolicy.OVERWRITE if overwrite else EditPolicy.REFUSE


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
    console = _console(ctx)

    def run() -> int:
        project = _project()
        profiles = _profiles(project, vars_files or [], clients or [])
        job_list = _jobs_for(project, paths or [], brand, profiles, assignments or [], out, _parse_only(only or []),
                             _edit_policy(keep_edits, overwrite))
        return _run(console, job_list, project.jobs if jobs is None else jobs, strict, False)

    raise typer.Exit(console.guarded(run))


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
    console = _console(ctx)

    def run() -> int:
        project = _project()
        if brand and not paths and not project.decks.is_dir():
            return _check_brand_alone(console, brand, strict)
        profiles = _profiles(project, vars_files or [], clients or [])
        job_list = _jobs_for(project, paths or [], brand, profiles, assignments or [], out, ("deck",))
        return _run(console, job_list, project.jobs if jobs is None else jobs, strict, True)

    raise typer.Exit(console.guarded(run))


@app.command()
def edits(
    ctx: typer.Context,
    decks: list[str] = typer.Argument(..., metavar="DECK.pptx|FOLDER...",
                                      help="Built decks, or folders of them (build/ and its client folders)."),
) -> None:
    """List what was changed by hand in built decks since workshop wrote them. Writes nothing.

    Exit code 0 whether or not there are edits; 1 when a deck is missing.
    """
    console = _console(ctx)

    def run() -> int:
        from workshop.edits import inspect_deck

        code = ExitStatus.OK
        from workshop.edits.guard import decks_in

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
    console = _console(ctx)

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
        target = Path(folder) if folder else Path(shown(_project().decks))
        path = write_new_outline(name, target, title, project_root=_project().root)
        console.say(f"created {path}; build it with: workshop build {path}")
        return ExitStatus.OK

    raise typer.Exit(console.guarded(make))


@app.command()
def brands(ctx: typer.Context) -> None:
    """List the brands found by name, and the folders searched, in lookup order."""
    console = _console(ctx)

    def run() -> int:
        from workshop.brand.lookup import brand_listing

        console.data("\n".join(brand_listing(_project())))
        return ExitStatus.OK

    raise typer.Exit(console.guarded(run))


@app.command()
def schema(
    ctx: typer.Context,
    what: str = typer.Argument("outline", help="outline (default) or brand (for _brand.yml)."),
    out: str | None = typer.Option(None, "--out", "-o", help="Write to a file instead of stdout."),
) -> None:
    """Print the JSON Schema (draft-07) of outlines or of brand files, for editor completion."""
    console = _console(ctx)

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
    console = _console(ctx)

    def loop() -> int:
        from workshop.watch import watch_and_build

        project = _project()
        profiles = _profiles(project, vars_files or [], clients or [])
        chosen = _parse_only(only or [])

        def rebuild() -> None:
            from workshop.brand.fonts import clear_caches
            from workshop.pipeline import forget_brands

            forget_brands()
            clear_caches()
            job_list = _jobs_for(project, paths or [], brand, profiles, assignments or [], out, chosen)
            if _run(console, job_list, 1, False, False) in (ExitStatus.INTERRUPTED, ExitStatus.TERMINATED):
                raise KeyboardInterrupt

        try:
            watch_and_build(paths or [shown(project.decks)], [str(p) for p in profiles],
                            brand or project.brand, rebuild, interval, say=console.say)
        except KeyboardInterrupt:
            console.say("stopped watching")
        return ExitStatus.OK

    raise typer.Exit(console.guarded(loop))


@template_app.command("export")
def template_export(
    ctx: typer.Context,
    brand: str | None = BrandOpt,
    out: str = typer.Option(..., "--out", "-o", help="Where to write the .pptx master."),
) -> None:
    """Write the PowerPoint master the tool would use, ready to restyle in PowerPoint."""
    console = _console(ctx)

    def make() -> int:
        from workshop.output import write_together
        from workshop.pipeline import get_brand
        from workshop.render.deck import build_master

        loaded, findings = get_brand(brand or _project().brand)
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
    console = _console(ctx)

    def run() -> int:
        from workshop.pipeline import get_brand
        from workshop.templatecheck import check_brand, check_template_file, format_problems, format_report

        loaded, findings = get_brand(brand or _project().brand)
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
    console = _console(ctx)

    def make() -> int:
        from importlib import resources

        from workshop.pipeline import Job, run_build

        chosen = _parse_only(only or ["deck", "handout"])
        project = _project()
        name = brand or project.brand
        with resources.as_file(resources.files("workshop.data").joinpath("specimen.yaml")) as outline:
            folder = (Path(out) if out else Path(shown(project.out)) / "specimen") / Path(name).name
            result = run_build(Job(Path(outline), folder, name, None, (), chosen))
        console.report(result, plain=True)
        return result.exit_code if not result.ok else ExitStatus.OK

    raise typer.Exit(console.guarded(make))


def main() -> None:
    """The ``workshop`` entry point."""
    from workshop import stopping

    stopping.install_stop_handlers()  # SIGTERM unwinds like Ctrl-C, with exit status 143
    try:
        app(obj=Console())
    except KeyboardInterrupt as exc:  # arrived after the command had finished: exit quietly
        raise SystemExit(getattr(exc, "status", ExitStatus.INTERRUPTED)) from None
    finally:
        stopping.ignore_while_exiting()


if __name__ == "__main__":  # pragma: no cover
    main()
