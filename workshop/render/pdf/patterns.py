"""reportlab's URL pattern, compiled when it is first used instead of when reportlab is imported.

``reportlab.platypus.paragraph`` compiles, as it is imported, a case-insensitive
URL pattern (Django's validator) whose character classes span most of
Unicode. Folding their case makes it the costliest step of importing
reportlab: about 22 ms of the 85 ms a cold PDF worker spends loading
reportlab and our renderers. The pattern is used only to hyphenate URLs
(``uriWasteReduce``, off in our settings, ``settings.SAFE``), so most
processes never match anything with it.

:func:`url_pattern_deferred` replaces ``re.compile`` while that module is
imported, for that one pattern only (known by its digest and flags): it
gets a :class:`OnFirstUse` stand-in, which compiles the real pattern the
first time anything asks it for a method or attribute, and behaves as it
from then on. Every other pattern is compiled as before. A reportlab whose
pattern differs is left as it is (``tests/render/pdf/test_patterns.py`` says
so, to update the digest).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

#: SHA-256 of ``reportlab.platypus.paragraph.uri_pat.pattern`` (reportlab 4.x), compiled with ``re.I``
URL_PATTERN = "e5bef3fc9b6136e3eed630940dbc3a33a3b509939e0932a3dae75cbeaed21b80"


class OnFirstUse:
    """Stands in for a compiled pattern until it is first used; then that pattern answers for it."""

    def __init__(self, pattern: str, flags: int, compile: Callable[..., re.Pattern[str]] = re.compile) -> None:
        self._source = (pattern, flags)
        self._compile = compile  # re's own, even if the stand-in is used while re.compile is replaced
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> bool:
        return self._compiled is not None

    def __getattr__(self, name: str) -> Any:  # only for names the stand-in does not have
        if self._compiled is None:
            self._compiled = self._compile(*self._source)
        return getattr(self._compiled, name)


def _is_the_url_pattern(pattern: object, flags: int) -> bool:
    return (isinstance(pattern, str) and flags == re.IGNORECASE and len(pattern) > 200
            and hashlib.sha256(pattern.encode("utf-8")).hexdigest() == URL_PATTERN)


@contextmanager
def url_pattern_deferred() -> Iterator[None]:
    """While the block runs (an import of reportlab), ``re.compile`` defers the URL pattern."""
    real = re.compile

    def compile_or_defer(pattern: Any, flags: int = 0) -> Any:
        if _is_the_url_pattern(pattern, flags):
            return OnFirstUse(pattern, flags, real)
        return real(pattern, flags)

    re.compile = compile_or_defer
    try:
        yield
    finally:
        re.compile = real
