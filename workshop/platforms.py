"""What differs between Linux, macOS and Windows, kept small and in one place.

Everything else in the package calls these functions instead of asking which
system it runs on, so the portable path is the only path:

- worker processes come from :func:`process_context` (``fork`` where the
  system has it, ``spawn`` on macOS and Windows or when
  ``WORKSHOP_START_METHOD=spawn`` forces it, as one CI run does);
- a replaced file keeps its old version with :func:`keep_old` (a hard link
  where the file system allows one, a rename otherwise) and the new one goes
  in with ``os.replace``, which is atomic on all three;
- Ctrl-C and termination requests arrive through :func:`stop_signals`, which
  names only the signals this system has (no SIGHUP, SIGQUIT or sigmasks);
- output file names are checked by :func:`file_name_problem` against the
  rules of the strictest system (Windows), so a deck built on Linux can be
  copied to a colleague's laptop.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.context import BaseContext
from pathlib import Path

START_METHOD_ENV = "WORKSHOP_START_METHOD"
WINDOWS = sys.platform == "win32"
NAME_MAX = 255  # bytes on Linux and macOS, UTF-16 units on Windows: the common floor


def start_method() -> str:
    """``fork`` where available (fast, shares the loaded brand), else ``spawn``; the env var wins."""
    forced = os.environ.get(START_METHOD_ENV, "").strip().lower()
    available = multiprocessing.get_all_start_methods()
    if forced in available:
        return forced
    return "fork" if "fork" in available and sys.platform.startswith("linux") else "spawn"


def process_context() -> BaseContext:
    return multiprocessing.get_context(start_method())


def can_fork() -> bool:
    """Whether a bare ``os.fork`` helper may be used (not when spawn is chosen or forced)."""
    return hasattr(os, "fork") and start_method() == "fork"


def stop_signals() -> tuple[int, ...]:
    """The signals that ask this program to stop: Ctrl-C, termination, Ctrl-Break on Windows."""
    names = ("SIGINT", "SIGTERM", "SIGBREAK")
    return tuple(int(getattr(signal, name)) for name in names if hasattr(signal, name))


def exit_status_for(signum: int) -> int:
    """128 + the signal number, the shell's convention: 130 for Ctrl-C, 143 for SIGTERM."""
    if signum == getattr(signal, "SIGTERM", -1):
        return 143
    return 130


def signal_name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or a termination request, with the exit status the shell expects for it."""

    def __init__(self, signum: int):
        super().__init__(signal_name(signum))
        self.signum = signum
        self.status = exit_status_for(signum)


_held: list[int] = []
_depth = 0
_requests = 0  # stop requests since the outermost stop_handlers() began
_on_signal: Callable[[int, bool], None] | None = None


def _handler(signum: int, frame: object) -> None:
    global _requests
    _requests += 1
    if _depth:
        _held.append(signum)
    elif _on_signal is not None:
        _on_signal(signum, False)


def raise_interrupted(signum: int, held: bool) -> None:
    """The usual reaction to a stop signal: unwind this process (``finally`` blocks run).

    Only the first request unwinds; a repeated Ctrl-C while the program already
    stops (and prints what it did) must not cut that short with a traceback.
    """
    if _requests <= 1:
        raise Interrupted(signum)


def install_stop_handlers() -> None:
    """For the whole life of the process (the CLI's ``main``): stop requests unwind with
    :class:`Interrupted`, and are never given back to Python's default, which would
    turn a late Ctrl-C during exit into a traceback."""
    global _on_signal
    _on_signal = raise_interrupted
    for signum in stop_signals():
        signal.signal(signum, _handler)


@contextmanager
def stop_handlers(on_signal: Callable[[int, bool], None] = raise_interrupted) -> Iterator[None]:
    """Route Ctrl-C and termination requests to ``on_signal(signum, held)`` while the block runs.

    ``held`` is True when the request arrived inside :func:`critical` and is
    delivered only now, at its end.
    Only the main thread may set handlers; elsewhere this changes nothing.
    """
    global _on_signal, _requests
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous_handler = _on_signal
    if previous_handler is None:
        _requests = 0
    previous = {s: signal.getsignal(s) for s in stop_signals()}
    _on_signal = on_signal
    for signum in previous:
        signal.signal(signum, _handler)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
        _on_signal = previous_handler


@contextmanager
def critical() -> Iterator[None]:
    """Hold stop signals until the outermost block ends (renames that must finish together)."""
    global _depth
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
    if not _depth and _held:
        signum = _held.pop()
        _held.clear()
        if _on_signal is not None:
            _on_signal(signum, True)


def worker_signals() -> None:
    """In worker processes: Ctrl-C reaches the whole process group, but only the parent decides.

    Termination goes back to the default (end at once), also for a forked worker
    that inherited the parent's handlers; the output journal makes that safe.
    """
    global _on_signal
    _on_signal = None
    _held.clear()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGBREAK",):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def keep_old(target: Path, backup: Path) -> bool:
    """Link ``backup`` to ``target`` so the target never goes missing; False where links fail."""
    try:
        os.link(target, backup)
    except (OSError, AttributeError, NotImplementedError):
        return False
    return True


def fsync_folder(folder: Path) -> None:
    """Make renames in ``folder`` durable (POSIX); Windows has no folder handles to flush."""
    if WINDOWS:
        return
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


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` so writers and recovery in it take turns.

    POSIX locks the folder itself (``flock`` on its descriptor), so no lock file is
    left behind. Windows cannot open a folder, so it locks the first byte of a
    ``.workshop.lock`` file in it.
    """
    if WINDOWS:  # pragma: no cover - exercised on Windows only
        import msvcrt

        fd = os.open(folder / ".workshop.lock", os.O_RDWR | os.O_CREAT, 0o666)
        try:
            while True:
                try:
                    msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                    break
                except OSError:  # LK_LOCK gives up after ten seconds; keep waiting
                    continue
            try:
                yield
            finally:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        finally:
            os.close(fd)
        return
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def name_max(folder: Path) -> int:
    """The longest file name ``folder`` accepts, in bytes (255 where the system cannot say)."""
    try:
        return min(NAME_MAX, int(os.pathconf(folder, "PC_NAME_MAX")))
    except (OSError, ValueError, AttributeError):
        return NAME_MAX


_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])", re.IGNORECASE)
_ILLEGAL = set('<>:"/\\|?*')


def file_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a file name on every system, or None when it can."""
    if name in ("", ".", ".."):
        return "it is empty or a folder reference"
    bad = sorted({c for c in name if c in _ILLEGAL or ord(c) < 32})
    if bad:
        return "it contains " + ", ".join(repr(c) for c in bad) + ", not allowed in Windows file names"
    if name[-1] in ". ":
        return "it ends with a dot or a space, which Windows drops"
    if _RESERVED.fullmatch(name.split(".")[0].rstrip(" ")):
        return f"'{name.split('.')[0]}' is a reserved device name on Windows"
    if len(name.encode("utf-8")) > NAME_MAX:
        return f"it is {len(name.encode('utf-8'))} bytes long; file names may have at most {NAME_MAX}"
    return None
