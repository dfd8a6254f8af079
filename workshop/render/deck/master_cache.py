"""The generated master, cached per brand in the user's cache folder.

Generating the master from ``_brand.yml`` (theme, text styles, one layout per
slide kind) is about a tenth of a cold build, and it is the same every time
for the same brand. So the first build saves it as a small .pptx under
``<user cache>/masters/`` and later builds open that instead.

An entry is named by a key that covers everything the master is made from:
the brand (every field, its own files by content, installed fonts by size and
time), the deck's language and client colour, python-pptx's and lxml's
versions, and this tool's version and source files. A changed brand or a
new release simply misses. The entry repeats its key and carries a SHA-256
of its bytes; an entry that is damaged, truncated, made for another key or
that python-pptx cannot open is ignored, rebuilt and written again. The
cache never changes a deck's bytes (the tests compare decks built with it
cold, warm and off). ``WORKSHOP_CACHE=off`` (or ``--no-cache``) turns it off;
the folder is safe to delete at any time.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from workshop.cache import area, enabled, read_entry, write_entry

T = TypeVar("T")


def masters_dir() -> Path:
    return area("masters")


def master_key(brand: Any, lang: str, client_color: str | None) -> str:
    """The entry's name: a hash of everything the generated master depends on."""
    import lxml.etree
    import pptx

    from workshop.fingerprint import code_fingerprint, value_fingerprint
    from workshop.kinds import KINDS

    folder = getattr(brand, "folder", None)
    parts = [
        code_fingerprint(),
        f"python-pptx {pptx.__version__}",
        f"lxml {lxml.etree.LXML_VERSION}",
        f"zlib {zlib.ZLIB_RUNTIME_VERSION}",  # the deck reuses the entry's deflated members (deck.py)
        value_fingerprint(brand, Path(folder) if folder else None),
        f"lang {lang}",
        f"client colour {client_color}",
        # the kinds registered in this process: each adds its layouts to the master
        "kinds " + ",".join(sorted(KINDS)),
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def cached_master(key: str, generate: Callable[[], T], save: Callable[[T], bytes],
                  open_saved: Callable[[bytes], T], folder: Path | None = None) -> T:
    """``open_saved(entry)`` for a sound entry for ``key``; else ``generate()``, stored as ``save`` writes it."""
    if not enabled():
        return generate()
    path = (folder or masters_dir()) / f"{key}.pptx"
    data = read_entry(path, key)
    if data is not None:
        try:
            return open_saved(data)
        except Exception:  # noqa: BLE001 - an entry python-pptx cannot open is rebuilt, whatever it raised
            pass
    made = generate()
    write_entry(path, key, save(made))
    return made


__all__ = ["cached_master", "master_key", "masters_dir"]
