"""Text that is safe to print on a terminal and to use as a file name.

File names and outline values come from strangers. Printed raw, an ANSI or OSC
sequence can clear the screen, set the window title or hide a line; a
right-to-left override makes ``evil‮fdp.pptx`` read as ``evilxtpp.pdf``. Every
line the CLI prints goes through :func:`printable`, and output names with any
of these characters are refused (:func:`unsafe_characters`).
"""

from __future__ import annotations

import re

# C0 controls except tab and newline (the CLI's own line breaks), DEL, C1 controls,
# the bidi marks, embeddings, overrides and isolates, and the line/paragraph separators.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_NAMES = re.compile(_UNSAFE.pattern[:1] + "\t\n" + _UNSAFE.pattern[1:])


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control and bidi character shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(_escape, text)


def unsafe_characters(name: str) -> list[str]:
    """The control and bidi characters in ``name`` (tab and newline included), as escapes."""
    return sorted({_escape(m) for m in _UNSAFE_IN_NAMES.finditer(name)})
