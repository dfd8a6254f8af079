"""TrueType fonts that reportlab reads the first time a PDF measures or draws with them.

Every family is registered whole (four faces, and the shipped fallback's
four), so ``<b>``/``<i>`` and the per-character fallback can name any face;
but a handout draws with about five of the twelve. reportlab parses a file
when its ``TTFont`` is made (4 to 8 ms a face), so here that waits until
reportlab first asks the face for anything besides its name.

Waiting must not move an error into the middle of a render, where it would
lose its file name and hint. So a face is read on demand only once the same
file (by content) has been read whole before, by this reportlab and this
tool's code, and passed: the first build with a font checks it at
registration, as always, and leaves two entries in the user cache folder
(``<user cache>/fonts/``, named by that key): the face's PostScript name,
which registration needs, and what reportlab's parse left (``face_state``,
as marshal data), which the face takes on first use instead of parsing the
file again (about 1 ms instead of 4 to 8). ``WORKSHOP_CACHE=off`` reads every
face at registration. The faces are the same either way, so the PDFs' bytes
do not change.

Knowing a file by its content means reading and hashing it (12 files, 2.9 MB
for the house brand: about 4 ms of every cold PDF worker, with the metrics
check). So a third entry knows it by its state (``workshop.cache.file_state``:
resolved path, size, times and inode, as the metrics cache keys it): the
content digest and the face name of a file that passed, as the file was when it
passed (:func:`known_file`). A file whose state changed is read and checked
again; a face read on demand still compares the bytes it reads with the
digest before it trusts its record.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
from collections.abc import Callable
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import Version, rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

CACHE_FOLDER = "fonts"


class FaceOnDemand(TTFontFace):
    """A ``TTFontFace`` that knows only its name until another attribute is asked for.

    Then it takes what reportlab's parse left from the file's record
    (``saved_face``), or parses the file when there is none.
    """

    def __init__(self, filename: str, name: bytes, content_digest: str | None = None) -> None:
        self._filename = filename  # no parse here: see __getattr__
        self._digest = content_digest
        self.name = name  # all that pdfmetrics.registerFont reads

    def __getattr__(self, attribute: str) -> Any:
        # Called only for attributes not set yet: the first one reads the face, which sets them all.
        if attribute.startswith("__") or "_read" in self.__dict__:
            raise AttributeError(attribute)
        self.__dict__["_read"] = True
        with open(self._filename, "rb") as handle:
            data = handle.read()  # what reportlab reads for subsetting
        state = saved_face(self._digest) if self._digest else None
        if state is None or hashlib.sha256(data).hexdigest() != self._digest:  # replaced since registration
            TTFontFace.__init__(self, self._filename)
        else:
            self.__dict__.update(state)
            self._ttf_data = data
            self.filename = self._filename
            self._pdfScale = pdf_scale(self.unitsPerEm)
        return getattr(self, attribute)


def pdf_scale(units_per_em: int) -> Callable[[float], float]:
    """Font units to reportlab's 1/1000 em, the same arithmetic as ``TTFontFile.extractInfo``."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


_NOT_SAVED = frozenset({"_ttf_data", "_pdfScale", "filename", "_filename", "_digest", "_read"})


def face_state(face: TTFontFace) -> bytes | None:
    """What reportlab's parse of a face left, as marshal bytes (None if it holds anything marshal would change)."""
    state = {k: v for k, v in vars(face).items() if k not in _NOT_SAVED}
    names = sorted(k for k, v in state.items() if isinstance(v, TTFNameBytes))
    try:
        payload = marshal.dumps({"state": {k: bytes(v) if k in names else v for k, v in state.items()},
                                 "names": names})
    except ValueError:
        return None
    back = _state(payload)
    if back is None or any(type(back[k]) is not type(v) or back[k] != v for k, v in state.items()):
        return None  # a type marshal flattens (a subclass): parse such a face each time instead
    return payload


def _state(payload: bytes) -> dict[str, Any] | None:
    try:
        saved = marshal.loads(payload)
        state, names = saved["state"], saved["names"]
        for name in names:
            state[name] = TTFNameBytes(state[name])  # UTF-8 bytes of the text: given back as they were
    except (EOFError, ValueError, TypeError, KeyError, UnicodeDecodeError):
        return None
    return state if isinstance(state, dict) and "charWidths" in state else None


def saved_face(content_digest: str) -> dict[str, Any] | None:
    """The recorded parse of the font file with this content, or None."""
    from workshop.cache import enabled, read_entry

    if not enabled():
        return None
    key = record_key(content_digest)
    payload = read_entry(_records() / f"{key}.face", key)
    return _state(payload) if payload else None


class FontOnDemand(TTFont):
    """A ``TTFont`` over a :class:`FaceOnDemand`: what ``TTFont.__init__`` sets, without reading the file.

    ``tests/render/pdf/test_ondemand.py`` checks that it holds the
    same attributes as a ``TTFont``, so a reportlab upgrade that adds one fails there.
    """

    def __init__(self, name: str, filename: str, face_name: bytes, content_digest: str | None = None) -> None:
        self.fontName = name
        self.face = FaceOnDemand(filename, face_name, content_digest)
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


def remember(content_digest: str, face: TTFontFace) -> None:
    """Record that the file with this content was read whole and passed, and what reading it left.

    A cache that cannot be written is skipped.
    """
    from workshop.cache import enabled, write_entry

    if not enabled() or not face.name:
        return
    key = record_key(content_digest)
    state = face_state(face)
    if state is not None:
        write_entry(_records() / f"{key}.face", key, state)
    write_entry(_records() / f"{key}.name", key, bytes(face.name))  # last: a name promises a face


def _file_key(path: Path, info: os.stat_result) -> str:
    from workshop.cache import file_state

    return hashlib.sha256(f"{code_version()}\nfile {file_state(path, info)}".encode(
        "utf-8", "surrogateescape")).hexdigest()


def file_info(path: Path, max_bytes: int) -> os.stat_result | None:
    """The state of ``path`` to key its record by; None when it is no regular file of at most ``max_bytes``."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info if stat.S_ISREG(info.st_mode) and info.st_size <= max_bytes else None


def known_file(path: Path, info: os.stat_result) -> tuple[bytes, str] | None:
    """(face name, content digest) of a font file that passed as it is now (``info``: its state), or None."""
    from workshop.cache import enabled, read_entry

    if not enabled():
        return None
    key = _file_key(path, info)
    payload = read_entry(_records() / f"{key}.file", key)
    if not payload:
        return None
    digest, _, name = payload.partition(b"\n")
    if len(digest) != 64 or not name or digest.strip(b"0123456789abcdef"):
        return None
    return name, digest.decode("ascii")


def remember_file(path: Path, info: os.stat_result, content_digest: str, face_name: bytes) -> None:
    """Record that ``path``, in the state ``info`` taken before its bytes were read, holds a face that passed."""
    from workshop.cache import enabled, write_entry

    if not enabled() or not face_name:
        return
    key = _file_key(path, info)
    write_entry(_records() / f"{key}.file", key, content_digest.encode("ascii") + b"\n" + bytes(face_name))


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
