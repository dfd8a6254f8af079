"""Short content sits balanced in its area instead of hanging from the top.

A bullet slide with three short points, or a table of four rows, fills
the top half of the content area and leaves the rest empty. The layout rule:
when a slide's content takes less than ``SHORT`` of its area's height, the
box moves down so that ``LEAN`` of the free space is above the content and
the rest below — the optical centre, a little above the geometric one. The
text stays top-anchored in the moved box, so a hand edit in PowerPoint grows
downwards as usual. Shapes a designer placed in their template stay put.

A section divider's subtitle is grouped with its title the same way: it
starts just under the title's last line, not at a fixed height that leaves
a gap under a one-line title.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from workshop.layouts.geometry import Box, inch, pt

if TYPE_CHECKING:
    from workshop.layouts.resolve import ResolvedLayout
    from workshop.plan.fit import Fitter
    from workshop.plan.model import PlannedSlide

#: kind → the shape whose content is balanced
BALANCED: Mapping[str, str] = {"bullets": "Body", "table": "Table"}
SHORT = 0.8  # content under this share of its area's height (as measured: an upper bound) is balanced
LEAN = 0.38  # share of the free space that goes above the content


def balanced_box(box: Box, content_pt: float, room_pt: float) -> Box | None:
    """``box`` moved down to balance content of ``content_pt`` in ``room_pt`` (None: leave it)."""
    if room_pt <= 0 or content_pt >= SHORT * room_pt:
        return None
    shift = pt((room_pt - content_pt) * LEAN)
    return Box(box.x, box.y + shift, box.w, box.h - shift)


#: kind → (a shape, the shape that follows right under its text)
FOLLOWS: Mapping[str, tuple[str, str]] = {"section": ("Title", "Subtitle")}
FOLLOW_GAP = inch(0.22)


def balance(item: PlannedSlide, resolved: ResolvedLayout, fitter: Fitter, sizes: Mapping[str, float]
            ) -> ResolvedLayout:
    """The resolved layout of ``item`` with its content balanced (the same layout when there is nothing to do)."""
    resolved = _follow(item, resolved, fitter, sizes)
    name = BALANCED.get(item.kind)
    if name is None or name in resolved.moved or resolved.spec.shape(name) is None:
        return resolved
    measures = fitter.measures(item, lambda n: n == name)
    if len(measures) != 1:
        return resolved
    trial = measures[0].trial(sizes)
    if not trial.fits:
        return resolved
    moved = balanced_box(resolved.spec.box(name), trial.height, trial.room)
    if moved is None:
        return resolved
    return replace(resolved, spec=resolved.spec.with_boxes({name: moved}))


def _follow(item: PlannedSlide, resolved: ResolvedLayout, fitter: Fitter, sizes: Mapping[str, float]
            ) -> ResolvedLayout:
    """A section divider's subtitle right under its title's last line, however many lines the title has."""
    pair = FOLLOWS.get(item.kind)
    spec = resolved.spec
    if pair is None or pair[1] in resolved.moved or pair[0] in resolved.moved:
        return resolved
    lead, follower = pair
    measures = {m.name: m for m in fitter.measures(item, lambda n: n in pair)}
    if lead not in measures or follower not in measures:  # no subtitle on this slide
        return resolved
    trial = measures[lead].trial(sizes)
    frame = resolved.frame(lead)
    if frame.style.anchor != "top" or not trial.fits:
        return resolved
    top = frame.inner.y + pt(trial.height) + FOLLOW_GAP
    box = spec.box(follower)
    if top >= box.y:
        return resolved
    return replace(resolved, spec=spec.with_boxes({follower: Box(box.x, top, box.w, box.bottom - top)}))
