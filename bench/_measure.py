"""Whole-process measurement: wall time and peak memory of one command.

Wall time is ``time.perf_counter`` around start and reaping of the child.
Peak memory is ``ru_maxrss`` from ``os.wait4`` for that one child (Linux: KiB).
For a parent that forks workers (``--jobs 2``) it is the largest single process
of the tree (the kernel folds reaped children in by max, not by sum).
Tree memory: a thread samples the child's process tree every 20 ms (Linux
``/proc/PID/task/*/children``) and sums each process's PSS (shared pages split
fairly, so forked workers are not double counted); the peak of that sum is the
memory the whole build used at once. It is only reported when the tree had more
than one process; a spike shorter than the interval can be missed.
Other load: CPU time the whole machine spent (``/proc/stat``) minus the CPU
time of the measured child, per second of wall time, i.e. how many cores other
processes kept busy meanwhile. Near 0 means the figure is undisturbed.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


class ToolFailed(Exception):
    """The measured command exited non-zero: the tool failed, not the benchmark."""


@dataclass
class Result:
    name: str
    command: list[str]
    seconds: list[float] = field(default_factory=list)  # measured runs, warm-up excluded
    peak_mib: list[float] = field(default_factory=list)
    other_cores: list[float] = field(default_factory=list)  # other processes' CPU use per run
    tree_mib: list[float] = field(default_factory=list)  # peak summed PSS of the process tree, if it forked
    loads: list[float] = field(default_factory=list)  # 1-minute load average at the start of each measured run
    warmup_seconds: float | None = None
    repeated: int = 0  # runs thrown away because other processes disturbed them
    floor_seconds: list[float] = field(default_factory=list)  # the floor run just before each measured run
    error: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def paired_ratio(self) -> float | None:
        """Median of each run's time over the floor run just before it (None when not paired)."""
        pairs = [s / f for s, f in zip(self.seconds, self.floor_seconds, strict=False) if f > 0]
        return statistics.median(pairs) if pairs and len(pairs) == len(self.seconds) else None

    @property
    def floor_median(self) -> float | None:
        return statistics.median(self.floor_seconds) if self.floor_seconds else None

    @property
    def peak(self) -> float | None:
        return max(self.peak_mib) if self.peak_mib else None

    @property
    def tree(self) -> float | None:
        return max(self.tree_mib) if self.tree_mib else None

    @property
    def load(self) -> float | None:
        """The machine's 1-minute load average during the row (median over its runs)."""
        return statistics.median(self.loads) if self.loads else None

    @property
    def other(self) -> float | None:
        """Cores other processes kept busy, averaged over the measured runs' wall time."""
        if not self.other_cores or len(self.other_cores) != len(self.seconds):
            return None
        return sum(c * s for c, s in zip(self.other_cores, self.seconds, strict=True)) / sum(self.seconds)


def _machine_cpu() -> float | None:
    """CPU seconds all processes have used since boot (Linux), or None."""
    try:
        with open("/proc/stat") as stat:
            ticks = [int(x) for x in stat.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")  # minus idle and iowait


def wait_until_idle(limit_seconds: float, below: float = 0.15, window: float = 2.0) -> float | None:
    """Wait (up to ``limit_seconds``) until other processes use < ``below`` cores; return the last reading."""
    deadline = time.monotonic() + limit_seconds
    while True:
        before, started = _machine_cpu(), time.perf_counter()
        time.sleep(window)
        after = _machine_cpu()
        if before is None or after is None:
            return None
        busy = (after - before) / (time.perf_counter() - started)
        if busy < below or time.monotonic() >= deadline:
            return busy


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.scandir(f"/proc/{pid}/task"):
            with open(f"{task.path}/children") as f:
                found += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return found


def _pss_mib(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class TreeSampler(threading.Thread):
    """Peak of the summed PSS of ``pid`` and its descendants, and the most processes seen at once."""

    def __init__(self, pid: int, interval: float = 0.02):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak, self.most = pid, interval, 0.0, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.interval):
            tree, stack = [], [self.pid]
            while stack:
                pid = stack.pop()
                tree.append(pid)
                stack += _children(pid)
            self.most = max(self.most, len(tree))
            self.peak = max(self.peak, sum(_pss_mib(p) for p in tree))


def run_once(
    command: Sequence[str], cwd: Path, env: dict | None = None,
) -> tuple[float, float, float | None, float | None]:
    """Run ``command`` once; return (seconds, peak MiB, other cores, tree MiB or None).

    Raise ToolFailed on a non-zero exit.
    """
    with tempfile.TemporaryFile() as out:
        cpu_before, own_before = _machine_cpu(), time.process_time()
        started = time.perf_counter()
        proc = subprocess.Popen(list(command), cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=subprocess.STDOUT)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        # The sampler reads /proc of a child not yet reaped; wait4 reaps it, so stop sampling first.
        os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
        sampler.done.set()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        cpu_after, own = _machine_cpu(), time.process_time() - own_before  # own = this script + sampler
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            out.seek(0)
            tail = out.read().decode("utf-8", "replace").strip().splitlines()[-12:]
            raise ToolFailed(f"`{' '.join(map(str, command))}` exited {proc.returncode}:\n    "
                             + "\n    ".join(tail))
    other = None
    if cpu_before is not None and cpu_after is not None:
        other = max(0.0, (cpu_after - cpu_before - usage.ru_utime - usage.ru_stime - own) / seconds)
    sampler.join()
    tree = sampler.peak if sampler.most > 1 else None
    return seconds, usage.ru_maxrss / 1024, other, tree


def measure(name: str, command: Sequence[str], *, cwd: Path, runs: int, warmup: bool = True,
            fresh_dir: Path | None = None, env: dict | None = None,
            max_other: float | None = None, retries: int = 3, idle_wait: float = 30,
            floor: Sequence[str] | None = None) -> Result:
    """Median over ``runs`` runs after one warm-up run; ``fresh_dir`` is emptied before each run.

    With ``floor``, that command runs just before each run of ``command`` (and
    is repeated with it): the machine's speed drifts over minutes on a shared
    host, and a ratio of neighbouring runs is not moved by that drift.

    With ``max_other``, a run during which other processes used more than that many cores
    (plus two clock ticks of slack) is thrown away and repeated after waiting for quiet,
    at most ``retries`` times per run; the last attempt counts whatever it shows.
    """
    result = Result(name, [str(c) for c in command])
    slack = 2 / os.sysconf("SC_CLK_TCK")
    for index in range(runs + (1 if warmup else 0)):
        for attempt in range(retries + 1):
            if fresh_dir is not None:
                shutil.rmtree(fresh_dir, ignore_errors=True)
                fresh_dir.mkdir(parents=True)
            try:
                load_now = os.getloadavg()[0]
                floor_seconds = run_once(floor, cwd, env)[0] if floor is not None else None
                seconds, peak, other, tree = run_once(command, cwd, env)
            except ToolFailed as exc:
                result.error = str(exc)
                return result
            disturbed = (max_other is not None and other is not None
                         and other * seconds > max_other * seconds + slack)
            if not disturbed or attempt == retries or (warmup and index == 0):
                break
            result.repeated += 1
            wait_until_idle(idle_wait, below=max_other)
        if warmup and index == 0:
            result.warmup_seconds = seconds
            continue
        result.seconds.append(seconds)
        if floor_seconds is not None:
            result.floor_seconds.append(floor_seconds)
        result.loads.append(load_now)
        result.peak_mib.append(peak)
        if other is not None:
            result.other_cores.append(other)
        if tree is not None:
            result.tree_mib.append(tree)
    return result
