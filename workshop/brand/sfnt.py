"""Just enough of a TrueType/OpenType file to identify and measure it.

Identifying fonts needs the table list, the name table and a few OS/2 and
head fields; measuring text needs the character map, advance widths and
vertical metrics. Reading them with ``struct`` costs microseconds per file,
where fontTools' table machinery costs ~60 ms of imports on every cold start.

Field names and offsets follow the OpenType specification, table by table
(``sfnt_tables``); the character map has a module of its own (``cmap``). A
font may come from a stranger: every read stays inside its table,
character-map ranges are capped at the Unicode space and the glyph count, and
the work done is bounded by the size of the file, so no font can make the
reader hang.
"""

from __future__ import annotations

import operator
import struct
from pathlib import Path

from workshop.brand.cmap import glyph_map
from workshop.brand.sfnt_pieces import NAME_EXTENT, Pieces, pieces_of, read_pieces
from workshop.brand.sfnt_tables import (
    I16,
    OS2,
    VERTICAL_METRICS,
    Head,
    Hhea,
    Hmtx,
    Maxp,
    Name,
    NotAFont,
    Tables,
    table_directory,
    u16,
)
from workshop.lazyclass import lazy_dataclass

__all__ = ["FontInfo", "FontMetricsData", "NotAFont", "check_outlines", "font_info", "read_font_info",
           "read_font_info_file", "read_font_metrics"]


# -- identification ----------------------------------------------------------------------


@lazy_dataclass(frozen=True)
class FontInfo:
    names: dict[int, str]  # nameID → text (Windows Unicode preferred, else Mac Roman)
    tables: frozenset[str]
    weight: int | None  # OS/2 usWeightClass
    fs_selection: int | None
    fs_type: int | None
    mac_style: int | None  # head.macStyle


def read_font_info(data: bytes) -> FontInfo:
    """What the font ``data`` (a whole file) says about itself. Raises ``NotAFont``."""
    try:
        return font_info(pieces_of(data, IDENTIFYING))
    except (struct.error, IndexError, KeyError) as exc:
        raise NotAFont(f"damaged font ({exc})") from None


def read_font_info_file(path: Path, *, max_bytes: int) -> FontInfo:
    """``read_font_info`` of the file at ``path``, reading only its directory and the tables it needs.

    Raises ``NotAFont``, or ``OSError`` for a file that cannot be read.
    """
    try:
        return font_info(read_pieces(path, IDENTIFYING, max_bytes=max_bytes))
    except (struct.error, IndexError, KeyError) as exc:
        raise NotAFont(f"damaged font ({exc})") from None


#: the pieces identification reads: the whole reach of 'name', OS/2 up to fsSelection, head up to macStyle
IDENTIFYING = {"name": NAME_EXTENT, "OS/2": OS2.min_length, "head": Head.macStyle + 2}


def font_info(pieces: Pieces) -> FontInfo:
    tables = pieces.directory
    names = _names(pieces.tables["name"]) if "name" in tables else {}
    weight = fs_selection = fs_type = mac_style = None
    if "OS/2" in tables and tables["OS/2"][1] >= OS2.min_length:
        os2 = pieces.tables["OS/2"]
        weight = u16(os2, OS2.usWeightClass)
        fs_type = u16(os2, OS2.fsType)
        fs_selection = u16(os2, OS2.fsSelection)
    if "head" in tables and tables["head"][1] >= Head.macStyle + 2:
        mac_style = u16(pieces.tables["head"], Head.macStyle)
    return FontInfo(names, frozenset(tables), weight, fs_selection, fs_type, mac_style)


