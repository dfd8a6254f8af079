"""``workshop watch``: rebuild when an input file changes (simple polling, no extra deps).

Editors often save by writing a new file and renaming it over the old one,
and ``git checkout`` removes files before it writes them again, so an outline
can be missing for a moment. Watching then waits for it to come back (and
says so) instead of ending; a build that fails on bad input is reported and
the watch goes on. Only Ctrl-C (or a termination request) ends it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from workshop.errors import WorkshopError

WATCHED_SUFFIXES = (".yaml", ".yml", ".png", ".jpg", ".jpeg", ".pptx", ".ttf", ".otf")


def _snapshot(paths: Iterable[Path]) -> dict[Path, tuple[float, int]]:
    stamps: dict[Path, tuple[float, int]] = {}
    for path in paths:
        candidates = path.rglob("*") if path.is_dir() else [path]
        for file in candidates:
            if file.suffix.lower() in WATCHED_SUFFIXES and file.is_file():
                try:
                    info = file.stat()
                except OSError:
                    continue
                stamps[file] = (info.st_mtime, info.st_size)
    return stamps


def _missing(paths: Iterable[Path]) -> list[Path]:
    return [path for path in paths if not path.exists()]


def watch_and_build(paths: list[str], vars_files: list[str], brand: str,
                    rebuild: Callable[[], None], interval: float, rounds: int | None = None,
                    say: Callable[[str], None] = lambda text: None) -> None:
    """Build once, then again after every change; ``rounds`` bounds the loop (tests).

    ``rebuild`` may raise :class:`WorkshopError` (reported through ``say``, and
    watching goes on); ``KeyboardInterrupt`` ends the watch.
    """
    from workshop.brand.load import brand_folder

    given = [Path(p) for p in paths + vars_files]
    watched = list(given)
    try:
        watched.append(brand_folder(brand))
    except WorkshopError:  # a bad brand is reported by the build itself
        pass

    def build() -> None:
        try:
            rebuild()
        except WorkshopError as exc:
            say(f"error: {exc}")
        say(f"watching {', '.join(paths + vars_files)} for changes (Ctrl-C stops)")

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
        time.sleep(interval)
        count += 1
        missing = _missing(given)
        if missing:
            if missing != waiting:
                say(f"{', '.join(map(str, missing))} is gone for now; waiting for it to come back")
                waiting = missing
            continue
        now = _snapshot(watched)
        if now != last or waiting:
            if waiting:
                say(f"{', '.join(map(str, waiting))} is back; rebuilding")
                waiting = []
            last = now
            build()
