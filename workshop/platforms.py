"""What differs between Linux, macOS and Windows, in one small module.

Everything else in the package is portable; the few things that are not live
here, each with a portable default. This part knows *where things are*: the
user's configuration, cache and brand folders, and the folders each desktop
keeps fonts in. Every function takes a ``Desktop`` (which system, its
environment, its home and file-system root) so tests can describe a Mac or a
Windows laptop with a fake folder tree on any machine; ``Desktop.current()``
is the machine we run on.

The other part knows *how things behave*, so the portable path is the only
path: worker processes come from :func:`process_context` (``fork`` on Linux,
``spawn`` on macOS and Windows, or wherever ``WORKSHOP_START_METHOD=spawn``
forces it); a replaced output keeps its old version with :func:`keep_old` (a
hard link where the file system has them, a rename otherwise) and the new one
goes in with ``os.replace``, atomic on all three; stop requests are the
signals :func:`stop_signals` names (no SIGHUP, SIGQUIT or signal masks); and
output names follow the strictest system's rules (:func:`file_name_problem`).
"""

from __future__ import annotations

import os
import re
import signal
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.lazyclass import lazy_dataclass

if TYPE_CHECKING:
    from multiprocessing.context import ForkContext, SpawnContext

APP = "workshop"
CONFIG_ENV = "WORKSHOP_CONFIG_DIR"  # overrides the user configuration folder (tests, portable installs)
SYSTEMS = ("linux", "macos", "windows")  # what Desktop.system may say
START_METHOD_ENV = "WORKSHOP_START_METHOD"  # "spawn" forces the macOS/Windows process path (one CI run)
WINDOWS = sys.platform == "win32"
NAME_MAX = 255  # bytes on Linux and macOS, UTF-16 units on Windows: the common floor


@lazy_dataclass(frozen=True)
class Desktop:
    """The facts folder lookups depend on; fake ones describe other systems in tests."""

    system: str  # "linux", "macos" or "windows" (any other POSIX system counts as "linux")
    home: Path
    env: Mapping[str, str] = field(default_factory=dict)
    root: Path = Path("/")  # where absolute system folders (/usr/share/fonts, /Library) start

    @classmethod
    def current(cls) -> Desktop:
        return cls(system_name(), Path.home(), dict(os.environ))

    def env_path(self, name: str) -> Path | None:
        """An environment variable that names a folder, or None when unset or empty."""
        value = self.env.get(name, "")
        return Path(value) if value else None

    def under_root(self, absolute: str) -> Path:
        return self.root.joinpath(absolute.lstrip("/"))


def system_name(platform: str | None = None) -> str:
    """``sys.platform`` in the three words this module speaks."""
    platform = platform or sys.platform
    if platform.startswith("win") or platform == "cygwin":
        return "windows"
    if platform == "darwin":
        return "macos"
    return "linux"


def _desktop(desktop: Desktop | None) -> Desktop:
    return desktop if desktop is not None else Desktop.current()


# --- where things are: user folders ---------------------------------------------------------------


def user_config_dir(desktop: Desktop | None = None) -> Path:
    """Where a user keeps settings for this tool (brands live in its ``brands`` folder).

    ``$WORKSHOP_CONFIG_DIR`` wins everywhere. Otherwise the platform's own
    convention: ``$XDG_CONFIG_HOME/workshop`` (``~/.config/workshop``) on
    Linux, ``~/Library/Application Support/workshop`` on macOS,
    ``%APPDATA%\\workshop`` on Windows.
    """
    d = _desktop(desktop)
    override = d.env_path(CONFIG_ENV)
    if override is not None:
        return override
    if d.system == "windows":
        return (d.env_path("APPDATA") or d.home / "AppData" / "Roaming") / APP
    if d.system == "macos":
        return d.home / "Library" / "Application Support" / APP
    return (_absolute(d.env_path("XDG_CONFIG_HOME")) or d.home / ".config") / APP


def user_cache_dir(desktop: Desktop | None = None) -> Path:
    """Where this tool may keep caches: files it can always recompute, safe to delete."""
    d = _desktop(desktop)
    if d.system == "windows":
        return (d.env_path("LOCALAPPDATA") or d.home / "AppData" / "Local") / APP / "Cache"
    if d.system == "macos":
        return d.home / "Library" / "Caches" / APP
    return (_absolute(d.env_path("XDG_CACHE_HOME")) or d.home / ".cache") / APP


def user_brands_dir(desktop: Desktop | None = None) -> Path:
    """A user's own brands, usable from every project (after the project's, before the installed)."""
    return user_config_dir(desktop) / "brands"


# --- where things are: font folders ---------------------------------------------------------------


def font_dirs(desktop: Desktop | None = None) -> tuple[Path, ...]:
    """The folders a desktop keeps installed fonts in, the user's own first.

    Linux follows fontconfig's defaults and the XDG base-directory spec;
    macOS the folders Font Book installs to; Windows the per-user folder
    (Windows 10 1809 and later) and the system folder.
    """
    d = _desktop(desktop)
    if d.system == "windows":
        local = d.env_path("LOCALAPPDATA") or d.home / "AppData" / "Local"
        windir = d.env_path("WINDIR") or d.env_path("SystemRoot") or d.root / "Windows"
        return (local / "Microsoft" / "Windows" / "Fonts", windir / "Fonts")
    if d.system == "macos":
        return (
            d.home / "Library" / "Fonts",
            d.under_root("/Library/Fonts"),
            d.under_root("/Network/Library/Fonts"),
            d.under_root("/System/Library/Fonts"),
        )
    data_home = _absolute(d.env_path("XDG_DATA_HOME")) or d.home / ".local" / "share"
    data_dirs = [Path(p) for p in d.env.get("XDG_DATA_DIRS", "").split(os.pathsep) if os.path.isabs(p)]
    if not data_dirs:
        data_dirs = [d.under_root("/usr/local/share"), d.under_root("/usr/share")]
    folders = [data_home / "fonts", d.home / ".fonts", *(p / "fonts" for p in data_dirs)]
    return tuple(dict.fromkeys(folders))


def _absolute(path: Path | None) -> Path | None:
    """XDG says relative values are invalid and must be ignored."""
    return path if path is not None and path.is_absolute() else None


# --- how things behave: processes, signals, files -------------------------------------------------


def start_method() -> str:
    """``fork`` on Linux (fast, shares the loaded brand), ``spawn`` elsewhere; the env var wins."""
    forced = os.environ.get(START_METHOD_ENV, "").strip().lower()
    # multiprocessing's own rule, without importing it (``--help`` and single builds never start a pool)
    available = ("fork", "spawn") if hasattr(os, "fork") else ("spawn",)
    if forced in ("fork", "spawn") and forced in available:
        return forced
    return "fork" if "fork" in available and sys.platform.startswith("linux") else "spawn"


def process_context() -> SpawnContext | ForkContext:
    import multiprocessing  # imported by the batch only, when it starts workers

    if sys.platform != "win32" and start_method() == "fork":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


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
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
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
