"""Keep every file a brand names inside the brand folder, and small.

A ``_brand.yml`` may come from a client or from a downloaded Quarto project, so
a path in it must never reach outside its folder (``..``, absolute paths,
symlinks pointing elsewhere) and must never make us open a huge file. Checks
happen on the path and the file size, before any library reads the file.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath, PureWindowsPath

from workshop.errors import Location, WorkshopError

MB = 1024 * 1024


def is_url(text: str) -> bool:
    return text.strip().lower().startswith(("http://", "https://", "ftp://", "//"))


def confined_file(
    folder: Path,
    relative: str,
    *,
    what: str,
    location: Location | None,
    max_bytes: int,
    suffixes: tuple[str, ...] = (),
) -> Path:
    """The resolved file ``relative`` names inside ``folder``, or a WorkshopError.

    ``what`` is the designer's word for the file ("logo", "font file", ...).
    """
    text = relative.strip()
    if not text:
        raise WorkshopError(f"the {what} path is empty", location)
    fix = f"put the {what} in the brand folder ({folder}) and give its path relative to it"
    if is_url(text):
        raise WorkshopError(
            f"the {what} '{text}' is a web address; nothing is downloaded at build time",
            location,
            hint=f"download it once and {fix}",
        )
    pure_posix, pure_win = PurePosixPath(text), PureWindowsPath(text)
    if pure_posix.is_absolute() or pure_win.is_absolute() or pure_win.drive or text.startswith("~"):
        raise WorkshopError(
            f"the {what} path '{text}' is absolute; brand files must stay inside the brand folder",
            location,
            hint=fix,
        )
    if ".." in pure_posix.parts or ".." in pure_win.parts:
        raise WorkshopError(
            f"the {what} path '{text}' uses '..' to leave the brand folder",
            location,
            hint=fix,
        )
    root = Path(os.path.realpath(folder))
    candidate = root / pure_posix
    resolved = Path(os.path.realpath(candidate))
    try:
        resolved.relative_to(root)
    except ValueError:
        raise WorkshopError(
            f"the {what} '{text}' is a link that points outside the brand folder (to {resolved})",
            location,
            hint=f"copy the file itself into the brand folder instead of linking to it; {fix}",
        ) from None
    if suffixes and resolved.suffix.lower() not in suffixes and candidate.suffix.lower() not in suffixes:
        raise WorkshopError(
            f"the {what} '{text}' must be a {' or '.join(suffixes)} file",
            location,
        )
    check_size(resolved, what=what, shown=text, location=location, max_bytes=max_bytes)
    return resolved


def check_size(path: Path, *, what: str, shown: str, location: Location | None, max_bytes: int) -> None:
    """A WorkshopError unless ``path`` is an existing regular file of at most ``max_bytes``."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise WorkshopError(
            f"the {what} '{shown}' does not exist",
            location,
            hint=f"check the spelling; paths are relative to the folder of _brand.yml ({path.parent})",
        ) from None
    except OSError as exc:
        raise WorkshopError(f"the {what} '{shown}' cannot be read: {exc.strerror}", location) from None
    if not path.is_file():
        raise WorkshopError(f"the {what} '{shown}' is not a file", location)
    if stat.st_size > max_bytes:
        raise WorkshopError(
            f"the {what} '{shown}' is {stat.st_size / MB:.1f} MB; the limit is {max_bytes / MB:.0f} MB",
            location,
            hint=f"save a smaller {what}",
        )
