"""Files a brand names: relative to its folder, never outside it.

The shared ``workshop.safety.paths.confined_file`` does the real checks
(absolute paths, URLs, symlinks leaving the folder, size); here we also
refuse any ``..`` step, even one that would land back inside: a brand folder
is copied and zipped on its own, and a path that climbs is a mistake waiting
to happen when it is.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

from workshop.errors import Location, WorkshopError
from workshop.safety.paths import confined_file


def brand_file(value: str, folder: Path, *, what: str, max_bytes: int, location: Location | None) -> Path:
    """The real path of ``value`` inside the brand ``folder``, checked, or a WorkshopError."""
    if ".." in PurePosixPath(value).parts or ".." in PureWindowsPath(value).parts:
        raise WorkshopError(
            f"the {what} path '{value}' uses '..' to climb out of the brand folder",
            location,
            hint=f"put the file inside the brand folder ({folder}) and give its path from there",
        )
    return confined_file(value, folder, [folder], what=what, max_bytes=max_bytes, location=location)
