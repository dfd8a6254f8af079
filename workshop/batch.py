"""Many builds at once: outlines × client profiles over worker processes.

Each job runs on its own: a bad input or an unexpected exception becomes that
job's result (exit 1, or 4 for an internal error) and the others go on. A
worker process that dies is replaced and its job reported, the way black's
``concurrency.py`` isolates files.

Stopping (Ctrl-C, SIGTERM, Ctrl-Break) is decided here, in the parent, never
in the workers, which ignore Ctrl-C. The first request stops handing out
jobs: the running ones finish and write their outputs whole. A second request
ends the running ones; what they were writing is finished or undone by the
output journal (:mod:`workshop.output`) before this returns. The outcome says
exactly which jobs finished, which were stopped and which never started.
"""

from __future__ import annotations

import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from workshop import platforms, stopping
from workshop.errors import ExitStatus, UsageError, WorkshopError
from workshop.lazyclass import lazy_dataclass
from workshop.pipeline import Job, JobResult, run_build, run_check

if TYPE_CHECKING:  # multiprocessing is imported when workers start, never for a single build
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

OUTLINE_SUFFIXES = (".yaml", ".yml")


def find_outlines(paths: Sequence[str | Path]) -> list[Path]:
    """Files as given; folders contribute the outlines directly inside them."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in OUTLINE_SUFFIXES and p.is_file()))
        elif path.exists():
            found.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder", hint="give outline files or folders")
    if not found:
        raise UsageError(
            "no outlines found in " + ", ".join(str(p) for p in paths),
            hint="outlines are .yaml files; create one with `workshop new NAME`",
        )
    return found


def unique_jobs(jobs: Iterable[Job]) -> list[Job]:
    """The jobs in order, an outline named twice (a file and its folder) built once."""
    return list(dict.fromkeys(jobs))


def check_targets(jobs: Sequence[Job]) -> None:
    """Refuse, before any build, names that cannot be written and jobs that would overwrite each other.

    Targets are compared without case, as macOS and Windows file systems do, so a
    batch that works here works on a colleague's laptop too.
    """
    problems: list[str] = []
    collisions = False
    owners: dict[str, tuple[Job, Path]] = {}
    for job in jobs:
        try:
            targets = [job.target(o) for o in job.only]
        except WorkshopError as exc:
            text = f"{exc.location}: {exc.message}" if exc.location else exc.message
            if text not in problems:
                problems.append(text)
            continue
        for target in targets:
            key = os.path.normcase(os.path.abspath(target)).casefold()
            if key in owners and owners[key][0] != job:
                other = owners[key][0]
                problems.append(f"{other.label} and {job.label} would both write {owners[key][1]}")
                collisions = True
            else:
                owners.setdefault(key, (job, target))
    if problems:
        raise UsageError("; ".join(problems) if len(problems) == 1 else
                         f"{len(problems)} problems with the output names:\n  " + "\n  ".join(problems),
                         hint="rename one of the files, or build them into different --out folders" if collisions
                         else "rename the file; output names come from the outline and client file names")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


@lazy_dataclass
class BatchOutcome:
    """What a batch did: finished jobs' results, and the jobs a stop request kept from finishing."""

    results: list[JobResult] = field(default_factory=list)  # finished, in the order given
    stopped: list[Job] = field(default_factory=list)  # running when a second request ended them
    skipped: list[Job] = field(default_factory=list)  # never started
    signum: int | None = None  # the first stop request, if any

    @property
    def interrupted(self) -> bool:
        return self.signum is not None


@lazy_dataclass
class _Stop:
    count: int = 0
    signum: int | None = None

    def request(self, signum: int) -> None:
        self.count += 1
        if self.signum is None:
            self.signum = signum


def _run_one(task: Callable[[Job], JobResult], job: Job) -> JobResult:
    """One job whatever happens inside it: a bug becomes this job's internal error."""
    started = time.perf_counter()
    try:
        return task(job)
    except Exception as exc:  # a bug: reported for this job, the batch goes on
        import traceback  # only a failing job pays for it

        return JobResult(job, error=f"internal error: {type(exc).__name__}: {exc}\n  hint: run again with "
                         "--debug for the traceback and please report it", exit_code=ExitStatus.INTERNAL,
                         seconds=time.perf_counter() - started, traceback=traceback.format_exc())


