"""One build: outline → model → plan → renderers → files, as a result value.

Nothing here prints. Every failure a user can cause comes back as an error
string with its location; the CLI decides how to show it.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from workshop.errors import ExitStatus, Finding, WorkshopError

OUTPUTS = ("deck", "handout", "guide")
SUFFIXES = {"deck": ".pptx", "handout": "-handout.pdf", "guide": "-guide.pdf"}


@dataclass(frozen=True)
class Job:
    """One outline with one client profile (or none)."""

    outline: Path
    out_dir: Path = Path("build")
    brand: str = "default"
    vars_file: Path | None = None
    assignments: tuple[str, ...] = ()
    only: tuple[str, ...] = OUTPUTS
    split: bool = False  # render deck and PDFs in two processes (single builds only)
    language: str | None = None  # the project's language, for outlines that do not say theirs
    trusted: tuple[Path, ...] = ()  # configured client folders: client files may come from there

    @property
    def label(self) -> str:
        return f"{self.outline}" + (f" × {self.vars_file.stem}" if self.vars_file else "")

    def target(self, output: str, name: str) -> Path:
        folder = self.out_dir / self.vars_file.stem if self.vars_file else self.out_dir
        return folder / f"{name}{SUFFIXES[output]}"


@dataclass(frozen=True)
class JobResult:
    job: Job
    written: tuple[Path, ...] = ()
    findings: tuple[Finding, ...] = ()
    error: str | None = None  # formatted "file:line:col: message" when the build failed
    exit_code: int = ExitStatus.OK
    seconds: float = 0.0
    slides: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class _Prepared:
    outline: object
    brand: object
    plan: object
    assets: object
    findings: list[Finding] = field(default_factory=list)


_BRANDS: dict[str, tuple] = {}


def get_brand(name: str):
    """Load a brand once per process (fonts and metrics are reused across builds)."""
    if name not in _BRANDS:
        from workshop.brand.load import load_brand_with_findings

        _BRANDS[name] = load_brand_with_findings(name)
    return _BRANDS[name]


def forget_brands() -> None:
    """Drop loaded brands so the next build re-reads them (``watch``)."""
    _BRANDS.clear()


def prepare(job: Job) -> _Prepared:
    from workshop.assets import collect_assets
    from workshop.check import check_plan
    from workshop.outline.load import load_outline
    from workshop.plan.build import make_plan

    brand, brand_findings = get_brand(job.brand)
    outline = load_outline(
        job.outline,
        vars_files=[job.vars_file] if job.vars_file else (),
        assignments=job.assignments,
        language=job.language,
        trusted=job.trusted,
    )
    plan = make_plan(outline.workshop, brand, name=outline.name, outline_path=str(job.outline),
                     sources=outline.sources)
    assets = collect_assets(outline)
    findings = list(brand_findings) + list(plan.findings) + list(check_plan(plan, brand, outline))
    return _Prepared(outline, brand, plan, assets, findings)


def render(prepared: _Prepared, output: str) -> bytes:
    if output == "deck":
        from workshop.render.deck import render_deck

        return render_deck(prepared.plan, prepared.brand, prepared.assets)
    if output == "handout":
        from workshop.render.handout import render_handout

        return render_handout(prepared.plan, prepared.brand, prepared.assets)
    from workshop.render.guide import render_guide

    return render_guide(prepared.plan, prepared.brand, prepared.assets)


def _inputs(job: Job, prepared: _Prepared | None) -> frozenset[Path]:
    paths = [job.outline] + ([job.vars_file] if job.vars_file else [])
    return frozenset(Path(os.path.realpath(p)) for p in paths)


def run_check(job: Job) -> JobResult:
    started = time.perf_counter()
    try:
        prepared = prepare(job)
    except WorkshopError as exc:
        return JobResult(job, error=str(exc), exit_code=exc.exit_code, seconds=time.perf_counter() - started)
    return JobResult(job, findings=tuple(prepared.findings), seconds=time.perf_counter() - started,
                     slides=len(prepared.plan.deck_slides))


def run_build(job: Job) -> JobResult:
    from workshop.output import write_together

    from workshop.split import render_all, start_worker

    started = time.perf_counter()
    outputs = [o for o in OUTPUTS if o in job.only]
    worker = start_worker(outputs, render, split=job.split)
    try:
        prepared = prepare(job)
        rendered = render_all(prepared, outputs, render, worker)
        files = {job.target(o, prepared.plan.name): rendered[o] for o in outputs}
        written = write_together(files, protected=_inputs(job, prepared))
    except WorkshopError as exc:
        return JobResult(job, error=str(exc), exit_code=exc.exit_code, seconds=time.perf_counter() - started)
    except OSError as exc:
        where = exc.filename or job.out_dir
        return JobResult(job, error=f"{where}: could not write the output: {exc.strerror or exc}",
                         exit_code=ExitStatus.INPUT, seconds=time.perf_counter() - started)
    finally:
        if worker is not None:
            worker.stop()
    return JobResult(job, tuple(written), tuple(prepared.findings),
                     seconds=time.perf_counter() - started, slides=len(prepared.plan.deck_slides))
