"""Draw the logos of the two shipped brands, reproducibly.

Run from the repository root:  python assets/brands/make_logos.py

Each brand gets a wordmark with a simple mark (light and dark variants) and
the mark alone as a small icon, drawn with the brand's own font files as
``workshop.brand.fonts`` finds them, so the logo and the slides share a face.
The output is deterministic for a given Pillow and font version.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from workshop.brand.fonts import resolve_family  # noqa: E402

SCALE = 8  # drawing pixels per design unit: draw large, scale down for smooth edges
OUTPUT = 2  # output pixels per design unit (a 530-unit wordmark is 1060 px wide)


def font(family: str, bold: bool, px: int) -> ImageFont.FreeTypeFont:
    found, _ = resolve_family(family, None)
    return ImageFont.truetype(str(found.bold if bold else found.regular), px * SCALE)


def save(image: Image.Image, path: Path) -> None:
    left, top, right, bottom = image.getchannel("A").getbbox()  # trim to the drawing, keep a margin
    pad = 6 * SCALE
    image = image.crop((max(0, left - pad), max(0, top - pad), right + pad, bottom + pad))
    step = SCALE // OUTPUT
    image = image.crop((0, 0, image.width // step * step, image.height // step * step))
    small = image.resize((image.width // step, image.height // step), Image.LANCZOS)
    small = small.quantize(colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    small.save(path, optimize=True)
    print(f"{path.relative_to(HERE)}: {small.width}x{small.height}, {path.stat().st_size // 1024} KB")


def canvas(width: int, height: int) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGBA", (width * SCALE, height * SCALE), (0, 0, 0, 0))
    return image, ImageDraw.Draw(image)


# --- Helder (default): two overlapping circles, a conversation; lower-case wordmark ---

HELDER = {"navy": "#14305A", "coral": "#EE6A4D", "teal": "#13827C", "white": "#FFFFFF"}


def helder_mark(image: Image.Image, x: int, y: int, size: int, overlap: str = HELDER["navy"]) -> None:
    s = SCALE
    r = size * 0.36
    cy = y + size / 2
    boxes = [[(cx - r) * s, (cy - r) * s, (cx + r) * s, (cy + r) * s] for cx in (x + r, x + size - r)]
    draw = ImageDraw.Draw(image)
    draw.ellipse(boxes[0], fill=HELDER["teal"])
    draw.ellipse(boxes[1], fill=HELDER["coral"])
    masks = []
    for box in boxes:
        mask = Image.new("L", image.size, 0)
        ImageDraw.Draw(mask).ellipse(box, fill=255)
        masks.append(mask)
    image.paste(overlap, (0, 0), ImageChops.multiply(*masks))  # the overlap: where views meet


def helder(folder: Path) -> None:
    for suffix, ink in (("", HELDER["navy"]), ("-dark", HELDER["white"])):
        image, draw = canvas(760, 200)
        helder_mark(image, 10, 30, 140, overlap=ink)
        draw.text((180 * SCALE, 100 * SCALE), "helder", font=font("Red Hat Display", True, 118),
                  fill=ink, anchor="lm")
        save(image, folder / f"logo{suffix}.png")
        image, _ = canvas(256, 256)
        helder_mark(image, 8, 8, 240, overlap=ink)
        save(image, folder / f"mark{suffix}.png")


# --- Noord: a north arrow in a square; spaced capitals in the serif ---

NOORD = {"forest": "#1F4030", "ochre": "#C8902A", "paper": "#FBF8F1"}


def noord_mark(draw: ImageDraw.ImageDraw, x: int, y: int, size: int, square: str, arrow: str) -> None:
    s = SCALE
    draw.rounded_rectangle([x * s, y * s, (x + size) * s, (y + size) * s], radius=size * 0.12 * s,
                           fill=square)
    cx = x + size / 2
    tip, base = y + size * 0.16, y + size * 0.84
    draw.polygon([(cx * s, tip * s), ((cx + size * 0.24) * s, base * s), (cx * s, (base - size * 0.16) * s),
                  ((cx - size * 0.24) * s, base * s)], fill=arrow)


def noord(folder: Path) -> None:
    variants = (("", NOORD["forest"], NOORD["forest"], NOORD["ochre"]),
                ("-dark", NOORD["paper"], NOORD["ochre"], NOORD["forest"]))
    for suffix, ink, square, arrow in variants:
        image, draw = canvas(820, 200)
        noord_mark(draw, 10, 25, 150, square, arrow)
        face = font("Source Serif Pro", True, 104)
        x = 200 * SCALE
        for letter in "NOORD":  # letter-spaced by hand: Pillow has no tracking
            draw.text((x, 100 * SCALE), letter, font=face, fill=ink, anchor="lm")
            x += face.getlength(letter) + 12 * SCALE
        save(image, folder / f"logo{suffix}.png")
        image, draw = canvas(256, 256)
        noord_mark(draw, 8, 8, 240, square, arrow)
        save(image, folder / f"mark{suffix}.png")


if __name__ == "__main__":
    helder(HERE / "default" / "logos")
    noord(HERE / "noord" / "logos")
