"""Watch latency: how soon ``workshop watch`` sees a saved outline, and how long the rebuild then takes.

One ``workshop watch`` process for the whole measurement. After its first build,
each round appends a comment line to the outline (a real save: new size and
time) and reads the watch's output with time stamps:

- *seen*: from the save to the line ``changed: …; rebuilding``;
- *rebuild*: from that line to the summary line ``built …``.

Standard library only; the process is ended with SIGINT (as Ctrl-C) at the end.
"""

from __future__ import annotations

import os
import queue
import signal
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class WatchResult:
    seen: list[float] = field(default_factory=list)
    rebuild: list[float] = field(default_factory=list)
    error: str | None = None

    @property
    def seen_median(self) -> float | None:
        return statistics.median(self.seen) if self.seen else None

    @property
    def rebuild_median(self) -> float | None:
        return statistics.median(self.rebuild) if self.rebuild else None


def _reader(stream, lines: queue.Queue) -> None:
    for raw in iter(stream.readline, b""):
        lines.put((time.perf_counter(), raw.decode("utf-8", "replace").rstrip()))
    lines.put((time.perf_counter(), None))


def _until(lines: queue.Queue, marker: str, timeout: float, log: list[str]) -> float:
    deadline = time.perf_counter() + timeout
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError(f"no line containing {marker!r} within {timeout:.0f} s")
        at, line = lines.get(timeout=left)
        if line is None:
            raise RuntimeError("the watch ended:\n    " + "\n    ".join(log[-12:]))
        log.append(line)
        if marker in line:
            return at


def measure_watch(command: list[str], outline: Path, *, cwd: Path, env: dict, rounds: int,
                  pause: float = 0.5, timeout: float = 60) -> WatchResult:
    """Start the watch, let it build once, then save ``outline`` ``rounds`` times and time each rebuild."""
    result = WatchResult()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(process.stdout, lines), daemon=True).start()
    log: list[str] = []
    try:
        _until(lines, "watching", timeout, log)  # the first build is done
        original = outline.read_text(encoding="utf-8")
        for index in range(rounds + 1):  # the first save is not counted: the PDF worker's first render
            time.sleep(pause)
            while not lines.empty():  # anything the watch said since (nothing is expected)
                log.append(str(lines.get()[1]))
            saved = time.perf_counter()
            outline.write_text(original + f"\n# bench save {index}\n", encoding="utf-8")
            seen = _until(lines, "rebuilding", timeout, log)
            built = _until(lines, "built ", timeout, log)
            _until(lines, "watching", timeout, log)
            if index:
                result.seen.append(seen - saved)
                result.rebuild.append(built - seen)
        outline.write_text(original, encoding="utf-8")
    except (TimeoutError, RuntimeError, queue.Empty) as exc:
        result.error = f"{exc}"
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    return result


if __name__ == "__main__":  # a quick look: python bench/_watch.py decks/citroensap.yaml
    import shutil
    import sys
    import tempfile

    repo = Path(__file__).resolve().parent.parent
    tmp = Path(tempfile.mkdtemp(prefix="workshop-watch-"))
    shutil.copytree(repo / "decks", tmp / "decks")
    target = tmp / "decks" / Path(sys.argv[1] if len(sys.argv) > 1 else "citroensap.yaml").name
    found = measure_watch([sys.executable, "-m", "workshop", "watch", str(target), "--out", str(tmp / "out")],
                          target, cwd=tmp, env=dict(os.environ), rounds=5)
    print(found)
    shutil.rmtree(tmp, ignore_errors=True)
