"""What the tool knows about one slide kind, as one record every stage reads.

A ``SlideKind`` names the model class, the generated layout and its
designer-facing name, the text blocks, which list may continue on a next
slide, the deck painter, the handout block and the guide summary (or an
explicit ``Nothing``), the labels key and the template contract. Stages
after the plan are named by ``Ref`` ("module:function") and imported only
when used, so ``workshop check`` never loads python-pptx or reportlab.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, cast

from workshop.lazyclass import lazy_dataclass

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from workshop.layouts.spec import LayoutSpec
    from workshop.model.slides import SlideBase
    from workshop.plan.model import PlannedSlide
    from workshop.plan.texts import Block, Context
    from workshop.render.deck.canvas import Canvas
    from workshop.render.handout.context import HandoutContext
    from workshop.render.pdf.kit import Kit

T = TypeVar("T")

#: builds the generated layout of a kind, given the layout's name in the master
LayoutBuilder = Callable[[str], "LayoutSpec"]
#: the text blocks of a planned slide: (planned, the slide model drawn, its layout, context)
TextsBuilder = Callable[["PlannedSlide", Any, "LayoutSpec", "Context"], "list[Block]"]
#: paints one deck slide on its canvas
Painter = Callable[["Canvas", "PlannedSlide"], None]
#: the flowables telling a slide's message in the handout
HandoutBlock = Callable[["Kit", Any, "HandoutContext"], "list[Flowable]"]
#: what the facilitator's run sheet shows of a slide
GuideSummary = Callable[["Kit", Any], "list[Flowable]"]

_LOADED: dict[str, object] = {}


@lazy_dataclass(frozen=True)
class Ref(Generic[T]):
    """A callable named as ``"package.module:name"``, imported the first time it is used."""

    target: str

    def load(self) -> T:
        found = _LOADED.get(self.target)
        if found is None:
            module, _, name = self.target.partition(":")
            found = _LOADED[self.target] = getattr(importlib.import_module(module), name)
        return cast(T, found)


@lazy_dataclass(frozen=True)
class Nothing:
    """An explicit "this output shows nothing for the kind", with the reason (never a silent gap)."""

    why: str


@lazy_dataclass(frozen=True)
class ShapeRole:
    """What one named shape holds, in a designer's words (the template contract)."""

    what: str  # what goes in it
    required: bool = True  # every slide of the kind fills it


@lazy_dataclass(frozen=True)
class Continues:
    """The list of a kind that may go over several slides when it does not fit one.

    ``cut`` is how ``plan.continue_split`` shares it out: ``items`` slices the
    model field ``list_field``, ``agenda`` slices the agenda rows, ``columns`` splits
    both compare columns evenly. ``shapes``/``prefix`` name the text blocks a
    continuation relieves; ``noun`` is what messages call the list and
    ``path`` where it is in the model under the slide.
    """

    cut: Literal["items", "agenda", "columns"]
    noun: str
    path: tuple[str, ...]
    shapes: frozenset[str] = frozenset()
    prefix: str | None = None  # blocks named "<prefix>N" (one per item)
    list_field: str = ""  # the model field ``items`` slices
    dropped: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))  # cleared on parts 2…

    def relieves(self, block: str) -> bool:
        """Is ``block`` one whose overflow a continuation can relieve?"""
        return block in self.shapes or (self.prefix is not None and block.startswith(self.prefix))


def no_variant(slide: SlideBase, quiz_answer: bool) -> str | None:
    """Kinds whose layout has no variants."""
    return None


def no_sources(slide: SlideBase) -> tuple[str, ...]:
    """Kinds that cite nothing in the handout's source list."""
    return ()


@lazy_dataclass(frozen=True)
class SlideKind:
    """Everything every stage needs to know about one slide kind."""

    name: str  # the outline's ``kind:`` value
    model: type[SlideBase]
    layout: Ref[LayoutBuilder]  # the generated layout
    layout_name: str  # its default name in the master, as designers see it
    texts: Ref[TextsBuilder]  # which text goes into which shape
    painter: Ref[Painter]  # the deck
    handout: Ref[HandoutBlock] | Nothing
    guide: Ref[GuideSummary] | Nothing
    label: str  # key of the kind's name in the language table (``workshop.language.table.KINDS``)
    purpose: str  # the template contract: what the kind is for …
    shapes: Mapping[str, ShapeRole]  # … and what each named shape holds, in layout order
    continues: Continues | None = None  # the list that may continue on a next slide
    variant: Callable[[Any, bool], str | None] = no_variant  # (slide, quiz answer?) → layout variant
    sources: Callable[[Any], tuple[str, ...]] = no_sources  # what the slide cites
    #: shape name → (what messages call it, its model path under the slide), where the shared words differ
    shape_words: Mapping[str, tuple[str, tuple[str, ...]]] = field(default_factory=lambda: MappingProxyType({}))
