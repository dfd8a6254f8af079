"""A zip archive whose entries are deflated when their part is finished and laid out at the end.

A deck's parts are finished one slide at a time, but the archive lists them in
a fixed order (content types first, then every part by natural name order:
charts of all slides before notes, notes before slides), so they cannot be
written in the order they are made. Each finished part is deflated at once
into an ``Entry`` (a few KiB, where its lxml tree held ~50 times that) and the
archive is assembled from the entries when the last part is done.

The bytes are exactly what ``zipfile.ZipFile.writestr`` writes into a seekable
file for the same names, data and levels (``tests/render/deck/test_zipstream.py``
compares the two), so streaming changes no deck's bytes.
"""

from __future__ import annotations

import struct
import sys
import zlib
from collections.abc import Iterable

from workshop.lazyclass import eager_dataclass

ZIP_TIME = (2000, 1, 1, 0, 0, 0)
_DOSDATE = (ZIP_TIME[0] - 1980) << 9 | ZIP_TIME[1] << 5 | ZIP_TIME[2]
_DOSTIME = ZIP_TIME[3] << 11 | ZIP_TIME[4] << 5 | (ZIP_TIME[5] // 2)
_DEFLATED = 8
_VERSION = 20  # what zipfile writes for deflated entries
_ZIP64_VERSION = 45
_SYSTEM = 0 if sys.platform == "win32" else 3  # zipfile.ZipInfo's create_system
_ATTRIBUTES = 0o600 << 16  # rw------- as zipfile writes it
_UTF8_NAME = 1 << 11
_LIMIT = (1 << 31) - 1  # zipfile's ZIP64_LIMIT
_COUNT_LIMIT = (1 << 16) - 1
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_END64 = struct.Struct("<4sQ2H2L4Q")
_LOCATOR = struct.Struct("<4sLQL")


@eager_dataclass(frozen=True, slots=True)
class Entry:
    """One deflated member: its name, the CRC and length of the original bytes, the deflated bytes."""

    name: str
    crc: int
    size: int
    data: bytes

    def holds(self, data: bytes) -> bool:
        """Are ``data`` the bytes this entry deflated (checked by inflating, not by the CRC alone)?"""
        return len(data) == self.size and zlib.crc32(data) == self.crc and zlib.decompress(self.data, -15) == data


def level_for(name: str) -> int:
    """Embedded fonts are megabytes: level 1 deflates them at twice the speed of 6 for 7 % more
    bytes; XML and images keep level 6."""
    return 1 if name.endswith(".fntdata") else 6


def deflate(name: str, data: bytes) -> Entry:
    """``data`` deflated as zipfile does it for ``name`` (raw deflate, one call, then flush)."""
    if len(data) * 1.05 > _LIMIT:
        raise ValueError(f"the deck part '{name}' is larger than a zip member may be without ZIP64")
    compressor = zlib.compressobj(level_for(name), zlib.DEFLATED, -15)
    return Entry(name, zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush())


def _name(entry: Entry) -> tuple[bytes, int]:
    try:
        return entry.name.encode("ascii"), 0
    except UnicodeEncodeError:
        return entry.name.encode("utf-8"), _UTF8_NAME


def write_zip(entries: Iterable[Entry]) -> bytes:
    """The archive of ``entries`` in the order given."""
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    count = 0
    for entry in entries:
        name, flags = _name(entry)
        local = _LOCAL.pack(b"PK\003\004", _VERSION, 0, flags, _DEFLATED, _DOSTIME, _DOSDATE,
                            entry.crc, len(entry.data), entry.size, len(name), 0)
        chunks += (local, name, entry.data)
        extra = b""
        version = _VERSION
        header_offset = offset
        if offset > _LIMIT:
            extra = struct.pack("<HHQ", 1, 8, offset)
            header_offset = 0xFFFFFFFF
            version = _ZIP64_VERSION
        central.append(_CENTRAL.pack(b"PK\001\002", version, _SYSTEM, version, 0, flags, _DEFLATED,
                                     _DOSTIME, _DOSDATE, entry.crc, len(entry.data), entry.size, len(name),
                                     len(extra), 0, 0, 0, _ATTRIBUTES, header_offset) + name + extra)
        offset += len(local) + len(name) + len(entry.data)
        count += 1
    start = offset
    size = sum(len(c) for c in central)
    chunks += central
    if count > _COUNT_LIMIT or start > _LIMIT or size > _LIMIT:
        chunks.append(_END64.pack(b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, size, start))
        chunks.append(_LOCATOR.pack(b"PK\x06\x07", 0, start + size, 1))
    chunks.append(_END.pack(b"PK\005\006", 0, 0, min(count, 0xFFFF), min(count, 0xFFFF),
                            min(size, 0xFFFFFFFF), min(start, 0xFFFFFFFF), 0))
    return b"".join(chunks)


def read_entries(archive: bytes) -> dict[str, Entry]:
    """The deflated members of ``archive`` (one ``write_zip`` wrote) as entries, by name, not inflated."""
    import io
    import zipfile

    entries: dict[str, Entry] = {}
    with zipfile.ZipFile(io.BytesIO(archive)) as listing:
        for info in listing.infolist():
            if info.compress_type != _DEFLATED:
                continue
            head = _LOCAL.unpack_from(archive, info.header_offset)
            start = info.header_offset + _LOCAL.size + head[-2] + head[-1]
            entries[info.filename] = Entry(info.filename, info.CRC, info.file_size,
                                           archive[start:start + info.compress_size])
    return entries
