"""The fuzzers' shared loop: make a case, run it under a time limit, sort the outcome.

Each fuzzer says how to make a damaged input from a seeded random stream and
what a build does with it; the loop runs cases (``WORKSHOP_FUZZ_CASES``, or as
many as fit in ``WORKSHOP_FUZZ_SECONDS``) from ``WORKSHOP_FUZZ_SEED``. A case
may end in a usable input or a ``WorkshopError``; anything else, or a case
still running after ``CASE_LIMIT`` seconds, is a failure reported with the
seed, the case number and the mutation, so it can be replayed.
"""

from __future__ import annotations

import os
import random
import signal
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from workshop.errors import WorkshopError

CASES = int(os.environ.get("WORKSHOP_FUZZ_CASES", "2000"))
SECONDS = float(os.environ.get("WORKSHOP_FUZZ_SECONDS", "0"))  # 0: run CASES cases
SEED = int(os.environ.get("WORKSHOP_FUZZ_SEED", "15"))
CASE_LIMIT = 20  # seconds: a case that takes longer is a hang


class _Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Hang()


@dataclass
class Outcome:
    """What a fuzz run found: how many cases, how many usable or refused, and the failures."""

    name: str  # what was mutated, for the summary: "fonts", "templates"
    cases: int = 0
    usable: int = 0
    refused: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def check(self) -> None:
        print(f"{self.cases} mutated {self.name} in {self.seconds:.0f} s: "
              f"{self.usable} usable, {self.refused} refused")
        assert self.cases >= min(CASES, 2000) or SECONDS
        assert self.usable > self.cases // 20, f"the mutations should leave some {self.name} usable"
        assert not self.failures, (f"{len(self.failures)} of {self.cases} cases ended in an internal error:\n"
                                   + "\n".join(self.failures[:6]))


#: (random stream) → (the damaged file's bytes, what was done to them)
Mutation = Callable[[random.Random], tuple[bytes, str]]
#: runs what a build runs on the damaged file; raises WorkshopError to refuse it
Use = Callable[[Path, int], None]


def _fuzz(name: str, suffix: str, folder: Path, mutation: Mutation, use: Use) -> Outcome:
    rng = random.Random(SEED)
    outcome = Outcome(name)
    previous = signal.signal(signal.SIGALRM, _alarm)
    started = time.monotonic()
    try:
        while (time.monotonic() - started < SECONDS) if SECONDS else outcome.cases < CASES:
            outcome.cases += 1
            case = outcome.cases
            data, what = mutation(rng)
            path = folder / f"case{case}{suffix}"
            path.write_bytes(data)
            signal.alarm(CASE_LIMIT)
            try:
                use(path, case)
                outcome.usable += 1
            except WorkshopError:
                outcome.refused += 1
            except _Hang:
                outcome.failures.append(f"case {case} (seed {SEED}): {what}: still running after {CASE_LIMIT} s")
            except Exception:  # noqa: BLE001 - the point: nothing but WorkshopError may escape
                outcome.failures.append(f"case {case} (seed {SEED}): {what}:\n{traceback.format_exc(limit=-3)}")
            finally:
                signal.alarm(0)
                path.unlink()
    finally:
        signal.signal(signal.SIGALRM, previous)
    outcome.seconds = time.monotonic() - started
    return outcome


@pytest.fixture
def fuzz(tmp_path: Path) -> Callable[[str, str, Mutation, Use], Outcome]:
    """``fuzz(name, suffix, mutation, use)`` → the ``Outcome`` of a seeded run in a fresh folder."""

    def run(name: str, suffix: str, mutation: Mutation, use: Use) -> Outcome:
        return _fuzz(name, suffix, tmp_path, mutation, use)

    return run
