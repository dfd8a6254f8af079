"""A paragraph split across pages keeps the line breaks it already has.

reportlab's ``Paragraph.split`` breaks a paragraph's lines, gives the first
page its lines and hands the rest on as a new paragraph of fragments, which
breaks its lines again from the start when it is next measured. A paragraph
that runs over n pages is thus broken n times, each time all that is left of
it: quadratic in its length. One point list of a compare slide at the
outline's limits (50 points of 10,000 characters) is a 500,000-character
paragraph over about 160 guide pages; breaking it took minutes.

:class:`CarriedLines` hands the rest its lines as well: its first
``breakLines`` at the width they were made for returns them instead of
breaking the fragments again. Line breaking is greedy, so the rest broken
again would start each line with the same word and end it at the same word:
the carried lines hold the same words with the same room left on each line
(``tests/render/pdf/test_continued.py`` checks it against reportlab's own
break for every split) and differ only in bookkeeping that nothing draws (a
cut word's class, an empty fragment after it). Each part that
is drawn on a page is still broken afresh from its fragments, as before: it
is one page long, and what it draws does not change. A paragraph that finds
no room at the foot of a page (reportlab drops its lines then) keeps them
for the next page the same way.

A line of reportlab's complex (multi-style) paragraphs records, as ``sFW``,
where its words start in the paragraph's fragment list; a carried line keeps
the index it had in the whole paragraph, so the split here counts from the
paragraph's first line instead of from 0.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import _InjectedFrag, _SHYWord, _SHYWordHS, _SplitFragHY, _SplitFragLL


class CarriedLines(Paragraph):
    """A paragraph whose split hands the second part the lines already broken for it."""

    # (the widths asked for, the lines broken for them, the widths as the break left them: reportlab
    # narrows the first for a bullet, in place, and a right-to-left paragraph draws by them)
    _carried: tuple[list[float], Any, list[float]] | None = None  # lines for the next break
    _broken: tuple[list[float], Any, list[float]] | None = None  # the last break

    def breakLines(self, width: Any) -> Any:
        widths = list(width) if isinstance(width, (list, tuple)) else [width]
        carried, self._carried = self._carried, None
        if carried is not None and widths == carried[0]:
            lines, after = carried[1], carried[2]
            if isinstance(width, list):
                width[:] = after
            self._width_max = max(after)  # an upper bound; nothing in platypus reads it
            self._splitLongWordCount = self._hyphenations = 0
        else:
            lines = super().breakLines(width)
            after = list(width) if isinstance(width, (list, tuple)) else [width]
        self._broken = (widths, lines, after)
        return lines

    def split(self, availWidth: float, availHeight: float) -> list[Paragraph]:
        broken = self._broken
        made = getattr(self, "blPara", None)
        parts: list[Paragraph] = super().split(availWidth, availHeight)
        if not parts and broken is not None and broken[1] is made:
            self._carried = broken  # no room here (reportlab dropped the lines): the same lines on the next page
        elif len(parts) == 2 and broken is not None and broken[1] is made and isinstance(parts[1], CarriedLines):
            first, rest = parts
            later = broken[0][-1]
            start = len(first.blPara.lines)
            kept = made.lines[start:]
            if type(made.lines) is not list:
                kept = type(made.lines)(kept)  # a BidiList stays one: reportlab sorts its words by it
            lines = type(made)(kind=1, lines=kept) if made.kind == 1 else made.clone(lines=kept)
            rest._carried = ([later, later], lines, [later, later])
        return parts

    def _split_blParaProcessed(self, blPara: Any, start: int, stop: int) -> list[Any]:
        """reportlab's own, with ``sFW`` counted from the first line's (0 unless the lines were carried)."""
        if not stop:
            return []
        lines = blPara.lines
        base = lines[0].sFW
        first = lines[start].sFW - base
        end = lines[stop].sFW - base if stop != len(lines) else len(self.frags)
        frags = self.frags[first:end]
        while frags and isinstance(frags[-1], _InjectedFrag):
            del frags[-1]
        if isinstance(frags[-1], _SplitFragHY):
            frags[-1].__class__ = _SHYWordHS if isinstance(frags[-1], _SHYWord) else _SplitFragLL
        return frags
