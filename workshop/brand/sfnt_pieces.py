"""A font's table directory and the first bytes of a few of its tables, read from the file alone.

Telling which face a file holds (``fonts.read_face``) or what its EOT header
repeats (``eot.read_header``) needs the table directory and a few hundred
bytes of 'name', 'OS/2' and 'head', a few KB of a file of 50–700 KB. A cold
build identifies a family's every weight and reads the headers of the faces
it uses, so reading whole files cost it about 9 MB of fresh memory per build;
reading pieces costs what the pieces weigh.

Both ways of getting the pieces, ``pieces_of`` (bytes already in memory) and
``read_pieces`` (a file), give the same ``Pieces``, so the readers of those
tables are written once. A font may come from a stranger: the directory is
checked against the file's size before any table is read, each table is read
at most as far as its reader looks (``Wanted``), and the file is read through
``safety.paths.RegularFile``, which refuses any piece outside it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from workshop.brand.sfnt_tables import TABLE_RECORD, Name, OffsetTable, Tables, table_directory, u16

#: tag → how many of a table's first bytes its reader looks at (``NAME_EXTENT``: as far as 'name' can point)
Wanted = Mapping[str, int]
#: 'name' is read as far as its records and strings can reach (``name_extent``), not a fixed length
NAME_EXTENT = -1


class Pieces:
    """A font's table directory, and the first bytes of the tables asked for that it has.

    A plain class: made and read once per font file, never compared or printed
    (a dataclass would cost more to create at import than every font's reading).
    """

    __slots__ = ("directory", "sfnt_version", "tables")

    def __init__(self, sfnt_version: bytes, directory: Tables, tables: dict[str, bytes]) -> None:
        self.sfnt_version = sfnt_version
        self.directory = directory  # tag → (offset, length) of every table, each checked to lie inside the file
        self.tables = tables  # tag → its first min(length, wanted) bytes


def name_extent(header: bytes, length: int) -> int:
    """How many of the 'name' table's first bytes any record or string can reach.

    The records follow the 6-byte header; a string starts at most
    ``storageOffset + 0xFFFF`` and is at most ``0xFFFF`` long (all uint16).
    Whatever the table claims, that is under 800 KB, and never past its end.
    """
    if len(header) < Name.header.size:
        return length
    _version, count, storage = Name.header.unpack(header[:Name.header.size])
    reach = max(Name.header.size + Name.record.size * count, storage + 2 * 0xFFFF)
    return min(length, reach)


def pieces_of(data: bytes, wanted: Wanted) -> Pieces:
    """The ``wanted`` pieces of the font ``data`` (the whole file). Raises ``NotAFont``."""
    directory = table_directory(data)
    tables = {}
    for tag, need in wanted.items():
        if tag in directory:
            offset, length = directory[tag]
            if need == NAME_EXTENT:
                need = name_extent(data[offset: offset + min(length, Name.header.size)], length)
            tables[tag] = data[offset: offset + min(length, need)]
    return Pieces(data[:4], directory, tables)


def read_pieces(path: Path, wanted: Wanted, *, max_bytes: int) -> Pieces:
    """The ``wanted`` pieces of the font file at ``path``, reading only them and the directory.

    Raises ``NotAFont`` for a file that is not a font or whose directory
    points outside it, ``OSError`` for one that cannot be read (or is not a
    regular file of at most ``max_bytes``).
    """
    from workshop.safety.paths import RegularFile

    with RegularFile(path, max_bytes=max_bytes) as file:
        start = file.read_at(0, min(OffsetTable.size, file.size))
        count = u16(start, OffsetTable.numTables) if len(start) == OffsetTable.size else 0
        end = min(OffsetTable.size + TABLE_RECORD.size * count, file.size)
        head = start + file.read_at(len(start), end - len(start)) if end > len(start) else start
        directory = table_directory(head, file.size)
        tables = {}
        for tag, need in wanted.items():
            if tag in directory:
                offset, length = directory[tag]
                if need == NAME_EXTENT:
                    need = name_extent(file.read_at(offset, min(length, Name.header.size)), length)
                tables[tag] = file.read_at(offset, min(length, need))
    return Pieces(head[:4], directory, tables)
