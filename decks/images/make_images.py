"""Draw the illustrations used by the sample outlines.

Run from anywhere:  python decks/images/make_images.py

Every picture is drawn with Pillow from simple shapes and a fixed random seed, so
running the script again gives the same pixels. The pictures carry no text: what
they mean is said by the slide title, caption and the alt text in the outline.
Output: 16:9 PNG files, palette-quantised to stay well under 150 KB.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent.parent / "docs" / "examples" / "images"

W, H = 1600, 900  # 16:9
SCALE = 2  # draw at 2x, then downsample for smooth edges

NAVY = (16, 42, 67)
SEA_1 = (22, 78, 112)
SEA_2 = (28, 98, 132)
SEA_3 = (35, 118, 150)
FISH_GREY = (120, 160, 180)
FISH_GREY_2 = (98, 140, 164)
ORANGE = (240, 128, 40)
ORANGE_DARK = (200, 92, 20)
CREAM = (250, 244, 228)
LEMON = (250, 214, 60)
LEMON_DARK = (222, 178, 30)
WARM = (253, 236, 200)
SUN = (255, 190, 60)
WHITE = (255, 255, 255)
INK = (40, 40, 48)
PINK = (238, 120, 150)
MINT = (80, 180, 150)


def canvas(color: tuple[int, int, int]) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (W * SCALE, H * SCALE), color)
    return image, ImageDraw.Draw(image)


def s(*values: float) -> list[float]:
    """Scale design coordinates (1600x900) to the 2x drawing canvas."""
    return [v * SCALE for v in values]


def save(image: Image.Image, path: Path, size: tuple[int, int] = (W, H)) -> None:
    small = image.resize(size, Image.LANCZOS)
    small = small.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    path.parent.mkdir(parents=True, exist_ok=True)
    small.save(path, format="PNG", optimize=True)
    print(f"{path.relative_to(HERE.parent.parent)}  {path.stat().st_size // 1024} KB")


def fish(draw: ImageDraw.ImageDraw, x: float, y: float, length: float,
         body: tuple[int, int, int], fin: tuple[int, int, int], left: bool = False) -> None:
    """A simple fish: oval body, triangular tail, eye. (x, y) is the body centre."""
    d = -1 if left else 1
    half, tall = length / 2, length * 0.22
    tail_x = x - d * half * 0.9
    draw.polygon(
        s(tail_x, y, tail_x - d * length * 0.32, y - tall * 1.1, tail_x - d * length * 0.32, y + tall * 1.1),
        fill=fin,
    )
    draw.ellipse(s(x - half, y - tall, x + half, y + tall), fill=body)
    draw.polygon(s(x - d * half * 0.1, y - tall * 0.8, x + d * half * 0.3, y - tall * 1.6,
                   x + d * half * 0.45, y - tall * 0.7), fill=fin)
    eye_x = x + d * half * 0.6
    r = max(length * 0.045, 2.5)
    draw.ellipse(s(eye_x - r, y - tall * 0.35 - r, eye_x + r, y - tall * 0.35 + r), fill=WHITE)
    r2 = r * 0.5
    draw.ellipse(s(eye_x - r2 + d, y - tall * 0.35 - r2, eye_x + r2 + d, y - tall * 0.35 + r2), fill=INK)


def ocean(path: Path, size: tuple[int, int] = (W, H)) -> None:
    """Visser of vis: one bright fish chosen from a sea of grey ones."""
    image, draw = canvas(SEA_1)
    # depth bands, lighter towards the surface
    for top, color in ((0, SEA_3), (170, SEA_2), (420, SEA_1), (690, NAVY)):
        draw.rectangle(s(0, top, W, H), fill=color)
    # the surface line with small waves
    for i in range(0, W + 80, 80):
        draw.pieslice(s(i - 40, -40, i + 40, 40), 0, 180, fill=SEA_3)
    # the hand of the customer reaching down: a soft beam of light from the surface
    draw.polygon(s(980, 0, 1260, 0, 1240, 470, 1000, 470), fill=(46, 134, 166))
    rng = random.Random(2027)
    placed: list[tuple[float, float]] = []
    target = (1120, 500)
    while len(placed) < 46:
        x, y = rng.uniform(80, W - 80), rng.uniform(130, H - 70)
        if math.dist((x, y), target) < 210:
            continue
        if any(math.dist((x, y), p) < 120 for p in placed):
            continue
        placed.append((x, y))
        length = rng.uniform(70, 110)
        color = FISH_GREY if rng.random() < 0.5 else FISH_GREY_2
        fish(draw, x, y, length, color, (86, 124, 148), left=rng.random() < 0.45)
    # the chosen fish: bigger, orange, ringed
    draw.ellipse(s(target[0] - 170, target[1] - 170, target[0] + 170, target[1] + 170),
                 outline=CREAM, width=6 * SCALE)
    fish(draw, target[0], target[1], 210, ORANGE, ORANGE_DARK)
    save(image, path, size)


def lemon_juice(path: Path) -> None:
    """Citroensap: a cold glass of lemon juice under a hot sun."""
    image, draw = canvas(WARM)
    # sun with rays
    cx, cy = 300, 240
    for k in range(12):
        a = k * math.pi / 6
        draw.line(s(cx + 130 * math.cos(a), cy + 130 * math.sin(a),
                    cx + 190 * math.cos(a), cy + 190 * math.sin(a)), fill=SUN, width=14 * SCALE)
    draw.ellipse(s(cx - 100, cy - 100, cx + 100, cy + 100), fill=SUN)
    # table
    draw.rectangle(s(0, 720, W, H), fill=(214, 170, 120))
    draw.rectangle(s(0, 720, W, 740), fill=(190, 145, 98))
    # glass: a trapezium with juice, ice cubes and a straw
    gx, top, bottom = 900, 250, 720
    draw.polygon(s(gx - 190, top, gx + 190, top, gx + 150, bottom, gx - 150, bottom), fill=(235, 242, 245))
    draw.polygon(s(gx - 178, top + 60, gx + 178, top + 60, gx + 142, bottom - 14, gx - 142, bottom - 14), fill=LEMON)
    for ix, iy in ((-70, 340), (40, 320), (-10, 430)):
        draw.rounded_rectangle(s(gx + ix, iy, gx + ix + 80, iy + 80), radius=12 * SCALE, fill=(255, 240, 170))
    draw.line(s(gx + 60, top - 150, gx + 20, bottom - 60), fill=PINK, width=18 * SCALE)
    # lemon slice on the rim
    lx, ly, r = gx - 170, top + 10, 95
    draw.pieslice(s(lx - r, ly - r, lx + r, ly + r), 180, 360, fill=LEMON_DARK)
    draw.pieslice(s(lx - r + 14, ly - r + 14, lx + r - 14, ly + r - 14), 180, 360, fill=(255, 236, 120))
    for k in range(1, 6):
        a = math.pi + k * math.pi / 6
        draw.line(s(lx, ly, lx + (r - 16) * math.cos(a), ly + (r - 16) * math.sin(a)), fill=LEMON_DARK, width=5 * SCALE)
    # condensation drops
    rng = random.Random(35)
    for _ in range(14):
        x, y = rng.uniform(gx - 140, gx + 140), rng.uniform(top + 90, bottom - 40)
        draw.ellipse(s(x - 7, y - 10, x + 7, y + 10), fill=(255, 250, 225))
    # a whole lemon beside the glass
    draw.ellipse(s(1230, 560, 1450, 720), fill=LEMON)
    draw.ellipse(s(1430, 620, 1470, 660), fill=LEMON_DARK)
    draw.ellipse(s(1270, 585, 1330, 615), fill=(255, 236, 120))
    save(image, path)


def bill_with_sweets(path: Path) -> None:
    """De 1+1-methode: the bill on a saucer with a sweet, and a second one on its way."""
    image, draw = canvas((235, 240, 236))
    draw.rectangle(s(0, 640, W, H), fill=(196, 208, 200))
    # saucer
    draw.ellipse(s(380, 560, 1100, 760), fill=(250, 250, 250))
    draw.ellipse(s(440, 585, 1040, 735), fill=(238, 238, 238))
    # the bill: a slip with lines
    draw.polygon(s(560, 160, 880, 150, 900, 650, 580, 660), fill=WHITE)
    for k in range(7):
        y = 230 + k * 52
        length = 220 if k % 3 else 150
        draw.line(s(610, y, 610 + length, y - 4), fill=(170, 178, 186), width=9 * SCALE)
    draw.line(s(610, 600, 840, 594), fill=INK, width=11 * SCALE)

    def sweet(x: float, y: float, color: tuple[int, int, int], angle: float) -> None:
        ca, sa = math.cos(angle), math.sin(angle)

        def rot(px: float, py: float) -> tuple[float, float]:
            return x + px * ca - py * sa, y + px * sa + py * ca

        for side in (-1, 1):
            pts = [rot(side * 70, 0), rot(side * 120, -40), rot(side * 120, 40)]
            draw.polygon(s(*[c for p in pts for c in p]), fill=color)
        draw.ellipse(s(x - 75, y - 50, x + 75, y + 50), fill=color)
        draw.ellipse(s(x - 45, y - 30, x - 5, y - 8), fill=(255, 255, 255))

    sweet(760, 690, MINT, 0.15)  # the first extra, on the saucer
    sweet(1300, 330, PINK, -0.35)  # the second, unexpected one
    # motion arcs for the second sweet
    for k, r in enumerate((150, 200, 250)):
        draw.arc(s(1300 - r, 330 - r, 1300 + r, 330 + r), 120, 170, fill=(150, 160, 156), width=(7 - k * 2) * SCALE)
    save(image, path)


def acme_logo(path: Path) -> None:
    """Fictional client logo for decks/clients/acme.yaml: a leaf mark and the word ‘acme’."""
    from font_lato import LatoBlack  # installed with the project (pyproject dependency)
    from PIL import ImageFont

    green = (47, 125, 79)
    w, h = 800, 240
    image = Image.new("RGBA", (w * SCALE, h * SCALE), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle(s(10, 10, 230, 230), radius=44 * SCALE, fill=green)
    # a leaf: a lens between two tips, with a vein along its axis
    (ax, ay), (bx, by) = (52, 188), (192, 48)
    nx, ny = (by - ay) / 198, -(bx - ax) / 198  # unit normal (length of the axis ≈ 198)
    outline = []
    for side in (1, -1):
        for k in range(41):
            u = k / 40 if side == 1 else 1 - k / 40
            bulge = side * 52 * math.sin(math.pi * u)
            outline += [ax + u * (bx - ax) + nx * bulge, ay + u * (by - ay) + ny * bulge]
    draw.polygon(s(*outline), fill=(255, 255, 255))
    draw.line(s(ax + 18, ay - 18, bx - 30, by + 30), fill=green, width=8 * SCALE)
    font = ImageFont.truetype(LatoBlack, 150 * SCALE)
    draw.text(s(270, 118), "acme", font=font, fill=(30, 42, 38), anchor="lm")
    small = image.resize((w, h), Image.LANCZOS)
    path.parent.mkdir(parents=True, exist_ok=True)
    small.save(path, format="PNG", optimize=True)
    print(f"{path.relative_to(HERE.parent.parent)}  {path.stat().st_size // 1024} KB")


def main() -> None:
    ocean(HERE / "oceaan.png")
    lemon_juice(HERE / "citroensap.png")
    bill_with_sweets(HERE / "rekening.png")
    acme_logo(HERE.parent / "clients" / "acme-logo.png")
    acme_logo(DOCS.parent / "clients" / "acme-logo.png")  # for docs/examples/clients/acme.yaml
    # a smaller copy for the documentation example next to docs/examples/image.yaml
    ocean(DOCS / "oceaan.png", size=(960, 540))


if __name__ == "__main__":
    main()
