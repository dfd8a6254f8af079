"""Step 1 of writing a generation (``workshop.output``): new files written, each flushed by a thread.

A flush (``os.fsync``) waits for the disk and lets other threads run, so
each new file is flushed while the next one is written, and the file system
may write them back together. :meth:`Flushing.finish` returns only once every
flush has returned: ``workshop.output`` writes its journal after that, which
keeps the order its recovery relies on (see its docstring).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path


def write_new(path: Path, data: bytes, mode: int | None) -> int:
    """Create ``path`` holding ``data``; its descriptor stays open for :class:`Flushing` to flush and close."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        if mode is not None:
            os.chmod(path, mode)
    except BaseException:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise
    return fd


def _flush(fd: int, failures: list[OSError]) -> None:
    try:
        os.fsync(fd)
    except OSError as exc:
        failures.append(exc)


class Flushing:
    """Step 1's new files, each flushed to disk by a thread of its own while the next one is written."""

    def __init__(self) -> None:
        self._pending: list[tuple[Path, int, threading.Thread | None, list[OSError]]] = []

    def start(self, target: Path, fd: int) -> None:
        """Flush ``fd`` (the new file of ``target``) in the background; where no thread starts, now."""
        failures: list[OSError] = []
        thread = threading.Thread(target=_flush, args=(fd, failures), name="workshop-fsync", daemon=True)
        try:
            thread.start()
        except RuntimeError:  # no thread to be had: flush here, as before
            _flush(fd, failures)
            self._pending.append((target, fd, None, failures))
            return
        self._pending.append((target, fd, thread, failures))

    def finish(self) -> tuple[Path, OSError] | None:
        """Wait for every flush and close every file; the first failure in target order, or None.

        Safe to call again (after Ctrl-C interrupted a wait): what is done is not done twice.
        """
        failed: tuple[Path, OSError] | None = None
        while self._pending:
            target, fd, thread, failures = self._pending[0]
            if thread is not None:
                thread.join()
            self._pending.pop(0)
            try:
                os.close(fd)
            except OSError as exc:
                failures.append(exc)
            if failures and failed is None:
                failed = (target, failures[0])
        return failed
