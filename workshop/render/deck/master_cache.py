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
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

CACHE_ENV = "WORKSHOP_CACHE"
OFF = ("0", "off", "no", "false")
MAGIC = b"workshop master cache 1\n"
DIGEST = hashlib.sha256().digest_size
T = TypeVar("T")


def enabled() -> bool:
    return os.environ.get(CACHE_ENV, "").strip().lower() not in OFF


def masters_dir() -> Path:
    from workshop.platforms import user_cache_dir

    return user_cache_dir() / "masters"


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


def read_entry(path: Path, key: str, magic: bytes = MAGIC) -> bytes | None:
    """The saved master, or None when the entry is missing, damaged or made for another key."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    head = magic + key.encode("ascii") + b"\n"
    if not raw.startswith(head) or len(raw) < len(head) + DIGEST:
        return None
    digest, data = raw[len(head):len(head) + DIGEST], raw[len(head) + DIGEST:]
    if hashlib.sha256(data).digest() != digest:
        return None
    return data


def write_entry(path: Path, key: str, data: bytes, magic: bytes = MAGIC) -> None:
    """Write the entry whole (a temporary file renamed into place); a cache that cannot be written is skipped."""
    entry = magic + key.encode("ascii") + b"\n" + hashlib.sha256(data).digest() + data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(entry)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # a read-only or full cache folder: the build goes on without it
