"""reportlab's URL pattern, compiled only when a word could be a URL.

``reportlab.platypus.paragraph`` compiles, as it is imported, a case-insensitive
URL pattern (Django's validator) whose character classes span most of
Unicode. Folding their case makes it the costliest step of importing
reportlab: about 22 ms of the 85 ms a cold PDF worker spends loading
reportlab and our renderers. Its one use is ``_uri_split_pairs``, which
hyphenation calls for every word it tries to break (every sample's handout
and guide does), to break a URL at its slashes instead.

Every string the pattern matches contains ``://`` (its scheme part,
``(^(?:[a-z0-9.+-]*)://)``, is not optional). So :func:`url_pattern_deferred`
gives reportlab, for that one pattern (known by its digest and flags), a
:class:`UrlPattern` stand-in whose ``match`` answers None at once for a
string without ``://``, as the pattern would, and compiles the pattern for
the first string that has it; anything else asked of it goes to the compiled
pattern. Every other pattern is compiled as before. A reportlab whose pattern
differs is left as it is (``tests/render/pdf/test_patterns.py`` says so, to
update the digest).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

#: SHA-256 of ``reportlab.platypus.paragraph.uri_pat.pattern`` (reportlab 4.x), compiled with ``re.I``
URL_PATTERN = "e5bef3fc9b6136e3eed630940dbc3a33a3b509939e0932a3dae75cbeaed21b80"


class UrlPattern:
    """Stands in for the compiled URL pattern: no match without ``://``, else the pattern itself answers."""

    REQUIRED = "://"  # in every string the pattern matches (its scheme part)

    def __init__(self, pattern: str, flags: int, compile: Callable[..., re.Pattern[str]] = re.compile) -> None:
        self._source = (pattern, flags)
        self._compile = compile  # re's own, even if the stand-in is used while re.compile is replaced
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> bool:
        return self._compiled is not None

    def _pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = self._compile(*self._source)
        return self._compiled

    def match(self, string: Any, *args: Any, **kwargs: Any) -> re.Match[str] | None:
        if not args and not kwargs and isinstance(string, str) and self.REQUIRED not in string:
            return None
        return self._pattern().match(string, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:  # only for names the stand-in does not have
        return getattr(self._pattern(), name)


def _is_the_url_pattern(pattern: object, flags: int) -> bool:
    return (isinstance(pattern, str) and flags == re.IGNORECASE and len(pattern) > 200
            and hashlib.sha256(pattern.encode("utf-8")).hexdigest() == URL_PATTERN)


@contextmanager
def url_pattern_deferred() -> Iterator[None]:
    """While the block runs (an import of reportlab), ``re.compile`` gives the URL pattern's stand-in."""
    real = re.compile

    def compile_or_defer(pattern: Any, flags: int = 0) -> Any:
        if _is_the_url_pattern(pattern, flags):
            return UrlPattern(pattern, flags, real)
        return real(pattern, flags)

    re.compile = compile_or_defer
    try:
        yield
    finally:
        re.compile = real
