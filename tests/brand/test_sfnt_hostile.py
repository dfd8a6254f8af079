"""Hostile fonts: character maps and width tables built to hang or crash a reader.

Each font is a real one (Lato) with one table swapped for a hostile one. A
deadline guards every read, so a regression fails here instead of hanging.
"""

from __future__ import annotations

import struct
import time

import pytest

from workshop.brand.sfnt import NotAFont, read_font_metrics


def cmap(*subtables: bytes) -> bytes:
    """A cmap table with one Windows Unicode record per subtable (3,10 first: we read it first)."""
    keys = [(3, 10), (3, 1), (0, 4), (0, 3)][: len(subtables)]
    offset = 4 + 8 * len(subtables)
    records, body = b"", b""
    for (platform, encoding), sub in zip(keys, subtables, strict=True):
        records += struct.pack(">HHI", platform, encoding, offset + len(body))
        body += sub
    return struct.pack(">HH", 0, len(subtables)) + records + body


def format12(groups: list[tuple[int, int, int]]) -> bytes:
    raw = b"".join(struct.pack(">III", *g) for g in groups)
    return struct.pack(">HHIII", 12, 0, 16 + len(raw), 0, len(groups)) + raw


def format4(segments: list[tuple[int, int, int, int]], glyph_ids: bytes = b"") -> bytes:
    """``segments``: (startCode, endCode, idDelta, idRangeOffset); the 0xFFFF end segment is added."""
    segments = [*segments, (0xFFFF, 0xFFFF, 1, 0)]
    n = len(segments)
    arrays = (struct.pack(f">{n}H", *(s[1] for s in segments)) + b"\x00\x00"
              + struct.pack(f">{n}H", *(s[0] for s in segments))
              + struct.pack(f">{n}h", *(s[2] for s in segments))
              + struct.pack(f">{n}H", *(s[3] for s in segments)) + glyph_ids)
    return struct.pack(">7H", 4, min(0xFFFF, 14 + len(arrays)), 0, 2 * n, 0, 0, 0) + arrays


def test_format12_bomb_is_refused_fast(lato_regular, replace_font_table, deadline):
    """111 KB of groups that each cover 0..2^32-1: the old reader never finished."""
    font = replace_font_table(lato_regular, "cmap", cmap(format12([(0, 0xFFFFFFFF, 1)] * 9_250)))
    start = time.perf_counter()
    with deadline(20), pytest.raises(NotAFont, match="out of order, overlapping or past the end of Unicode"):
        read_font_metrics(font)
    assert time.perf_counter() - start < 2


def test_format4_bomb_is_refused_fast(lato_regular, replace_font_table, deadline):
    """235 KB of segments that each cover the whole BMP through the glyph id array."""
    table = cmap(format4([(0, 0xFFFE, 0, 2)] * 14_000, b"\x00\x01" * 62_000))
    assert len(table) > 235_000
    font = replace_font_table(lato_regular, "cmap", table)
    start = time.perf_counter()
    with deadline(20), pytest.raises(NotAFont, match="out of order or overlapping"):
        read_font_metrics(font)
    assert time.perf_counter() - start < 2


def test_hostile_subtable_is_refused_even_where_we_would_not_read(lato_regular, replace_font_table, deadline):
    """The PDF writer picks its own subtable: a benign one first does not hide a hostile second."""
    benign = format12([(0x41, 0x5A, 10)])
    font = replace_font_table(lato_regular, "cmap", cmap(benign, format12([(0, 0xFFFFFFFF, 1)] * 100)))
    with deadline(20), pytest.raises(NotAFont):
        read_font_metrics(font)


@pytest.mark.parametrize("subtable", [
    format12([(0x10000, 0x10000 + 50_000, 1)]),  # a group running past the last glyph
    format4([(0x20, 0xFFFE, -0x1F, 0)]),  # a delta segment doing the same
    format4([(0x41, 0x42, 0, 4)], struct.pack(">HH", 1, 60_000)),  # a glyph id array naming a missing glyph
])
def test_ranges_past_the_glyph_count_are_refused(lato_regular, replace_font_table, subtable, deadline):
    """Our reader would cap them, but the PDF writer reads them as given and fails while embedding."""
    font = replace_font_table(lato_regular, "cmap", cmap(subtable))
    with deadline(20), pytest.raises(NotAFont, match="points past its"):
        read_font_metrics(font)


def test_work_is_bounded_by_the_size_of_the_font(lato_regular, replace_font_table, deadline):
    """Disjoint ranges inside Unicode still cost: a font may not map more than 4 characters a byte."""
    glyphs = struct.unpack_from(">H", lato_regular, _table(lato_regular, "maxp") + 4)[0]
    step = glyphs - 1
    groups = [(start, start + step - 1, 1) for start in range(0x20, 0x10FFFF - step, step)]
    font = replace_font_table(lato_regular, "cmap", cmap(format12(groups)))
    assert 4 * len(font) < sum(last - first + 1 for first, last, _ in groups)
    with deadline(20), pytest.raises(NotAFont, match="more than a font of"):
        read_font_metrics(font)


@pytest.mark.parametrize("announced", [0, 60_000])
def test_damaged_width_table_is_named(lato_regular, announced):
    """hhea.numberOfHMetrics that the hmtx table cannot hold: refused, never read past the table."""
    hhea = _table(lato_regular, "hhea")
    font = lato_regular[: hhea + 34] + struct.pack(">H", announced) + lato_regular[hhea + 36:]
    with pytest.raises(NotAFont, match="width table is damaged"):
        read_font_metrics(font)


def _table(data: bytes, tag: str) -> int:
    count = struct.unpack_from(">H", data, 4)[0]
    for index in range(count):
        name, _sum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        if name == tag.encode():
            return offset
    raise KeyError(tag)
