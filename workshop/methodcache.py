"""The compiled methods of our dataclasses, cached beside the byte-code as ``.pyc`` files are.

``dataclasses.dataclass`` writes each method (``__init__``, ``__repr__``,
``__eq__`` …) as source text and ``exec``s it; compiling that text is most of
what making a dataclass costs (about 80 µs a method on Python 3.11, some 45 ms
for the classes a deck build uses). The text depends only on the class as
written, so its code object can be kept like a module's byte-code: in one
append-only file in the ``__pycache__`` folder Python uses for this package
(``PYTHONPYCACHEPREFIX`` respected; nothing is written when byte-code is
not, as under ``PYTHONDONTWRITEBYTECODE``; a read-only install only compiles).

Reading must cost little next to the build, whatever the file holds:

* **Only headers are read up front.** A record is a 16-byte header (the
  text's length, the code's length, a CRC-32 of the text, a CRC-32 of text
  and code) then the text as UTF-8 and the marshalled code. Opening the file
  reads it whole (one ``read``) and indexes the headers by (text CRC, text
  length); no text or code is unmarshalled. A text asked for is looked up by
  its own CRC and length, compared byte for byte with the stored text, its
  record checked against the second CRC, and only then is its code
  unmarshalled. So a hit is exactly the text ``dataclasses`` wrote, compiled
  by this interpreter (the magic number heads the file), and a record that is
  torn, damaged or foreign is a miss that costs only the compiling. Two texts
  with the same CRC and length (about one chance in 10¹⁰ for a thousand
  records) are both correct, only the later one is found.
* **Stale records do not pile up.** Records of classes since edited are
  never asked for again. New records are appended at once (a process killed
  later keeps them); when a process that appended finds at its exit that the
  file is over ``_COMPACT_AT`` bytes and more than ``_COMPACT_RATIO`` times
  what it used, it rewrites the file with only the records it used (a new
  file renamed into place, so a reader never sees half of it). A command
  that uses fewer classes than another (``check`` against ``build``) can so
  drop records the other needs; that costs the other one compiling once
  (some 10 ms), and it happens only after code changed, since an unchanged
  tool appends nothing. A file that is missing, foreign or over ``_LIMIT``
  is started afresh the same way.

:func:`compiled_methods` puts the cache in front of ``dataclasses``' own
``exec`` while a class is made, so the methods are the very code the
``exec`` would have compiled from the same text.
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import importlib.util
import marshal
import os
import struct
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from types import CodeType
from typing import Any

_LIMIT = 8 * 1024 * 1024  # bytes; a larger file is started afresh
_COMPACT_AT = 256 * 1024  # bytes; a smaller file is never compacted
_COMPACT_RATIO = 2  # compact when the file is over this many times the bytes a process used
#: the interpreter's byte-code version and this file format's: the first bytes of the file
_MAGIC = importlib.util.MAGIC_NUMBER + b"dcm3"
#: text length, code length, CRC-32 of the text, CRC-32 of text and code
_HEADER = struct.Struct("<4I")


class _Store:
    """The records read from the file on first use (indexed, not unmarshalled) and the file to write to."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.data = b""  # the file as read
        self.index: dict[tuple[int, int], int] | None = None  # (text CRC, text length) → record offset
        self.fresh = False  # the file is missing, foreign or outgrown: rewrite it from the start
        self.codes: dict[str, CodeType] = {}  # the texts this process asked for, and their code
        self.used: list[tuple[int, int]] = []  # where the records of those found in the file are
        self.written: list[bytes] = []  # the records of those compiled here
        self.used_bytes = 0
        self.exit_registered = 0  # the process that will compact at its exit (0: none)
        self.compiled = 0  # texts this process had to compile (for the tests and for measuring)

    def load(self) -> dict[tuple[int, int], int]:
        if self.index is None:
            self.data, self.index, self.fresh = _read(self.path)
        return self.index

    def code(self, text: str) -> CodeType:
        found = self.codes.get(text)
        if found is not None:
            return found
        index = self.load()
        raw = text.encode("utf-8", "surrogatepass")
        text_crc = zlib.crc32(raw)
        at = index.get((text_crc, len(raw)))
        found = None if at is None else self._found(at, raw, text_crc)
        if found is None:
            # dont_inherit: compiled as in dataclasses, without this module's ``annotations`` future
            found = compile(text, "<string>", "exec", dont_inherit=True)
            self.compiled += 1
            record = _record(raw, text_crc, found)
            self.written.append(record)
            self.used_bytes += len(record)
            self._append(record)
        self.codes[text] = found
        return found

    def _found(self, at: int, raw: bytes, text_crc: int) -> CodeType | None:
        """The code of the record at ``at`` if it holds exactly ``raw``, whole; else None (a miss)."""
        data = self.data
        text_size, code_size, _, record_crc = _HEADER.unpack_from(data, at)
        start = at + _HEADER.size
        end = start + text_size + code_size
        if data[start : start + text_size] != raw:
            return None
        body = memoryview(data)[start + text_size : end]
        if zlib.crc32(body, text_crc) != record_crc:
            return None
        try:
            code = marshal.loads(body)
        except (EOFError, ValueError, TypeError):
            return None
        if not isinstance(code, CodeType):
            return None
        self.used.append((at, end))
        self.used_bytes += end - at
        return code

    def _append(self, record: bytes) -> None:
        if self.path is None or sys.dont_write_bytecode:
            return
        if self.fresh:
            self.fresh = False
            self._rewrite([record])
            return
        try:
            with open(self.path, "ab") as out:
                out.write(record)
        except OSError:
            self.path = None  # a read-only install: compile as dataclasses does
            return
        if not self.exit_registered:
            self.exit_registered = os.getpid()
            atexit.register(self.compact)

    def compact(self) -> None:
        """At exit, after appending: rewrite the file with only what was used, when most of it was not."""
        size = len(self.data)
        if self.exit_registered != os.getpid():  # a forked child that inherited the hook: not its file to judge
            return
        if self.path is not None and size > _COMPACT_AT and size > _COMPACT_RATIO * self.used_bytes:
            self._rewrite([self.data[at:end] for at, end in self.used] + self.written)

    def _rewrite(self, records: list[bytes]) -> None:
        """Replace the file by one holding ``records``: written aside, then renamed into place."""
        if self.path is None:
            return
        aside = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(aside, "wb") as out:
                out.write(_MAGIC + b"".join(records))
            os.replace(aside, self.path)
        except OSError:
            try:
                os.unlink(aside)
            except OSError:
                pass
            self.path = None  # a read-only install: compile as dataclasses does