def _warm_up(brand: str) -> None:
    """Load the brand in each worker before the first job (fonts, metrics)."""
    from workshop.pipeline import get_brand

    try:
        get_brand(brand)
    except WorkshopError:
        pass  # the job itself will report it


def preload(check_only: bool) -> None:
    """Import everything a build uses in the parent, once, before the workers fork from it.

    Forked workers then start warm and share those pages instead of each
    importing (and building the model classes) on its own; the collector's
    frozen generation keeps the shared pages from being copied. Where workers
    are spawned this does nothing: they would not inherit it.
    """
    from workshop import heap, platforms

    if platforms.start_method() != "fork":
        return
    import workshop.assets  # noqa: F401
    import workshop.check  # noqa: F401
    import workshop.edits.guard  # noqa: F401
    import workshop.outline.load  # noqa: F401
    import workshop.plan.build  # noqa: F401

    if not check_only:
        import workshop.output  # noqa: F401
        import workshop.render.deck.render  # noqa: F401
        import workshop.render.guide.render  # noqa: F401
        import workshop.render.handout.render  # noqa: F401
    heap.start_work()


def _serve(conn: Connection, brand: str, check_only: bool) -> None:
    """A worker process: build the jobs it is sent until told to stop (None) or the pipe closes."""
    stopping.worker_signals()
    task = run_check if check_only else run_build
    try:
        _warm_up(brand)
        while True:
            job = conn.recv()
            if job is None:
                break
            conn.send(_run_one(task, job))
    except (EOFError, OSError, KeyboardInterrupt):
        pass  # the parent went away or ended us: nothing to report from here
    finally:
        conn.close()


@lazy_dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    job: Job | None = None


def _start(brand: str, check_only: bool) -> _Worker:
    context = platforms.process_context()
    parent, child = context.Pipe()
    process = context.Process(target=_serve, args=(child, brand, check_only), daemon=True)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # a spawned child inherits "ignore"
    try:
        process.start()
    finally:
        signal.signal(signal.SIGINT, previous)
    child.close()
    return _Worker(process, parent)


def _died(worker: _Worker) -> str:
    worker.process.join(timeout=5)
    code = worker.process.exitcode
    how = f"was killed by {platforms.signal_name(-code)}" if code is not None and code < 0 else \
        f"ended with exit code {code}"
    return f"internal error: the worker process building it {how}\n  hint: this is a bug (or the system ran " \
           "out of memory); please report it"


def _fingerprint(job: Job) -> tuple[tuple[int, int, int] | None, ...]:
    """Which files a job's outputs are now (inode, time, size), to tell later whether it replaced them."""
    prints: list[tuple[int, int, int] | None] = []
    for output in job.only:
        try:
            info = os.stat(job.target(output))
        except (OSError, WorkshopError):
            prints.append(None)
            continue
        prints.append((info.st_ino, info.st_mtime_ns, info.st_size))
    return tuple(prints)


def _recover(outcome: BatchOutcome, before: dict[Job, tuple[tuple[int, int, int] | None, ...]]) -> None:
    """Finish or undo what stopped jobs were writing, so every output set is whole; then count
    a stopped job whose set was replaced after all (it was ended as it finished) as built."""
    from workshop.output import recover

    with stopping.critical():
        for folder in sorted({job.folder for job in outcome.stopped}):
            try:
                recover(folder)
            except OSError:
                pass  # the next build into that folder recovers it
    for job in list(outcome.stopped):
        if job in before and _fingerprint(job) != before[job]:
            outcome.stopped.remove(job)
            outcome.results.append(JobResult(job, written=tuple(job.target(o) for o in job.only)))


