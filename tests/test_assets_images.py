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


def _pdf(draw) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_a_pdf_embeds_an_image_once_at_print_resolution_however_often_it_is_drawn():
    from workshop.render.pdf.images import PRINT_DPI, draw_image, image_flowable

    image = check_image("a.png", png(2400, 1200))
    flowable = image_flowable(image, 144, 144)  # a 2 × 2 inch box: 2 × 1 inch drawn, 600 × 300 pixels
    assert (flowable.image.width, flowable.image.height) == (2 * PRINT_DPI, PRINT_DPI)

    def draw(canvas) -> None:
        for n in range(40):
            draw_image(canvas, image, 10 + n, 10, 144, 144)

    data = _pdf(draw)
    assert data.count(b"/Subtype /Image") == 1  # one image object for 40 uses
    assert b"/Width 600" in data and b"/Height 300" in data


def test_a_small_image_is_never_enlarged_for_print():
    from workshop.render.pdf.images import image_flowable

    image = check_image("s.png", png(200, 100))
    assert image_flowable(image, 500, 500).image is image


def test_an_outline_image_is_scaled_when_collected(tmp_path: Path, monkeypatch):
    from workshop.assets import load_image

    (tmp_path / "big.png").write_bytes(png(4000, 1000))
    monkeypatch.chdir(tmp_path)
    image = load_image("big.png", tmp_path, [tmp_path], None)
    assert (image.width, image.height) == (MAX_SHOWN_SIDE, 640)


def _outline(tmp_path: Path, slides: str, monkeypatch):
    from workshop.outline.load import load_outline

    (tmp_path / "deck.yaml").write_text(
        "workshop: {title: Beelden, language: nl}\nsections:\n  - title: Deel\n    slides:\n" + slides,
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return load_outline(tmp_path / "deck.yaml")


def test_images_are_scaled_to_the_largest_box_any_output_shows(tmp_path: Path, monkeypatch):
    from workshop.assets import PRINT_LIMIT, SCREEN_DPI, collect_assets
    from workshop.brand.load import load_brand
    from workshop.plan.build import make_plan

    (tmp_path / "wide.png").write_bytes(png(6000, 1000))
    (tmp_path / "tall.png").write_bytes(png(1000, 6000))
    outline = _outline(tmp_path, "      - {kind: image, title: Breed, image: wide.png, alt: breed}\n"
                                 "      - {kind: image, title: Hoog, image: tall.png, alt: hoog}\n", monkeypatch)
    brand = load_brand("default")
    plan = make_plan(outline.workshop, brand, name="deck")
    assets = collect_assets(outline, plan)
    picture = next(p for p in plan.deck_slides if p.kind == "image").layout.spec.box("Picture")
    deck_w, deck_h = round(picture.w * SCREEN_DPI / 914_400), round(picture.h * SCREEN_DPI / 914_400)
    wide, tall = assets.image("wide.png"), assets.image("tall.png")
    assert wide.width == min(MAX_SHOWN_SIDE, max(deck_w, PRINT_LIMIT[0]))  # the deck or the print, the wider
    assert tall.height == max(deck_h, PRINT_LIMIT[1]) < MAX_SHOWN_SIDE  # not a fixed 2,560 pixels


def test_images_past_the_decoding_budget_are_refused_before_any_is_decoded(tmp_path: Path, monkeypatch):
    import pytest

    from workshop import assets as assets_module
    from workshop.errors import WorkshopError

    for n in range(3):
        (tmp_path / f"p{n}.png").write_bytes(png(2000, 2000 + n))
    outline = _outline(tmp_path, "".join(
        f"      - {{kind: image, title: Beeld {n}, image: p{n}.png, alt: beeld}}\n" for n in (0, 1, 2, 0)),
        monkeypatch)
    monkeypatch.setattr(assets_module, "MAX_DECODED_PIXELS", 2000 * 2001 * 2 + 2000)
    decoded: list[str] = []
    monkeypatch.setattr(assets_module, "shown_size", lambda image, *a, **k: decoded.append(image.name) or image)
    with pytest.raises(WorkshopError) as caught:
        assets_module.collect_assets(outline)
    error = caught.value
    assert "'p2.png' (2000 × 2002 pixels)" in str(error) and "megapixels" in str(error)
    assert error.location is not None and error.location.line == 7  # the outline line that names p2.png
    assert "export the pictures at that size" in error.hint and not decoded
