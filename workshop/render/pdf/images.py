"""Checked image bytes → reportlab images, always scaled to fit their box.

Renderers get bytes that ``workshop.assets`` (outline images) or the brand
loader (logos) already checked; nothing here opens a path an outline named.
An image is never taller than the box it is given, so it can never be an
unsplittable flowable taller than the page.

Each image is embedded at the resolution it is printed at (``PRINT_DPI`` for
the box it is drawn in, never more than it has), so the PDFs do not carry
slide-sized pictures; the scaled copy is kept between builds (``scaled_cache``).
It is embedded once per document, as a form that every use draws:
reportlab's own ``drawImage`` hashes all of an image's pixels on every use
(0.1 s each for a 2,560-pixel picture), a form costs nothing more. And it is
encoded once per process (``xobjects``): a batch worker draws the same logo
and pictures into every document, and naming and deflating them again cost
about 13 ms of every build.
"""

from __future__ import annotations

import hashlib
import io
from functools import lru_cache

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from workshop.assets import shown_size
from workshop.brand.model import Logo
from workshop.errors import WorkshopError
from workshop.lazyclass import lazy_dataclass
from workshop.render.pdf.encoded_cache import cached_encoding
from workshop.render.pdf.recent import Recent
from workshop.render.pdf.scaled_cache import cached_scale
from workshop.render.pdf.xobjects import Encoded, draw, encode
from workshop.safety.images import MAX_IMAGE_BYTES, ImageFile, check_image


def fit(width: float, height: float, max_width: float, max_height: float) -> tuple[float, float]:
    scale = min(max_width / width, max_height / height)
    return width * scale, height * scale


MAX_ENCODED = 32 * 1024 * 1024  # bytes of pictures and their encodings kept between documents
PRINT_DPI = 300


@lazy_dataclass(frozen=True)
class _Picture:
    form: str  # the name of the document's form that draws it
    encoded: Encoded


#: the printed image's bytes → its encoding, bounded by the bytes of both
_PICTURES: Recent[bytes, _Picture] = Recent(
    4096, MAX_ENCODED, lambda data, picture: len(data) + picture.encoded.size,
)


def _picture(image: ImageFile) -> _Picture:
    """The picture of ``image``'s bytes, encoded on its first use in this process.

    Keyed by the bytes themselves, so a picture file that changes between the
    builds of a watch or a batch is encoded again; bounded by the bytes kept
    (least recently used go first), so many large pictures cannot pile up.
    A new process takes the encoding from the user cache folder when an
    earlier one left it there (``encoded_cache``).
    """
    found = _PICTURES.get(image.data)
    if found is not None:
        return found
    digest = hashlib.sha256(image.data).hexdigest()
    encoded = cached_encoding(digest, lambda: encode(ImageReader(io.BytesIO(image.data))))
    found = _Picture("Picture" + digest[:32], encoded)
    _PICTURES.put(image.data, found)
    return found


def for_print(image: ImageFile, width: float, height: float) -> ImageFile:
    """``image`` as printed in a ``width`` × ``height`` point box: at most ``PRINT_DPI`` (never enlarged)."""
    return _scaled(image, round(width * PRINT_DPI / 72), round(height * PRINT_DPI / 72))


@lru_cache(maxsize=64)
def _scaled(image: ImageFile, width: int, height: int) -> ImageFile:
    limit = (max(1, width), max(1, height))
    if image.width <= limit[0] and image.height <= limit[1]:
        return image  # never enlarged
    return cached_scale(image, limit, lambda: shown_size(image, None, limit))


class SharedImage(Flowable):
    """A picture drawn from the document's one copy of it (see the module docstring)."""

    def __init__(self, image: ImageFile, width: float, height: float) -> None:
        super().__init__()
        self.image = for_print(image, width, height)
        self.drawWidth, self.drawHeight = width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.drawWidth, self.drawHeight

    def draw(self) -> None:
        _draw_shared(self.canv, self.image, 0, 0, self.drawWidth, self.drawHeight)


def image_flowable(image: ImageFile, max_width: float, max_height: float, align: str = "LEFT") -> SharedImage:
    w, h = fit(image.width, image.height, max_width, max_height)
    flowable = SharedImage(image, w, h)
    flowable.hAlign = align
    return flowable


def _draw_shared(canvas: Canvas, image: ImageFile, x: float, y: float, width: float, height: float) -> None:
    """Draw ``image`` stretched to the box at (x, y): the first use in a document makes its form."""
    picture = _picture(image)
    if not canvas.hasForm(picture.form):
        canvas.beginForm(picture.form, 0, 0, 1, 1)
        draw(canvas, picture.encoded, 0, 0, 1, 1)  # as canvas.drawImage(reader, 0, 0, 1, 1, mask="auto")
        canvas.endForm()
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(width, height)
    canvas.doForm(picture.form)
    canvas.restoreState()


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
    _draw_shared(canvas, for_print(image, w, h), x, y + (max_height - h) / 2, w, h)
    return w
