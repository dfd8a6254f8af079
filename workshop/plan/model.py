"""The plan every renderer reads: what goes on which slide, when, in which layout.

Renderers never re-decide content: the handout and guide walk the same
``PlannedSlide`` list the deck does, filtering on ``audience``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from workshop.errors import Finding, Location
from workshop.model import Meta, Workshop
from workshop.model.slides import Audience, SlideBase


@dataclass(frozen=True)
class AgendaRow:
    """One section on the agenda, with its clock times."""

    title: str
    start: int  # minutes after midnight
    end: int
    minutes: int
    section: int  # index into Workshop.sections
    is_break: bool = False


@dataclass(frozen=True)
class PlannedSlide:
    """One slide as it will appear, with the time and layout chosen for it."""

    kind: str
    layout: str  # layout name in the master/template
    slide: SlideBase  # the model slide (a generated one for agendas and dividers)
    section: int | None  # index into Workshop.sections; None for the opening
    start: int  # clock time in minutes after midnight
    minutes: int  # time allotted on the run sheet
    audience: Audience
    location: Location | None  # where the slide is defined in the outline
    number: int | None = None  # 1-based number in the deck; None when not in the deck
    generated: bool = False  # agenda, section divider, quiz answer, continuation
    quiz_answer: bool = False  # the reveal slide after a quiz
    part: tuple[int, int] = (1, 1)  # continuation: part i of n
    fit: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))  # role → pt
    source_path: tuple = ()  # model path of the slide, e.g. ("sections", 0, "slides", 2)
    # A slide whose text does not fit at the brand's smallest size continues on follow-up
    # slides: part 1 keeps the outline's slide in ``slide`` and draws its share, ``shown``;
    # parts 2…n are generated slides whose ``slide`` is their share under a "(vervolg)" title.
    shown: SlideBase | None = None  # what the deck draws when it is not all of ``slide``
    span: tuple[int, int] | None = None  # the items [start, stop) a part shows: bullets, steps, rows…

    @property
    def in_deck(self) -> bool:
        return self.number is not None

    @property
    def for_participants(self) -> bool:
        return self.audience is Audience.ALL


@dataclass(frozen=True)
class Source:
    """A cited source for the handout's source list."""

    text: str
    slide: int | None


@dataclass(frozen=True)
class DeckPlan:
    workshop: Workshop
    name: str  # output base name (outline file stem)
    slides: tuple[PlannedSlide, ...]  # all slides, facilitator-only included, in order
    agenda: tuple[AgendaRow, ...]
    start: int
    end: int
    footer: str
    date: str | None = None  # the outline's date as printed: an ISO date written out in its language
    sources: tuple[Source, ...] = ()
    findings: tuple[Finding, ...] = ()
    fit_findings: tuple[Finding, ...] = ()  # the text fit's: overflows (warnings), shrinks and continuations (info)

    @property
    def meta(self) -> Meta:
        return self.workshop.workshop

    @property
    def deck_slides(self) -> tuple[PlannedSlide, ...]:
        return tuple(s for s in self.slides if s.in_deck)

    def section_slides(self, index: int) -> tuple[PlannedSlide, ...]:
        return tuple(s for s in self.slides if s.section == index)
