"""The text fit's font metrics, read from a font file once per machine instead of once per build.

Every build measures text with the brand's faces and their substitutes (12
files for the house brand): reading a file and walking its tables costs
0.2–0.9 ms a face, about 6 ms of a cold build. The result depends only on
the file and the code that reads it, so it is kept in the user's cache
folder (``<user cache>/metrics/``) as a small entry: vertical metrics and
the advance width of every code point.

The key follows ``workshop.fingerprint``'s rule for files the user does not
edit in place: the file by its resolved path, size, modification and change
times and inode (any write or replacement changes one of them; reading and
hashing 650 KB of Lato to key it would cost as much as reading its metrics),
and the code by the tool's version and the state of the modules that read
fonts (``brand/sfnt.py``, ``cmap.py``, ``sfnt_tables.py`` and this one). An
entry is written whole and checked (``workshop.cache``): a damaged one is
ignored and written again. A file that is not a usable font is never cached:
it fails the same way every time. ``WORKSHOP_CACHE=off`` reads the file.
"""

from __future__ import annotations

import hashlib
import os
import stat
import struct
from array import array
from collections.abc import Callable
from functools import cache
from pathlib import Path

from workshop.brand.sfnt import FontMetricsData, read_font_metrics
from workshop.cache import area, code_state, enabled, file_state, read_entry, write_entry

MAGIC = b"workshop font metrics 1\n"
_HEAD = struct.Struct("<IIiiiI")  # units per em, .notdef advance, ascent, descent, line gap, code points
_READERS = ("brand/sfnt.py", "brand/cmap.py", "brand/sfnt_tables.py", "plan/metrics_cache.py")


def metrics_dir() -> Path:
    return area("metrics")


@cache
def _code_state() -> str:
    """Once per process (a stat of each reader per face cost 0.1 ms): the code that runs is the code loaded."""
    return code_state(*_READERS)


def metrics_key(path: Path, info: os.stat_result) -> str:
    """The entry's name: the file as it is now, and the code that reads it."""
    text = f"{_code_state()}\n{file_state(path, info)}"
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def encode(metrics: FontMetricsData) -> bytes:
    codes = array("I", metrics.advances.keys())
    widths = array("I", metrics.advances.values())
    head = _HEAD.pack(metrics.units_per_em, metrics.notdef_advance, metrics.ascent, metrics.descent,
                      metrics.line_gap, len(codes))
    return head + codes.tobytes() + widths.tobytes()


def decode(payload: bytes) -> FontMetricsData | None:
    """The metrics in ``payload``, or None when it is not what ``encode`` writes."""
    if len(payload) < _HEAD.size:
        return None
    units, notdef, ascent, descent, line_gap, count = _HEAD.unpack_from(payload)
    size = array("I").itemsize * count
    if len(payload) != _HEAD.size + 2 * size or not 16 <= units <= 16384:
        return None
    codes, widths = array("I"), array("I")
    codes.frombytes(payload[_HEAD.size:_HEAD.size + size])
    widths.frombytes(payload[_HEAD.size + size:])
    return FontMetricsData(units, dict(zip(codes, widths, strict=True)), notdef, ascent, descent, line_gap)


def font_metrics(path: Path, read: Callable[[Path], bytes], max_bytes: int, folder: Path | None = None
                 ) -> FontMetricsData:
    """``read_font_metrics(read(path))``, from the cache when it holds a sound entry for the file as it is.

    ``read`` is the checked reader (a regular file of at most ``max_bytes``);
    whatever it or the font parser raises is raised here too, and not cached.
    """
    try:
        info = os.stat(path)
    except OSError:
        info = None
    if not enabled() or info is None or not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
        return read_font_metrics(read(path))  # no cache, or a file ``read`` refuses with its own words
    key = metrics_key(path, info)
    entry = (folder or metrics_dir()) / f"{key}.metrics"
    payload = read_entry(entry, key, MAGIC)
    known = decode(payload) if payload is not None else None
    if known is not None:
        return known
    metrics = read_font_metrics(read(path))
    write_entry(entry, key, encode(metrics), MAGIC)
    return metrics
