"""The compiled methods of our dataclasses, cached beside the byte-code as ``.pyc`` files are.

``dataclasses.dataclass`` writes each method (``__init__``, ``__repr__``,
``__eq__`` …) as source text and ``exec``s it; compiling that text is most of
what making a dataclass costs (about 80 µs a method on Python 3.11, some 45 ms
for the classes a deck build uses). The text depends only on the class as
written, so its code object can be kept like a module's byte-code: in one
append-only file in the ``__pycache__`` folder Python uses for this package
(``PYTHONPYCACHEPREFIX`` respected; nothing is written when byte-code is
not, as under ``PYTHONDONTWRITEBYTECODE``). Each record is a marshalled
``(text, code)`` pair after its length, so a torn or foreign record only ends
the reading (and reading is slicing, not a stream: 2 ms for 500 methods); the
file starts with the interpreter's magic number and is started afresh when
it does not match, or when it has outgrown ``_LIMIT`` (classes edited often).

:func:`compiled_methods` puts the cache in front of ``dataclasses``' own
``exec`` while a class is made, so the methods are the very code the
``exec`` would have compiled from the same text.
"""

from __future__ import annotations

import builtins
import dataclasses
import importlib.util
import marshal
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import CodeType
from typing import Any

_LIMIT = 8 * 1024 * 1024  # bytes; a larger file is started afresh
#: the interpreter's byte-code version and this file format's, the first record of the file
_MAGIC = (importlib.util.MAGIC_NUMBER, 2)


class _Store:
    """The texts compiled so far (read from the file on first use) and the file to append to."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.codes: dict[str, CodeType] | None = None
        self.fresh = False  # the file is missing, foreign or outgrown: rewrite it from the start
        self.compiled = 0  # texts this process had to compile (for the tests and for measuring)

    def load(self) -> dict[str, CodeType]:
        if self.codes is None:
            self.codes, self.fresh = _read(self.path)
        return self.codes

    def code(self, text: str) -> CodeType:
        codes = self.load()
        found = codes.get(text)
        if found is None:
            # dont_inherit: compiled as in dataclasses, without this module's ``annotations`` future
            found = codes[text] = compile(text, "<string>", "exec", dont_inherit=True)
            self.compiled += 1
            self._append(text, found)
        return found

    def _append(self, text: str, code: CodeType) -> None:
        if self.path is None or sys.dont_write_bytecode:
            return
        record = _frame((text, code))
        try:
            if self.fresh:
                os.makedirs(os.path.dirname(self.path), exist_ok=True)
                with open(self.path, "wb") as out:
                    out.write(_frame(_MAGIC) + record)
                self.fresh = False
            else:
                with open(self.path, "ab") as out:
                    out.write(record)
        except OSError:
            self.path = None  # a read-only install: compile as dataclasses does


def _frame(value: tuple[Any, ...]) -> bytes:
    """``value`` marshalled, after its length (so reading needs no stream, only slices)."""
    data = marshal.dumps(value)
    return len(data).to_bytes(4, "little") + data


def _frames(data: bytes) -> Iterator[object]:
    """The values framed in ``data``, up to the first that does not read (a torn last record)."""
    view, at = memoryview(data), 0
    while at + 4 <= len(data):
        size = int.from_bytes(view[at : at + 4], "little")
        if at + 4 + size > len(data):
            return
        try:
            yield marshal.loads(view[at + 4 : at + 4 + size])
        except (EOFError, ValueError, TypeError):
            return
        at += 4 + size


def _read(path: str | None) -> tuple[dict[str, CodeType], bool]:
    """The records in ``path``, and whether to start the file afresh (missing, foreign, outgrown)."""
    if path is None:
        return {}, True
    try:
        with open(path, "rb") as source:
            data = source.read(_LIMIT + 1)
    except OSError:
        return {}, True
    frames = _frames(data)
    if len(data) > _LIMIT or next(frames, None) != _MAGIC:
        return {}, True
    codes: dict[str, CodeType] = {}
    for record in frames:
        if isinstance(record, tuple) and len(record) == 2:
            text, code = record
            if isinstance(text, str) and isinstance(code, CodeType):
                codes[text] = code
    return codes, False


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
