"""The command line: thin typer commands, the only place that prints or exits.

Exit codes: 0 success; 1 bad input or a failed build; 2 wrong usage;
3 warnings under --strict; 4 an internal error (a bug: please report it).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import List, Optional

import typer

from workshop import __version__
from workshop.errors import Severity, UsageError, WorkshopError

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_STRICT, EXIT_INTERNAL = 0, 1, 2, 3, 4

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Turn a YAML workshop outline into a branded deck, a PDF handout and a facilitator guide.",
)
template_app = typer.Typer(no_args_is_help=True, help="Tools for designers: export, check and preview the PowerPoint master.")
app.add_typer(template_app, name="template")


class _State:
    debug = False
    quiet = False
    verbose = False


state = _State()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"workshop {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print errors only."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Print every file written and timings."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    state.debug, state.quiet, state.verbose = debug, quiet, verbose


def err(text: str) -> None:
    typer.echo(text, err=True)


def say(text: str) -> None:
    if not state.quiet:
        typer.echo(text)


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


def _jobs_for(paths, brand, vars_files, assignments, out, only):
    from workshop.batch import find_outlines
    from workshop.pipeline import Job

    outlines = find_outlines(paths or ["decks"])
    for vars_file in vars_files:
        if not Path(vars_file).is_file():
            raise UsageError(f"{vars_file}: client file not found", hint="give the path of a .yaml file")
    profiles = [Path(v) for v in vars_files] or [None]
    single = len(outlines) * len(profiles) == 1  # one build: let deck and PDFs render side by side
    return [
        Job(outline, Path(out), brand, profile, tuple(assignments), only, split=single)
        for outline in outlines for profile in profiles
    ]


class _Progress:
    """A one-line counter on a terminal; plain lines otherwise."""

    def __init__(self, total: int, verb: str):
        self.total, self.done, self.verb = total, 0, verb
        self.live = sys.stderr.isatty() and total > 1 and not state.quiet

    def __call__(self, result) -> None:
        self.done += 1
        if self.live:
            sys.stderr.write(f"\r{self.verb} {self.done}/{self.total} {result.job.label[:60]:<60}")
            sys.stderr.flush()
            if self.done == self.total:
                sys.stderr.write("\r" + " " * 80 + "\r")
        _report(result, plain=not self.live, verb=self.verb)


def _report(result, *, plain: bool, verb: str) -> None:
    if result.error:
        err(f"error: {result.error}" if not result.error.startswith("error") else result.error)
        return
    for finding in result.findings:
        if state.quiet or (finding.severity is not Severity.WARNING and not state.verbose):
            continue
        err(str(finding))
    if state.verbose:
        for path in result.written:
            say(f"  wrote {path}")
    elif plain and not state.quiet and result.written:
        say(f"{result.job.label}: {', '.join(p.name for p in result.written)} ({result.seconds:.2f}s)")


def _run(paths, brand, vars_files, assignments, out, only, jobs, strict, check_only) -> int:
    from workshop.batch import default_jobs, run_jobs

    started = time.perf_counter()
    job_list = _jobs_for(paths, brand, vars_files, assignments, out, only)
    workers = jobs or default_jobs()
    progress = _Progress(len(job_list), "checking" if check_only else "building")
    results = run_jobs(job_list, workers=workers, check_only=check_only, on_result=progress)
    failed = [r for r in results if not r.ok]
    warnings = sum(1 for r in results for f in r.findings if f.severity is Severity.WARNING)
    files = sum(len(r.written) for r in results)
    elapsed = time.perf_counter() - started
    if check_only:
        say(f"checked {len(results)} outline(s): {len(results) - len(failed)} ok, {len(failed)} failed, "
            f"{warnings} warning(s) in {elapsed:.1f}s")
    else:
        say(f"built {len(results) - len(failed)} of {len(results)}: {files} file(s) written to {out}, "
            f"{warnings} warning(s), {len(failed)} failed in {elapsed:.1f}s")
    if failed:
        return max(r.exit_code for r in failed) or EXIT_INPUT
    if strict and warnings:
        err(f"--strict: {warnings} warning(s) count as failure")
        return EXIT_STRICT
    return EXIT_OK


PathsArg = typer.Argument(None, help="Outline files or folders (default: decks/).")
BrandOpt = typer.Option("default", "--brand", "-b", help="Brand name in assets/brands/ or a brand folder.")
VarsOpt = typer.Option(None, "--vars", help="Client profile (YAML); repeat for one build per client.")
SetOpt = typer.Option(None, "--set", help="Set a variable: key=value (dotted keys allowed).")
StrictOpt = typer.Option(False, "--strict", help="Warnings make the exit code non-zero (3).")
JobsOpt = typer.Option(0, "--jobs", "-j", min=0, help="Parallel builds (default: number of cores).")
OutOpt = typer.Option("build", "--out", "-o", help="Output folder.")
OnlyOpt = typer.Option(None, "--only", help="deck, handout or guide (repeat or comma-separate).")


@app.command()
def build(
    paths: Optional[List[str]] = PathsArg,
    brand: str = BrandOpt,
    vars_files: Optional[List[str]] = VarsOpt,
    assignments: Optional[List[str]] = SetOpt,
    out: str = OutOpt,
    only: Optional[List[str]] = OnlyOpt,
    jobs: int = JobsOpt,
    strict: bool = StrictOpt,
) -> None:
    """Build deck, handout and guide for each outline."""
    code = _guarded(lambda: _run(paths, brand, vars_files or [], assignments or [], out,
                                 _parse_only(only or []), jobs, strict, False))
    raise typer.Exit(code)


@app.command()
def check(
    paths: Optional[List[str]] = PathsArg,
    brand: str = BrandOpt,
    vars_files: Optional[List[str]] = VarsOpt,
    assignments: Optional[List[str]] = SetOpt,
    jobs: int = JobsOpt,
    strict: bool = StrictOpt,
) -> None:
    """Validate outlines: schema, time budget, text fit, fonts, accessibility. Writes nothing."""
    code = _guarded(lambda: _run(paths, brand, vars_files or [], assignments or [], "build",
                                 ("deck",), jobs, strict, True))
    raise typer.Exit(code)


@app.command()
def new(
    name: str = typer.Argument(..., help="Name of the workshop file, e.g. klantreis."),
    folder: str = typer.Option("decks", "--dir", help="Folder to create it in."),
    title: Optional[str] = typer.Option(None, "--title", help="Workshop title."),
) -> None:
    """Create a new outline that builds as is."""

    def make() -> int:
        from workshop.scaffold import write_new_outline

        path = write_new_outline(name, Path(folder), title)
        say(f"created {path}; build it with: workshop build {path}")
        return EXIT_OK

    raise typer.Exit(_guarded(make))


@app.command()
def schema(
    what: str = typer.Argument("outline", help="outline (default) or brand (for _brand.yml)."),
    out: Optional[str] = typer.Option(None, "--out", "-o", help="Write to a file instead of stdout."),
) -> None:
    """Print the JSON Schema (draft-07) of outlines or of brand files, for editor completion."""

    def make() -> int:
        from workshop.schema import schema_json

        if what not in ("outline", "brand"):
            raise UsageError(f"schema takes outline or brand, not '{what}'")
        text = schema_json(what)
        if out:
            from workshop.output import write_together

            write_together({Path(out): text.encode("utf-8")})
            say(f"wrote {out}")
        else:
            typer.echo(text, nl=False)
        return EXIT_OK

    raise typer.Exit(_guarded(make))


@app.command()
def watch(
    paths: Optional[List[str]] = PathsArg,
    brand: str = BrandOpt,
    vars_files: Optional[List[str]] = VarsOpt,
    assignments: Optional[List[str]] = SetOpt,
    out: str = OutOpt,
    only: Optional[List[str]] = OnlyOpt,
    interval: float = typer.Option(0.5, "--interval", help="Seconds between checks for changes."),
) -> None:
    """Rebuild whenever an outline, client file or brand file changes (Ctrl-C stops)."""

    def loop() -> int:
        from workshop.watch import watch_and_build

        chosen = _parse_only(only or [])

        def rebuild() -> None:
            from workshop.brand.fonts import clear_caches
            from workshop.pipeline import forget_brands

            forget_brands()
            clear_caches()
            _run(paths, brand, vars_files or [], assignments or [], out, chosen, 1, False, False)

        try:
            watch_and_build(paths or ["decks"], list(vars_files or []), brand, rebuild, interval)
        except KeyboardInterrupt:
            say("stopped watching")
        return EXIT_OK

    raise typer.Exit(_guarded(loop))


@template_app.command("export")
def template_export(
    brand: str = BrandOpt,
    out: str = typer.Option(..., "--out", "-o", help="Where to write the .pptx master."),
) -> None:
    """Write the PowerPoint master the tool would use, ready to restyle in PowerPoint."""

    def make() -> int:
        from workshop.output import write_together
        from workshop.pipeline import get_brand
        from workshop.render.deck import build_master

        loaded, findings = get_brand(brand)
        for finding in findings:
            err(str(finding))
        if loaded.settings.template is not None:  # the designer's master is what the tool uses
            from workshop.safety.templates import read_template

            data = read_template(loaded.settings.template)
            note = f"the brand's own master ({loaded.settings.template.name})"
        else:
            data = build_master(loaded)
            note = "one layout per slide kind"
        write_together({Path(out): data})
        say(f"wrote {out}: {note}; open it in PowerPoint (View › Slide Master)")
        return EXIT_OK

    raise typer.Exit(_guarded(make))


@template_app.command("check")
def template_check(
    file: Optional[str] = typer.Argument(
        None, metavar="[FILE.pptx]", help="A template to check; default: the brand's template or generated master."),
    brand: str = BrandOpt,
) -> None:
    """List a master's layouts and placeholders, which slide kind uses which, and what is missing.

    Exit code 1 when a slide kind cannot be drawn as designed (a missing layout or placeholder).
    """

    def run() -> int:
        from workshop.pipeline import get_brand
        from workshop.templatecheck import check_brand, check_template_file, format_problems, format_report

        loaded, findings = get_brand(brand)
        for finding in findings:
            err(str(finding))
        report = check_template_file(Path(file), loaded) if file else check_brand(loaded)
        if state.quiet:
            for line in format_problems(report):
                err(line)
        else:
            typer.echo("\n".join(format_report(report)))
        return EXIT_OK if report.ok else EXIT_INPUT

    raise typer.Exit(_guarded(run))


@template_app.command("specimen")
def template_specimen(
    brand: str = BrandOpt,
    out: str = typer.Option("build/specimen", "--out", "-o", help="Output folder."),
    only: Optional[List[str]] = typer.Option(None, "--only", help="deck, handout or guide."),
) -> None:
    """Build a deck and handout showing every slide kind with sample content."""

    def make() -> int:
        from importlib import resources

        from workshop.pipeline import Job, run_build

        chosen = _parse_only(only or ["deck", "handout"])
        with resources.as_file(resources.files("workshop.data").joinpath("specimen.yaml")) as outline:
            folder = Path(out) / Path(brand).name
            result = run_build(Job(Path(outline), folder, brand, None, (), chosen))
        _report(result, plain=True, verb="building")
        return result.exit_code if not result.ok else EXIT_OK

    raise typer.Exit(_guarded(make))


def _guarded(action) -> int:
    """Run a command body; turn errors into messages and exit codes."""
    try:
        return action()
    except WorkshopError as exc:
        if state.debug:
            raise
        err(f"error: {exc}")
        return exc.exit_code
    except KeyboardInterrupt:
        err("interrupted; no output was changed")
        return 130
    except Exception as exc:  # a bug: say so plainly
        if state.debug:
            raise
        err(f"internal error: {type(exc).__name__}: {exc}\n  run again with --debug for the traceback "
            "and please report it")
        return EXIT_INTERNAL


def main() -> None:
    try:
        app()
    except UsageError as exc:  # pragma: no cover - commands catch their own
        err(f"error: {exc}")
        sys.exit(EXIT_USAGE)


if __name__ == "__main__":  # pragma: no cover
    main()
