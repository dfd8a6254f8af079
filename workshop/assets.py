"""Images an outline names, checked, read and decoded once before rendering.

Renderers get bytes, never paths, so nothing they do can reach outside the
folders we allowed, and a file swapped mid-build cannot slip through.

An image is also made no larger than any output shows it: a photo straight
from a camera is scaled down, once per build, to ``MAX_SHOWN_SIDE`` pixels
on its longer side (a full-slide picture on a 2× screen), so each use in
the deck and the PDFs costs at most that many pixels however large the file
was. The scaling is deterministic: the same file gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from workshop.errors import Location, WorkshopError
from workshop.model.slides import ImageSlide
from workshop.safety.images import MAX_IMAGE_BYTES, ImageFile, check_image
from workshop.safety.paths import confined_file, project_root

MAX_SHOWN_SIDE = 2560  # pixels: a 16:9 slide's width on a 2× (192 dpi) screen; the PDFs show less


@dataclass(frozen=True)
class Assets:
    images: Mapping[str, ImageFile] = field(default_factory=lambda: MappingProxyType({}))
    client_logo: ImageFile | None = None

    def image(self, name: str) -> ImageFile:
        return self.images[name]


def load_image(name: str, base: Path, roots: list[Path], location: Location | None, what: str = "image") -> ImageFile:
    real = confined_file(name, base, roots, what=what, max_bytes=MAX_IMAGE_BYTES, location=location)
    with open(real, "rb") as handle:
        data = handle.read(MAX_IMAGE_BYTES + 1)
    return shown_size(check_image(name, data, location), location)


def shown_size(image: ImageFile, location: Location | None = None) -> ImageFile:
    """``image`` scaled down to ``MAX_SHOWN_SIDE`` on its longer side (unchanged when it is smaller)."""
    longest = max(image.width, image.height)
    if longest <= MAX_SHOWN_SIDE:
        return image
    from PIL import Image, UnidentifiedImageError

    scale = MAX_SHOWN_SIDE / longest
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    try:
        with Image.open(io.BytesIO(image.data)) as opened:
            opened.draft("RGB", size)  # JPEG: decode at a reduced scale straight away
            mode = "RGBA" if _has_alpha(opened) else "RGB"
            decoded: Any = opened if opened.mode == mode else opened.convert(mode)
            # A box reduction to about twice the size first, then Lanczos: fast, and no moiré.
            smaller = decoded.resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)
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


def collect_assets(outline: Any) -> Assets:
    """Check, read and (when larger than any output shows) scale every image and the client logo, once."""
    base = outline.folder
    roots = [project_root(outline.path)]
    images: dict[str, ImageFile] = {}
    for s_index, section in enumerate(outline.workshop.sections):
        for i_slide, slide in enumerate(section.slides):
            if isinstance(slide, ImageSlide) and slide.image not in images:
                where = outline.where("sections", s_index, "slides", i_slide, "image")
                images[slide.image] = load_image(slide.image, base, roots, where)
    logo = None
    name = outline.workshop.meta.client_logo
    if name:
        logo = load_image(name, base, roots, outline.where("workshop", "client_logo"), what="client logo")
    return Assets(MappingProxyType(images), logo)