def _parallel(jobs: list[Job], workers: int, check_only: bool, on_result: Callable[[JobResult], None],
              on_stopping: Callable[[int, int], None], outcome: BatchOutcome,
              before: dict[Job, tuple[tuple[int, int, int] | None, ...]]) -> None:
    from multiprocessing.connection import wait

    stop = _Stop()
    pending = deque(jobs)
    pool: list[_Worker] = []
    ended = 0  # 1: running jobs were asked to end (SIGTERM), 2: killed
    try:
        with stopping.stop_handlers(lambda signum, held: stop.request(signum)):
            preload(check_only)
            pool = [_start(jobs[0].brand, check_only) for _ in range(min(workers, len(jobs)))]
            while True:
                for worker in pool:
                    if worker.job is None and pending and not stop.count and worker.process.is_alive():
                        worker.job = pending.popleft()
                        if not check_only:
                            before[worker.job] = _fingerprint(worker.job)
                        worker.conn.send(worker.job)
                busy = [w for w in pool if w.job is not None]
                if stop.count and ended == 0:
                    outcome.signum = stop.signum
                    on_stopping(len(busy), len(pending))
                    ended = -1
                if stop.count >= 2 and ended < 1:
                    for worker in busy:
                        worker.process.terminate()
                    ended = 1
                if stop.count >= 3 and ended < 2:
                    for worker in busy:
                        worker.process.kill()
                    ended = 2
                if not busy:
                    break
                for conn in wait([w.conn for w in busy], timeout=0.2):
                    worker = next(w for w in busy if w.conn is conn)
                    job, worker.job = worker.job, None
                    assert job is not None
                    try:
                        result: JobResult = worker.conn.recv()
                    except (EOFError, OSError):
                        worker.process.join(timeout=5)
                        code = worker.process.exitcode or 0
                        if ended > 0 or stop.count or -code in platforms.stop_signals():
                            if not stop.count:  # the whole process group was told to stop
                                stop.request(-code)
                            outcome.stopped.append(job)
                            continue
                        result = JobResult(job, error=_died(worker), exit_code=ExitStatus.INTERNAL)
                        pool[pool.index(worker)] = _start(job.brand, check_only)
                    on_result(result)
                    outcome.results.append(result)
    finally:
        for worker in pool:
            try:
                worker.conn.send(None)
            except (OSError, ValueError):
                pass
        for worker in pool:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
    outcome.skipped.extend(pending)


def _sequential(jobs: list[Job], check_only: bool, on_result: Callable[[JobResult], None],
                on_stopping: Callable[[int, int], None], outcome: BatchOutcome,
                before: dict[Job, tuple[tuple[int, int, int] | None, ...]]) -> None:
    from workshop.output import generations_committed

    stop = _Stop()
    task = run_check if check_only else run_build

    def on_signal(signum: int, held: bool) -> None:
        stop.request(signum)
        if stop.count == 1 and not held:  # held: it came while files were renamed; they finished
            raise stopping.Interrupted(signum)

    with stopping.stop_handlers(on_signal):
        for index, job in enumerate(jobs):
            if stop.count:
                outcome.skipped.extend(jobs[index:])
                break
            committed = generations_committed()
            if not check_only:
                before[job] = _fingerprint(job)
            try:
                result = _run_one(task, job)
            except KeyboardInterrupt as exc:
                stop.request(getattr(exc, "signum", signal.SIGINT))
                outcome.signum = stop.signum
                if generations_committed() == committed:
                    outcome.stopped.append(job)
                else:  # its files were written just before the request arrived
                    outcome.results.append(JobResult(job, written=tuple(job.target(o) for o in job.only)))
                outcome.skipped.extend(jobs[index + 1:])
                break
            on_result(result)
            outcome.results.append(result)
        if stop.count and outcome.signum is None:
            outcome.signum = stop.signum


def run_jobs(
    jobs: Iterable[Job],
    *,
    workers: int,
    check_only: bool = False,
    on_result: Callable[[JobResult], None] = lambda r: None,
    on_stopping: Callable[[int, int], None] = lambda running, queued: None,
) -> BatchOutcome:
    """Run every job; ``on_stopping(running, queued)`` is called once when a stop is requested."""
    jobs = list(jobs)
    outcome = BatchOutcome()
    before: dict[Job, tuple[tuple[int, int, int] | None, ...]] = {}
    if workers <= 1 or len(jobs) <= 1:
        _sequential(jobs, check_only, on_result, on_stopping, outcome, before)
    else:
        _parallel(jobs, workers, check_only, on_result, on_stopping, outcome, before)
    if outcome.stopped and not check_only:
        _recover(outcome, before)
    order = {job: i for i, job in enumerate(jobs)}
    outcome.results.sort(key=lambda r: order[r.job])
    return outcome
