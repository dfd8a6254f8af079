"""Images an outline names, checked and read once before rendering.

Renderers get bytes, never paths, so nothing they do can reach outside the
folders we allowed, and a file swapped mid-build cannot slip through.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from workshop.errors import Location
from workshop.model.slides import ImageSlide
from workshop.safety.images import MAX_IMAGE_BYTES, ImageFile, check_image
from workshop.safety.paths import confined_file, project_root


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
    return check_image(name, data, location)


def collect_assets(outline) -> Assets:
    """Check and read every image and the client logo of an ``Outline``."""
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
