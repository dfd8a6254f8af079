"""Checked image bytes → reportlab images, always scaled to fit their box.

Renderers get bytes that ``workshop.assets`` (outline images) or the brand
loader (logos) already checked; nothing here opens a path an outline named.
An image is never taller than the box it is given, so it can never be an
unsplittable flowable taller than the page.
"""

from __future__ import annotations

import hashlib
import io
from collections import OrderedDict

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Image

from workshop.brand.model import Logo
from workshop.errors import WorkshopError
from workshop.safety.images import MAX_IMAGE_BYTES, ImageFile, check_image


def fit(width: float, height: float, max_width: float, max_height: float) -> tuple[float, float]:
    scale = min(max_width / width, max_height / height)
    return width * scale, height * scale


_READERS: OrderedDict[bytes, ImageReader] = OrderedDict()  # digest of the image bytes → its reader
MAX_DECODED = 256 * 1024 * 1024  # bytes of decoded pixels the readers may keep between uses


def reader(image: ImageFile) -> ImageReader:
    """One reportlab reader per distinct image, so every use shares one decoding.

    The readers kept are bounded by their decoded size (least recently used
    go first), so a deck of many large pictures cannot hold them all.
    """
    key = hashlib.sha256(image.data).digest()
    found = _READERS.get(key)
    if found is not None:
        _READERS.move_to_end(key)
        return found
    found = _READERS[key] = ImageReader(io.BytesIO(image.data))
    found.decoded_size = image.width * image.height * 4
    while len(_READERS) > 1 and sum(r.decoded_size for r in _READERS.values()) > MAX_DECODED:
        _READERS.popitem(last=False)
    return found


def image_flowable(image: ImageFile, max_width: float, max_height: float, align: str = "LEFT") -> Image:
    w, h = fit(image.width, image.height, max_width, max_height)
    flowable = Image(io.BytesIO(image.data), width=w, height=h, lazy=0)
    flowable._img = reader(image)  # draw from the shared, once-decoded reader
    flowable.hAlign = align
    return flowable


def logo_image(logo: Logo | None) -> ImageFile | None:
    """The brand logo as checked bytes (the loader's, else read from the brand folder)."""
    if logo is None:
        return None
    data = getattr(logo, "data", b"")
    if not data:
        path = logo.path
        if not path or not path.is_file() or path.stat().st_size > MAX_IMAGE_BYTES:
            return None
        data = path.read_bytes()
    try:
        return check_image(str(logo.path), data)
    except WorkshopError:
        return None  # the brand loader reports unusable logos; the PDF falls back to the name


def draw_image(canvas: Canvas, image: ImageFile, x: float, y: float, max_width: float, max_height: float,
               align: str = "left") -> float:
    """Draw ``image`` fitted in the box whose bottom-left is (x, y); returns the drawn width."""
    w, h = fit(image.width, image.height, max_width, max_height)
    if align == "right":
        x += max_width - w
    canvas.drawImage(reader(image), x, y + (max_height - h) / 2, w, h,
                     mask="auto")
    return w
