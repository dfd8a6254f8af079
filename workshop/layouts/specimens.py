"""Layouts found again from the labelled sample slides of an exported master, after a LibreOffice save.

``template export`` puts one sample slide on every layout, labelled by a text
box called ``SPECIMEN_MARK`` that reads "Layout: <name>". LibreOffice 7.4
keeps each layout's design but turns every used layout into a slide master of
its own, with stock layouts named "Blank Slide", "Title, Content"… and the
placeholders renamed "PlaceHolder N" (types kept, ``idx`` dropped). What does
survive is the sample slide: its label, the layout part it sits on and its
placeholders at the designed positions. A layout that no longer exists by the
label's name is taken back from that slide; the other stock layouts of its
master are dropped, as they only repeat that one design.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from workshop.lazyclass import lazy_dataclass

if TYPE_CHECKING:
    from workshop.layouts.geometry import Box
    from workshop.layouts.template import PlaceholderGeometry, TemplateLayout

SPECIMEN_MARK = "Workshop Layout"  # the name of the label on each sample slide of an exported master
LABEL_PREFIX = "Layout: "
_CONTENT = frozenset({"body", "obj", "pic", "chart", "tbl"})
ROUNDING = 4 * 3600  # EMU over four edges, each within 0.1 mm: LibreOffice rounds positions to 1/100 mm


@lazy_dataclass(frozen=True)
class Specimen:
    """One labelled sample slide: the layout it names, the layout part it uses, its placeholders."""

    label: str
    layout_part: str
    placeholders: tuple[PlaceholderGeometry, ...]


def label_of(text: str) -> str | None:
    """The layout name a sample slide's label gives ("Layout: Quote" → "Quote")."""
    text = text.strip()
    if not text.startswith(LABEL_PREFIX):
        return None
    name = text[len(LABEL_PREFIX):].strip()
    return name or None


def recover(layouts: list[TemplateLayout], specimens: list[Specimen],
            masters: Mapping[int, tuple[PlaceholderGeometry, ...]]) -> list[TemplateLayout]:
    """``layouts`` with each lost layout taken back from its sample slide (unchanged when none is lost)."""
    present = {ly.name.casefold().strip() for ly in layouts}
    by_part = {ly.part: ly for ly in layouts if ly.part}
    found: dict[str, TemplateLayout] = {}
    for specimen in specimens:
        layout = by_part.get(specimen.layout_part)
        if layout is None or specimen.label.casefold() in present or layout.part in found:
            continue
        own = _placeholders(masters.get(layout.master, ()), specimen.placeholders)
        found[layout.part] = replace(layout, name=specimen.label, placeholders=own)
        present.add(specimen.label.casefold())
    if not found:
        return layouts
    used = {ly.master for ly in found.values()}
    return [found.get(ly.part, ly) for ly in layouts if ly.part in found or ly.master not in used]


def _placeholders(master: tuple[PlaceholderGeometry, ...],
                  slide: tuple[PlaceholderGeometry, ...]) -> tuple[PlaceholderGeometry, ...]:
    """The layout's placeholders: its master's (which keep every position), plus the slide's that it lacks.

    LibreOffice writes a picture, chart or table placeholder as a text one on the
    master and drops it from the slide, and a subtitle only on the slide; every
    content placeholder therefore becomes Content (obj), found again by position.
    Slides must state each position: the stock layout underneath holds none.
    """
    result = [_recovered(ph) for ph in master if ph.box is not None]
    for ph in slide:
        if ph.box is not None and not any(near(ph.box, other.box) for other in result):
            result.append(_recovered(ph))
    # names from two parts repeat ("PlaceHolder 2" on both): number them once, in this order
    return tuple(replace(ph, name=f"PlaceHolder {n}") for n, ph in enumerate(result, 1))


def _recovered(ph: PlaceholderGeometry) -> PlaceholderGeometry:
    type_ = "obj" if ph.type in _CONTENT else ph.type
    return replace(ph, type=type_, inherits=False)


def near(a: Box, b: Box | None) -> bool:
    """The same place, give or take LibreOffice's rounding to 1/100 mm."""
    return b is not None and abs(a.x - b.x) + abs(a.y - b.y) + abs(a.w - b.w) + abs(a.h - b.h) <= ROUNDING
