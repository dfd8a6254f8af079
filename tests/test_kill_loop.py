"""kill -9 at random moments during real builds: readers see whole files, sets never mix.

Half the kills land at any moment of a build, half while it writes (just
after its first temporary file appears). The outputs alternate between two known versions (the outline's title
changes each round), so a reader can check every byte it reads against them,
and every output set can be judged after the next command's recovery. Set
``WORKSHOP_KILLS`` to run more rounds than CI's 32.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from workshop.output import recover_tree

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs process groups")]

KILLS = int(os.environ.get("WORKSHOP_KILLS", "32"))
SMALL = (Path(__file__).parent / "data" / "small.yaml").read_text(encoding="utf-8")


def outline(title: str) -> str:
    """The small outline titled after the version a set of outputs comes from."""
    return SMALL.replace('title: "T ', f'title: "{title} ')
CLIENTS = ("c1", "c2")
OUTPUTS = ("w.pptx", "w-handout.pdf", "w-guide.pdf")
TITLES = ("Oud", "Nieuw")


def build(project: Path, version: int, out: str) -> subprocess.Popen:
    (project / "decks" / "w.yaml").write_text(outline(TITLES[version]), encoding="utf-8")
    args = [sys.executable, "-m", "workshop", "-q", "build", "decks/w.yaml", "--out", out, "--jobs", "1"]
    for client in CLIENTS:
        args += ["--vars", f"{client}.yaml"]
    return subprocess.Popen(args, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def files(out: Path) -> list[Path]:
    return [out / c / name for c in CLIENTS for name in OUTPUTS]


class Reader(threading.Thread):
    """Reads every output over and over; each read must be one whole known version."""

    def __init__(self, out: Path, known: dict[Path, set[bytes]]):
        super().__init__(daemon=True)
        self.out, self.known, self.reads, self.bad, self.missing = out, known, 0, [], 0
        self.running = True

    def run(self) -> None:
        while self.running:
            for path in files(self.out):
                try:
                    data = path.read_bytes()
                except FileNotFoundError:
                    self.missing += 1
                    continue
                self.reads += 1
                if data not in self.known[path.relative_to(self.out)]:
                    self.bad.append((path.name, len(data)))


def wait_for_writing(out: Path, process: subprocess.Popen, limit: float) -> None:
    """Return as soon as a generation's temporary file shows up (or the build ends)."""
    deadline = time.monotonic() + limit
    while process.poll() is None and time.monotonic() < deadline:
        for client in CLIENTS:
            try:
                if any(".ws-" in name or ".workshop-" in name for name in os.listdir(out / client)):
                    return
            except FileNotFoundError:
                pass
        time.sleep(0.0002)


def versions(out: Path, known: dict[Path, list[bytes]]) -> set[tuple[str, int | None]]:
    """Per client folder: which version its whole set is (None: a mix)."""
    result = set()
    for client in CLIENTS:
        seen = set()
        for name in OUTPUTS:
            path = Path(client) / name
            seen.add(known[path].index((out / path).read_bytes()))
        result.add((client, seen.pop() if len(seen) == 1 else None))
    return result


def test_kill_9_at_random_moments(tmp_path):
    project = tmp_path
    (project / "decks").mkdir()
    for client in CLIENTS:
        (project / f"{client}.yaml").write_text(f"client:\n  name: {client}\n", encoding="utf-8")
    known: dict[Path, list[bytes]] = {}
    took = []
    for version in (0, 1):
        started = time.monotonic()
        assert build(project, version, f"ref{version}").wait(timeout=300) == 0
        took.append(time.monotonic() - started)
        for path in files(project / f"ref{version}"):
            known.setdefault(path.relative_to(project / f"ref{version}"), []).append(path.read_bytes())
    assert build(project, 0, "out").wait(timeout=300) == 0
    out = project / "out"
    allowed = {path: set(datas) for path, datas in known.items()}
    reader = Reader(out, allowed)
    reader.start()
    rng = random.Random(20261201)
    span = max(took)
    stats = {"kills": 0, "finished_first": 0, "mixed_before_recovery": 0, "strays_before_recovery": 0,
             "finished_by_recovery": 0, "undone_by_recovery": 0, "full_next_builds": 0}
    version = 0
    try:
        while stats["kills"] < KILLS:
            version = 1 - version
            process = build(project, version, "out")
            if stats["kills"] % 2:  # any moment of the build
                time.sleep(rng.uniform(0.2, 1.05) * span)
            else:  # a moment while it writes: when its first temporary appears, plus up to 4 ms
                wait_for_writing(out, process, span * 2)
                time.sleep(rng.uniform(0, 0.004))
            if process.poll() is not None:
                stats["finished_first"] += 1
            else:
                os.killpg(process.pid, signal.SIGKILL)
                stats["kills"] += 1
            process.wait(timeout=60)
            expected = {n for n in OUTPUTS}
            strays = [p.name for c in CLIENTS for p in (out / c).iterdir() if p.name not in expected]
            stats["strays_before_recovery"] += bool(strays)
            stats["mixed_before_recovery"] += any(v is None for _, v in versions(out, known))
            if stats["kills"] % 6 == 0 and process.returncode != 0:  # the next command is a whole build
                done = build(project, version, "out")
                assert done.wait(timeout=300) == 0, done.stderr.read() if done.stderr else ""
                assert versions(out, known) == {(c, version) for c in CLIENTS}
                stats["full_next_builds"] += 1
            else:  # what the next command does first
                report = recover_tree(out)
                stats["finished_by_recovery"] += report.finished
                stats["undone_by_recovery"] += report.undone
            assert all(v is not None for _, v in versions(out, known)), "a mixed set after recovery"
            for client in CLIENTS:
                assert sorted(p.name for p in (out / client).iterdir()) == sorted(OUTPUTS)
    finally:
        reader.running = False
        reader.join()
    print("\nkill loop:", stats, f"reads={reader.reads} missing={reader.missing} bad={len(reader.bad)}")
    assert not reader.bad, reader.bad[:5]
    assert reader.missing == 0 and reader.reads > 100
    assert stats["kills"] >= 30
