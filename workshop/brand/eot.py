"""TrueType → Embedded OpenType, the way PowerPoint stores a font inside a .pptx.

PowerPoint keeps each embedded face as ``ppt/fonts/fontN.fntdata``: the W3C
EOT submission format (https://www.w3.org/Submission/EOT/), version
0x00020001, here uncompressed (no MicroType Express), unencrypted (no XOR)
and whole (no subsetting, so flags 0). The header repeats what a font
manager needs before it opens the font (names, PANOSE, weight, fsType,
Unicode and code-page ranges) in little-endian order, then the TrueType bytes
follow unchanged. libeot (``eot2ttf``), which LibreOffice uses, gives the same
TrueType file back.

Whether a face may be embedded at all is the font's own licence field, OS/2
``fsType`` (OpenType spec, OS/2 table): :func:`embedding_problem` says why not.
Pure byte work, no python-pptx.
"""

from __future__ import annotations

import struct

from workshop.lazyclass import lazy_dataclass

VERSION = 0x00020001
MAGIC = 0x504C
DEFAULT_CHARSET = 1  # Windows DEFAULT_CHARSET, what PowerPoint writes for Unicode fonts

# OS/2 fsType bits (OpenType spec, "OS/2 — fsType")
RESTRICTED = 0x0002  # restricted licence embedding: no embedding without the owner's permission
PREVIEW_PRINT = 0x0004
EDITABLE = 0x0008
NO_SUBSETTING = 0x0100
BITMAP_ONLY = 0x0200

_OFFSET_TABLE = struct.Struct(">4sHHHH")  # sfntVersion, numTables, searchRange, entrySelector, rangeShift
_TABLE_RECORD = struct.Struct(">4sIII")  # tableTag, checksum, offset, length
_HEAD_CHECKSUM_ADJUSTMENT = struct.Struct(">I")  # head: after version and fontRevision (offset 8)
_OS2_PREFIX = struct.Struct(">HhHHh")  # version, xAvgCharWidth, usWeightClass, usWidthClass, fsType
_OS2_FAMILY_CLASS = struct.Struct(">h")  # sFamilyClass at offset 30 (high byte: IBM class)
_OS2_PANOSE_OFFSET = 32
_OS2_UNICODE_RANGES = struct.Struct(">IIII")  # ulUnicodeRange1..4 at offset 42
_OS2_FS_SELECTION = struct.Struct(">H")  # fsSelection at offset 62
_OS2_CODE_PAGES = struct.Struct(">II")  # ulCodePageRange1..2 at offset 78 (version >= 1)
_NAME_HEADER = struct.Struct(">HHH")  # format, count, stringOffset
_NAME_RECORD = struct.Struct(">HHHHHH")  # platformID, encodingID, languageID, nameID, length, offset

# EOT header up to the variable-length names (W3C EOT submission, "EOT header")
_EOT_FIXED = struct.Struct("<IIII10sBBIHHIIIIIIIIIIIH")


class NotEmbeddable(ValueError):
    pass


@lazy_dataclass(frozen=True)
class FaceHeader:
    """What the EOT header repeats from the font."""

    family: str  # nameID 1
    style: str  # nameID 2
    version: str  # nameID 5
    full_name: str  # nameID 4
    panose: bytes
    weight: int
    italic: bool
    fs_type: int
    unicode_ranges: tuple[int, int, int, int]
    code_pages: tuple[int, int]
    checksum_adjustment: int
    truetype: bool  # glyf outlines (CFF fonts cannot go into EOT)
    family_class: int = 0  # OS/2 sFamilyClass >> 8: 1-7 serif, 8 sans serif, 10 script, ...


def read_header(data: bytes) -> FaceHeader:
    """The header fields of a TrueType font; NotEmbeddable when the font is not readable."""
    try:
        return _read_header(data)
    except (struct.error, KeyError, IndexError, UnicodeDecodeError) as exc:
        raise NotEmbeddable(f"the font cannot be read ({exc})") from None


