"""Images an outline names, checked, read and decoded once before rendering.

Renderers get bytes, never paths, so nothing they do can reach outside the
folders we allowed, and a file swapped mid-build cannot slip through.

An image is also made no larger than any output shows it: a photo straight
from a camera is scaled down, once per build, to the largest picture box it
gets on a slide at ``SCREEN_DPI`` (the slide at its real size on a 2×
screen) or in the handout at print resolution (``PRINT_LIMIT``), whichever
is larger; ``MAX_SHOWN_SIDE`` pixels when no plan says where it goes. The
PDFs scale that copy down again to the box they draw it in
(``render.pdf.images``). The scaling is deterministic: the same file gives
the same bytes.

Decoding is the cost: a 6320 × 6320 PNG is 120 MB of pixels, however small
the file. Each distinct image is decoded once, one at a time, and every
further use shares the result (one image part in the deck, one image object
in each PDF), so uses cost no pixel work. What a build may decode is bounded:
``MAX_DECODED_PIXELS`` over all its distinct images, checked from the files'
headers before the first is decoded.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from workshop.errors import Location, WorkshopError
from workshop.lazyclass import lazy_dataclass
from workshop.model.slides import ImageSlide
from workshop.safety.images import MAX_IMAGE_BYTES, MAX_PIXELS, ImageFile, check_image
from workshop.safety.paths import confined_file, project_root

MAX_SHOWN_SIDE = 2560  # pixels: a 16:9 slide's width on a 2× (192 dpi) screen; the PDFs show less
SCREEN_DPI = 192  # a slide shown at its real size (13.33 in wide) on a 2× screen
EMU_PER_INCH = 914_400
# The handout's picture block at 300 dpi: never wider than a letter page (8.5 in), never taller than 45 %
# of an A4 page (5.3 in); render.pdf.images scales to the real box.
PRINT_LIMIT = (2550, 1580)
# decoded pixels a build may hold over all its distinct images: 25 of the largest accepted (40 Mpx) files
MAX_DECODED_PIXELS = 25 * MAX_PIXELS
Limit = tuple[int, int]  # the largest width × height in pixels an image is shown at


@lazy_dataclass(frozen=True)
class Assets:
    images: Mapping[str, ImageFile] = field(default_factory=lambda: MappingProxyType({}))
    client_logo: ImageFile | None = None

    def image(self, name: str) -> ImageFile:
        return self.images[name]


def read_image(name: str, base: Path, roots: list[Path], location: Location | None,
               what: str = "image") -> ImageFile:
    """The checked bytes of an image the outline names (confined, size- and format-checked), not decoded."""
    real = confined_file(name, base, roots, what=what, max_bytes=MAX_IMAGE_BYTES, location=location)
    with open(real, "rb") as handle:
        data = handle.read(MAX_IMAGE_BYTES + 1)
    return check_image(name, data, location)


def load_image(name: str, base: Path, roots: list[Path], location: Location | None, what: str = "image",
               limit: Limit = (MAX_SHOWN_SIDE, MAX_SHOWN_SIDE)) -> ImageFile:
    return shown_size(read_image(name, base, roots, location, what), location, limit)


def shown_size(image: ImageFile, location: Location | None = None,
               limit: Limit = (MAX_SHOWN_SIDE, MAX_SHOWN_SIDE)) -> ImageFile:
    """``image`` scaled down to fit ``limit`` (width × height pixels), unchanged when it already does."""
    scale = min(limit[0] / image.width, limit[1] / image.height)
    if scale >= 1:
        return image
    from PIL import Image, UnidentifiedImageError

    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    try:
        with Image.open(io.BytesIO(image.data)) as opened:
            opened.draft("RGB", size)  # JPEG: decode at a reduced scale straight away
            mode = "RGBA" if _has_alpha(opened) else "RGB"
            decoded: Any = opened if opened.mode == mode else opened.convert(mode)
            # A box reduction to about twice the size first, with the full decoding let go before
            # the Lanczos pass: fast, no moiré, and one full-size copy of the pixels at a time.
            factor = min(decoded.width // size[0], decoded.height // size[1]) // 2
            if factor >= 2:
                decoded = decoded.reduce(factor)
                opened.close()
            smaller = decoded.resize(size, Image.Resampling.LANCZOS)
            del decoded
    except (OSError, ValueError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
        raise WorkshopError(f"the image '{image.name}' cannot be decoded: {exc}", location,
                            hint="export it again as PNG or JPEG") from None
    buffer = io.BytesIO()
    if image.format == "jpeg" and smaller.mode == "RGB":
        smaller.save(buffer, "JPEG", quality=90, optimize=False, progressive=False, subsampling=0)
    else:
        smaller.save(buffer, "PNG", optimize=False, compress_level=6)
    return replace(image, data=buffer.getvalue(), width=size[0], height=size[1])


def _has_alpha(image: Any) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def collect_assets(outline: Any, plan: Any = None) -> Assets:
    """Check, read and (when larger than the deck shows it) scale every image and the client logo, once.

    With the ``plan``, each image is scaled to the largest picture box it gets;
    without one, to ``MAX_SHOWN_SIDE``.
    """
    base = outline.folder
    roots = [project_root(outline.path)]
    found: dict[str, tuple[ImageFile, Location | None]] = {}
    for s_index, section in enumerate(outline.workshop.sections):
        for i_slide, slide in enumerate(section.slides):
            if isinstance(slide, ImageSlide) and slide.image not in found:
                where = outline.where("sections", s_index, "slides", i_slide, "image")
                found[slide.image] = (read_image(slide.image, base, roots, where), where)
    logo = None
    name = outline.workshop.meta.client_logo
    if name:
        where = outline.where("workshop", "client_logo")
        logo = (read_image(name, base, roots, where, what="client logo"), where)
    _within_budget([*found.values(), *([logo] if logo else [])])
    limits = _limits(plan)
    images = {name: shown_size(image, where, limits.get(name, _DEFAULT)) for name, (image, where) in found.items()}
    client = shown_size(logo[0], logo[1], limits.get(_LOGO, _DEFAULT)) if logo else None
    return Assets(MappingProxyType(images), client)


_DEFAULT: Limit = (MAX_SHOWN_SIDE, MAX_SHOWN_SIDE)
_LOGO = "\0client logo"  # the client logo's key among the image names (no file name holds NUL)


def _within_budget(images: list[tuple[ImageFile, Location | None]]) -> None:
    """Refuse, before decoding any, the images past ``MAX_DECODED_PIXELS`` (naming the first that crosses it)."""
    total = 0
    for image, where in images:
        total += image.width * image.height
        if total > MAX_DECODED_PIXELS:
            raise WorkshopError(
                f"the image '{image.name}' ({image.width} × {image.height} pixels) takes the outline's images "
                f"past {MAX_DECODED_PIXELS // 1_000_000:,} megapixels to decode, more than a build may use",
                where,
                hint=f"no output shows more than {MAX_SHOWN_SIDE} pixels a side: export the pictures at that "
                     "size (or smaller) and the outline builds quickly, with the same result",
            )


def _limits(plan: Any) -> dict[str, Limit]:
    """The largest box (pixels) each image is shown in: its deck picture boxes and the print block, by name."""
    limits: dict[str, Limit] = {}
    if plan is None:
        return limits
    px = lambda emu: max(1, round(emu * SCREEN_DPI / EMU_PER_INCH))  # noqa: E731

    def widen(name: str, box: Any) -> None:
        if box is not None:
            width, height = limits.get(name, PRINT_LIMIT)
            limits[name] = (min(MAX_SHOWN_SIDE, max(width, px(box.w))), min(MAX_SHOWN_SIDE, max(height, px(box.h))))

    for planned in plan.deck_slides:
        spec = planned.layout.spec if planned.layout is not None else None
        if spec is None:
            continue
        if isinstance(planned.shown, ImageSlide):
            widen(planned.shown.image, _box(spec, "Picture"))
        if planned.kind == "title":
            widen(_LOGO, _box(spec, "Client Logo"))
    return limits


def _box(spec: Any, name: str) -> Any:
    shape = spec.shape(name)
    return shape.box if shape is not None else None
