"""Paragraphs whose markup is parsed once per process.

reportlab's ``Paragraph`` parses its markup (an HTML parser walking every
tag and entity) each time one is made: about 12 ms of every warm build. The
same markup recurs in every document of a batch (25 clients' handouts of one
outline differ in a few words) and within one (labels, headings), so the
parse, the list of fragments ``Paragraph`` accepts as ``frags``, is kept and
each new paragraph gets its own copies of the fragments.

What a parse depends on is its key: the markup (and what the caller made
it from, so a hit skips that too), the style's attributes (by
value, apart from its name, its parent, whose values it holds, and its
hyphenation, which only line breaking reads) and the font families
registered so far (``<b>`` and ``<i>`` resolve through them). The cache
holds at most ``MAX_ENTRIES`` parses and ``MAX_CHARS`` characters of markup,
least recently used going first.

A paragraph is also asked for its size again and again at the same width
(a table sizes its cells, then draws them; a block kept together is measured,
then placed): :class:`KeptParagraph` breaks its lines once per width, until
it is split or drawn (both may change what a new break would give).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paraparser import ParaFrag

from workshop.render.pdf import stored_parses
from workshop.render.pdf.continued import CarriedLines
from workshop.render.pdf.fonts import families_generation
from workshop.render.pdf.recent import Recent

MAX_ENTRIES = 4096
MAX_CHARS = 4 * 1024 * 1024
_IGNORED = ("name", "parent", "hyphenationLang")  # not read by the parser (see the docstring)

_Key = tuple[str, Hashable, tuple[tuple[str, object], ...], int]
#: kept parses, bounded by their number and the characters of markup they are keyed by
_PARSED: Recent[_Key, tuple[str, list[ParaFrag]]] = Recent(
    MAX_ENTRIES, MAX_CHARS, lambda key, _: len(key[0]),
)


class KeptParagraph(CarriedLines):
    """A ``Paragraph`` that does not break its lines again for the width it last broke them for."""

    _wrapped: tuple[float, object, object, object] | None = None  # width, and the state the break gave

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        memo = self._wrapped
        if memo is not None and memo[0] == availWidth and memo[1] is self.blPara and memo[2] is self.frags \
                and memo[3] is self.style:
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, self.blPara, self.frags, self.style) if hasattr(self, "blPara") and \
            self.width == availWidth else None
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Paragraph]:
        self._wrapped = None  # splitting may change the fragments (reportlab re-classes the last one)
        parts: list[Paragraph] = super().split(availWidth, availHeight)
        return parts

    def draw(self) -> None:
        self._wrapped = None  # drawing right-to-left text reverses the lines' words in place
        super().draw()


def paragraph(markup: str, style: ParagraphStyle, bullet: str | None = None, *,
              prepare: Callable[[str], str] | None = None, context: Hashable = ()) -> Paragraph:
    """``Paragraph(prepare(markup), style, bulletText=bullet)``, from a kept parse when there is one.

    ``prepare`` turns ``markup`` into what reportlab parses (our inline
    syntax, tied last words, font fallback: ``kit``); ``context`` is what it
    depends on besides the markup and the style, so it is part of the key,
    and on a hit it is not called at all.
    """
    values = style.__dict__.copy()
    for name in _IGNORED:
        values.pop(name, None)
    key: _Key = (markup, context, tuple(values.items()), families_generation())
    try:
        found = _PARSED.get(key)
    except TypeError:  # a style value that cannot be part of a key: parse as reportlab does
        return KeptParagraph(prepare(markup) if prepare else markup, style, bulletText=bullet)
    store = stored_parses.current()  # the document's parses in the user cache, when it has them
    kept_as = stored_parses.name_of(markup, context, key[2]) if store is not None else None
    if found is not None:
        text, frags = found
        if store is not None and kept_as is not None:
            store.use(kept_as, text, frags)
        return KeptParagraph(text, style, bulletText=bullet, frags=[f.clone() for f in frags])
    stored = store.get(kept_as) if store is not None and kept_as is not None else None
    if stored is not None:
        text, frags = stored
        _PARSED.put(key, (text, [f.clone() for f in frags]))
        return KeptParagraph(text, style, bulletText=bullet, frags=frags)
    made = KeptParagraph(prepare(markup) if prepare else markup, style, bulletText=bullet)
    if made.style is style and made.bulletText == (bullet or getattr(style, "bulletText", None)):
        _keep(key, made)  # else the markup set its own style or bullet (<para>, <bullet>): not kept
        if store is not None and kept_as is not None:
            store.use(kept_as, made.text, made.frags)
    return made


def _keep(key: _Key, made: Paragraph) -> None:
    _PARSED.put(key, (made.text, [f.clone() for f in made.frags]))


def forget() -> None:
    """Drop every kept parse (tests; a process that wants its memory back)."""
    _PARSED.clear()
    stored_parses.forget()
