"""Whole-process measurement: wall time and peak memory of one command.

Wall time is ``time.perf_counter`` around start and reaping of the child.
Peak memory is ``ru_maxrss`` from ``os.wait4`` for that one child (Linux: KiB).
For a parent that forks workers (``--jobs 2``) it is the largest single process
of the tree (the kernel folds reaped children in by max, not by sum).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence


class ToolFailed(Exception):
    """The measured command exited non-zero: the tool failed, not the benchmark."""


@dataclass
class Result:
    name: str
    command: list[str]
    seconds: list[float] = field(default_factory=list)  # measured runs, warm-up excluded
    peak_mib: list[float] = field(default_factory=list)
    warmup_seconds: float | None = None
    error: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def peak(self) -> float | None:
        return max(self.peak_mib) if self.peak_mib else None


def run_once(command: Sequence[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """Run ``command`` once; return (seconds, peak MiB). Raise ToolFailed on a non-zero exit."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        proc = subprocess.Popen(list(command), cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            out.seek(0)
            tail = out.read().decode("utf-8", "replace").strip().splitlines()[-12:]
            raise ToolFailed(f"`{' '.join(map(str, command))}` exited {proc.returncode}:\n    "
                             + "\n    ".join(tail))
    return seconds, usage.ru_maxrss / 1024


def measure(name: str, command: Sequence[str], *, cwd: Path, runs: int, warmup: bool = True,
            fresh_dir: Path | None = None, env: dict | None = None,
            before: Callable[[], None] | None = None) -> Result:
    """Median over ``runs`` runs after one warm-up run; ``fresh_dir`` is emptied before each run."""
    result = Result(name, [str(c) for c in command])
    for index in range(runs + (1 if warmup else 0)):
        if fresh_dir is not None:
            shutil.rmtree(fresh_dir, ignore_errors=True)
        if before:
            before()
        try:
            seconds, peak = run_once(command, cwd, env)
        except ToolFailed as exc:
            result.error = str(exc)
            return result
        if warmup and index == 0:
            result.warmup_seconds = seconds
            continue
        result.seconds.append(seconds)
        result.peak_mib.append(peak)
    return result
