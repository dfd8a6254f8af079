"""Ctrl-C and SIGTERM on a real batch: queued jobs stop at once, every output set stays whole.

Each test builds a batch in a subprocess with its own process group and sends
the signal to the whole group, as a terminal's Ctrl-C does (the workers get it
too). The outputs of a previous build are there first, so every set can be
judged: entirely the previous build's files, or entirely the new ones.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs process groups")]

SMALL = (Path(__file__).parent / "data" / "small.yaml").read_text(encoding="utf-8")


def outline(title: str) -> str:
    """The small outline titled after the version a set of outputs comes from."""
    return SMALL.replace('title: "T ', f'title: "{title} ')
CLIENTS = ["c1", "c2", "c3", "c4"]
OUTLINES = ["a", "b", "c", "d"]  # 16 jobs
OUTPUTS = (".pptx", "-handout.pdf", "-guide.pdf")


def write_outlines(project: Path, title: str) -> None:
    for name in OUTLINES:
        (project / "decks" / f"{name}.yaml").write_text(outline(title), encoding="utf-8")


def command(*extra: str) -> list[str]:
    args = ["build", "decks", "--out", "out", "--jobs", "2"]
    for client in CLIENTS:
        args += ["--vars", f"{client}.yaml"]
    return [sys.executable, "-m", "workshop", *args, *extra]


@pytest.fixture
def project(tmp_path):
    (tmp_path / "decks").mkdir()
    for client in CLIENTS:
        (tmp_path / f"{client}.yaml").write_text(f"client:\n  name: {client}\n", encoding="utf-8")
    write_outlines(tmp_path, "Oud")
    done = subprocess.run(command(), cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    write_outlines(tmp_path, "Nieuw")
    return tmp_path


def sets(project: Path) -> dict[tuple[str, str], tuple[bytes, ...]]:
    return {(c, o): tuple((project / "out" / c / f"{o}{s}").read_bytes() for s in OUTPUTS)
            for c in CLIENTS for o in OUTLINES}


def judge(project: Path, before: dict) -> int:
    """Every set entirely old or entirely new, no stray files; returns how many sets are new."""
    new = 0
    for key, files in sets(project).items():
        same = [a == b for a, b in zip(files, before[key], strict=True)]
        assert all(same) or not any(same), f"mixed output set {key}"
        new += not any(same)
    for client in CLIENTS:
        names = sorted(p.name for p in (project / "out" / client).iterdir())
        assert names == sorted(f"{o}{s}" for o in OUTLINES for s in OUTPUTS), names
    return new


def start(project: Path, args: list[str] | None = None) -> subprocess.Popen:
    """The batch in its own process group; stderr to a file, so reading stdout line by line is safe."""
    errors = open(project / "stderr.txt", "w+", encoding="utf-8")  # closed by finish()
    process = subprocess.Popen(args or command(), cwd=project, stdout=subprocess.PIPE, stderr=errors,
                               text=True, start_new_session=True)
    ERRORS[process.pid] = errors
    return process


ERRORS: dict[int, IO[str]] = {}


def wait_for_first_result(process: subprocess.Popen) -> list[str]:
    assert process.stdout is not None
    first = process.stdout.readline()
    assert " × " in first, first
    return [first]


def finish(process: subprocess.Popen, lines: list[str], timeout: float = 60) -> tuple[int, list[str], str]:
    """Read the rest of stdout through the same buffered stream as the first line (communicate()
    would read the descriptor and lose what that stream had already buffered)."""
    assert process.stdout is not None
    killer = threading.Timer(timeout, process.kill)
    killer.start()
    try:
        lines += process.stdout.read().splitlines()
        process.wait()
    finally:
        killer.cancel()
    errors = ERRORS.pop(process.pid)
    errors.seek(0)
    err = errors.read()
    errors.close()
    return process.returncode, [line for line in lines if " × " in line], err


def test_ctrl_c_stops_queued_jobs_and_says_what_happened(project):
    before = sets(project)
    process = start(project)
    lines = wait_for_first_result(process)
    os.killpg(process.pid, signal.SIGINT)
    code, finished, err = finish(process, lines)
    assert code == 130, err
    assert "Traceback" not in err
    told = re.search(r"interrupted \(SIGINT\): (\d+) built.*?(\d+) stopped and (\d+) not started", err, re.S)
    assert told, err
    built, stopped, skipped = map(int, told.groups())
    assert built == len(finished) and stopped == 0 and built + skipped == 16
    assert built <= 4  # the one reported, and at most the two that were running (plus one in flight)
    assert judge(project, before) == built  # the message is true: exactly these sets were replaced


def test_a_second_ctrl_c_ends_running_builds_without_hanging(project):
    before = sets(project)
    process = start(project)
    lines = wait_for_first_result(process)
    os.killpg(process.pid, signal.SIGINT)
    time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)
    time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)
    started = time.monotonic()
    code, finished, err = finish(process, lines, timeout=20)
    assert time.monotonic() - started < 15
    assert code == 130 and "Traceback" not in err, err
    told = re.search(r"interrupted \(SIGINT\): (\d+) built", err)
    assert told and int(told.group(1)) >= len(finished), err  # also those ended as they finished
    assert judge(project, before) == int(told.group(1))


def test_sigterm_stops_the_batch_with_143(project):
    before = sets(project)
    process = start(project)
    lines = wait_for_first_result(process)
    os.kill(process.pid, signal.SIGTERM)  # a service manager signals the main process only
    code, finished, err = finish(process, lines)
    assert code == 143 and "Traceback" not in err, err
    assert "interrupted (SIGTERM)" in err
    assert judge(project, before) == len(finished)


def test_sigterm_during_a_single_build_leaves_the_old_files(project):
    before = sets(project)
    process = start(project, [sys.executable, "-m", "workshop", "build", "decks/a.yaml", "--vars", "c1.yaml",
                              "--out", "out"])
    time.sleep(0.4)
    os.killpg(process.pid, signal.SIGTERM)
    code, _, err = finish(process, [])
    if code == 0:
        pytest.skip("the build finished before the signal")
    assert process.returncode == 143 and "Traceback" not in err, err
    assert "interrupted" in err
    judge(project, before)
