"""Paths are confined to allowed folders; images are checked from their header bytes."""

from __future__ import annotations

import os
import struct
import zlib

import pytest

from workshop.errors import WorkshopError
from workshop.safety.images import check_image
from workshop.safety.paths import confined_file


def png(width: int, height: int, *, complete: bool = True) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    head = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    body = chunk(b"IDAT", zlib.compress(b"\x00" * 16))
    return head + body + (chunk(b"IEND", b"") if complete else b"")


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    (root / "ok.png").write_bytes(png(4, 3))
    return root


def refused(name: str, root, **kw) -> str:
    with pytest.raises(WorkshopError) as info:
        confined_file(name, root, [root], what="image", max_bytes=kw.get("max_bytes", 10_000_000))
    return info.value.message


def test_path_inside_is_accepted(project):
    assert confined_file("ok.png", project, [project], what="image", max_bytes=1000) == (project / "ok.png").resolve()


def test_path_traversal(project):
    assert "outside the allowed folders" in refused("../../etc/passwd", project)


@pytest.mark.parametrize("name", ["/etc/passwd", "~/secret.png", "~root/x.png"])
def test_path_absolute_and_home(project, name):
    assert "absolute" in refused(name, project)


@pytest.mark.parametrize("name", ["file:///etc/passwd", "http://example.org/x.png", "data:image/png;base64,AAAA"])
def test_path_urls(project, name):
    assert "URL" in refused(name, project)


def test_path_nul_byte(project):
    assert "NUL" in refused("ok.png\x00.txt", project)


def test_path_symlink_leaving_the_project(project, tmp_path):
    outside = tmp_path / "secret.png"
    outside.write_bytes(png(2, 2))
    os.symlink(outside, project / "link.png")
    assert "outside the allowed folders" in refused("link.png", project)


def test_path_fifo_and_directory(project):
    os.mkfifo(project / "pipe.png")
    (project / "dir.png").mkdir()
    assert "not a regular file" in refused("pipe.png", project)
    assert "not a regular file" in refused("dir.png", project)


def test_path_huge_file(project):
    with open(project / "huge.png", "wb") as handle:
        handle.truncate(50_000_000)
    assert "limit" in refused("huge.png", project, max_bytes=20_000_000)


def test_path_missing_file(project):
    assert "does not exist" in refused("nope.png", project)


def test_image_decompression_bomb_refused_from_header():
    with pytest.raises(WorkshopError, match="10000×10000"):
        check_image("bomb.png", png(10_000, 10_000))


def test_image_truncated():
    with pytest.raises(WorkshopError, match="truncated"):
        check_image("cut.png", png(4, 4, complete=False))


def test_image_wrong_extension_is_judged_by_content():
    assert check_image("really-a-png.jpg", png(4, 3)).format == "png"


@pytest.mark.parametrize("data", [b"GIF89a....", b"<svg xmlns='http://www.w3.org/2000/svg'/>", b"BM\x00\x00", b"RIFF\x00\x00\x00\x00WEBP"])
def test_image_formats_outside_png_jpeg(data):
    with pytest.raises(WorkshopError, match="not a PNG or JPEG"):
        check_image("x.img", data)


def test_image_jpeg_size_from_header():
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (64, 48), "red").save(buffer, "JPEG")
    info = check_image("x.jpg", buffer.getvalue())
    assert (info.width, info.height, info.format) == (64, 48, "jpeg")
