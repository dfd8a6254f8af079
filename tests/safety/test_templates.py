"""Hostile templates are refused before python-pptx opens them."""

from __future__ import annotations

import io
import zipfile

import pytest

from workshop.errors import WorkshopError
from workshop.safety.templates import check_template_bytes

CT = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>'


def make_zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def refused(data: bytes) -> str:
    with pytest.raises(WorkshopError) as info:
        check_template_bytes(data, "t.pptx")
    assert str(info.value.location) == "t.pptx"
    return info.value.message


def test_template_not_a_zip():
    assert "not a PowerPoint file" in refused(b"hello, I am text")


def test_template_truncated_zip():
    data = make_zip({"[Content_Types].xml": CT, "ppt/a.xml": b"<a/>" * 1000})
    assert "damaged" in refused(data[: len(data) // 2])


def test_template_zip_bomb_by_ratio():
    assert "zip bomb" in refused(make_zip({"[Content_Types].xml": CT, "ppt/big.xml": b"0" * 50_000_000}))


def test_template_with_macros():
    assert "macros" in refused(make_zip({"[Content_Types].xml": CT, "ppt/vbaProject.bin": b"x"}))


def test_template_xml_entities():
    evil = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    assert "entities" in refused(make_zip({"[Content_Types].xml": CT, "ppt/presentation.xml": evil}))


def test_template_without_content_types():
    assert "Content_Types" in refused(make_zip({"ppt/a.xml": b"<a/>"}))