def _read_header(data: bytes) -> FaceHeader:
    version, count, *_ = _OFFSET_TABLE.unpack_from(data, 0)
    tables = {}
    for index in range(count):
        tag, _checksum, offset, length = _TABLE_RECORD.unpack_from(data, _OFFSET_TABLE.size + index * 16)
        tables[tag.decode("latin-1")] = (offset, length)
    os2 = tables["OS/2"][0]
    os2_version, _avg, weight, _width, fs_type = _OS2_PREFIX.unpack_from(data, os2)
    panose = data[os2 + _OS2_PANOSE_OFFSET: os2 + _OS2_PANOSE_OFFSET + 10]
    (family_class,) = _OS2_FAMILY_CLASS.unpack_from(data, os2 + 30)
    ranges = _OS2_UNICODE_RANGES.unpack_from(data, os2 + 42)
    (selection,) = _OS2_FS_SELECTION.unpack_from(data, os2 + 62)
    pages = _OS2_CODE_PAGES.unpack_from(data, os2 + 78) if os2_version >= 1 else (0, 0)
    (adjustment,) = _HEAD_CHECKSUM_ADJUSTMENT.unpack_from(data, tables["head"][0] + 8)
    names = _names(data, tables["name"][0])
    return FaceHeader(
        family=names.get(1, ""), style=names.get(2, ""), version=names.get(5, ""),
        full_name=names.get(4, ""), panose=bytes(panose), weight=weight,
        italic=bool(selection & 0x0001), fs_type=fs_type & 0xFFFF, unicode_ranges=ranges,
        code_pages=pages, checksum_adjustment=adjustment,
        truetype="glyf" in tables and version != b"OTTO", family_class=(family_class >> 8) & 0xFF,
    )


def _names(data: bytes, offset: int) -> dict[int, str]:
    """Windows Unicode English names (what Windows and PowerPoint know a font by)."""
    _format, count, strings = _NAME_HEADER.unpack_from(data, offset)
    found: dict[int, tuple[int, str]] = {}
    for index in range(count):
        platform, encoding, language, name_id, length, start = _NAME_RECORD.unpack_from(
            data, offset + _NAME_HEADER.size + index * _NAME_RECORD.size)
        if platform != 3 or encoding not in (0, 1):
            continue
        raw = data[offset + strings + start: offset + strings + start + length]
        rank = 0 if language == 0x0409 else 1
        if name_id not in found or rank < found[name_id][0]:
            found[name_id] = (rank, raw.decode("utf-16-be"))
    return {name_id: text for name_id, (_rank, text) in found.items()}


def embedding_problem(header: FaceHeader) -> str | None:
    """Why the face must not be embedded, or None when it may.

    Installable (0), editable (bit 3) and preview-and-print (bit 2) faces may be
    embedded; a restricted one (bit 1 with neither) may not; bitmap-only (bit 9)
    faces may embed only bitmaps, which EOT from TrueType outlines would break.
    Bit 8 (no subsetting) needs nothing: faces are always embedded whole.
    """
    if not header.truetype:
        return "has PostScript (CFF) outlines, which Embedded OpenType cannot hold"
    fs_type = header.fs_type
    if fs_type & BITMAP_ONLY:
        return "its licence (OS/2 fsType bit 9) allows embedding bitmaps only"
    if fs_type & RESTRICTED and not fs_type & (PREVIEW_PRINT | EDITABLE):
        return "its licence (OS/2 fsType: restricted) does not allow embedding"
    return None


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def to_eot(data: bytes) -> bytes:
    """The TrueType font ``data`` wrapped as EOT version 0x00020001, uncompressed, flags 0."""
    header = read_header(data)
    problem = embedding_problem(header)
    if problem:
        raise NotEmbeddable(problem)
    names = b""
    for text in (header.family, header.style, header.version, header.full_name):
        encoded = _utf16(text)
        names += struct.pack("<H", len(encoded)) + encoded + struct.pack("<H", 0)  # size, name, padding
    names += struct.pack("<H", 0)  # RootStringSize 0: no root string (any document may use the font)
    size = _EOT_FIXED.size + len(names) + len(data)
    fixed = _EOT_FIXED.pack(
        size, len(data), VERSION, 0, header.panose, DEFAULT_CHARSET, int(header.italic),
        header.weight, header.fs_type, MAGIC, *header.unicode_ranges, *header.code_pages,
        header.checksum_adjustment, 0, 0, 0, 0, 0,
    )
    return fixed + names + data
