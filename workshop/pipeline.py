"""One build: outline → model → plan → renderers → files, as a result value.

Nothing here prints. Every failure a user can cause comes back as an error
string with its location; the CLI decides how to show it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from workshop import heap
from workshop.edits.guard import EditPolicy, Guard
from workshop.errors import ExitStatus, Finding, Location, Severity, WorkshopError
from workshop.fingerprint import files_in
from workshop.lazyclass import lazy_dataclass

if TYPE_CHECKING:
    from workshop.assets import Assets
    from workshop.brand.model import Brand
    from workshop.outline.load import Outline
    from workshop.plan.model import DeckPlan
    from workshop.split import KeptWorker, PdfWorker

OUTPUTS = ("deck", "handout", "guide")
SUFFIXES = {"deck": ".pptx", "handout": "-handout.pdf", "guide": "-guide.pdf"}


@lazy_dataclass(frozen=True)
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
    edits: EditPolicy = EditPolicy.REFUSE  # what to do when the deck to replace was edited by hand

    @property
    def label(self) -> str:
        return f"{self.outline}" + (f" × {self.vars_file.stem}" if self.vars_file else "")

    @property
    def folder(self) -> Path:
        """Where this job writes: ``--out``, or a folder per client profile inside it."""
        return self.out_dir / self.vars_file.stem if self.vars_file else self.out_dir

    @property
    def name(self) -> str:
        """The outputs' base name: the outline's file name without its suffix."""
        return self.outline.stem

    def target(self, output: str, name: str | None = None) -> Path:
        """An output's path; refuses names that would leave ``--out`` or break on Windows."""
        from workshop.output import refuse_bad_name

        path = self.folder / f"{name or self.name}{SUFFIXES[output]}"
        if self.vars_file:
            refuse_bad_name(self.vars_file.stem, self.vars_file, "client folder")
        refuse_bad_name(path.name, self.outline, "output file")
        return path


@lazy_dataclass(frozen=True)
class JobResult:
    job: Job
    written: tuple[Path, ...] = ()
    findings: tuple[Finding, ...] = ()
    error: str | None = None  # formatted "file:line:col: message" when the build failed
    exit_code: int = ExitStatus.OK
    seconds: float = 0.0
    slides: int = 0
    notes: tuple[str, ...] = ()  # what happened to hand edits (kept, backed up), for the summary
    traceback: str | None = None  # for an internal error, shown with --debug

    @property
    def ok(self) -> bool:
        return self.error is None


@lazy_dataclass(frozen=True)
class RenderInput:
    """What the renderers read: the plan, the brand and the assets; all the PDF worker is sent.

    Not the outline: unpickling it would import the YAML reader and the
    outline loader into the worker (about 15 ms), for nothing it draws.
    """

    plan: DeckPlan
    brand: Brand
    assets: Assets


@lazy_dataclass
class _Prepared:
    outline: Outline
    brand: Brand
    plan: DeckPlan
    assets: Assets
    findings: list[Finding] = field(default_factory=list)

    @property
    def for_renderers(self) -> RenderInput:
        return RenderInput(self.plan, self.brand, self.assets)


_BRANDS: dict[str, tuple[Brand, list[Finding]]] = {}


def get_brand(name: str) -> tuple[Brand, list[Finding]]:
    """Load a brand once per process (fonts and metrics are reused across builds)."""
    if name not in _BRANDS:
        from workshop.brand.load import load_brand_with_findings

        _BRANDS[name] = load_brand_with_findings(name)
    return _BRANDS[name]


def forget_brands() -> None:
    """Drop loaded brands, and what was read from their font files, so the next build reads them again.

    ``watch`` calls it when a file in the brand's folder changed. Font files are
    known by their paths in several places (the text fit's metrics, the PDFs'
    registered faces), and a designer may save a new version over the old file.
    """
    from workshop.brand.fonts import clear_caches
    from workshop.plan.measure import forget_font_files

    _BRANDS.clear()
    clear_caches()
    forget_font_files()
    pdf_fonts = sys.modules.get("workshop.render.pdf.fonts")  # loaded only where PDFs were rendered
    if pdf_fonts is not None:
        pdf_fonts.forget()


#: the module that renders each output, imported before the build's own work starts (``load_renderers``)
RENDERERS = {"deck": "workshop.render.deck.render", "handout": "workshop.render.handout.render",
             "guide": "workshop.render.guide.render"}


def load_renderers(outputs: Sequence[str]) -> None:
    """Import the renderers of ``outputs`` while the garbage collector is still paused (``heap``).

    They are imported anyway once the plan exists; imported there, after
    ``heap.start_work``, the collector walks python-pptx's or reportlab's new
    objects again and again while they load (about 7 ms of a cold deck).
    """
    import importlib

    for output in dict.fromkeys(outputs):
        importlib.import_module(RENDERERS[output])


