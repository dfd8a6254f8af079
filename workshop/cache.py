"""Entries in the user's cache folder: whole, checked, and bounded in size.

Several stages keep work they can always redo in ``<user cache>/<area>/``
(the generated masters, deflated font parts, parsed hyphenation patterns,
edit records, checked font faces, pictures scaled for print and encoded
for a PDF). They share one entry format, so a damaged entry is never
trusted anywhere:

- an entry starts with a magic line and its key, then a SHA-256 of the
  payload; one that is truncated, altered or written for another key reads as
  missing and is made again;
- it is written whole (a temporary file renamed into place), so two builds at
  once never see half an entry; a folder that cannot be written is skipped;
- each area is bounded (``AREA_LIMIT`` bytes, ``AREA_ENTRIES`` entries): after
  a write, the entries used longest ago go first. A hit refreshes the entry's
  time, so what a user builds every day stays.

``WORKSHOP_CACHE=off`` (also ``0``, ``no``, ``false``) or ``--no-cache`` turns
every area off. Nothing here imports a renderer: ``edits`` and the renderers
all use it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

CACHE_ENV = "WORKSHOP_CACHE"
OFF = ("0", "off", "no", "false")
MAGIC = b"workshop master cache 1\n"  # the masters' format line, the default for an entry
DIGEST = hashlib.sha256().digest_size
AREA_LIMIT = 64 * 1024 * 1024  # bytes one area may hold
AREA_ENTRIES = 2_000  # entries one area may hold


def enabled() -> bool:
    """False when ``WORKSHOP_CACHE`` turns the cache off."""
    return os.environ.get(CACHE_ENV, "").strip().lower() not in OFF


def area(name: str) -> Path:
    """``<user cache>/<name>``: the folder of one kind of entry."""
    from workshop.platforms import user_cache_dir

    return user_cache_dir() / name


def file_state(path: Path, info: os.stat_result) -> str:
    """A file the user does not edit in place (an installed font), as it is now: a key for what is made from it.

    Its resolved path, size, modification and change times and inode: any
    write or replacement changes one of them (``workshop.fingerprint`` keys
    installed files the same way), and no megabytes are read to key it.
    """
    return f"{os.path.realpath(path)}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}"


def code_state(*sources: str) -> str:
    """This tool's version and the state of its source files ``sources`` (paths inside the package)."""
    import sys

    import workshop

    package = Path(workshop.__file__).resolve().parent
    parts = [f"workshop {workshop.__version__}", sys.byteorder]
    for name in sources:
        try:
            info = os.stat(package / name)
        except OSError:
            continue
        parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(parts)


def read_entry(path: Path, key: str, magic: bytes = MAGIC) -> bytes | None:
    """The entry's payload, or None when it is missing, damaged or made for another key."""
    parts = read_entry_parts(path, key, 0, magic)
    return None if parts is None else parts[1]


def read_entry_parts(path: Path, key: str, split: int, magic: bytes = MAGIC) -> tuple[bytes, bytes] | None:
    """The entry's payload as its first ``split`` bytes and the rest, or None as for :func:`read_entry`.

    Each part is read from the file into its own bytes object, so a payload of
    megabytes (a deflated font) is not copied again to be sliced: the file is
    read unbuffered, the head, digest and parts each by one ``read``.
    """
    head = magic + key.encode("ascii") + b"\n"
    try:
        with open(path, "rb", buffering=0) as stream:
            if stream.read(len(head)) != head:
                return None
            digest = stream.read(DIGEST)
            first = stream.read(split) if split else b""
            rest = stream.readall()
    except OSError:
        return None
    check = hashlib.sha256(first)
    check.update(rest)
    if len(digest) != DIGEST or check.digest() != digest:
        return None
    try:
        os.utime(path)  # used now: pruning keeps it
    except OSError:
        pass
    return first, rest


def write_entry(path: Path, key: str, data: bytes, magic: bytes = MAGIC) -> None:
    """Write the entry whole, then keep its folder within bounds; a cache that cannot be written is skipped."""
    import tempfile  # here: a command that only reads entries (a <TAB>'s config) does not load it (3 ms)

    entry = magic + key.encode("ascii") + b"\n" + hashlib.sha256(data).digest() + data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(entry)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        return  # a read-only or full cache folder: the build goes on without it
    prune(path.parent, keep=path)


def prune(folder: Path, keep: Path | None = None, limit: int | None = None,
          entries: int | None = None) -> None:
    """Remove the entries used longest ago until ``folder`` holds at most ``limit`` bytes and ``entries`` files.

    ``keep`` (the entry just written) stays whatever its time. The bounds
    default to ``AREA_LIMIT`` and ``AREA_ENTRIES``.
    """
    limit = AREA_LIMIT if limit is None else limit
    entries = AREA_ENTRIES if entries is None else entries
    found: list[tuple[int, str, int]] = []
    try:
        with os.scandir(folder) as listing:
            for item in listing:
                if item.is_file(follow_symlinks=False) and not item.name.startswith(".tmp-"):
                    info = item.stat(follow_symlinks=False)
                    found.append((info.st_mtime_ns, item.name, info.st_size))
    except OSError:
        return
    total = sum(size for _time, _name, size in found)
    if total <= limit and len(found) <= entries:
        return
    count = len(found)
    for _time, name, size in sorted(found):
        if total <= limit and count <= entries:
            break
        if keep is not None and name == keep.name:
            continue
        try:
            (folder / name).unlink()
        except OSError:
            continue
        total -= size
        count -= 1


__all__ = ["AREA_ENTRIES", "AREA_LIMIT", "CACHE_ENV", "MAGIC", "OFF", "area", "enabled", "prune",
           "read_entry", "read_entry_parts", "write_entry"]
