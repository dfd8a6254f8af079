"""Images larger than any output shows are scaled down once, deterministically, and decoded once per PDF."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from workshop.assets import MAX_SHOWN_SIDE, shown_size
from workshop.safety.images import check_image


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", (width, height), (30, 90, 160))
    image.paste((240, 200, 40), (0, 0, width // 3, height // 2))
    image.save(buffer, "PNG")
    return buffer.getvalue()


def jpeg(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 60, 40)).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def test_a_huge_png_is_scaled_to_the_largest_size_shown():
    image = shown_size(check_image("big.png", png(6320, 3160)))
    assert (image.width, image.height) == (MAX_SHOWN_SIDE, MAX_SHOWN_SIDE // 2)
    with Image.open(io.BytesIO(image.data)) as decoded:
        assert decoded.size == (image.width, image.height) and decoded.format == "PNG"


def test_a_huge_jpeg_stays_a_jpeg():
    image = shown_size(check_image("big.jpg", jpeg(3000, 5000)))
    assert image.format == "jpeg" and image.height == MAX_SHOWN_SIDE
    with Image.open(io.BytesIO(image.data)) as decoded:
        assert decoded.format == "JPEG" and decoded.size == (image.width, image.height)


def test_scaling_is_deterministic_and_small_images_are_untouched():
    data = png(5000, 5000)
    assert shown_size(check_image("a.png", data)).data == shown_size(check_image("a.png", data)).data
    small = check_image("s.png", png(1600, 900))
    assert shown_size(small) is small


def test_every_use_of_an_image_in_a_pdf_shares_one_decoding():
    from workshop.render.pdf.images import image_flowable, reader

    image = check_image("a.png", png(800, 600))
    first, second = image_flowable(image, 100, 100), image_flowable(image, 50, 50)
    assert first._img is second._img is reader(image)


def test_an_outline_image_is_scaled_when_collected(tmp_path: Path, monkeypatch):
    from workshop.assets import load_image

    (tmp_path / "big.png").write_bytes(png(4000, 1000))
    monkeypatch.chdir(tmp_path)
    image = load_image("big.png", tmp_path, [tmp_path], None)
    assert (image.width, image.height) == (MAX_SHOWN_SIDE, 640)
