"""What a loaded value depends on, as one hash: its own fields, the bytes it holds and the files it names.

Used to key caches (the generated master per brand) and to list a build's
inputs. A file inside ``folder`` (the brand's own folder: what a designer
edits) counts by its content; a file elsewhere (an installed font package)
by its path, size and modification time, so a font upgrade counts too
without reading megabytes on every build. The tool's own code counts by the
RECORD pip wrote when it installed the package, or in a checkout by each
source file's state (``package_fingerprint``).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import workshop

MAX_HASHED_BYTES = 8 * 1024 * 1024  # files larger than this count by size and time, not content


def _leaves(value: object, depth: int = 0) -> Iterator[Path | bytes]:
    """The paths and byte strings a loaded value holds (fields left out of its repr included)."""
    if isinstance(value, (Path, bytes)):
        yield value
        return
    if depth > 6 or isinstance(value, (str, int, float)) or value is None:
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        items: Iterable[object] = (getattr(value, f.name) for f in dataclasses.fields(value))
    elif isinstance(value, Mapping):
        items = value.values()
    elif isinstance(value, (list, tuple, frozenset, set)):
        items = value
    else:
        return
    for item in items:
        yield from _leaves(item, depth + 1)


def files_in(value: object) -> list[Path]:
    """Every path a loaded value holds (a brand: its file, template, logos, fonts), whatever its shape."""
    return [leaf for leaf in _leaves(value) if isinstance(leaf, Path)]


def _file_part(path: Path, folder: Path | None) -> bytes:
    try:
        info = path.stat()
    except OSError:
        return f"{path}:missing".encode()
    inside = folder is not None and (folder == path or folder in path.parents)
    if inside and info.st_size <= MAX_HASHED_BYTES and path.is_file():
        try:
            return f"{path}:".encode() + hashlib.sha256(path.read_bytes()).digest()
        except OSError:
            pass
    return f"{path}:{info.st_size}:{info.st_mtime_ns}".encode()


def value_fingerprint(value: object, folder: Path | None = None) -> str:
    """A hash of ``value``'s repr and of every file it names (see the module docstring)."""
    digest = hashlib.sha256(repr(value).encode("utf-8"))
    leaves = list(_leaves(value))
    for path in sorted({leaf for leaf in leaves if isinstance(leaf, Path)}):
        digest.update(b"\0" + _file_part(path, folder))
    for data in (leaf for leaf in leaves if isinstance(leaf, bytes)):  # checked image bytes, say
        digest.update(b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def code_fingerprint() -> str:
    """This tool's version and the state of its code: a code change outdates every cache entry.

    Made once per process (see :func:`sources_fingerprint`).
    """
    return _code_fingerprint()


@functools.lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    return package_fingerprint(Path(workshop.__file__).parent, workshop.__version__)


@functools.cache
def sources_fingerprint(folder: Path) -> str:
    """The state of this package's code that ``folder`` (a part of it) holds, once per process.

    Installed by pip: the install's RECORD, which covers the whole package;
    a checkout: the sources under ``folder``. Once per process, because the
    code that runs is the code loaded when it started: a file edited later
    (while ``workshop watch`` runs, say) does not change what this process
    makes, so its entries keep the key of the code that made them.
    """
    digest = hashlib.sha256()
    _add_code(digest, Path(workshop.__file__).parent, workshop.__version__, folder)
    return digest.hexdigest()


def package_fingerprint(package: Path, version: str) -> str:
    """The package's version and code: its RECORD when pip installed it, else each source file's state.

    pip writes the RECORD (every installed file with its SHA-256) on each
    install, upgrade or reinstall, so it changes whenever the installed code
    does, and reading one file costs a fraction of a stat per source file
    (about 240 of them). A checkout or an editable install has no RECORD
    beside the package folder: there each ``.py`` file counts by its path,
    size and modification time, so a developer never sees an entry made by
    older code. (A file edited by hand inside an installation is not seen;
    reinstall, or ``WORKSHOP_CACHE=off``.)
    """
    digest = hashlib.sha256(f"workshop {version}".encode())
    _add_code(digest, package, version, package)
    return digest.hexdigest()


def _add_code(digest: hashlib._Hash, package: Path, version: str, folder: Path) -> None:
    """The package's RECORD when pip installed it, else the state of the sources under ``folder``."""
    record = installed_record(package, version)
    if record is not None:
        digest.update(b"\0RECORD\0" + record)
    else:
        _add_sources(digest, str(folder))


def installed_record(package: Path, version: str) -> bytes | None:
    """The RECORD pip wrote when it installed ``package`` (the folder), or None: not installed by pip.

    Only a RECORD in the ``dist-info`` beside the package folder, for this
    version, that lists the package's own ``__init__.py``, is the record of
    these very files (an editable install keeps its ``dist-info`` elsewhere).
    """
    path = package.parent / f"{package.name}-{version}.dist-info" / "RECORD"
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if f"{package.name}/__init__.py,".encode() in data else None


def _add_sources(digest: hashlib._Hash, folder: str) -> None:
    """Each ``.py`` file under ``folder`` by path, size and time, as a sorted ``os.walk`` visits them.

    One ``scandir`` per folder and one ``stat`` per file (``os.walk`` and then
    ``os.stat`` listed each file twice): about 0.6 ms less per call. Folders
    that are symbolic links are not entered, as ``os.walk`` does not.
    """
    files: list[os.DirEntry[str]] = []
    folders: list[str] = []
    try:
        listing = os.scandir(folder)
    except OSError:
        return
    with listing:
        for entry in listing:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not entry.is_symlink():
                    folders.append(entry.name)
            elif entry.name.endswith(".py"):
                files.append(entry)
    for entry in sorted(files, key=lambda e: e.name):
        try:
            info = entry.stat()
        except OSError:
            continue
        digest.update(f"{folder}/{entry.name}:{info.st_size}:{info.st_mtime_ns}\0".encode())
    for name in sorted(folders):
        _add_sources(digest, os.path.join(folder, name))
