"""``workshop watch`` rebuilds after a change and only then."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from crashing import ends_within, process_gone

from workshop.watch import watch_and_build


def test_rebuilds_once_more_after_a_save(tmp_path):
    outline = tmp_path / "o.yaml"
    outline.write_text("a: 1\n", encoding="utf-8")
    builds = []

    def rebuild():
        builds.append(1)
        if len(builds) == 1:  # the user saves while the first build runs
            outline.write_text("a: 2\n", encoding="utf-8")
            os.utime(outline, (1, 1))

    watch_and_build([str(tmp_path)], [], "default", rebuild, interval=0.01, rounds=3)
    assert len(builds) == 2


def test_no_change_no_rebuild(tmp_path):
    (tmp_path / "o.yaml").write_text("a: 1\n", encoding="utf-8")
    builds = []
    watch_and_build([str(tmp_path)], [], "default", lambda: builds.append(1), interval=0.01, rounds=3)
    assert len(builds) == 1


def test_an_outline_missing_for_a_moment_is_waited_for(tmp_path):
    outline = tmp_path / "o.yaml"
    outline.write_text("a: 1\n", encoding="utf-8")
    builds, said = [], []

    def rebuild():
        builds.append(outline.read_text(encoding="utf-8"))
        if len(builds) == 1:
            outline.unlink()  # an editor's delete-then-write save, or a git checkout

    def say(text):
        said.append(text)
        if "waiting for it to come back" in text:
            outline.write_text("a: 2\n", encoding="utf-8")

    watch_and_build([str(outline)], [], "default", rebuild, interval=0.01, rounds=4, say=say)
    assert builds == ["a: 1\n", "a: 2\n"]
    assert any("o.yaml is gone for now; waiting for it to come back" in t for t in said)
    assert any("is back; rebuilding" in t for t in said)


def test_a_failed_rebuild_is_reported_and_watching_goes_on(tmp_path):
    from workshop.errors import WorkshopError

    outline = tmp_path / "o.yaml"
    outline.write_text("a: 1\n", encoding="utf-8")
    builds, said = [], []

    def rebuild():
        builds.append(1)
        if len(builds) == 1:
            os.utime(outline, (5, 5))
            raise WorkshopError("no outlines found")

    watch_and_build([str(outline)], [], "default", rebuild, interval=0.01, rounds=3, say=said.append)
    assert len(builds) == 2 and "error: no outlines found" in said


def test_a_save_wakes_the_watch_before_the_interval(tmp_path):
    """File-system events: with a 60 s poll interval, a save is still built at once."""
    import threading
    import time

    outline = tmp_path / "o.yaml"
    outline.write_text("a: 1\n", encoding="utf-8")
    builds = []

    def rebuild():
        builds.append(time.monotonic())
        if len(builds) == 1:
            threading.Timer(0.3, lambda: outline.write_text("a: 22\n", encoding="utf-8")).start()

    started = time.monotonic()
    watch_and_build([str(outline)], [], "default", rebuild, interval=60, rounds=1)
    assert len(builds) == 2
    assert time.monotonic() - started < 30  # not the 60 s interval: the event woke it


def test_only_a_brand_change_reloads_the_brand(tmp_path):
    brand = tmp_path / "brand"
    brand.mkdir()
    (brand / "_brand.yml").write_text("meta:\n  name: Proef\n", encoding="utf-8")
    outline = tmp_path / "o.yaml"
    outline.write_text("a: 1\n", encoding="utf-8")
    builds, reloads = [], []

    def rebuild():
        builds.append(1)
        if len(builds) == 1:
            outline.write_text("a: 22\n", encoding="utf-8")  # an outline edit: the brand stays loaded
        elif len(builds) == 2:
            (brand / "logo.png").write_bytes(b"\x89PNG")  # a new file in the brand's folder

    watch_and_build([str(outline)], [], str(brand), rebuild, interval=0.01, rounds=4,
                    brand_changed=lambda: reloads.append(len(builds)), events=False)
    assert len(builds) == 3
    assert reloads == [2]  # once, before the third build


def test_a_save_still_moving_is_waited_out(monkeypatch):
    """A change is built only once two snapshots in a row agree (a save seen half-way is not built)."""
    from pathlib import Path

    import workshop.watch as watch

    half, whole = {Path("o.yaml"): (1, 3)}, {Path("o.yaml"): (2, 7)}
    later = iter([whole, whole, whole])
    monkeypatch.setattr(watch, "_snapshot", lambda paths: next(later))
    assert watch._settled([Path("o.yaml")], half, pause=0) == whole


# --- the PDF worker ``workshop watch`` keeps: a real watch in its own process group ---

SMALL = (Path(__file__).parent / "data" / "small.yaml").read_text(encoding="utf-8")
OUTPUTS = ("small.pptx", "small-handout.pdf", "small-guide.pdf")


@pytest.fixture
def brand_setup() -> Callable[[Path], None]:
    """What a test does to the copied brand folder before the watch starts (parametrized to override)."""
    return lambda folder: None


@pytest.fixture
def watched(tmp_path, fork_only, brand_setup) -> Iterator[Watch]:
    """``workshop watch`` of a small outline with its own brand folder, its first build done."""
    import shutil

    if not Path("/proc/self/task").is_dir():
        pytest.skip("finds the worker through /proc")
    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / "small.yaml").write_text(SMALL, encoding="utf-8")
    shutil.copytree(Path(__file__).parents[1] / "assets" / "brands" / "default", tmp_path / "brand")
    brand_setup(tmp_path / "brand")
    process = subprocess.Popen(
        [sys.executable, "-m", "workshop", "watch", "decks/small.yaml", "--brand", "brand", "--out", "out"],
        cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True)
    watch = Watch(process, tmp_path)
    try:
        watch.until("watching")
        yield watch
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
        for pid in watch.seen:
            if not process_gone(pid):
                os.kill(pid, signal.SIGKILL)  # a worker left behind would hold the test run's output open


class Watch:
    def __init__(self, process: subprocess.Popen[bytes], folder: Path) -> None:
        self.process, self.folder = process, folder
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.said: list[str] = []
        self.seen: set[int] = set()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in iter(self.process.stdout.readline, b""):
            self.lines.put(raw.decode("utf-8", "replace").rstrip())
        self.lines.put(None)

    def until(self, text: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while True:
            line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            if line is None:
                pytest.fail("the watch ended:\n" + "\n".join(self.said))
            self.said.append(line)
            if text in line:
                return

    def rest(self) -> list[str]:
        """Everything the watch said, once it has ended."""
        while (line := self.lines.get(timeout=30)) is not None:
            self.said.append(line)
        return self.said

    def save(self, text: str) -> None:
        """Change the outline and wait for the rebuild to finish."""
        (self.folder / "decks" / "small.yaml").write_text(SMALL.replace('title: "T ', f'title: "{text} '),
                                                          encoding="utf-8")
        self.until("built ")
        self.until("watching")

    def worker(self) -> int:
        """The one child of the watch (its PDF worker)."""
        children = [int(pid) for task in Path(f"/proc/{self.process.pid}/task").iterdir()
                    for pid in (task / "children").read_text().split()]
        assert len(children) == 1, children
        self.seen.add(children[0])
        return children[0]


def test_watch_keeps_one_pdf_worker_and_replaces_it_when_needed(watched):
    first = watched.worker()
    watched.save("Twee")
    assert watched.worker() == first  # reused, not forked again
    os.kill(first, signal.SIGKILL)
    watched.save("Drie")  # the rebuild still succeeds: a new worker renders the PDFs
    assert "built 1 of 1" in watched.said[-2]
    second = watched.worker()
    assert second != first
    with (watched.folder / "brand" / "_brand.yml").open("a", encoding="utf-8") as brand:
        brand.write("\n# a designer's save\n")
    watched.until("built ")
    watched.until("watching")
    third = watched.worker()
    assert third != second  # a brand change starts the worker afresh

    done = subprocess.run([sys.executable, "-m", "workshop", "build", "decks/small.yaml", "--brand", "brand",
                           "--out", "plain"], cwd=watched.folder, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    for name in OUTPUTS:  # what the kept worker rendered is what a plain build writes
        assert (watched.folder / "out" / name).read_bytes() == (watched.folder / "plain" / name).read_bytes(), name

    os.killpg(watched.process.pid, signal.SIGINT)  # Ctrl-C in a terminal: the whole group
    assert watched.process.wait(timeout=30) == 0
    said = watched.rest()
    assert "stopped watching" in said and not [line for line in said if "Traceback" in line]
    assert ends_within(third)


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_no_worker_outlives_the_watch(watched, how):
    worker = watched.worker()
    os.kill(watched.process.pid, how)  # the watch alone: its worker must notice and end
    watched.process.wait(timeout=30)
    assert ends_within(worker)
    assert not [line for line in watched.rest() if "Traceback" in line]


_LATO = Path(__file__).parents[1] / "workshop" / "data" / "fonts" / "lato"
_SERIF = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")  # fonts-liberation2 (.ci/run)


def _file_fonts(folder: Path) -> None:
    """The brand's type from two files in its folder (Lato), as a designer ships them."""
    import re
    import shutil

    (folder / "fonts").mkdir()
    for style in ("Regular", "Bold"):
        shutil.copy(_LATO / f"Lato-{style}.ttf", folder / "fonts" / f"Huis-{style}.ttf")
    brand = (folder / "_brand.yml").read_text(encoding="utf-8")
    typography = ("typography:\n  fonts:\n    - family: Huis\n      source: file\n      files:\n"
                  "        - path: fonts/Huis-Regular.ttf\n        - path: fonts/Huis-Bold.ttf\n"
                  "          weight: bold\n  base: Huis\n  headings: Huis\n")
    brand, count = re.subn(r"typography:\n(?:  .*\n|\s*\n)*", typography, brand)
    assert count == 1
    (folder / "_brand.yml").write_text(brand, encoding="utf-8")


@pytest.mark.skipif(not _SERIF.is_file(), reason="needs Liberation Serif (fonts-liberation2)")
@pytest.mark.parametrize("brand_setup", [_file_fonts])
def test_a_font_saved_over_its_file_reaches_every_output(watched):
    """The designer saves another font over the brand's regular file while the watch runs."""
    import shutil

    before = {name: (watched.folder / "out" / name).read_bytes() for name in OUTPUTS}
    shutil.copy(_SERIF, watched.folder / "brand" / "fonts" / "Huis-Regular.ttf")
    watched.until("built ")
    watched.until("watching")
    done = subprocess.run([sys.executable, "-m", "workshop", "build", "decks/small.yaml", "--brand", "brand",
                           "--out", "plain"], cwd=watched.folder, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    for name in OUTPUTS:  # the new face, as a fresh process prints it: not the one loaded before the save
        assert (watched.folder / "out" / name).read_bytes() == (watched.folder / "plain" / name).read_bytes(), name
        assert (watched.folder / "out" / name).read_bytes() != before[name], name
