"""Image checks from the header bytes, before any decoder sees the file.

Only PNG and JPEG are accepted. Dimensions come from the PNG IHDR chunk or the
JPEG SOF marker, so a decompression bomb (a tiny file declaring a huge canvas)
is refused without decoding a single pixel.
"""

from __future__ import annotations

import struct

from workshop.errors import Location, WorkshopError
from workshop.lazyclass import lazy_dataclass

MAX_PIXELS = 40_000_000
MAX_SIDE = 20_000
MAX_IMAGE_BYTES = 20 * 1024 * 1024
_PNG = b"\x89PNG\r\n\x1a\n"
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


@lazy_dataclass(frozen=True)
class ImageFile:
    """A checked image: its bytes are what renderers embed (read once, no re-open)."""

    name: str
    data: bytes
    format: str  # "png" | "jpeg"
    width: int
    height: int

    @property
    def aspect(self) -> float:
        return self.width / self.height


def check_image(name: str, data: bytes, location: Location | None = None) -> ImageFile:
    if data.startswith(_PNG):
        fmt, (width, height) = "png", _png_size(name, data, location)
        if not data.rstrip(b"\x00").endswith(b"IEND\xaeB`\x82"):
            raise WorkshopError(f"the image '{name}' is truncated (no PNG end marker)", location)
    elif data.startswith(b"\xff\xd8"):
        fmt, (width, height) = "jpeg", _jpeg_size(name, data, location)
        if b"\xff\xd9" not in data[-1024:]:
            raise WorkshopError(f"the image '{name}' is truncated (no JPEG end marker)", location)
    else:
        raise WorkshopError(
            f"the image '{name}' is not a PNG or JPEG file (checked its first bytes)", location,
            hint="export it as PNG or JPEG",
        )
    if width <= 0 or height <= 0 or width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise WorkshopError(
            f"the image '{name}' declares {width}×{height} pixels; the limit is "
            f"{MAX_PIXELS // 1_000_000} megapixels and {MAX_SIDE} pixels a side",
            location, hint="scale it down (1920 pixels wide is plenty for a slide)",
        )
    return ImageFile(name, data, fmt, width, height)


def _png_size(name: str, data: bytes, location: Location | None) -> tuple[int, int]:
    if len(data) < 33 or data[12:16] != b"IHDR":
        raise WorkshopError(f"the image '{name}' is a damaged PNG (no header chunk)", location)
    return struct.unpack(">II", data[16:24])


def _jpeg_size(name: str, data: bytes, location: Location | None) -> tuple[int, int]:
    offset = 2
    while offset + 9 < len(data):
        if data[offset] != 0xFF:
            break
        marker = data[offset + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            offset += 2
            continue
        length = struct.unpack(">H", data[offset + 2: offset + 4])[0]
        if marker in _SOF:
            height, width = struct.unpack(">HH", data[offset + 5: offset + 9])
            return width, height
        offset += 2 + length
    raise WorkshopError(f"the image '{name}' is a damaged JPEG (no size marker)", location)
