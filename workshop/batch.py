"""Many builds at once: outlines × client profiles over worker processes.

Each job runs independently; one failure never stops the others. Results
arrive in completion order through a callback so the CLI can show progress.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from workshop.errors import UsageError
from workshop.pipeline import Job, JobResult, run_build, run_check

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


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _warm_up(brand: str) -> None:
    """Load the brand in each worker before the first job (fonts, metrics)."""
    from workshop.errors import WorkshopError
    from workshop.pipeline import get_brand

    try:
        get_brand(brand)
    except WorkshopError:
        pass  # the job itself will report it


def run_jobs(
    jobs: Iterable[Job],
    *,
    workers: int,
    check_only: bool = False,
    on_result: Callable[[JobResult], None] = lambda r: None,
) -> list[JobResult]:
    jobs = list(jobs)
    task = run_check if check_only else run_build
    results: list[JobResult] = []
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            result = task(job)
            on_result(result)
            results.append(result)
        return results
    import multiprocessing

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        max_workers=min(workers, len(jobs)), mp_context=context,
        initializer=_warm_up, initargs=(jobs[0].brand,),
    ) as pool:
        futures = {pool.submit(task, job): job for job in jobs}
        for future in as_completed(futures):
            result = future.result()
            on_result(result)
            results.append(result)
    order = {job: i for i, job in enumerate(jobs)}
    return sorted(results, key=lambda r: order[r.job])
