"""TrueType fonts that reportlab reads the first time a PDF measures or draws with them.

Every family is registered whole (four faces, and the shipped fallback's
four), so ``<b>``/``<i>`` and the per-character fallback can name any face;
but a handout draws with about five of the twelve. reportlab parses a file
when its ``TTFont`` is made (about 4 ms a face), so here that parse waits
until reportlab first asks the face for anything besides its name.

Waiting must not move an error into the middle of a render, where it would
lose its file name and hint. So a face is read on demand only once the same
file (by content) has been read whole before, by this reportlab and this
tool's code, and passed: the first build with a font checks it at
registration, as always, and leaves a small record in the user cache folder
(``<user cache>/fonts/``, named by that key, holding the face's PostScript
name, which registration needs). ``WORKSHOP_CACHE=off`` reads every face at
registration. The faces read are the same either way, so the PDFs' bytes do
not change.
"""

from __future__ import annotations

import hashlib
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import Version, rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

CACHE_FOLDER = "fonts"


class FaceOnDemand(TTFontFace):
    """A ``TTFontFace`` that knows only its name until another attribute is asked for."""

    def __init__(self, filename: str, name: bytes) -> None:  # no parse here: see __getattr__
        self._filename = filename
        self.name = name  # all that pdfmetrics.registerFont reads

    def __getattr__(self, attribute: str) -> Any:
        # Called only for attributes not set yet: the first one triggers the parse, which sets them all.
        if attribute.startswith("__") or "_read" in self.__dict__:
            raise AttributeError(attribute)
        self.__dict__["_read"] = True
        TTFontFace.__init__(self, self._filename)
        return getattr(self, attribute)


class FontOnDemand(TTFont):
    """A ``TTFont`` over a :class:`FaceOnDemand`: what ``TTFont.__init__`` sets, without reading the file.

    ``tests/render/pdf/test_fonts_and_flowables.py`` checks that it holds the
    same attributes as a ``TTFont``, so a reportlab upgrade that adds one fails there.
    """

    def __init__(self, name: str, filename: str, face_name: bytes) -> None:
        self.fontName = name
        self.face = FaceOnDemand(filename, face_name)
        self.encoding = TTEncoding()
        self.state: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, pattern) for pattern in rl_config.unShapedFontGlob)


def known_face_name(content_digest: str) -> bytes | None:
    """The PostScript name recorded for a font file that was read whole and passed, or None."""
    from workshop.cache import enabled, read_entry

    if not enabled():
        return None
    key = record_key(content_digest)
    name = read_entry(_records() / f"{key}.name", key)
    return name if name else None


def remember(content_digest: str, face_name: bytes) -> None:
    """Record that the file with this content was read whole and passed (a cache that cannot be written is skipped)."""
    from workshop.cache import enabled, write_entry

    if enabled() and face_name:
        key = record_key(content_digest)
        write_entry(_records() / f"{key}.name", key, bytes(face_name))


def record_key(content_digest: str) -> str:
    return hashlib.sha256(f"{code_version()}\n{content_digest}".encode()).hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """reportlab's version and this tool's code (once per process): either changing outdates every entry."""
    from workshop.fingerprint import code_fingerprint

    return f"reportlab {Version}\nworkshop {code_fingerprint()}"


def _records() -> Path:
    from workshop.cache import area

    return area(CACHE_FOLDER)
