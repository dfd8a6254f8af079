"""Just enough of a TrueType/OpenType file to identify and measure it.

Identifying fonts needs the table list, the name table and a few OS/2 and
head fields; measuring text needs the character map, advance widths and
vertical metrics. Reading them with ``struct`` costs microseconds per file,
where fontTools' table machinery costs ~60 ms of imports on every cold start.

Field names and offsets follow the OpenType specification
(https://learn.microsoft.com/typography/opentype/spec/), table by table, so
each number below can be checked against it. A font may come from a stranger:
every read stays inside its table, character-map ranges are capped at the
Unicode space and the glyph count, and the work done is bounded by the size
of the file (``MAX_CODES_PER_BYTE``), so no font can make the reader hang.
"""

from __future__ import annotations

import operator
import struct
from dataclasses import dataclass

_SFNT_VERSIONS = (b"\x00\x01\x00\x00", b"true", b"OTTO")
UNICODE_LAST = 0x10FFFF
MAX_CODES_PER_BYTE = 4  # real fonts map far fewer characters than they have bytes

_U16 = struct.Struct(">H")
_I16 = struct.Struct(">h")
_U32 = struct.Struct(">I")


class NotAFont(ValueError):
    pass


# -- records and fields, named as in the OpenType specification ------------------------


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
    min_length = 64  # up to fsSelection and the character indices after it
    min_length_win = 78  # up to usWinDescent


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


# -- identification ----------------------------------------------------------------------


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
    if len(data) < OffsetTable.size or data[:4] not in _SFNT_VERSIONS:
        raise NotAFont("not a TrueType/OpenType font")
    count = _U16.unpack_from(data, OffsetTable.numTables)[0]
    directory_end = OffsetTable.size + TABLE_RECORD.size * count
    size = len(data)
    if directory_end > size:
        raise NotAFont("the font's table directory is truncated")
    tables: dict[str, tuple[int, int]] = {}
    for tag, _checksum, offset, length in TABLE_RECORD.iter_unpack(data[OffsetTable.size: directory_end]):
        if offset + length > size:
            raise NotAFont(f"the '{tag.decode('latin-1')}' table lies outside the file")
        tables[tag.decode("latin-1")] = (offset, length)
    return tables


def _u16(data: bytes, offset: int) -> int:
    return int(_U16.unpack_from(data, offset)[0])


def _read_font_info(data: bytes) -> FontInfo:
    tables = _tables(data)
    names = _names(data, *tables["name"]) if "name" in tables else {}
    weight = fs_selection = fs_type = mac_style = None
    if "OS/2" in tables and tables["OS/2"][1] >= OS2.min_length:
        os2 = tables["OS/2"][0]
        weight = _u16(data, os2 + OS2.usWeightClass)
        fs_type = _u16(data, os2 + OS2.fsType)
        fs_selection = _u16(data, os2 + OS2.fsSelection)
    if "head" in tables and tables["head"][1] >= Head.macStyle + 2:
        mac_style = _u16(data, tables["head"][0] + Head.macStyle)
    return FontInfo(names, frozenset(tables), weight, fs_selection, fs_type, mac_style)


