"""Pictures at their printed size, kept in the user cache folder between builds.

Scaling a picture to the resolution it is printed at (``images.for_print``)
decodes it, resamples it (Lanczos) and encodes it again: about 35 ms for a
1,600-pixel PNG, in every build that prints it. The result is the same every
time for the same picture and size, so it is kept under
``<user cache>/printed/``, like the masters (``workshop.cache``;
``WORKSHOP_CACHE=off`` or ``--no-cache`` skip it). An entry is named by the
picture's bytes, the size, Pillow's version and this tool's code, and
carries a digest of its bytes; one that is missing, damaged, not a sound
image or not the size asked for is scaled again and rewritten. The bytes are
the scaler's either way, so the cache never changes a PDF.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from workshop.errors import WorkshopError
from workshop.safety.images import ImageFile, check_image

CACHE_FOLDER = "printed"


def cached_scale(image: ImageFile, limit: tuple[int, int], scale: Callable[[], ImageFile]) -> ImageFile:
    """``scale()`` (``image`` fitted into ``limit`` pixels), from the cache when a sound entry is there."""
    from workshop.cache import enabled, read_entry, write_entry

    if not enabled():
        return scale()
    key = entry_key(image, limit)
    path = _folder() / f"{key}.{image.format}"
    data = read_entry(path, key)
    if data is not None:
        found = _sound(image, data, limit)
        if found is not None:
            return found
    made = scale()
    if made is not image:
        write_entry(path, key, made.data)
    return made


def entry_key(image: ImageFile, limit: tuple[int, int]) -> str:
    import PIL

    from workshop.render.pdf.ondemand import code_version

    parts = [code_version(), f"Pillow {PIL.__version__}", hashlib.sha256(image.data).hexdigest(),
             f"{image.format} {limit[0]}x{limit[1]}"]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _sound(image: ImageFile, data: bytes, limit: tuple[int, int]) -> ImageFile | None:
    try:
        found = check_image(image.name, data)
    except WorkshopError:
        return None
    if found.format != image.format or found.width > limit[0] or found.height > limit[1]:
        return None
    return found


def _folder() -> Path:
    from workshop.cache import area

    return area(CACHE_FOLDER)
