"""PDF streams deflated once per process: the same content gives the same compressed bytes.

reportlab deflates every stream it writes (page contents, forms, font
subsets, character maps) through one filter object, ``pdfdoc.PDFZCompress``.
A batch worker writes the same streams again and again: half of the streams
of 25 clients' handouts of one outline are identical (the pages that do not
name the client, the subsets of the same glyphs), about 4 ms of a warm
build. :func:`install` puts a :class:`RememberingZCompress` in that filter's
place: ``zlib.compress`` of the same bytes, kept by their SHA-256 once a
content has come twice (the pages that name the client never come again, so
only their digests are held), at most ``MAX_ENTRIES`` streams and
``MAX_BYTES`` of compressed bytes, least recently used going first.
Deflating is deterministic, so no byte changes.

``pdfdoc.PDFZCompress`` is the name reportlab looks up each time it writes a
stream; ``tests/render/pdf/test_deflate.py`` fails when it is gone or when a
PDF written with the remembering filter differs from one written without.
"""

from __future__ import annotations

import hashlib
import zlib

from reportlab.pdfbase import pdfdoc

from workshop.render.pdf.recent import Recent

MAX_ENTRIES = 4096
MAX_BYTES = 16 * 1024 * 1024


class RememberingZCompress(pdfdoc.PDFStreamFilterZCompress):
    """reportlab's Flate filter, remembering what it deflated."""

    def __init__(self) -> None:
        #: SHA-256 of the content → its deflated bytes, bounded by their count and size
        self.kept: Recent[bytes, bytes] = Recent(MAX_ENTRIES, MAX_BYTES, lambda _, made: len(made))
        self.seen: Recent[bytes, bool] = Recent(MAX_ENTRIES)  # contents deflated once, by their SHA-256

    @property
    def size(self) -> int:
        """Bytes of deflated streams kept."""
        return self.kept.size

    def encode(self, text: str | bytes) -> bytes:
        data = text.encode("utf8") if isinstance(text, str) else text
        key = hashlib.sha256(data).digest()
        found = self.kept.get(key)
        if found is not None:
            return found
        made = zlib.compress(data)
        if self.seen.pop(key) is None:
            self.seen.put(key, True)
            return made
        self.kept.put(key, made)
        return made


def install() -> None:
    """Make reportlab deflate through a remembering filter from now on in this process (once)."""
    if not isinstance(pdfdoc.PDFZCompress, RememberingZCompress):
        pdfdoc.PDFZCompress = RememberingZCompress()
