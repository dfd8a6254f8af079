"""Outline text → reportlab paragraph markup, with every character escaped.

reportlab's ``Paragraph`` reads an XML-like markup (``<img src>``, ``<a href>``,
``<font color>``, entities). Outline text comes from clients, so none of it may
reach that parser as markup: this module is the one place that builds markup,
from runs our own inline parser produced. Only ``<b>``, ``<i>`` and ``<br/>``
tags are ever emitted, and only by this code. Plain module, no reportlab import.
"""

from __future__ import annotations

import html
import re

from workshop.text.inline import Run, parse_inline

# C0/C1 control characters (except tab and newline), lone surrogates and
# non-characters cannot be drawn and some upset the PDF text layer.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"[ \t]+")


def clean(text: str) -> str:
    """Drop characters no font can draw; tabs become spaces."""
    return _UNPRINTABLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))


def escape(text: str) -> str:
    """Every character reportlab's parser could read as markup, as an entity."""
    return (
        clean(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def _lines(text: str) -> str:
    """Escaped text with explicit newlines kept as line breaks."""
    return "<br/>".join(_SPACES.sub(" ", escape(line)) for line in text.split("\n"))


def runs_markup(runs: list[Run]) -> str:
    parts = []
    for run in runs:
        body = _lines(run.text)
        if run.italic:
            body = f"<i>{body}</i>"
        if run.bold:
            body = f"<b>{body}</b>"
        parts.append(body)
    return "".join(parts)


def inline(text: str) -> str:
    """Outline text with ``**bold**``/``*italic*`` → safe paragraph markup."""
    return runs_markup(parse_inline(clean(text)))


def literal(text: str) -> str:
    """Outline text shown exactly as typed (no emphasis parsing), escaped."""
    return _lines(text)


def bold(markup: str) -> str:
    """Wrap markup that this module produced (never raw outline text) in bold."""
    return f"<b>{markup}</b>"


def italic(markup: str) -> str:
    return f"<i>{markup}</i>"


def color(markup: str, hex_color: str) -> str:
    """Colour a span; the colour is ours (brand), validated as ``#RRGGBB`` here."""
    if not re.fullmatch(r"#?[0-9A-Fa-f]{6}", hex_color):
        raise ValueError(f"not a #RRGGBB colour: {hex_color!r}")
    return f'<font color="#{hex_color.lstrip("#")}">{markup}</font>'


_TAG_SPLIT = re.compile(r"(<[^>]*>)")
_LINE_BREAK = "<br/>"
TIE_LIMIT = 24  # characters: a tie longer than that could no longer fit a narrow column


def tie_last_words(markup: str, limit: int = TIE_LIMIT) -> str:
    """The last two words of every line joined by a no-break space: no one-word last lines.

    Works on markup this module produced: spaces inside tags (``<font color=…>``)
    are left alone, and each ``<br/>`` ends a line of its own. Lines of fewer
    than three words, or whose last two words are longer than ``limit``, stay
    as they are (tying them would leave a ragged gap or overflow a narrow column).
    """
    tokens = _TAG_SPLIT.split(markup)
    start = 0
    for end in [i for i, t in enumerate(tokens) if t == _LINE_BREAK] + [len(tokens)]:
        _tie_line(tokens, start, end, limit)
        start = end + 1
    return "".join(tokens)


def _tie_line(tokens: list[str], start: int, end: int, limit: int) -> None:
    texts = [i for i in range(start, end) if i % 2 == 0]  # even tokens are text, odd are tags
    plain = "".join(tokens[i] for i in texts)
    words = plain.split(" ")
    words = [w for w in words if w]
    if len(words) < 3 or len(html.unescape(" ".join(words[-2:]))) > limit:
        return
    seen_word = False
    for i in reversed(texts):
        text = tokens[i]
        for pos in range(len(text) - 1, -1, -1):
            if text[pos] != " ":
                seen_word = True
            elif seen_word:
                tokens[i] = text[:pos] + "\u00a0" + text[pos + 1:]
                return
