"""Confine user-given paths to allowed folders.

Outlines and brand files name images, logos, fonts and templates. A name is
accepted only when it is a plain relative path whose real location (symlinks
resolved) stays inside one of the allowed roots and is a regular file of a
sane size. Everything else is refused with the reason.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from workshop.errors import Location, WorkshopError

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def confined_file(
    name: str,
    base: Path,
    roots: Iterable[Path],
    *,
    what: str,
    max_bytes: int,
    location: Location | None = None,
) -> Path:
    """Resolve ``name`` relative to ``base`` and check it against ``roots``."""
    roots = [Path(os.path.realpath(r)) for r in roots]
    shown = ", ".join(str(r) for r in roots)
    if "\x00" in name:
        raise WorkshopError(f"the {what} path contains a NUL byte", location)
    if _SCHEME.match(name) and not re.match(r"^[A-Za-z]:[\\/]", name):
        raise WorkshopError(
            f"the {what} '{name}' is a URL; only files inside the project can be used",
            location, hint=f"copy the file into {shown} and give its relative path",
        )
    if name.startswith("~") or os.path.isabs(name) or name.startswith("\\\\"):
        raise WorkshopError(
            f"the {what} path '{name}' is absolute; give a path relative to the outline",
            location, hint=f"allowed folders: {shown}",
        )
    candidate = base / name
    real = Path(os.path.realpath(candidate))
    if not any(_inside(real, root) for root in roots):
        raise WorkshopError(
            f"the {what} '{name}' lies outside the allowed folders",
            location, hint=f"allowed folders: {shown}; symlinks may not point outside them",
        )
    try:
        info = os.stat(real)
    except FileNotFoundError:
        raise WorkshopError(f"the {what} '{name}' does not exist", location,
                            hint=f"looked for {candidate}") from None
    except OSError as exc:
        raise WorkshopError(f"the {what} '{name}' cannot be read: {exc.strerror}", location) from None
    if not stat.S_ISREG(info.st_mode):
        raise WorkshopError(f"the {what} '{name}' is not a regular file", location)
    if info.st_size > max_bytes:
        raise WorkshopError(
            f"the {what} '{name}' is {info.st_size / 1024 / 1024:.1f} MB; the limit is "
            f"{max_bytes / 1024 / 1024:.0f} MB", location, hint="use a smaller file",
        )
    return real


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def project_root(outline_path: Path) -> Path:
    """The folder an outline's files may come from: the working folder if the outline is in it."""
    cwd = Path(os.getcwd()).resolve()
    folder = outline_path.resolve().parent
    return cwd if _inside(folder, cwd) else folder


def confined_argument(path: Path, root: Path, *, what: str, max_bytes: int,
                      trusted: Iterable[Path] = ()) -> Path:
    """A file named on the command line (e.g. --vars) must also lie inside ``root``.

    ``trusted`` folders (the client folders a project configures) are allowed
    too, wherever they are: the user chose them. Type and size are checked all the same.
    """
    roots = [Path(os.path.realpath(root)), *(Path(os.path.realpath(t)) for t in trusted)]
    name = str(path)
    if path.is_absolute():
        real = Path(os.path.realpath(path))
        inside = next((r for r in roots if _inside(real, r)), None)
        if inside is not None:
            name = os.path.relpath(path, Path(os.getcwd()))
    return confined_file(name, Path(os.getcwd()), roots, what=what, max_bytes=max_bytes)


def file_problem(path: Path, *, root: Path | None = None, max_bytes: int) -> str | None:
    """Why a file found by a folder scan must not be opened, or None when it may be.

    The scan's counterpart of ``confined_file``: a symlink whose target leaves
    ``root`` (when given), anything but a regular file (FIFOs and devices
    would block or never end) and oversized files are left out.
    """
    if root is not None and not _inside(Path(os.path.realpath(path)), Path(os.path.realpath(root))):
        return "it is a link to a file outside the folder"
    try:
        info = os.stat(path)
    except OSError as exc:
        return f"it cannot be read ({exc.strerror})"
    if not stat.S_ISREG(info.st_mode):
        return "it is not a regular file"
    if info.st_size > max_bytes:
        return f"it is larger than {_size(max_bytes)}"
    return None


def read_regular_file(path: Path, *, max_bytes: int) -> bytes:
    """The bytes of ``path``, refusing anything but a regular file of at most ``max_bytes``.

    The checks run on the opened file itself (non-blocking open, then fstat), so a
    FIFO cannot block the open and a file swapped after an earlier check is caught.
    Raises ``OSError`` (``NotRegularFile`` or the system's error).
    """
    with os.fdopen(_open_regular(path, max_bytes), "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise NotRegularFile(f"'{path}' is larger than {_size(max_bytes)}")
    return data


class RegularFile:
    """A regular file of at most ``max_bytes``, read piece by piece (``with RegularFile(path, ...) as f``).

    For formats whose header says where the few parts a reader needs lie (a
    font's table directory): reading those pieces costs what they weigh, not
    what the file weighs. The open is checked as in ``read_regular_file``, and
    every piece must lie inside the file as its size was when it was opened:
    an offset or length from a damaged header cannot read past the end, and a
    file cut short while it is read is refused (``OutsideFile``).
    """

    def __init__(self, path: Path, *, max_bytes: int) -> None:
        self.path = path
        self._descriptor = _open_regular(path, max_bytes)
        self.size = os.fstat(self._descriptor).st_size

    def read_at(self, offset: int, length: int) -> bytes:
        """The ``length`` bytes at ``offset``, all of which must lie inside the file."""
        if offset < 0 or length < 0 or offset + length > self.size:
            raise OutsideFile(f"'{self.path}' has no bytes {offset:,}-{offset + length:,} "
                              f"(it is {self.size:,} bytes long)")
        if not length:
            return b""
        if hasattr(os, "pread"):
            data = os.pread(self._descriptor, length, offset)
        else:  # Windows has no pread
            os.lseek(self._descriptor, offset, os.SEEK_SET)
            data = os.read(self._descriptor, length)
        if len(data) != length:
            raise OutsideFile(f"'{self.path}' became shorter while it was read")
        return data

    def close(self) -> None:
        if self._descriptor >= 0:
            os.close(self._descriptor)
            self._descriptor = -1

    def __enter__(self) -> RegularFile:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _open_regular(path: Path, max_bytes: int) -> int:
    """A descriptor of ``path`` opened for reading, once it is known to be a regular file of at most ``max_bytes``."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(f"'{path}' is not a regular file")
        if info.st_size > max_bytes:
            raise NotRegularFile(f"'{path}' is larger than {_size(max_bytes)}")
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


class NotRegularFile(OSError):
    """A path that is a FIFO, device or folder, or too large, where a file was expected."""


class OutsideFile(OSError):
    """A piece asked of a ``RegularFile`` that does not lie inside it."""


def _size(limit: int) -> str:
    return f"{limit / 1024 / 1024:g} MB" if limit >= 1024 * 1024 else f"{limit:,} bytes"
