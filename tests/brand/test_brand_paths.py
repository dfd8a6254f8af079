"""Files a brand names stay inside its folder, and logos are checked before decoding.

A refused file is never opened; the brand still loads without it and a
warning says why, at the line that names it (a logo falls back to the
wordmark, a font file to the installed family).
"""

from __future__ import annotations

import os
import struct
import zlib

import pytest

from workshop.brand.load import load_brand, load_brand_with_findings
from workshop.errors import Finding

SKIPPED = ("brand-logo-missing", "brand-logo-skipped", "brand-font-skipped")


def refused(brand_dir, text: str, files=None) -> Finding:
    brand, findings = load_brand_with_findings(brand_dir(text, files))
    assert not brand.logos.images
    problems = [f for f in findings if f.code in SKIPPED]
    assert len(problems) == 1, findings
    return problems[0]


def test_parent_folder_path_is_refused(brand_dir, tmp_path):
    (tmp_path / "outside.png").write_bytes(b"")
    error = refused(brand_dir, "logo: ../outside.png\n")
    assert "'../outside.png'" in error.message and "climb out" in error.message
    assert error.location.line == 1


def test_climbing_path_is_refused_even_when_it_lands_inside(brand_dir):
    error = refused(brand_dir, "logo: logos/../logo.png\n", {"logo.png": "png"})
    assert "'logos/../logo.png'" in error.message and "'..'" in error.message


def test_absolute_path_is_refused(brand_dir, tmp_path):
    error = refused(brand_dir, f"logo: {tmp_path / 'x.png'}\n")
    assert "absolute" in error.message and "x.png" in error.message


def test_home_path_is_refused(brand_dir):
    assert "absolute" in refused(brand_dir, "logo: ~/logo.png\n").message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_symlink_leaving_the_folder_is_refused(brand_dir, tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n")
    folder = brand_dir("logo: logos/logo.png\n")
    (folder / "logos").mkdir()
    (folder / "logos" / "logo.png").symlink_to(secret)
    brand, findings = load_brand_with_findings(folder)
    assert not brand.logos.images
    problem = next(f for f in findings if f.code == "brand-logo-missing")
    assert "'logos/logo.png'" in problem.message and "outside" in problem.message


def test_symlink_inside_the_folder_is_fine(brand_dir):
    folder = brand_dir("logo: alias.png\n", {"real.png": "png"})
    (folder / "alias.png").symlink_to(folder / "real.png")
    assert load_brand(folder).logos.get().width == 40


def test_font_file_outside_the_folder_is_refused(brand_dir):
    error = refused(brand_dir, """
        typography:
          fonts:
            - family: Lato
              source: file
              files: [../../fonts/Lato-Regular.ttf]
        """)
    assert "font file" in error.message and "Lato-Regular.ttf" in error.message


def test_text_file_called_png_is_refused(brand_dir):
    error = refused(brand_dir, "logo: logo.png\n", {"logo.png": b"<html>surprise</html>"})
    assert "'logo.png'" in error.message and "not a PNG or JPEG" in error.message


def test_gif_logo_is_refused(brand_dir):
    error = refused(brand_dir, "logo: logo.png\n", {"logo.png": b"GIF89a" + b"\0" * 40})
    assert "not a PNG or JPEG" in error.message


def png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    iend = struct.pack(">I", 0) + b"IEND" + struct.pack(">I", zlib.crc32(b"IEND"))
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk)) + iend


def test_huge_logo_is_refused_from_its_header(brand_dir):
    error = refused(brand_dir, "logo: bomb.png\n", {"bomb.png": png_header(10_000, 5_000)})
    assert "megapixels" in error.message


def test_jpeg_logo_is_accepted(brand_dir, tmp_path):
    from PIL import Image

    Image.new("RGB", (64, 32), "navy").save(tmp_path / "logo.jpg")
    folder = brand_dir("logo: {path: logo.jpg, alt: Logo}\n", {"logo.jpg": (tmp_path / "logo.jpg").read_bytes()})
    logo = load_brand(folder).logos.get()
    assert (logo.format, logo.width, logo.height) == ("jpeg", 64, 32)


def test_missing_logo_names_the_file(brand_dir):
    error = refused(brand_dir, "logo:\n  large: logos/nope.png\n")
    assert "'logos/nope.png' does not exist" in error.message and error.location.line == 2


def test_web_logo_is_skipped_not_downloaded(brand_dir):
    brand, findings = load_brand_with_findings(brand_dir("logo: https://example.com/logo.png\n"))
    assert brand.logos.get() is None and brand.logos.wordmark == "acme"
    assert any(f.code == "brand-logo-skipped" and "web address" in f.message for f in findings)
