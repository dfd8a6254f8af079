"""Continuation slides: a list that does not fit at the smallest size goes over several slides.

Bullets (a point keeps its sub-points), compare columns, steps, exercise
instructions, agenda rows and table rows split into parts. The number of
parts is the least that fits: each part takes as many items as fit at the
brand's minimum (a binary search per part), then the items are spread
evenly over that many parts when that fits too, so the last slide is not a
lonely leftover. Every part is then fitted on its own, and the split role
gets the smallest size of all parts, so the list keeps one size from slide
to slide. Part 1 keeps the outline's slide and its time; parts 2… are
generated slides titled "… (vervolg)" / "… (continued)", with no minutes of
their own and no notes. Steps and instructions keep counting; tables repeat
their header.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Protocol

from workshop.brand.model import Brand
from workshop.kinds import KINDS, Continues
from workshop.language import Language
from workshop.model.slides import CompareSlide, SlideBase
from workshop.plan.fit_blocks import Measure, SlideFit
from workshop.plan.model import Continuation, PlannedSlide
from workshop.plan.texts import Context


class Fitter(Protocol):
    """What splitting asks of ``plan.fit.Fitter`` (named here so the two modules do not import each other)."""

    brand: Brand
    context: Context
    lang: Language

    def measures(self, item: PlannedSlide, only: Callable[[str], bool] | None = None) -> list[Measure]: ...

    def fit_slide(self, item: PlannedSlide) -> SlideFit: ...


#: the parts of a continued slide, each with its fit
Parts = list[tuple[PlannedSlide, SlideFit]]


def _count(continues: Continues, slide: SlideBase, context: Context) -> int:
    """How many items the list has (agenda rows come from the plan, not the slide)."""
    return len(context.agenda) if continues.cut == "agenda" else len(getattr(slide, continues.list_field))


def _share(continues: Continues, slide: SlideBase, start: int, stop: int, title: str | None, first: bool
           ) -> SlideBase:
    """The slide model showing items [start, stop) of the list (parts 2… lose notes and extras)."""
    update: dict[str, object] = {}
    if continues.cut == "items":
        update[continues.list_field] = list(getattr(slide, continues.list_field))[start:stop]
    if title is not None:
        update["title"] = title
    if not first:
        update["notes"] = None
        update.update(continues.dropped)
    return slide.model_copy(update=update)


def _longest(start: int, count: int, fits: Callable[[int, int], bool]) -> int:
    """The end of the longest run of items from ``start`` that fits (at least one item).

    Doubling, then halving: a part of k items costs about 2 log k tries of at
    most 2k items, so a 2,000-row table splits in time proportional to its rows.
    """
    low = start + 1
    if low >= count or not fits(start, low):
        return low
    high = count
    while True:
        probe = min(count, start + 2 * (low - start))
        if fits(start, probe):
            low = probe
            if probe == count:
                return count
        else:
            high = probe - 1
            break
    while low < high:
        middle = (low + high + 1) // 2
        if fits(start, middle):
            low = middle
        else:
            high = middle - 1
    return low


def _even(count: int, parts: int) -> list[tuple[int, int]]:
    return [(count * i // parts, count * (i + 1) // parts) for i in range(parts)]


def _part(item: PlannedSlide, slide_share: SlideBase, span: tuple[int, int] | None, index: int, parts: int
          ) -> PlannedSlide:
    continuation = Continuation(index + 1, parts, slide_share, span)
    if index == 0:
        return replace(item, continuation=continuation)
    return replace(item, slide=slide_share, continuation=continuation, generated=True, minutes=0,
                   quiz_answer=False)


def split(fitter: Fitter, item: PlannedSlide, relievable: list[str]) -> Parts | None:
    """``item`` as continued parts with their fits, or None when splitting cannot help."""
    continues = KINDS[item.kind].continues
    if continues is None:
        return None
    if continues.cut == "columns":
        return _split_compare(fitter, item, continues)
    slide = item.shown
    count = _count(continues, slide, fitter.context)
    if count < 2:
        return None
    listed = continues.relieves
    title: str | None = getattr(slide, "title", None)  # every kind that continues has one

    def make(start: int, stop: int, index: int, parts: int) -> PlannedSlide:
        name = fitter.lang.word("continued", title=title) if index else None
        return _part(item, _share(continues, slide, start, stop, name, index == 0), (start, stop), index, parts)

    def fits(start: int, stop: int) -> bool:
        part = make(start, stop, 1 if start else 0, 2)
        return all(m.trial(_smallest(fitter, m)).fits_broken for m in fitter.measures(part, listed))

    spans: list[tuple[int, int]] = []
    start = 0
    while start < count:
        stop = _longest(start, count, fits)
        spans.append((start, stop))
        start = stop
    if len(spans) < 2:
        return None
    even = _even(count, len(spans))
    if all(fits(a, b) for a, b in even):
        spans = even
    return _finish(fitter, item, [make(a, b, i, len(spans)) for i, (a, b) in enumerate(spans)], relievable[0],
                   count)


def _split_compare(fitter: Fitter, item: PlannedSlide, continues: Continues) -> Parts | None:
    slide = item.shown
    assert isinstance(slide, CompareSlide)
    left, right = list(slide.left.points), list(slide.right.points)
    most = max(len(left), len(right))
    if most < 2:
        return None
    columns = continues.relieves

    def make(parts: int) -> list[PlannedSlide]:
        out = []
        shares = zip(_even(len(left), parts), _even(len(right), parts), strict=True)
        for index, ((la, lb), (ra, rb)) in enumerate(shares):
            update: dict[str, object] = {"left": slide.left.model_copy(update={"points": left[la:lb]}),
                      "right": slide.right.model_copy(update={"points": right[ra:rb]})}
            if index:
                update.update(title=fitter.lang.word("continued", title=slide.title), notes=None)
            out.append(_part(item, slide.model_copy(update=update), None, index, parts))
        return out

    chosen = None
    for parts in range(2, most + 1):
        chosen = make(parts)
        if all(m.trial(_smallest(fitter, m)).fits_broken for p in chosen for m in fitter.measures(p, columns)):
            break
    assert chosen is not None
    return _finish(fitter, item, chosen, "Left", len(left) + len(right))


def _smallest(fitter: Fitter, measure: Measure) -> dict[str, float]:
    return {role: fitter.brand.size(role).min_pt for role in measure.roles}


def _finish(fitter: Fitter, item: PlannedSlide, parts: Sequence[PlannedSlide], name: str, count: int) -> Parts:
    """Fit every part, give the list one size over all parts, note the continuation on part 1."""
    continues = KINDS[item.kind].continues
    assert continues is not None
    listed = continues.relieves
    fits = [fitter.fit_slide(part) for part in parts]
    roles = {r for part in parts for m in fitter.measures(part, listed) for r in m.roles}
    for role in roles:
        smallest = min(f.sizes[role] for f in fits if role in f.sizes)
        for f in fits:
            if role in f.sizes:
                f.sizes[role] = smallest
    fits[0].continued = (name, count, len(parts))
    return list(zip(parts, fits, strict=False))
