"""Just enough of a TrueType/OpenType file to identify and measure it.

Identifying fonts needs the table list, the name table and a few OS/2 and
head fields; measuring text needs the character map, advance widths and
vertical metrics. Reading them with ``struct`` costs microseconds per file,
where fontTools' table machinery costs ~60 ms of imports on every cold start.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

_SFNT_VERSIONS = (b"\x00\x01\x00\x00", b"true", b"OTTO")


class NotAFont(ValueError):
    pass


@dataclass(frozen=True)
class FontInfo:
    names: dict[int, str]  # nameID → text (Windows Unicode preferred, else Mac Roman)
    tables: frozenset[str]
    weight: int | None  # OS/2 usWeightClass
    fs_selection: int | None
    fs_type: int | None
    mac_style: int | None  # head.macStyle


def read_font_info(data: bytes) -> FontInfo:
    try:
        return _read_font_info(data)
    except (struct.error, IndexError, KeyError) as exc:
        raise NotAFont(f"damaged font ({exc})") from None


def _tables(data: bytes) -> dict[str, tuple[int, int]]:
    """The table directory: tag → (offset, length)."""
    if len(data) < 12 or data[:4] not in _SFNT_VERSIONS:
        raise NotAFont("not a TrueType/OpenType font")
    count = struct.unpack_from(">H", data, 4)[0]
    tables: dict[str, tuple[int, int]] = {}
    for index in range(count):
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        if offset + length > len(data):
            raise NotAFont("table outside the file")
        tables[tag.decode("latin-1")] = (offset, length)
    return tables


def _read_font_info(data: bytes) -> FontInfo:
    tables = _tables(data)
    names = _names(data, *tables["name"]) if "name" in tables else {}
    weight = fs_selection = fs_type = mac_style = None
    if "OS/2" in tables and tables["OS/2"][1] >= 64:
        offset = tables["OS/2"][0]
        weight = struct.unpack_from(">H", data, offset + 4)[0]
        fs_type = struct.unpack_from(">H", data, offset + 8)[0]
        fs_selection = struct.unpack_from(">H", data, offset + 62)[0]
    if "head" in tables and tables["head"][1] >= 46:
        mac_style = struct.unpack_from(">H", data, tables["head"][0] + 44)[0]
    return FontInfo(names, frozenset(tables), weight, fs_selection, fs_type, mac_style)


def _names(data: bytes, offset: int, length: int) -> dict[int, str]:
    _format, count, strings = struct.unpack_from(">HHH", data, offset)
    best: dict[int, tuple[int, str]] = {}  # nameID → (preference, text)
    for index in range(count):
        platform, encoding, language, name_id, size, start = struct.unpack_from(">6H", data, offset + 6 + 12 * index)
        raw = data[offset + strings + start: offset + strings + start + size]
        if platform == 3 and encoding in (0, 1, 10):
            text, rank = raw.decode("utf-16-be", "replace"), 0 if language == 0x409 else 1
        elif platform == 0:
            text, rank = raw.decode("utf-16-be", "replace"), 2
        elif platform == 1 and encoding == 0:
            text, rank = raw.decode("mac_roman", "replace"), 3
        else:
            continue
        if name_id not in best or rank < best[name_id][0]:
            best[name_id] = (rank, text)
    return {name_id: text for name_id, (_rank, text) in best.items()}


@dataclass(frozen=True)
class FontMetricsData:
    """What text measurement needs: advances by code point and vertical metrics."""

    units_per_em: int
    advances: dict[int, int]  # code point → advance width in font units
    notdef_advance: int
    ascent: int  # the larger of hhea and OS/2 win ascent
    descent: int  # positive
    line_gap: int


def read_font_metrics(data: bytes) -> FontMetricsData:
    try:
        return _read_font_metrics(data)
    except (struct.error, IndexError, KeyError) as exc:
        raise NotAFont(f"damaged font ({exc})") from None


def _read_font_metrics(data: bytes) -> FontMetricsData:
    tables = _tables(data)
    for needed in ("head", "hhea", "hmtx", "cmap"):
        if needed not in tables:
            raise NotAFont(f"the font has no '{needed}' table")
    units = struct.unpack_from(">H", data, tables["head"][0] + 18)[0]
    hhea = tables["hhea"][0]
    ascent, descent, line_gap = struct.unpack_from(">hhh", data, hhea + 4)
    long_metrics = struct.unpack_from(">H", data, hhea + 34)[0]
    descent = -descent
    if "OS/2" in tables and tables["OS/2"][1] >= 78:
        win_ascent, win_descent = struct.unpack_from(">HH", data, tables["OS/2"][0] + 74)
        ascent, descent = max(ascent, win_ascent), max(descent, win_descent)
    hmtx = tables["hmtx"][0]
    widths = [struct.unpack_from(">H", data, hmtx + 4 * i)[0] for i in range(long_metrics)]
    last = widths[-1] if widths else units // 2
    glyph_map = _cmap(data, *tables["cmap"])
    advances = {code: (widths[g] if g < long_metrics else last) for code, g in glyph_map.items() if g}
    return FontMetricsData(units, advances, widths[0] if widths else units // 2, ascent, descent, max(line_gap, 0))


def _cmap(data: bytes, offset: int, length: int) -> dict[int, int]:
    count = struct.unpack_from(">H", data, offset + 2)[0]
    subtables = {}
    for index in range(count):
        platform, encoding, sub = struct.unpack_from(">HHI", data, offset + 4 + 8 * index)
        subtables[(platform, encoding)] = offset + sub
    for key in ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0)):
        if key in subtables:
            start = subtables[key]
            kind = struct.unpack_from(">H", data, start)[0]
            if kind == 12:
                return _format12(data, start)
            if kind == 4:
                return _format4(data, start)
    raise NotAFont("the font has no Unicode character map")


def _format4(data: bytes, start: int) -> dict[int, int]:
    segments = struct.unpack_from(">H", data, start + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, start + 14)
    starts = struct.unpack_from(f">{segments}H", data, start + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, start + 16 + 4 * segments)
    range_base = start + 16 + 6 * segments
    offsets = struct.unpack_from(f">{segments}H", data, range_base)
    result = {}
    for i in range(segments):
        if starts[i] == 0xFFFF:
            continue
        for code in range(starts[i], ends[i] + 1):
            if offsets[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:
                where = range_base + 2 * i + offsets[i] + 2 * (code - starts[i])
                glyph = struct.unpack_from(">H", data, where)[0]
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            if glyph:
                result[code] = glyph
    return result


def _format12(data: bytes, start: int) -> dict[int, int]:
    groups = struct.unpack_from(">I", data, start + 12)[0]
    result = {}
    for i in range(groups):
        first, last, glyph = struct.unpack_from(">III", data, start + 16 + 12 * i)
        for offset, code in enumerate(range(first, min(last, 0x10FFFF) + 1)):
            result[code] = glyph + offset
    return result
