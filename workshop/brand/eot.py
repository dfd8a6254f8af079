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

import os
import struct
from functools import lru_cache
from pathlib import Path

from workshop.brand.sfnt_pieces import NAME_EXTENT, Pieces, pieces_of, read_pieces
from workshop.brand.sfnt_tables import OS2, Head, NotAFont
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

_HEAD_CHECKSUM_ADJUSTMENT = struct.Struct(">I")  # head: after version and fontRevision (offset 8)
_OS2_PREFIX = struct.Struct(">HhHHh")  # version, xAvgCharWidth, usWeightClass, usWidthClass, fsType
_OS2_FAMILY_CLASS = struct.Struct(">h")  # sFamilyClass at offset 30 (high byte: IBM class)
_OS2_PANOSE_OFFSET = 32
_OS2_UNICODE_RANGES = struct.Struct(">IIII")  # ulUnicodeRange1..4 at offset 42
_OS2_FS_SELECTION = struct.Struct(">H")  # fsSelection
_OS2_CODE_PAGES = struct.Struct(">II")  # ulCodePageRange1..2 (version >= 1)
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
    """The header fields of the TrueType font ``data`` (a whole file); NotEmbeddable when it is not readable."""
    try:
        return _read_header(pieces_of(data, _HEADER_PIECES))
    except (NotAFont, struct.error, KeyError, IndexError, UnicodeDecodeError) as exc:
        raise NotEmbeddable(f"the font cannot be read ({exc})") from None


def header_of(path: Path) -> FaceHeader:
    """``read_header`` of the font file at ``path``, reading only the tables it needs, once per file as it is.

    Raises NotEmbeddable when the font is not readable, OSError when the file is not.
    """
    info = os.stat(path)
    found = _header_of(str(path), info.st_mtime_ns, info.st_size)
    if isinstance(found, str):
        raise NotEmbeddable(found)
    return found


@lru_cache(maxsize=64)
def _header_of(path: str, _mtime: int, _size: int) -> FaceHeader | str:
    from workshop.brand.fontfiles import MAX_FONT_BYTES

    try:
        return _read_header(read_pieces(Path(path), _HEADER_PIECES, max_bytes=MAX_FONT_BYTES))
    except (NotAFont, struct.error, KeyError, IndexError, UnicodeDecodeError) as exc:
        return f"the font cannot be read ({exc})"


#: what the EOT header repeats: all of 'name' it can reach, OS/2 up to the code pages, 'head'
_HEADER_PIECES = {"name": NAME_EXTENT, "OS/2": OS2.header_length, "head": Head.min_length}


def _read_header(pieces: Pieces) -> FaceHeader:
    os2 = pieces.tables["OS/2"]
    os2_version, _avg, weight, _width, fs_type = _OS2_PREFIX.unpack_from(os2, 0)
    panose = os2[_OS2_PANOSE_OFFSET: _OS2_PANOSE_OFFSET + 10]
    (family_class,) = _OS2_FAMILY_CLASS.unpack_from(os2, 30)
    ranges = _OS2_UNICODE_RANGES.unpack_from(os2, 42)
    (selection,) = _OS2_FS_SELECTION.unpack_from(os2, OS2.fsSelection)
    # The code pages came with version 1; a table cut short of them (a sloppy font) has none to repeat.
    has_pages = os2_version >= 1 and len(os2) >= OS2.header_length
    pages = _OS2_CODE_PAGES.unpack_from(os2, OS2.ulCodePageRange1) if has_pages else (0, 0)
    (adjustment,) = _HEAD_CHECKSUM_ADJUSTMENT.unpack_from(pieces.tables["head"], 8)
    names = _names(pieces.tables["name"])
    return FaceHeader(
        family=names.get(1, ""), style=names.get(2, ""), version=names.get(5, ""),
        full_name=names.get(4, ""), panose=bytes(panose), weight=weight,
        italic=bool(selection & 0x0001), fs_type=fs_type & 0xFFFF, unicode_ranges=ranges,
        code_pages=pages, checksum_adjustment=adjustment,
        truetype="glyf" in pieces.directory and pieces.sfnt_version != b"OTTO",
        family_class=(family_class >> 8) & 0xFF,
    )


def _names(table: bytes) -> dict[int, str]:
    """Windows Unicode English names (what Windows and PowerPoint know a font by), from the 'name' table."""
    _format, count, strings = _NAME_HEADER.unpack_from(table, 0)
    found: dict[int, tuple[int, str]] = {}
    for index in range(count):
        platform, encoding, language, name_id, length, start = _NAME_RECORD.unpack_from(
            table, _NAME_HEADER.size + index * _NAME_RECORD.size)
        if platform != 3 or encoding not in (0, 1):
            continue
        raw = table[strings + start: strings + start + length]
        rank = 0 if language == 0x0409 else 1
        if name_id not in found or rank < found[name_id][0]:
            found[name_id] = (rank, raw.decode("utf-16-be"))
    return {name_id: text for name_id, (_rank, text) in found.items()}


def clear_caches() -> None:
    _header_of.cache_clear()


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