def _record(raw: bytes, text_crc: int, code: CodeType) -> bytes:
    """The record of one text and its code (see the module docstring)."""
    body = marshal.dumps(code)
    return _HEADER.pack(len(raw), len(body), text_crc, zlib.crc32(body, text_crc)) + raw + body


def _read(path: str | None) -> tuple[bytes, dict[tuple[int, int], int], bool]:
    """The file, its index, and whether to start it afresh (missing, foreign, outgrown)."""
    if path is None:
        return b"", {}, True
    try:
        with open(path, "rb") as source:
            data = source.read(_LIMIT + 1)
    except OSError:
        return b"", {}, True
    if len(data) > _LIMIT or not data.startswith(_MAGIC):
        return b"", {}, True
    index: dict[tuple[int, int], int] = {}
    unpack, header, size = _HEADER.unpack_from, _HEADER.size, len(data)
    at = len(_MAGIC)
    while at + header <= size:
        text_size, code_size, text_crc, _ = unpack(data, at)
        end = at + header + text_size + code_size
        if end > size:
            break  # a torn last record (a process killed while appending)
        index[(text_crc, text_size)] = at
        at = end
    return data, index, False


def _default_path() -> str | None:
    try:
        pyc = importlib.util.cache_from_source(__file__)
    except NotImplementedError:  # no byte-code caching on this interpreter
        return None
    return os.path.join(os.path.dirname(pyc), f"dataclass-methods.{sys.implementation.cache_tag}")


_store = _Store(_default_path())


def _exec(source: Any, globals: Any = None, locals: Any = None) -> None:
    """``exec`` as ``dataclasses`` calls it, with the text's code taken from the cache."""
    code = _store.code(source) if isinstance(source, str) else source
    builtins.exec(code, globals, locals)


_depth = 0  # how many compiled_methods() blocks are open (a class made while making another)


@contextmanager
def compiled_methods() -> Iterator[None]:
    """Within: ``dataclasses`` gets its methods' code from the cache (callers hold one lock)."""
    global _depth
    vars(dataclasses)["exec"] = _exec  # a module global shadows the builtin for its functions
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if not _depth:
            del vars(dataclasses)["exec"]
