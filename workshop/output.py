"""Writing outputs so a failed build never damages the last good ones.

All outputs of one build are rendered to memory first, written to temporary
files beside their targets, then renamed into place together. If any rename
fails, the ones already replaced are rolled back from hard-link backups.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from workshop.errors import WorkshopError


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_together(files: Mapping[Path, bytes], *, protected: frozenset[Path] = frozenset()) -> list[Path]:
    """Write every file or none; returns the paths written, in the given order."""
    targets = list(files)
    for target in targets:
        real = Path(os.path.realpath(target))
        if real in protected:
            raise WorkshopError(
                f"refusing to write {target}: it is one of the build's input files",
                hint="choose another --out folder",
            )
    temps: dict[Path, Path] = {}
    backups: dict[Path, Path] = {}
    replaced: list[Path] = []
    try:
        for target, data in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            temps[target] = Path(name)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        for target in targets:
            if target.exists():
                backup = target.parent / f".{target.name}.{os.getpid()}.bak"
                if backup.exists():
                    backup.unlink()
                os.link(target, backup)
                backups[target] = backup
        for target in targets:
            os.replace(temps[target], target)
            del temps[target]
            replaced.append(target)
        for folder in {t.parent for t in targets}:
            _fsync_dir(folder)
    except BaseException:
        for target in replaced:
            if target in backups:
                os.replace(backups.pop(target), target)
            else:
                target.unlink(missing_ok=True)
        raise
    finally:
        for temp in temps.values():
            temp.unlink(missing_ok=True)
        for backup in backups.values():
            backup.unlink(missing_ok=True)
    return targets
