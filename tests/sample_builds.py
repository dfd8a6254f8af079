"""Each sample outline built once per test run, shared by every test that reads its outputs.

``workshop build`` of a sample is where many tests start: the three outputs of
every sample and docs example, their handouts and guides read back, the
language checks. Building each (outline, brand, client) once per run instead
of once per test keeps ``pytest -m "not slow"`` quick.

Under pytest-xdist the workers of one run share the cache folder (inside the
run's base temp folder) and take a lock per build, so one worker builds and
the other reads what it wrote. Every run starts with an empty cache: an output
is never older than the code under test. The files are read only; a test that
changes outputs copies them first.

Loaded by ``tests/conftest.py`` (pytest runs in importlib mode); tests use the
``sample_build`` fixture; sweeps over every sample take their parameters from
:func:`every_sample`.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

from workshop.pipeline import Job, JobResult, run_build

REPO = Path(__file__).resolve().parents[1]
READ_ONLY = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
DECKS = sorted((REPO / "decks").glob("*.yaml"))
EXAMPLES = sorted((REPO / "docs" / "examples").glob("*.yaml"))


def every_sample() -> list[Any]:
    """Parameters for a test run over every sample deck and docs example, built and read back.

    The sample decks together use every slide kind (tests/test_samples.py) and
    run in the quick loop. Each docs example shows one kind or feature that the
    decks also use; the quick loop checks them all (``workshop check``,
    test_samples.py), and builds and reads them back only in the whole suite
    (``slow``): 26 of the 33 builds.
    """
    return ([pytest.param(path, id=path.name) for path in DECKS]
            + [pytest.param(path, id=path.name, marks=pytest.mark.slow) for path in EXAMPLES])


@dataclass(frozen=True)
class SampleBuild:
    """What ``run_build`` returned for one sample, and its outputs (read-only files)."""

    result: JobResult

    def path(self, output: str) -> Path:
        """The written ``deck``, ``handout`` or ``guide``."""
        suffix = {"deck": ".pptx", "handout": "-handout.pdf", "guide": "-guide.pdf"}[output]
        return next(p for p in self.result.written if p.name.endswith(suffix))

    def read(self, output: str) -> bytes:
        """The bytes of the written ``deck``, ``handout`` or ``guide`` (read once per worker)."""
        return _read(self.path(output))


@functools.lru_cache(maxsize=128)
def _read(path: Path) -> bytes:
    return path.read_bytes()


class SampleBuilds:
    """``builds(outline, brand=..., client=...)`` → that sample's :class:`SampleBuild`, built at most once per run.

    A sample inside the checkout is built as ``workshop build`` run in the
    checkout builds it: from the checkout folder, with its path relative to it.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        self._built: dict[tuple[Path, str, Path | None], SampleBuild] = {}

    def __call__(self, outline: Path, brand: str = "default", client: Path | None = None) -> SampleBuild:
        key = (Path(outline).resolve(), brand, Path(client).resolve() if client else None)
        if key not in self._built:
            self._built[key] = self._build(*key)
        return self._built[key]

    def _build(self, outline: Path, brand: str, client: Path | None) -> SampleBuild:
        digest = hashlib.sha256(repr((str(outline), brand, str(client))).encode()).hexdigest()[:12]
        folder = self.root / (re.sub(r"[^\w.-]", "_", outline.stem) + "-" + digest)
        answer = folder / "result.pickle"
        with FileLock(str(folder) + ".lock"):
            if answer.exists():  # another worker of this run built it
                return SampleBuild(pickle.loads(answer.read_bytes()))
            inside = outline.is_relative_to(REPO)
            job = Job(_from_checkout(outline), folder / "out", brand=brand,
                      vars_file=_from_checkout(client) if client else None,
                      trusted=(client.parent,) if client else ())
            with pytest.MonkeyPatch.context() as patch:
                if inside:
                    patch.chdir(REPO)
                result = run_build(job)
            for path in result.written:
                os.chmod(path, READ_ONLY)
            answer.write_bytes(pickle.dumps(result))
            return SampleBuild(result)


def _from_checkout(path: Path) -> Path:
    """``path`` relative to the checkout when it is inside it (as a user in the checkout types it)."""
    return path.relative_to(REPO) if path.is_relative_to(REPO) else path
