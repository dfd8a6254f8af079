"""The OpenType file's layout: its table directory and the fields this project reads, by spec name.

Field names and offsets follow the OpenType specification
(https://learn.microsoft.com/typography/opentype/spec/), table by table, so
each number can be checked against it: ``Head.unitsPerEm`` is the byte
offset of ``unitsPerEm`` inside 'head', a ``struct.Struct`` is a record
read whole. ``table_directory`` checks that every table lies inside the file,
so later reads only need to stay inside their table.
"""

from __future__ import annotations

import struct

_SFNT_VERSIONS = (b"\x00\x01\x00\x00", b"true", b"OTTO")
UNICODE_LAST = 0x10FFFF

U16 = struct.Struct(">H")
I16 = struct.Struct(">h")
U32 = struct.Struct(">I")

#: tag → (offset, length) of each table in the file
Tables = dict[str, tuple[int, int]]


class NotAFont(ValueError):
    pass


class OffsetTable:
    """The font's first bytes: ``sfntVersion``, ``numTables`` (then search hints)."""

    numTables = 4
    size = 12


TABLE_RECORD = struct.Struct(">4sIII")  # tableTag, checksum, offset, length


class Head:
    """'head': font header."""

    unitsPerEm = 18
    macStyle = 44
    indexToLocFormat = 50  # 0: 'loca' holds Offset16 (halved), 1: Offset32
    min_length = 54


class Hhea:
    """'hhea': horizontal header."""

    ascender = 4  # then descender (6) and lineGap (8), all FWORD
    numberOfHMetrics = 34
    min_length = 36


VERTICAL_METRICS = struct.Struct(">hhh")  # hhea ascender, descender, lineGap


class Hmtx:
    """'hmtx': ``numberOfHMetrics`` longHorMetric records, then leftSideBearing values."""

    longHorMetric = 4  # bytes: advanceWidth (uint16), lsb (int16)
    leftSideBearing = 2


class Maxp:
    """'maxp': maximum profile."""

    numGlyphs = 4
    min_length = 6


class OS2:
    """'OS/2': OS/2 and Windows metrics (version 0 is 78 bytes; the Apple original 68)."""

    usWeightClass = 4
    fsType = 8
    fsSelection = 62
    usWinAscent = 74
    usWinDescent = 76
    ulCodePageRange1 = 78  # then ulCodePageRange2 (version >= 1)
    min_length = 64  # up to fsSelection and the character indices after it
    min_length_win = 78  # up to usWinDescent
    header_length = 86  # up to ulCodePageRange2: all that identification and the EOT header read


class Name:
    """'name': ``version``, ``count``, ``storageOffset``, then ``count`` NameRecords."""

    header = struct.Struct(">HHH")
    record = struct.Struct(">6H")  # platformID, encodingID, languageID, nameID, length, stringOffset


class Cmap:
    """'cmap': ``version``, ``numTables``, then EncodingRecords."""

    numTables = 2
    header = 4
    encoding_record = struct.Struct(">HHI")  # platformID, encodingID, subtableOffset


class CmapFormat4:
    """Segment mapping to delta values (BMP only)."""

    segCountX2 = 6
    endCode = 14  # then reservedPad, startCode, idDelta, idRangeOffset, glyphIdArray
    min_length = 16


class CmapFormat12:
    """Segmented coverage (all of Unicode)."""

    length = 4  # uint32, after format (uint16) and reserved (uint16)
    numGroups = 12
    groups = 16
    group = struct.Struct(">III")  # startCharCode, endCharCode, startGlyphID


def table_directory(data: bytes, size: int | None = None) -> Tables:
    """The table directory: tag → (offset, length), every table checked to lie inside the file.

    ``data`` holds the file's first bytes, at least up to the end of the
    directory; ``size`` is the whole file's length (``len(data)`` when
    ``data`` is the whole file).
    """
    if len(data) < OffsetTable.size or data[:4] not in _SFNT_VERSIONS:
        raise NotAFont("not a TrueType/OpenType font")
    count = U16.unpack_from(data, OffsetTable.numTables)[0]
    directory_end = OffsetTable.size + TABLE_RECORD.size * count
    size = len(data) if size is None else size
    if directory_end > min(size, len(data)):
        raise NotAFont("the font's table directory is truncated")
    tables: Tables = {}
    for tag, _checksum, offset, length in TABLE_RECORD.iter_unpack(data[OffsetTable.size: directory_end]):
        if offset + length > size:
            raise NotAFont(f"the '{tag.decode('latin-1')}' table lies outside the file")
        tables[tag.decode("latin-1")] = (offset, length)
    return tables


def u16(data: bytes, offset: int) -> int:
    return int(U16.unpack_from(data, offset)[0])