def _names(data: bytes, offset: int, length: int) -> dict[int, str]:
    end = offset + length
    _version, count, storage = Name.header.unpack_from(data, offset)
    records = offset + Name.header.size
    count = max(0, min(count, (length - Name.header.size) // Name.record.size))
    best: dict[int, tuple[int, str, int, int]] = {}  # nameID → (preference, codec, stringOffset, length)
    for platform, encoding, language, name_id, size, start in Name.record.iter_unpack(
            data[records: records + Name.record.size * count]):
        if platform == 3 and encoding in (0, 1, 10):
            rank, codec = (0 if language == 0x409 else 1), "utf-16-be"
        elif platform == 0:
            rank, codec = 2, "utf-16-be"
        elif platform == 1 and encoding == 0:
            rank, codec = 3, "mac_roman"
        else:
            continue
        held = best.get(name_id)
        if held is None or rank < held[0]:
            best[name_id] = (rank, codec, start, size)
    strings = offset + storage
    return {name_id: data[strings + start: min(strings + start + size, end)].decode(codec, "replace")
            for name_id, (_rank, codec, start, size) in best.items()}


# -- measurement -------------------------------------------------------------------------


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
    for needed, least in (("head", Head.min_length), ("hhea", Hhea.min_length), ("hmtx", 0), ("cmap", 4)):
        if needed not in tables:
            raise NotAFont(f"the font has no '{needed}' table")
        if tables[needed][1] < least:
            raise NotAFont(f"the font's '{needed}' table is truncated")
    head, hhea = tables["head"][0], tables["hhea"][0]
    units = _u16(data, head + Head.unitsPerEm)
    if not 16 <= units <= 16384:
        raise NotAFont(f"the font's 'head' table gives {units} units per em (the specification allows 16–16384)")
    ascent, descent, line_gap = VERTICAL_METRICS.unpack_from(data, hhea + Hhea.ascender)
    descent = -descent
    if "OS/2" in tables and tables["OS/2"][1] >= OS2.min_length_win:
        os2 = tables["OS/2"][0]
        ascent = max(ascent, _u16(data, os2 + OS2.usWinAscent))
        descent = max(descent, _u16(data, os2 + OS2.usWinDescent))
    widths, glyphs = _advance_widths(data, tables, _u16(data, hhea + Hhea.numberOfHMetrics))
    declared = _u16(data, tables["maxp"][0] + Maxp.numGlyphs) if "maxp" in tables else glyphs
    if declared == 0:
        raise NotAFont("the font's 'maxp' table says it has no glyphs")
    if "glyf" in tables:
        _check_locations(data, tables, declared)
    last = widths[-1]
    long_metrics = len(widths)
    glyph_map = _cmap(data, *tables["cmap"], glyphs=glyphs, declared=declared)
    advances = {code: (widths[g] if g < long_metrics else last) for code, g in glyph_map.items()}
    return FontMetricsData(units, advances, widths[0], ascent, descent, max(line_gap, 0))


def _check_locations(data: bytes, tables: dict[str, tuple[int, int]], glyphs: int) -> None:
    """'loca' must place every one of the ``glyphs`` outlines inside 'glyf', in order.

    The PDF writer copies outlines by these offsets when it embeds a subset;
    a short or disordered table would end the build inside it.
    """
    if "loca" not in tables:
        raise NotAFont("the font has TrueType outlines but no 'loca' table")
    loca, length = tables["loca"]
    wide = _u16(data, tables["head"][0] + Head.indexToLocFormat) == 1
    size = 4 if wide else 2
    if length < (glyphs + 1) * size:
        raise NotAFont(f"the font's 'loca' table is too short for its {glyphs:,} glyphs")
    offsets = struct.unpack_from(f">{glyphs + 1}{'I' if wide else 'H'}", data, loca)
    scale = 1 if wide else 2
    if not all(map(operator.le, offsets, offsets[1:])) or offsets[-1] * scale > tables["glyf"][1]:
        raise NotAFont("the font's 'loca' table points outside its outlines ('glyf')")


def check_outlines(data: bytes) -> None:
    """What the PDF writer needs beyond the metrics: composite glyphs built only from existing glyphs.

    Walking every glyph costs milliseconds, so this runs only for the fonts a PDF embeds.
    """
    try:
        tables = _tables(data)
        if "glyf" not in tables or "loca" not in tables or "maxp" not in tables or "head" not in tables:
            return
        glyphs = _u16(data, tables["maxp"][0] + Maxp.numGlyphs)
        _check_locations(data, tables, glyphs)
        wide = _u16(data, tables["head"][0] + Head.indexToLocFormat) == 1
        offsets = struct.unpack_from(f">{glyphs + 1}{'I' if wide else 'H'}", data, tables["loca"][0])
        _check_components(data, tables["glyf"][0], offsets, 1 if wide else 2, glyphs)
    except (struct.error, IndexError) as exc:
        raise NotAFont(f"damaged font ({exc})") from None


_COMPONENT = struct.Struct(">HH")  # flags, glyphIndex
ARG_1_AND_2_ARE_WORDS, WE_HAVE_A_SCALE, MORE_COMPONENTS = 0x0001, 0x0008, 0x0020
WE_HAVE_AN_X_AND_Y_SCALE, WE_HAVE_A_TWO_BY_TWO = 0x0040, 0x0080


def _check_components(data: bytes, glyf: int, offsets: tuple[int, ...], scale: int, glyphs: int) -> None:
    """Composite glyphs may only be built from glyphs the font has (the PDF writer follows them)."""
    contours = _I16.unpack_from
    for index in range(glyphs):
        start, end = glyf + offsets[index] * scale, glyf + offsets[index + 1] * scale
        if end - start < 10 or contours(data, start)[0] >= 0:
            continue
        at = start + 10  # after numberOfContours and the bounding box
        while at + 4 <= end:
            flags, component = _COMPONENT.unpack_from(data, at)
            if component >= glyphs:
                raise NotAFont(f"the font's glyph {index} is built from glyph {component}, which it does not have")
            at += 4 + (4 if flags & ARG_1_AND_2_ARE_WORDS else 2)
            at += 8 if flags & WE_HAVE_A_TWO_BY_TWO else 4 if flags & WE_HAVE_AN_X_AND_Y_SCALE else (
                2 if flags & WE_HAVE_A_SCALE else 0)
            if not flags & MORE_COMPONENTS:
                break


def _advance_widths(data: bytes, tables: dict[str, tuple[int, int]], long_metrics: int) -> tuple[list[int], int]:
    """Advance widths of the longHorMetric records, and how many glyphs the font really has.

    The glyph count is maxp.numGlyphs, capped by what the width table can
    describe: a damaged width table is refused, not read past its end.
    """
    hmtx, length = tables["hmtx"]
    if long_metrics == 0 or long_metrics * Hmtx.longHorMetric > length:
        raise NotAFont(
            f"the font's width table is damaged: 'hhea' announces {long_metrics} advance widths, "
            f"'hmtx' holds {length // Hmtx.longHorMetric}")
    widths = list(struct.unpack_from(f">{2 * long_metrics}H", data, hmtx)[::2])  # advanceWidth of each record
    described = long_metrics + (length - long_metrics * Hmtx.longHorMetric) // Hmtx.leftSideBearing
    glyphs = described
    if "maxp" in tables and tables["maxp"][1] >= Maxp.min_length:
        glyphs = min(glyphs, _u16(data, tables["maxp"][0] + Maxp.numGlyphs))
    return widths, max(glyphs, 1)


_PREFERRED = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))


def _cmap(data: bytes, offset: int, length: int, *, glyphs: int, declared: int) -> dict[int, int]:
    """Code point → glyph id of the best Unicode subtable; glyph 0 and ids past the font are left out."""
    end = offset + length
    count = min(_u16(data, offset + Cmap.numTables), (length - Cmap.header) // Cmap.encoding_record.size)
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
            kind = _u16(data, start)
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
    kind = _u16(data, start)
    if kind == 4 and start + CmapFormat4.min_length <= end:
        segments = _u16(data, start + CmapFormat4.segCountX2) // 2
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
        groups = _U32.unpack_from(data, start + CmapFormat12.numGroups)[0]
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
    segments = _u16(data, start + CmapFormat4.segCountX2) // 2
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
    groups = _U32.unpack_from(data, start + CmapFormat12.numGroups)[0]
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
