"""``workshop watch``: rebuild when an input file changes (simple polling, no extra deps)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path


def _snapshot(paths: Iterable[Path]) -> dict[Path, float]:
    stamps: dict[Path, float] = {}
    for path in paths:
        candidates = path.rglob("*") if path.is_dir() else [path]
        for file in candidates:
            if file.suffix in (".yaml", ".yml", ".png", ".jpg", ".jpeg", ".pptx", ".ttf") and file.is_file():
                try:
                    stamps[file] = file.stat().st_mtime
                except OSError:
                    pass
    return stamps


def watch_and_build(paths: list[str], vars_files: list[str], brand: str,
                    rebuild: Callable[[], None], interval: float, rounds: int | None = None) -> None:
    """Build once, then again after every change; ``rounds`` bounds the loop (tests)."""
    from workshop.brand.load import brand_folder

    watched = [Path(p) for p in paths + vars_files]
    try:
        watched.append(brand_folder(brand))
    except Exception:  # a bad brand is reported by the build itself
        pass
    last = _snapshot(watched)
    rebuild()
    count = 0
    while rounds is None or count < rounds:
        time.sleep(interval)
        count += 1
        now = _snapshot(watched)
        if now != last:
            last = now
            rebuild()
