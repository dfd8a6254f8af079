"""Identify a logo by its first bytes and read its size from the header.

Image decoders have a long history of security bugs and a 20,000 x 20,000
"logo" would eat memory in every renderer, so logos are checked here (magic
bytes, pixel dimensions from the header, a megapixel limit) before Pillow,
python-pptx or reportlab ever open them.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

MAX_MEGAPIXELS = 40

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
# Start-of-frame markers carry the dimensions; C4, C8 and CC share the range but do not.
_SOF_MARKERS = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_HEADER_LIMIT = 4 * 1024 * 1024  # a JPEG's frame header comes after metadata; stop looking here


class ImageFormatError(ValueError):
    """Not an image we accept; the message is written for a designer."""


@dataclass(frozen=True)
class ImageInfo:
    format: str  # "png" or "jpeg"
    width: int
    height: int

    @property
    def megapixels(self) -> float:
        return self.width * self.height / 1_000_000


def sniff(head: bytes) -> str | None:
    """``png``, ``jpeg``, ``svg``, ``gif``, ``webp`` or None, from the first bytes."""
    if head.startswith(PNG_SIGNATURE):
        return "png"
    if head.startswith(JPEG_SIGNATURE):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg")) and b"<svg" in head.lower():
        return "svg"
    return None


def probe_image(path: Path, *, max_megapixels: float = MAX_MEGAPIXELS) -> ImageInfo:
    """Format and pixel size of a PNG or JPEG, read from its header only."""
    with open(path, "rb") as handle:
        head = handle.read(64)
        kind = sniff(head)
        if kind == "png":
            info = _png(head)
        elif kind == "jpeg":
            handle.seek(0)
            info = _jpeg(handle.read(_HEADER_LIMIT))
        elif kind:
            raise ImageFormatError(f"is a {kind.upper()} image; logos must be PNG or JPEG")
        else:
            raise ImageFormatError("is not a PNG or JPEG image (its first bytes say otherwise)")
    if info.width <= 0 or info.height <= 0:
        raise ImageFormatError(f"has an impossible size of {info.width} x {info.height} pixels")
    if info.megapixels > max_megapixels:
        raise ImageFormatError(
            f"is {info.width} x {info.height} pixels ({info.megapixels:.0f} megapixels); "
            f"the limit is {max_megapixels:g} megapixels"
        )
    return info


def _png(head: bytes) -> ImageInfo:
    if len(head) < 24 or head[12:16] != b"IHDR":
        raise ImageFormatError("is a damaged PNG (no IHDR header)")
    width, height = struct.unpack(">II", head[16:24])
    return ImageInfo("png", width, height)


def _jpeg(data: bytes) -> ImageInfo:
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise ImageFormatError("is a damaged JPEG (bad marker)")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            pos += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image / start of scan before any frame header
            break
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2:
            raise ImageFormatError("is a damaged JPEG (bad segment length)")
        if marker in _SOF_MARKERS:
            if pos + 9 > len(data):
                break
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return ImageInfo("jpeg", width, height)
        pos += 2 + length
    raise ImageFormatError("is a damaged JPEG (no frame header with its size)")
