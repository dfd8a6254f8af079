"""Inline emphasis: ``**bold**`` and ``*italic*`` in outline text, parsed by us.

Renderers receive runs, never markup, so nothing a client types can be read as
PowerPoint XML or reportlab paragraph tags. Unmatched markers stay literal.
"""

from __future__ import annotations

import re

from workshop.lazyclass import lazy_dataclass

_TOKEN = re.compile(r"(\*\*(?=\S)(.+?)(?<=\S)\*\*|\*(?=[^\s*])(.+?)(?<=[^\s*])\*)", re.DOTALL)


@lazy_dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


def parse_inline(text: str) -> list[Run]:
    """Split text into runs; ``**a *b* c**`` nests italics inside bold."""
    runs: list[Run] = []
    _parse(text, False, False, runs)
    return _merge(runs)


def _parse(text: str, bold: bool, italic: bool, out: list[Run]) -> None:
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            out.append(Run(text[position:match.start()], bold, italic))
        if match.group(2) is not None:
            _parse(match.group(2), True, italic, out)
        else:
            _parse(match.group(3), bold, True, out)
        position = match.end()
    if position < len(text):
        out.append(Run(text[position:], bold, italic))


def _merge(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        else:
            merged.append(run)
    return merged


def plain(text: str) -> str:
    """The text without emphasis markers (for measuring, titles in metadata, search)."""
    return "".join(run.text for run in parse_inline(text))
