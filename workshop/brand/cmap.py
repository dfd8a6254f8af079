"""The character map: which glyph draws each code point, read from a font a stranger may have made.

Only the Unicode subtables are read (formats 4 and 12, the best one by
platform and encoding). Every subtable is checked before any is used:
ranges must be ascending, disjoint, inside Unicode and point at glyphs the
font has, since other readers of the same file (the PDF writer, office
suites) pick their own subtable and expand every range as given. The work is
bounded by the file's size (``MAX_CODES_PER_BYTE``), so no font can make the
reader hang.
"""

from __future__ import annotations

import struct

from workshop.brand.sfnt_tables import U32, UNICODE_LAST, Cmap, CmapFormat4, CmapFormat12, NotAFont, u16

MAX_CODES_PER_BYTE = 4  # real fonts map far fewer characters than they have bytes

_PREFERRED = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))


def glyph_map(data: bytes, offset: int, length: int, *, glyphs: int, declared: int) -> dict[int, int]:
    """Code point → glyph id of the best Unicode subtable; glyph 0 and ids past the font are left out."""
    end = offset + length
    count = min(u16(data, offset + Cmap.numTables), (length - Cmap.header) // Cmap.encoding_record.size)
    subtables: dict[tuple[int, int], int] = {}
    for index in range(count):
        platform, encoding, sub = Cmap.encoding_record.unpack_from(
            data, offset + Cmap.header + Cmap.encoding_record.size * index)
        if sub + 2 <= length:
            subtables.setdefault((platform, encoding), offset + sub)
    budget = MAX_CODES_PER_BYTE * len(data)
    for sub in set(subtables.values()):
        _check_ranges(data, sub, end, budget, declared)
    for key in _PREFERRED:
        if key in subtables:
            start = subtables[key]
            kind = u16(data, start)
            if kind == 12:
                return _format12(data, start, end, glyphs, budget)
            if kind == 4:
                return _format4(data, start, end, glyphs)
    raise NotAFont("the font has no Unicode character map")


def _check_ranges(data: bytes, start: int, end: int, budget: int, glyphs: int) -> None:
    """Refuse a subtable whose ranges are out of order, overlap or leave Unicode.

    Other readers of the same file (the PDF writer, office suites) pick their
    own subtable and expand every range as given; the specification requires
    ascending, disjoint ranges, and only those keep their work bounded too.
    """
    kind = u16(data, start)
    if kind == 4 and start + CmapFormat4.min_length <= end:
        segments = u16(data, start + CmapFormat4.segCountX2) // 2
        first_start = start + CmapFormat4.endCode + 2 * segments + 2
        if first_start + 2 * segments > end:
            raise NotAFont("the font's character map (format 4) is truncated")
        ends = struct.unpack_from(f">{segments}H", data, start + CmapFormat4.endCode)
        starts = struct.unpack_from(f">{segments}H", data, first_start)
        deltas = struct.unpack_from(f">{segments}h", data, first_start + 2 * segments)
        offsets = struct.unpack_from(f">{segments}H", data, first_start + 4 * segments)
        following = 0
        for index, (first, last, delta, range_offset) in enumerate(zip(starts, ends, deltas, offsets, strict=True)):
            if first < following or last < first:
                raise NotAFont("the font's character map (format 4) has ranges out of order or overlapping")
            following = last + 1
            if range_offset == 0:
                fits = first == 0xFFFF or _delta_range_fits(first, last, delta, glyphs)
            else:
                fits = _array_fits(data, first_start + 4 * segments + 2 * index, range_offset, last - first + 1,
                                   delta, end, glyphs)
            if not fits:
                raise NotAFont(f"the font's character map (format 4) points past its {glyphs:,} glyphs")
    elif kind in (12, 13) and start + CmapFormat12.groups <= end:
        groups = U32.unpack_from(data, start + CmapFormat12.numGroups)[0]
        if start + CmapFormat12.groups + CmapFormat12.group.size * groups > end:
            raise NotAFont(f"the font's character map (format {kind}) is truncated")
        following, covered = 0, 0
        raw = data[start + CmapFormat12.groups: start + CmapFormat12.groups + CmapFormat12.group.size * groups]
        for first, last, glyph in CmapFormat12.group.iter_unpack(raw):
            if first < following or last < first or last > UNICODE_LAST:
                raise NotAFont(f"the font's character map (format {kind}) has ranges out of order, "
                               "overlapping or past the end of Unicode")
            following, covered = last + 1, covered + last - first + 1
            if kind == 12 and glyph + last - first >= glyphs or kind == 13 and glyph >= glyphs:
                raise NotAFont(f"the font's character map (format {kind}) points past its {glyphs:,} glyphs")
        if covered > budget:
            raise NotAFont(f"the font's character map covers {covered:,} characters, more than a font of "
                           f"{len(data):,} bytes can draw")


def _delta_range_fits(first: int, last: int, delta: int, glyphs: int) -> bool:
    """Do the glyph ids ``(code + delta) mod 65536`` for codes first..last all exist (0 allowed)?"""
    low, high = (first + delta) % 0x10000, (last + delta) % 0x10000
    if high < low:  # wraps past 65535 to 0: ids low..65535, then 0..high
        return high < glyphs and glyphs > 0xFFFF
    return high < glyphs or (low == high == 0)


def _array_fits(data: bytes, at: int, range_offset: int, count: int, delta: int, end: int, glyphs: int) -> bool:
    """Do the glyphIdArray entries a segment reads (those inside the table) name existing glyphs?"""
    where = at + range_offset
    count = min(count, max(0, (end - where) // 2))
    ids = struct.unpack_from(f">{count}H", data, where) if count else ()
    if delta == 0:
        return max(ids, default=0) < glyphs
    return all((g + delta) % 0x10000 < glyphs for g in ids if g)


def _format4(data: bytes, start: int, table_end: int, glyphs: int) -> dict[int, int]:
    """Segments in ascending order; overlaps are cut so each code is read once (at most 65,536)."""
    if start + CmapFormat4.min_length > table_end:
        raise NotAFont("the font's character map (format 4) is truncated")
    end = table_end  # not the subtable's own length field: it overflows in fonts over 64 KB
    segments = u16(data, start + CmapFormat4.segCountX2) // 2
    end_codes = start + CmapFormat4.endCode
    start_codes = end_codes + 2 * segments + 2  # after reservedPad
    deltas = start_codes + 2 * segments
    range_base = deltas + 2 * segments  # idRangeOffset[0]; glyphIdArray follows the array
    if range_base + 2 * segments > end:
        raise NotAFont("the font's character map (format 4) is truncated")
    ends = struct.unpack_from(f">{segments}H", data, end_codes)
    starts = struct.unpack_from(f">{segments}H", data, start_codes)
    delta_values = struct.unpack_from(f">{segments}h", data, deltas)
    offsets = struct.unpack_from(f">{segments}H", data, range_base)
    result: dict[int, int] = {}
    following = 0  # the first code no earlier segment has covered
    for i in range(segments):
        first, last, delta, range_offset = max(starts[i], following), ends[i], delta_values[i], offsets[i]
        if first > last or starts[i] == 0xFFFF:
            continue
        following = last + 1
        if range_offset == 0:
            for code in range(first, last + 1):
                glyph = (code + delta) & 0xFFFF
                if 0 < glyph < glyphs:
                    result[code] = glyph
            continue
        where = range_base + 2 * i + range_offset + 2 * (first - starts[i])
        available = max(0, (end - where) // 2)
        last = min(last, first + available - 1)
        if last < first:
            continue
        ids = struct.unpack_from(f">{last - first + 1}H", data, where)
        for code, glyph in zip(range(first, last + 1), ids, strict=True):
            if glyph:
                glyph = (glyph + delta) & 0xFFFF
                if 0 < glyph < glyphs:
                    result[code] = glyph
    return result


def _format12(data: bytes, start: int, table_end: int, glyphs: int, budget: int) -> dict[int, int]:
    """Groups in ascending order, cut at the Unicode space, the glyph count and the work budget."""
    groups = U32.unpack_from(data, start + CmapFormat12.numGroups)[0]
    groups = min(groups, max(0, (table_end - start - CmapFormat12.groups) // CmapFormat12.group.size))
    result: dict[int, int] = {}
    following = 0
    for i in range(groups):
        first, last, glyph = CmapFormat12.group.unpack_from(data, start + CmapFormat12.groups + 12 * i)
        skipped = max(0, following - first)
        first, glyph = first + skipped, glyph + skipped
        last = min(last, UNICODE_LAST, first + (glyphs - 1 - glyph))
        if first > last:
            continue
        following = last + 1
        if len(result) + (last - first + 1) > budget:
            raise NotAFont(
                f"the font's character map covers more characters than a font of {len(data):,} bytes can draw")
        if glyph == 0:  # a range starting at .notdef: its first code draws nothing
            first, glyph = first + 1, 1
            if first > last:
                continue
        result.update(zip(range(first, last + 1), range(glyph, glyph + last - first + 1), strict=True))
    return result
