"""The plan every renderer reads: what goes on which slide, when, in which layout.

Renderers never re-decide content: the handout and guide walk the same
``PlannedSlide`` list the deck does, filtering on ``audience``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from types import MappingProxyType
from typing import TypeVar

from workshop.errors import Finding, Location
from workshop.layouts.resolve import ResolvedLayout
from workshop.lazyclass import lazy_dataclass
from workshop.model import Meta, Workshop
from workshop.model.slides import Audience, SlideBase

S = TypeVar("S", bound=SlideBase)


@lazy_dataclass(frozen=True)
class AgendaRow:
    """One section on the agenda, with its clock times."""

    title: str
    start: int  # minutes after midnight
    end: int
    minutes: int
    section: int  # index into Workshop.sections
    is_break: bool = False


@lazy_dataclass(frozen=True)
class Continuation:
    """One part of a slide whose list does not fit one slide and goes over several.

    Part 1 keeps the outline's slide (and its time); parts 2…n are generated
    slides whose ``slide`` is their share under a "(vervolg)" title.
    """

    part: int  # 1-based
    parts: int
    shown: SlideBase  # the share of the slide this part draws
    span: tuple[int, int] | None = None  # the items [start, stop) it shows; None: both compare columns


@lazy_dataclass(frozen=True)
class PlannedSlide:
    """One slide as it will appear, with the time, number and layout chosen for it."""

    kind: str
    slide: SlideBase  # the model slide (a generated one for agendas and dividers)
    section: int | None  # index into Workshop.sections; None for the opening
    start: int  # clock time in minutes after midnight
    minutes: int  # time allotted on the run sheet
    audience: Audience
    location: Location | None  # where the slide is defined in the outline
    number: int | None = None  # 1-based number in the deck; None when not in the deck
    section_number: int = 1  # the section's number as the deck shows it (01, 02…): its place on the agenda
    generated: bool = False  # agenda, section divider, quiz answer, continuation
    quiz_answer: bool = False  # the reveal slide after a quiz
    continuation: Continuation | None = None  # set when the slide's list goes over several slides
    layout: ResolvedLayout | None = None  # the layout (variant applied) it is drawn on; None: not fitted
    fit: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))  # role → pt
    source_path: tuple = ()  # model path of the slide, e.g. ("sections", 0, "slides", 2)

    @property
    def in_deck(self) -> bool:
        return self.number is not None

    @property
    def for_participants(self) -> bool:
        return self.audience is Audience.ALL

    @property
    def shown(self) -> SlideBase:
        """The slide model the deck draws: a continuation's share, else the slide."""
        return self.continuation.shown if self.continuation is not None else self.slide

    def shown_as(self, model: type[S]) -> S:
        """``shown`` as its kind's model class, for a stage that handles one kind (another is a bug)."""
        shown = self.shown
        if not isinstance(shown, model):
            raise TypeError(f"a {self.kind} slide drawn as {model.__name__}")
        return shown

    @property
    def first_part(self) -> bool:
        """False for parts 2… of a continued slide (described once, with part 1)."""
        return self.continuation is None or self.continuation.part == 1

    @property
    def parts(self) -> int:
        """How many slides the outline's slide became (1 unless continued)."""
        return self.continuation.parts if self.continuation is not None else 1

    def span(self, count: int) -> tuple[int, int]:
        """The items [start, stop) of a list of ``count`` this slide shows."""
        found = self.continuation.span if self.continuation is not None else None
        return found if found is not None else (0, count)

    @property
    def first_item(self) -> int:
        """The number of the slide's first list item (a continuation keeps counting)."""
        found = self.continuation.span if self.continuation is not None else None
        return found[0] + 1 if found else 1


@lazy_dataclass(frozen=True)
class Source:
    """A cited source for the handout's source list."""

    text: str
    slide: int | None


@lazy_dataclass(frozen=True)
class BackCover:
    """The handout's back matter, every default resolved (outline first, then the brand)."""

    contact: tuple[str, ...] = ()  # lines; the first is the name
    next_steps: tuple[str, ...] = ()
    url: str | None = None  # printed on the back cover
    qr: bool = False  # and drawn as a QR code
    notes_page: bool = True


@lazy_dataclass(frozen=True)
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
    back: BackCover = field(default_factory=BackCover)  # the handout's notes page and back cover

    @property
    def meta(self) -> Meta:
        return self.workshop.workshop

    @property
    def deck_slides(self) -> tuple[PlannedSlide, ...]:
        return tuple(s for s in self.slides if s.in_deck)

    def section_slides(self, index: int) -> tuple[PlannedSlide, ...]:
        return tuple(s for s in self.slides if s.section == index)
