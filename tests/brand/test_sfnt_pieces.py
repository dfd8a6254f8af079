"""Identifying a font reads its directory and three small tables, never the whole file (issue 18).

The file readers (``read_font_info_file``, ``eot.header_of``) must say
exactly what the readers of a whole file's bytes say, for every installed
font, for fonts whose tables lie at the end of the file, and for damaged
ones; and a damaged or lying directory must not make them read more than the
tables' own reach.
"""

from __future__ import annotations

import importlib.util
import random
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop.brand import eot, fonts
from workshop.brand.eot import NotEmbeddable, header_of, read_header
from workshop.brand.fontfiles import MAX_FONT_BYTES
from workshop.brand.sfnt import NotAFont, read_font_info, read_font_info_file
from workshop.brand.shipped_fonts import SHIPPED_FONTS
from workshop.safety import paths

PACKAGES = ["font_lato", "font_rhd", "font_source_sans_pro", "font_source_serif_pro"]
FILES = sorted(
    [path
     for package in PACKAGES
     for path in Path(next(iter(importlib.util.find_spec(package).submodule_search_locations))).rglob("*.ttf")]
    + list(SHIPPED_FONTS.rglob("*.ttf"))
)
LATO = SHIPPED_FONTS / "lato" / "Lato-Regular.ttf"


