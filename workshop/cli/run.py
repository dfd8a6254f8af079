"""From the flags to the jobs, and from the batch's outcome to the summary line and the exit code."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.console import Console, Progress, shown
from workshop.errors import ExitStatus, Severity, UsageError

if TYPE_CHECKING:
    from workshop.batch import BatchOutcome
    from workshop.config import Project
    from workshop.edits.guard import EditPolicy
    from workshop.pipeline import Job


def jobs_for(project: Project, paths: list[str], brand: str | None, profiles: list[Path],
             assignments: list[str], out: str | None, only: tuple[str, ...],
             edits: EditPolicy | None = None) -> list[Job]:
    """One job per outline × client profile; a single build renders its deck and PDFs side by side."""
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


def run(console: Console, job_list: list[Job], jobs: int, strict: bool, check_only: bool) -> int:
    """Build (or check) every job, print the summary, and return the exit code."""
    from workshop.pipeline import pdf_worker_ahead

    with pdf_worker_ahead([] if check_only else job_list):  # a single build: its PDF worker starts first
        return _run(console, job_list, jobs, strict, check_only)


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
        return interrupted(console, outcome, check_only)
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


def interrupted(console: Console, outcome: BatchOutcome, check_only: bool) -> int:
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


def check_brand_alone(console: Console, brand: str, strict: bool) -> int:
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
