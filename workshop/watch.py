"""``workshop watch``: rebuild when an input file changes, in this same warm process.

A save is noticed through the file system's events (``watchfiles``: inotify,
FSEvents, ReadDirectoryChangesW), within a few tens of milliseconds; where
events do not arrive (some network drives, or without ``watchfiles``) the
inputs are compared every ``interval`` seconds as well. Either way the
decision is made on a snapshot (time and size of every watched file), so a
burst of events is one rebuild and an event for an unrelated file none.

Editors often save by writing a new file and renaming it over the old one,
and ``git checkout`` removes files before it writes them again, so an outline
can be missing for a moment. Watching then waits for it to come back (and
says so) instead of ending; a build that fails on bad input is reported and
the watch goes on. Only Ctrl-C (or a termination request) ends it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Protocol

from workshop.errors import WorkshopError

WATCHED_SUFFIXES = (".yaml", ".yml", ".png", ".jpg", ".jpeg", ".pptx", ".ttf", ".otf")
Snapshot = dict[Path, tuple[int, int]]
SETTLE = 0.02  # seconds a changed snapshot must stay the same before the rebuild starts


class Waiter(Protocol):
    def wait(self, timeout: float) -> None: ...
    def close(self) -> None: ...


class _Sleep:
    """No file-system events: wait the whole interval."""

    def wait(self, timeout: float) -> None:
        time.sleep(timeout)

    def close(self) -> None:
        pass


class _Events:
    """Wakes the watch as soon as the file system reports a change under the watched folders."""

    def __init__(self, folders: list[Path]) -> None:
        import watchfiles

        self._changed = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(watchfiles, folders), daemon=True,
                                        name="workshop-watch-events")
        self._thread.start()

    def _run(self, watchfiles: ModuleType, folders: list[Path]) -> None:
        try:
            for _changes in watchfiles.watch(
                    *folders, debounce=40, step=10, stop_event=self._stop, rust_timeout=500,
                    yield_on_timeout=False, raise_interrupt=False):
                self._changed.set()
        except Exception:  # noqa: BLE001 - a folder that vanished or no events here: the interval still polls
            pass

    def wait(self, timeout: float) -> None:
        if self._changed.wait(timeout):
            self._changed.clear()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)


def waiter_for(paths: Iterable[Path], events: bool = True) -> Waiter:
    """File-system events for the folders holding ``paths`` where ``watchfiles`` works, else plain sleeping."""
    folders = sorted({p if p.is_dir() else p.parent for p in paths if p.is_dir() or p.parent.is_dir()})
    if not events or not folders:
        return _Sleep()
    try:
        return _Events(folders)
    except ImportError:
        return _Sleep()


def _snapshot(paths: Iterable[Path]) -> Snapshot:
    stamps: Snapshot = {}
    for path in paths:
        candidates = path.rglob("*") if path.is_dir() else [path]
        for file in candidates:
            if file.suffix.lower() in WATCHED_SUFFIXES and file.is_file():
                try:
                    info = file.stat()
                except OSError:
                    continue
                stamps[file] = (info.st_mtime_ns, info.st_size)
    return stamps


def changed_files(before: Snapshot, after: Snapshot) -> list[Path]:
    """The files added, removed or changed between two snapshots, in name order."""
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


def _settled(paths: list[Path], now: Snapshot, pause: float = SETTLE, limit: float = 1.0) -> Snapshot:
    """The snapshot once it stops moving: a save seen half-way (truncated, not yet written) is not built."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        time.sleep(pause)
        again = _snapshot(paths)
        if again == now:
            break
        now = again
    return now


def _missing(paths: Iterable[Path]) -> list[Path]:
    return [path for path in paths if not path.exists()]


def watch_and_build(paths: list[str], vars_files: list[str], brand: str,
                    rebuild: Callable[[], None], interval: float, rounds: int | None = None,
                    say: Callable[[str], None] = lambda text: None,
                    brand_changed: Callable[[], None] = lambda: None, events: bool = True) -> None:
    """Build once, then again after every change; ``rounds`` bounds the loop (tests).

    ``rebuild`` may raise :class:`WorkshopError` (reported through ``say``, and
    watching goes on); ``KeyboardInterrupt`` ends the watch. ``brand_changed``
    runs before a rebuild that follows a change in the brand's folder (to drop
    the loaded brand); other changes reuse everything loaded.
    """
    from workshop.brand.load import brand_folder

    given = [Path(p) for p in paths + vars_files]
    watched = list(given)
    folder: Path | None = None
    try:
        folder = Path(brand_folder(brand))
        watched.append(folder)
    except WorkshopError:  # a bad brand is reported by the build itself
        pass

    def build() -> None:
        try:
            rebuild()
        except WorkshopError as exc:
            say(f"error: {exc}")
        say(f"watching {', '.join(paths + vars_files)} for changes (Ctrl-C stops)")

    waiter = waiter_for(watched, events)
    try:
        waiting: list[Path] = []
        last = _snapshot(watched)
        missing = _missing(given)
        if missing:
            waiting = missing
            say(f"waiting for {', '.join(map(str, missing))} to appear")
        else:
            build()
        count = 0
        while rounds is None or count < rounds:
            waiter.wait(interval)
            count += 1
            missing = _missing(given)
            if missing:
                if missing != waiting:
                    say(f"{', '.join(map(str, missing))} is gone for now; waiting for it to come back")
                    waiting = missing
                continue
            now = _snapshot(watched)
            if now != last:
                now = _settled(watched, now)
            if now != last or waiting:
                changed = changed_files(last, now)
                if waiting:
                    say(f"{', '.join(map(str, waiting))} is back; rebuilding")
                    waiting = []
                elif changed:
                    say(f"changed: {', '.join(map(str, changed[:3]))}"
                        + (f" and {len(changed) - 3} more" if len(changed) > 3 else "") + "; rebuilding")
                if folder is not None and any(p == folder or folder in p.parents for p in changed):
                    brand_changed()
                last = now
                build()
    finally:
        waiter.close()
