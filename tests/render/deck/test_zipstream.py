"""The streamed zip writer gives exactly the bytes zipfile writes for the same members."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from workshop.render.deck.zipstream import ZIP_TIME, deflate, level_for, read_entries, write_zip


def _zipfile_bytes(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, data, compresslevel=level_for(name))
    return buffer.getvalue()


MEMBERS = [
    ("[Content_Types].xml", b"<Types/>" * 40),
    ("ppt/slides/slide1.xml", b'<?xml version="1.0"?><p:sld>' + b"<a:t>tekst</a:t>" * 300 + b"</p:sld>"),
    ("ppt/slides/_rels/slide1.xml.rels", b""),
    ("ppt/media/image1.png", os.urandom(5000)),
    ("ppt/fonts/font1.fntdata", bytes(range(256)) * 64),
    ("ppt/tags/tëg1.xml", "<tag naam='één'/>".encode()),
]


def test_the_same_bytes_as_zipfile():
    assert write_zip(deflate(name, data) for name, data in MEMBERS) == _zipfile_bytes(MEMBERS)


def test_an_empty_archive_is_what_zipfile_writes():
    assert write_zip([]) == _zipfile_bytes([])


def test_fonts_deflate_fast_and_the_rest_well():
    assert level_for("ppt/fonts/font3.fntdata") == 1
    assert level_for("ppt/slides/slide3.xml") == 6


@pytest.mark.slow
def test_more_members_than_a_plain_zip_counts_gets_the_zip64_end_record():
    members = [(f"ppt/tags/tag{i}.xml", b"") for i in range(70_000)]
    data = write_zip(deflate(name, body) for name, body in members)
    assert data == _zipfile_bytes(members)
    assert len(zipfile.ZipFile(io.BytesIO(data)).namelist()) == 70_000


def test_an_archive_read_back_gives_its_entries_as_deflated():
    written = [deflate(name, data) for name, data in MEMBERS]
    entries = read_entries(write_zip(written))
    assert list(entries.values()) == written
    for name, data in MEMBERS:
        assert entries[name].holds(data)
        assert not entries[name].holds(data + b" ") and not entries[name].holds(data[:-1] + b"?")