@pytest.fixture
def bytes_read(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The length of every piece a ``RegularFile`` reads, in order."""
    pieces: list[int] = []
    read_at = paths.RegularFile.read_at

    def counting(self: paths.RegularFile, offset: int, length: int) -> bytes:
        pieces.append(length)
        return read_at(self, offset, length)

    monkeypatch.setattr(paths.RegularFile, "read_at", counting)
    yield pieces


def _info(read, *args, **kwargs):  # the reader's answer, or the kind of refusal
    try:
        return read(*args, **kwargs)
    except (NotAFont, NotEmbeddable) as exc:
        return type(exc).__name__


def _directory(data: bytes) -> dict[str, tuple[int, int, int]]:
    """tag → (record position, offset, length)."""
    count = struct.unpack_from(">H", data, 4)[0]
    found = {}
    for index in range(count):
        at = 12 + 16 * index
        tag, _sum, offset, length = struct.unpack_from(">4sIII", data, at)
        found[tag.decode("latin-1")] = (at, offset, length)
    return found


def _with_record(data: bytes, tag: str, offset: int | None = None, length: int | None = None) -> bytes:
    at, old_offset, old_length = _directory(data)[tag]
    record = struct.pack(">4sIII", tag.encode("latin-1"), 0, old_offset if offset is None else offset,
                         old_length if length is None else length)
    return data[:at] + record + data[at + 16:]


def _tables_moved_to_the_end(data: bytes, tags: tuple[str, ...]) -> bytes:
    """``data`` with ``tags`` copied past the end of the file and their old bytes zeroed."""
    moved = bytearray(data)
    moved += b"\x00" * (-len(moved) % 4)
    for tag in tags:
        at, offset, length = _directory(bytes(moved))[tag]
        table = bytes(data[offset: offset + length])
        moved[offset: offset + length] = b"\x00" * length
        moved[at: at + 16] = struct.pack(">4sIII", tag.encode("latin-1"), 0, len(moved), length)
        moved += table + b"\x00" * (-length % 4)
    return bytes(moved)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_file_readers_agree_with_the_whole_file_readers(path: Path, bytes_read: list[int]):
    data = path.read_bytes()
    assert read_font_info_file(path, max_bytes=MAX_FONT_BYTES) == read_font_info(data)
    identified = sum(bytes_read)
    eot.clear_caches()
    assert header_of(path) == read_header(data)
    # the directory, 'name' (a few KB) and about 140 bytes of OS/2 and head: 2-4 KB of 50-700 KB files
    assert identified < min(16 * 1024, len(data) // 8)
    assert sum(bytes_read) - identified < min(16 * 1024, len(data) // 8)


def test_tables_at_the_end_of_the_file_are_found(tmp_path: Path):
    data = LATO.read_bytes()
    moved = tmp_path / "Lato-Moved.ttf"
    moved.write_bytes(_tables_moved_to_the_end(data, ("name", "OS/2", "head")))
    fonts.clear_caches()
    face, original = fonts.read_face(moved), fonts.read_face(LATO)
    assert face is not None and original is not None
    assert (face.family, face.subfamily, face.weight, face.italic, face.problem) == (
        "Lato", "Regular", 400, False, None)
    assert face == type(original)(moved, *[getattr(original, f) for f in (
        "family", "subfamily", "legacy_family", "legacy_style", "weight", "italic", "variable", "problem")])
    assert header_of(moved) == read_header(data)


@pytest.mark.parametrize("cut", [0, 3, 11, 12, 20, 200, 2_000, 100_000, -1])
def test_truncated_fonts_are_not_faces(tmp_path: Path, cut: int):
    data = LATO.read_bytes()
    path = tmp_path / "Lato-Cut.ttf"
    path.write_bytes(data[:cut])
    fonts.clear_caches()
    assert fonts.read_face(path) is None
    with pytest.raises(NotEmbeddable):
        header_of(path)


@pytest.mark.parametrize(("tag", "offset", "length"), [
    ("name", None, 0xFFFFFFFF),  # far past the end
    ("name", 0xFFFFFFF0, None),
    ("OS/2", None, 0x7FFFFFFF),
    ("head", 0xFFFFFFFF, 54),
])
def test_a_directory_pointing_outside_the_file_reads_nothing_of_it(
        tmp_path: Path, bytes_read: list[int], tag: str, offset: int | None, length: int | None):
    path = tmp_path / "Lato-Lying.ttf"
    path.write_bytes(_with_record(LATO.read_bytes(), tag, offset, length))
    fonts.clear_caches()
    assert fonts.read_face(path) is None
    assert sum(bytes_read) <= 12 + 16 * 32  # the offset table and the directory only


def test_a_huge_name_table_is_read_only_as_far_as_its_records_and_strings_reach(tmp_path: Path, bytes_read):
    """A 'name' table that claims 30 MB is read to storageOffset + 2 × 0xFFFF at most."""
    data = LATO.read_bytes()
    _at, offset, length = _directory(data)["name"]
    table = data[offset: offset + length] + b"\x00" * (30 * 1024 * 1024)
    padded = data + b"\x00" * (-len(data) % 4)
    path = tmp_path / "Lato-HugeName.ttf"
    path.write_bytes(_with_record(padded, "name", len(padded), len(table)) + table)
    fonts.clear_caches()
    face = fonts.read_face(path)
    assert face is not None and face.family == "Lato"
    assert sum(bytes_read) < 200 * 1024
    assert read_font_info_file(path, max_bytes=MAX_FONT_BYTES) == read_font_info(path.read_bytes())


def test_a_name_table_claiming_more_records_than_it_holds_is_capped(tmp_path: Path):
    data = LATO.read_bytes()
    _at, offset, _length = _directory(data)["name"]
    damaged = bytearray(data)
    struct.pack_into(">H", damaged, offset + 2, 0xFFFF)  # count
    path = tmp_path / "Lato-Count.ttf"
    path.write_bytes(bytes(damaged))
    assert _info(read_font_info_file, path, max_bytes=MAX_FONT_BYTES) == _info(read_font_info, bytes(damaged))


def test_an_os2_table_cut_short_of_its_code_pages_repeats_none(tmp_path: Path):
    data = LATO.read_bytes()
    path = tmp_path / "Lato-ShortOS2.ttf"
    path.write_bytes(_with_record(data, "OS/2", length=78))  # version 4 claims code pages at 78-86
    header = header_of(path)
    assert header.code_pages == (0, 0)
    assert header.panose == read_header(data).panose
    fonts.clear_caches()
    face = fonts.read_face(path)
    assert face is not None and face.weight == 400


def test_randomly_damaged_headers_give_the_same_answer_from_the_file_and_from_bytes(tmp_path: Path):
    """Bytes flipped in the offset table, the directory and the three tables: both ways agree, never crash."""
    data = LATO.read_bytes()
    directory = _directory(data)
    spots = [range(0, 12 + 16 * len(directory))] + [
        range(offset, offset + min(length, 512)) for tag, (_at, offset, length) in directory.items()
        if tag in ("name", "OS/2", "head")]
    rng = random.Random(18)
    for index in range(150):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            spot = rng.choice(spots)
            damaged[rng.choice(spot)] = rng.randrange(256)
        path = tmp_path / f"v{index}.ttf"
        path.write_bytes(bytes(damaged))
        eot.clear_caches()
        assert _info(read_font_info_file, path, max_bytes=MAX_FONT_BYTES) == _info(read_font_info, bytes(damaged))
        assert _info(header_of, path) == _info(read_header, bytes(damaged))
