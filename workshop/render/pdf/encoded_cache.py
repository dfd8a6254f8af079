"""Pictures as a PDF embeds them, kept in the user cache folder between processes.

Encoding a picture for a PDF (``xobjects.encode``: decoding it, naming it by
an MD5 over its pixels and deflating them) costs about 35 ms for a printed
photo, in the first document of every process that draws it: every cold
build. The result is the same every time for the same bytes, so it is kept
under ``<user cache>/encoded/`` (``workshop.cache``; ``WORKSHOP_CACHE=off``
or ``--no-cache`` skip it). An entry is named by the picture's bytes,
Pillow's version (it decodes the pixels the name is made from), reportlab's
version and this tool's code, and carries a digest of its bytes; one that is
missing, damaged or not a sound encoding is made again and rewritten. What a PDF embeds is the encoder's either way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from workshop.render.pdf.xobjects import Encoded, dumps, loads

CACHE_FOLDER = "encoded"


def cached_encoding(digest: str, encode: Callable[[], Encoded]) -> Encoded:
    """``encode()`` (the picture whose bytes have this SHA-256), from the cache when a sound entry is there."""
    from workshop.cache import enabled, read_entry, write_entry

    if not enabled():
        return encode()
    key = entry_key(digest)
    path = _folder() / key
    payload = read_entry(path, key)
    found = loads(payload) if payload is not None else None
    if found is not None:
        return found
    made = encode()
    payload = dumps(made)
    if payload is not None:
        write_entry(path, key, payload)
    return made


def entry_key(digest: str) -> str:
    import PIL

    from workshop.render.pdf.ondemand import code_version

    parts = [code_version(), f"Pillow {PIL.__version__}", "encoded, mask auto", digest]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _folder() -> Path:
    from workshop.cache import area

    return area(CACHE_FOLDER)