def prepare(job: Job, renders: Sequence[str] = (),
            planned: Callable[[RenderInput], None] | None = None) -> _Prepared:
    """The build read, planned and checked; ``renders``: the outputs this process will render.

    ``planned`` is handed what the renderers read as soon as it exists, before the checks (``watch``'s
    kept PDF worker starts on it while this process checks and looks at the deck it replaces).
    """
    from workshop.assets import collect_assets
    from workshop.check import check_plan
    from workshop.outline.load import load_outline
    from workshop.plan.build import make_plan

    brand, brand_findings = get_brand(job.brand)
    load_renderers(renders)
    heap.start_work()  # the model, the brand and the renderers are loaded: what follows is this build's own data
    outline = load_outline(
        job.outline,
        vars_files=[job.vars_file] if job.vars_file else (),
        assignments=job.assignments,
        language=job.language,
        trusted=job.trusted,
    )
    plan = make_plan(outline.workshop, brand, name=outline.name, outline_path=str(job.outline),
                     sources=outline.sources)
    assets = collect_assets(outline, plan)
    if planned is not None:
        planned(RenderInput(plan, brand, assets))
    findings = list(brand_findings) + list(plan.findings) + list(check_plan(plan, brand, outline))
    return _Prepared(outline, brand, plan, assets, findings)


def render(prepared: _Prepared | RenderInput, output: str) -> bytes:
    if output == "deck":
        from workshop.render.deck import render_deck

        return render_deck(prepared.plan, prepared.brand, prepared.assets)
    if output == "handout":
        from workshop.render.handout import render_handout

        return render_handout(prepared.plan, prepared.brand, prepared.assets)
    from workshop.render.guide import render_guide

    return render_guide(prepared.plan, prepared.brand, prepared.assets)


def _inputs(job: Job, prepared: _Prepared) -> frozenset[Path]:
    """What this build reads, which it must never write over: outline, client file, brand, images."""
    paths = [job.outline] + ([job.vars_file] if job.vars_file else [])
    paths += [p for p in files_in(prepared.brand) if p.is_file()]
    assets, folder = prepared.assets, job.outline.parent
    paths += [folder / name for name in getattr(assets, "images", {})]
    logo = getattr(assets, "logo", None)
    if logo is not None:
        paths.append(folder / logo.name)
    return frozenset(Path(os.path.realpath(p)) for p in paths)


def run_check(job: Job) -> JobResult:
    started = time.perf_counter()
    try:
        prepared = prepare(job)
    except WorkshopError as exc:
        return JobResult(job, error=str(exc), exit_code=exc.exit_code, seconds=time.perf_counter() - started)
    findings = tuple(prepared.findings) + _edited_deck(job, prepared)
    return JobResult(job, findings=findings, seconds=time.perf_counter() - started,
                     slides=len(prepared.plan.deck_slides))


def _edited_deck(job: Job, prepared: _Prepared) -> tuple[Finding, ...]:
    """A warning when the deck a plain build would replace has hand edits (``check`` reads it only)."""
    from workshop.edits import inspect_deck

    target = job.target("deck", prepared.plan.name)
    report = inspect_deck(target)
    if report is None or not report.edited:
        return ()
    return (Finding(
        "deck-edited",
        f"{target} has hand edits ({report.summary(3)}); a plain build would refuse to replace it: "
        "use --keep-edits or --overwrite; `workshop edits` lists them",
        Location(str(target)), severity=Severity.WARNING,
    ),)


def _backup(guard: Guard) -> None:
    """Keep the edited deck under its backup name (a hard link: the original stays until replaced)."""
    import shutil

    assert guard.backup is not None
    try:
        os.link(guard.target, guard.backup)
    except OSError:
        shutil.copy2(guard.target, guard.backup)


_AHEAD: dict[Job, PdfWorker] = {}  # PDF workers forked before their build began (``pdf_worker_ahead``)
_KEPT: list[KeptWorker] = []  # the PDF worker every build that splits uses while ``keep_pdf_worker`` runs


@contextmanager
def keep_pdf_worker() -> Iterator[KeptWorker | None]:
    """For ``watch``: while the block runs, builds that split share one PDF worker (None: fork is not used).

    The worker is forked on first use, or by ``KeptWorker.start``, and
    stopped when the block ends (Ctrl-C and termination included).
    """
    from workshop import platforms
    from workshop.split import KeptWorker

    if not platforms.can_fork():
        yield None
        return
    kept = KeptWorker(render)
    _KEPT.append(kept)
    try:
        yield kept
    finally:
        _KEPT.remove(kept)
        kept.stop()