def _names(table: bytes) -> dict[int, str]:
    """nameID → text, from the 'name' table's bytes (as far as ``name_extent`` reaches)."""
    end = len(table)
    if end < Name.header.size:
        return {}  # too short for its own header: no names
    _version, count, storage = Name.header.unpack_from(table, 0)
    records = Name.header.size
    count = max(0, min(count, (end - Name.header.size) // Name.record.size))
    best: dict[int, tuple[int, str, int, int]] = {}  # nameID → (preference, codec, stringOffset, length)
    for platform, encoding, language, name_id, size, start in Name.record.iter_unpack(
            table[records: records + Name.record.size * count]):
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
    return {name_id: table[storage + start: min(storage + start + size, end)].decode(codec, "replace")
            for name_id, (_rank, codec, start, size) in best.items()}


# -- measurement -------------------------------------------------------------------------


@lazy_dataclass(frozen=True)
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
    tables = table_directory(data)
    for needed, least in (("head", Head.min_length), ("hhea", Hhea.min_length), ("hmtx", 0), ("cmap", 4)):
        if needed not in tables:
            raise NotAFont(f"the font has no '{needed}' table")
        if tables[needed][1] < least:
            raise NotAFont(f"the font's '{needed}' table is truncated")
    head, hhea = tables["head"][0], tables["hhea"][0]
    units = u16(data, head + Head.unitsPerEm)
    if not 16 <= units <= 16384:
        raise NotAFont(f"the font's 'head' table gives {units} units per em (the specification allows 16–16384)")
    ascent, descent, line_gap = VERTICAL_METRICS.unpack_from(data, hhea + Hhea.ascender)
    descent = -descent
    if "OS/2" in tables and tables["OS/2"][1] >= OS2.min_length_win:
        os2 = tables["OS/2"][0]
        ascent = max(ascent, u16(data, os2 + OS2.usWinAscent))
        descent = max(descent, u16(data, os2 + OS2.usWinDescent))
    widths, glyphs = _advance_widths(data, tables, u16(data, hhea + Hhea.numberOfHMetrics))
    declared = u16(data, tables["maxp"][0] + Maxp.numGlyphs) if "maxp" in tables else glyphs
    if declared == 0:
        raise NotAFont("the font's 'maxp' table says it has no glyphs")
    if "glyf" in tables:
        _check_locations(data, tables, declared)
    last = widths[-1]
    long_metrics = len(widths)
    glyph_ids = glyph_map(data, *tables["cmap"], glyphs=glyphs, declared=declared)
    advances = {code: (widths[g] if g < long_metrics else last) for code, g in glyph_ids.items()}
    return FontMetricsData(units, advances, widths[0], ascent, descent, max(line_gap, 0))


def _check_locations(data: bytes, tables: Tables, glyphs: int) -> None:
    """'loca' must place every one of the ``glyphs`` outlines inside 'glyf', in order.

    The PDF writer copies outlines by these offsets when it embeds a subset;
    a short or disordered table would end the build inside it.
    """
    if "loca" not in tables:
        raise NotAFont("the font has TrueType outlines but no 'loca' table")
    loca, length = tables["loca"]
    wide = u16(data, tables["head"][0] + Head.indexToLocFormat) == 1
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
        tables = table_directory(data)
        if "glyf" not in tables or "loca" not in tables or "maxp" not in tables or "head" not in tables:
            return
        glyphs = u16(data, tables["maxp"][0] + Maxp.numGlyphs)
        _check_locations(data, tables, glyphs)
        wide = u16(data, tables["head"][0] + Head.indexToLocFormat) == 1
        offsets = struct.unpack_from(f">{glyphs + 1}{'I' if wide else 'H'}", data, tables["loca"][0])
        _check_components(data, tables["glyf"][0], offsets, 1 if wide else 2, glyphs)
    except (struct.error, IndexError) as exc:
        raise NotAFont(f"damaged font ({exc})") from None


_COMPONENT = struct.Struct(">HH")  # flags, glyphIndex
ARG_1_AND_2_ARE_WORDS, WE_HAVE_A_SCALE, MORE_COMPONENTS = 0x0001, 0x0008, 0x0020
WE_HAVE_AN_X_AND_Y_SCALE, WE_HAVE_A_TWO_BY_TWO = 0x0040, 0x0080


def _check_components(data: bytes, glyf: int, offsets: tuple[int, ...], scale: int, glyphs: int) -> None:
    """Composite glyphs may only be built from glyphs the font has (the PDF writer follows them)."""
    contours = I16.unpack_from
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


def _advance_widths(data: bytes, tables: Tables, long_metrics: int) -> tuple[list[int], int]:
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
        glyphs = min(glyphs, u16(data, tables["maxp"][0] + Maxp.numGlyphs))
    return widths, max(glyphs, 1)
