"""Big parts that are the same in every deck of a brand (its embedded fonts), deflated once per machine.

Deflating a brand's embedded fonts took about 27 ms of a 0.45 s cold deck
build (2.2 MB at level 1 for the house brand), and the result depends only on
the bytes, the level and zlib's version. So parts of at least ``MIN_BYTES``
are kept deflated in the user's cache folder (``<user cache>/deflated/``),
named by the SHA-256 of those three; hashing and reading an entry costs about
3 ms. An entry is written whole and carries a SHA-256 of its bytes (the master
cache's entry format, ``workshop.cache``), so a damaged or truncated one is ignored and written
again. The deck's bytes are the same with the cache cold, warm or off
(``WORKSHOP_CACHE=off``, ``--no-cache``).

An embedded font is made from one installed font file alone, so
``file_entry`` keeps its deflated bytes (with their CRC and length) keyed by
that file as it is (``workshop.cache.file_state``) and by the code that
makes them: a warm build neither reads the 2 MB of fonts nor wraps, hashes
or checksums them (about 6 ms of a cold deck).
"""

from __future__ import annotations

import hashlib
import os
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

from workshop.cache import area, code_state, enabled, file_state, read_entry, read_entry_parts, write_entry
from workshop.lazyclass import eager_dataclass
from workshop.render.deck.zipstream import Entry, deflate, level_for

MIN_BYTES = 256 * 1024
MAGIC = b"workshop deflated part 1\n"
FILE_MAGIC = b"workshop deflated file 1\n"
_MEMO: dict[str, bytes] = {}  # in one process (a batch, watch): key -> deflated bytes
_FILES: dict[str, Deflated] = {}  # the same for file entries
_SIZES = struct.Struct("<II")  # CRC-32 and length of the bytes before deflating
_HEAD = 64  # the first bytes before deflating, kept to check an entry's deflated bytes against


def deflated_dir() -> Path:
    return area("deflated")


def part_key(name: str, data: bytes) -> str:
    """The entry's name: what the deflated bytes depend on."""
    digest = hashlib.sha256(f"level {level_for(name)}, zlib {zlib.ZLIB_RUNTIME_VERSION}\n".encode())
    digest.update(data)
    return digest.hexdigest()


def deflate_part(name: str, data: bytes, folder: Path | None = None) -> Entry:
    """``deflate(name, data)``, read from the cache for big parts when an entry for them is sound."""
    if len(data) < MIN_BYTES or not enabled():
        return deflate(name, data)
    key = part_key(name, data)
    known = _MEMO.get(key)
    if known is None:
        path = (folder or deflated_dir()) / f"{key}.deflated"
        known = read_entry(path, key, MAGIC)
        if known is None or zlib.decompressobj(-15).decompress(known[:4096], 64) != data[:64]:
            entry = deflate(name, data)
            write_entry(path, key, entry.data, MAGIC)
            known = entry.data
        _MEMO[key] = known
    return Entry(name, zlib.crc32(data), len(data), known)


@eager_dataclass(frozen=True, slots=True)
class Deflated:
    """Bytes deflated for a zip entry, without its name: their CRC-32 and length before, the bytes after."""

    crc: int
    size: int
    data: bytes

    def entry(self, name: str) -> Entry:
        return Entry(name, self.crc, self.size, self.data)


def file_key(path: Path, info: os.stat_result, recipe: tuple[str, ...], level: int) -> str:
    """The entry's name: the file as it is now, the code that makes the bytes from it (``recipe``), the level."""
    text = f"{code_state(*recipe)}\nlevel {level}, zlib {zlib.ZLIB_RUNTIME_VERSION}\n{file_state(path, info)}"
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def file_entry(name: str, path: Path, make: Callable[[], bytes | None], recipe: tuple[str, ...],
               folder: Path | None = None) -> Entry | None:
    """``deflate(name, make())``, where ``make`` reads the file at ``path`` alone (with the modules ``recipe``).

    A sound entry for the file as it is stands in for ``make`` and the
    deflating; None when ``make`` gives None (nothing to embed; not cached).
    """
    level = level_for(name)
    try:
        info = os.stat(path)
    except OSError:
        info = None
    if not enabled() or info is None:
        data = make()
        return None if data is None else deflate(name, data)
    key = file_key(path, info, recipe, level)
    known = _FILES.get(key)
    if known is None:
        entry_path = (folder or deflated_dir()) / f"{key}.file"
        known = _decode(read_entry_parts(entry_path, key, _SIZES.size + _HEAD, FILE_MAGIC))
        if known is None:
            data = make()
            if data is None:
                return None
            made = deflate(name, data)
            known = Deflated(made.crc, made.size, made.data)
            write_entry(entry_path, key, _SIZES.pack(made.crc, made.size) + data[:_HEAD].ljust(_HEAD, b"\0")
                        + made.data, FILE_MAGIC)
        _FILES[key] = known
    return known.entry(name)


def _decode(parts: tuple[bytes, bytes] | None) -> Deflated | None:
    """A file entry's payload (its sizes and head, then its deflated bytes, read apart so they are not
    copied), when its deflated bytes start as the bytes it was made from did."""
    if parts is None or len(parts[0]) < _SIZES.size + _HEAD or not parts[1]:
        return None
    first, data = parts
    crc, size = _SIZES.unpack_from(first)
    head = first[_SIZES.size:][:min(size, _HEAD)]
    try:
        if zlib.decompressobj(-15).decompress(data[:4096], max(1, len(head)))[:len(head)] != head:
            return None
    except zlib.error:
        return None
    return Deflated(crc, size, data)


def forget() -> None:
    """Drop the in-process copies (tests)."""
    _MEMO.clear()
    _FILES.clear()