@contextmanager
def pdf_worker_ahead(jobs: Sequence[Job]) -> Iterator[None]:
    """For a single build that splits, fork its PDF worker now, before the brand is loaded.

    The worker loads reportlab while this process loads the brand (about 40 ms
    for the house brand), reads and plans; it needs nothing of the loaded
    brand but the ``Brand`` value, which goes with the plan. ``run_build``
    takes the worker; one left unused (a refused target, a broken brand, an
    interrupt) is stopped when the block ends.
    """
    from workshop.split import start_worker

    worker = None
    if len(jobs) == 1 and not _KEPT:
        job = jobs[0]
        worker = start_worker([o for o in OUTPUTS if o in job.only], render, split=job.split)
    if worker is not None:
        _AHEAD[jobs[0]] = worker
    try:
        yield
    finally:
        if worker is not None:
            _AHEAD.pop(jobs[0], None)
            worker.stop()


def run_build(job: Job) -> JobResult:
    from workshop.output import write_together
    from workshop.split import render_all, start_worker

    started = time.perf_counter()
    outputs = [o for o in OUTPUTS if o in job.only]
    worker = _AHEAD.pop(job, None)
    shared = _KEPT[-1] if _KEPT and job.split else None  # watch's worker, kept across builds
    if worker is None and shared is None:
        worker = start_worker(outputs, render, split=job.split)
    guard: Guard | None = None
    backed_up = False
    try:
        targets = {o: job.target(o) for o in outputs}  # bad names fail before any work
        # with a worker waiting for the plan, the plan goes first and this side's renderer loads after
        ahead = None if shared is None else lambda sent: shared.send_ahead(sent, outputs)
        prepared = prepare(job, outputs if worker is None else (), ahead)
        deck = job.target("deck", prepared.plan.name)
        # --only handout / guide never look at the deck; writing over an input is refused below
        inputs = _inputs(job, prepared)  # resolved once: about 20 paths, each a few system calls
        if "deck" in outputs and Path(os.path.realpath(deck)) not in inputs:
            from workshop.edits.guard import guard_deck

            guard = guard_deck(deck, job.edits)
        kept: list[str] = []
        renderer = render if guard is None or guard.previous is None else _keeping(guard, kept)
        if shared is not None:
            rendered = shared.render_all(outputs, renderer)
        else:
            rendered = render_all(prepared.for_renderers, outputs, renderer, worker)
        files = {targets[o]: rendered[o] for o in outputs}
        if guard is not None and guard.backup is not None:
            _backup(guard)
            backed_up = True
        written = write_together(files, protected=inputs)
    except BaseException as exc:
        if backed_up and guard is not None and guard.backup is not None:
            guard.backup.unlink(missing_ok=True)
        if not isinstance(exc, (WorkshopError, OSError)):
            raise
        return _failed(job, exc, started)
    finally:
        if worker is not None:
            worker.stop()
    return JobResult(job, tuple(written), tuple(prepared.findings), seconds=time.perf_counter() - started,
                     slides=len(prepared.plan.deck_slides), notes=_edit_notes(guard, kept))


def _keeping(guard: Guard, said: list[str]) -> Callable[[RenderInput, str], bytes]:
    """``render`` with the deck rendered by carrying ``guard``'s edits over (the summary lands in ``said``)."""

    def rendering(prepared: RenderInput, output: str) -> bytes:
        if output != "deck":
            return render(prepared, output)
        from workshop.render.deck import render_deck_keeping

        assert guard.previous is not None and guard.report is not None
        data, summary = render_deck_keeping(prepared.plan, prepared.brand, prepared.assets, guard.previous,
                                            guard.report)
        said.extend(summary)
        return data

    return rendering


def _edit_notes(guard: Guard | None, kept: list[str]) -> tuple[str, ...]:
    if guard is None or guard.report is None:
        return ()
    if guard.backup is not None and guard.report.state.value == "ours":
        return (f"{guard.target} had hand edits; the edited deck was moved to {guard.backup}",)
    if guard.backup is not None:
        return (f"{guard.target} could not be matched slide by slide ({guard.report.reason}); it was moved to "
                f"{guard.backup} and the new deck written",)
    return tuple(kept)


def _failed(job: Job, exc: BaseException, started: float) -> JobResult:
    if isinstance(exc, WorkshopError):
        return JobResult(job, error=str(exc), exit_code=exc.exit_code, seconds=time.perf_counter() - started)
    assert isinstance(exc, OSError)  # outputs explain their own (OutputError); this is an input stage's
    where = exc.filename or job.outline
    return JobResult(job, error=f"{where}: {exc.strerror or exc}", exit_code=ExitStatus.INPUT,
                     seconds=time.perf_counter() - started)
