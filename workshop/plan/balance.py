"""Short content sits balanced in its area instead of hanging from the top.

A bullet slide with three short points, or a table of four rows, fills
the top half of the content area and leaves the rest empty. The layout rule:
when a slide's content takes less than ``SHORT`` of its area's height, the
box moves down so that ``LEAN`` of the free space is above the content and
the rest below — the optical centre, a little above the geometric one. The
text stays top-anchored in the moved box, so a hand edit in PowerPoint grows
downwards as usual. Shapes a designer placed in their template stay put.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from workshop.layouts.geometry import Box, pt

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


def balance(item, resolved, fitter, sizes: Mapping[str, float]):
    """The resolved layout of ``item`` with its content balanced (the same layout when there is nothing to do)."""
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
