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
"""

from __future__ import annotations

import hashlib
import zlib
from pathlib import Path

from workshop.cache import area, enabled, read_entry, write_entry
from workshop.render.deck.zipstream import Entry, deflate, level_for

MIN_BYTES = 256 * 1024
MAGIC = b"workshop deflated part 1\n"
_MEMO: dict[str, bytes] = {}  # in one process (a batch, watch): key -> deflated bytes


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


def forget() -> None:
    """Drop the in-process copies (tests)."""
    _MEMO.clear()
