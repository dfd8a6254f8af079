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

from dataclasses import replace
from typing import Callable

from workshop.layouts.texts import shown


class _List:
    """How one kind's list is counted and cut."""

    def __init__(self, field: str, cut: Callable | None = None):
        self.field = field
        self._cut = cut

    def count(self, slide, context) -> int:
        return len(getattr(slide, self.field))

    def share(self, slide, start: int, stop: int, title: str | None, first: bool):
        update = {self.field: list(getattr(slide, self.field))[start:stop]}
        if title is not None:
            update["title"] = title
        if not first:
            update["notes"] = None
            if self._cut:
                update.update(self._cut(slide))
        return slide.model_copy(update=update)


class _Agenda(_List):
    def count(self, slide, context) -> int:
        return len(context.agenda)

    def share(self, slide, start, stop, title, first):
        update = {"title": title} if title is not None else {}
        if not first:
            update["notes"] = None
        return slide.model_copy(update=update)


LISTS = {
    "bullets": _List("bullets"),
    "steps": _List("steps"),
    "table": _List("rows"),
    "exercise": _List("steps", lambda s: {"goal": None, "worksheet": []}),
    "agenda": _Agenda("agenda"),
}


def _longest(start: int, count: int, fits) -> int:
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


def _part(item, slide_share, span, index: int, parts: int):
    if index == 0:
        return replace(item, shown=slide_share, span=span, part=(1, parts))
    return replace(item, slide=slide_share, shown=None, span=span, part=(index + 1, parts), generated=True,
                   minutes=0, quiz_answer=False)


def split(fitter, item, relievable: list[str]):
    """``item`` as continued parts with their fits, or None when splitting cannot help."""
    from workshop.plan.fit import SPLITTABLE

    if item.kind == "compare":
        return _split_compare(fitter, item)
    kind = LISTS[item.kind]
    slide = shown(item)
    count = kind.count(slide, fitter.context)
    if count < 2:
        return None
    listed = SPLITTABLE[item.kind]
    title = slide.title

    def make(start: int, stop: int, index: int, parts: int):
        name = fitter.lang.word("continued", title=title) if index else None
        return _part(item, kind.share(slide, start, stop, name, index == 0), (start, stop), index, parts)

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


def _split_compare(fitter, item):
    from workshop.plan.fit import SPLITTABLE

    slide = shown(item)
    left, right = list(slide.left.points), list(slide.right.points)
    most = max(len(left), len(right))
    if most < 2:
        return None
    columns = SPLITTABLE["compare"]

    def make(parts: int) -> list:
        out = []
        for index, ((la, lb), (ra, rb)) in enumerate(zip(_even(len(left), parts), _even(len(right), parts))):
            update = {"left": slide.left.model_copy(update={"points": left[la:lb]}),
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


def _smallest(fitter, measure) -> dict[str, float]:
    return {role: fitter.brand.size(role).min_pt for role in measure.roles}


def _finish(fitter, item, parts: list, name: str, count: int):
    """Fit every part, give the list one size over all parts, note the continuation on part 1."""
    from workshop.plan.fit import SPLITTABLE

    listed = SPLITTABLE[item.kind]
    fits = [fitter.fit_slide(part) for part in parts]
    roles = {r for part in parts for m in fitter.measures(part, listed) for r in m.roles}
    for role in roles:
        smallest = min(f.sizes[role] for f in fits if role in f.sizes)
        for f in fits:
            if role in f.sizes:
                f.sizes[role] = smallest
    fits[0].continued = (name, count, len(parts))
    return list(zip(parts, fits))
