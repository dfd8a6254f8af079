"""The materials checklist: every exercise's materials, once each, grouped by the exercise that needs them first.

Pure data (no reportlab), so the deduplication can be tested on its own.
Items count as the same when they differ only in case or spacing; the first
spelling wins, each item lists the exercises that need it, and it is
checked off under the first of them (a later exercise is named beside it).
"""

from __future__ import annotations

from workshop.lazyclass import lazy_dataclass
from workshop.model.slides import ExerciseSlide
from workshop.plan.model import DeckPlan, PlannedSlide


@lazy_dataclass(frozen=True)
class Material:
    name: str
    needed_for: tuple[str, ...]  # exercise titles, in order


@lazy_dataclass(frozen=True)
class MaterialGroup:
    """One exercise and the materials first needed there."""

    title: str
    start: int  # clock time, minutes after midnight
    number: int | None  # its slide number (None: a facilitator-only slide)
    items: tuple[Material, ...]


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _exercises(plan: DeckPlan) -> list[tuple[PlannedSlide, ExerciseSlide]]:
    return [(item, item.slide) for item in plan.slides
            if isinstance(item.slide, ExerciseSlide) and not item.quiz_answer and item.first_part]


def collect_materials(plan: DeckPlan) -> list[Material]:
    return [m for group in group_materials(plan) for m in group.items]


def group_materials(plan: DeckPlan) -> list[MaterialGroup]:
    found: dict[str, tuple[str, list[str], int]] = {}  # key → (spelling, uses, first exercise's place)
    exercises = _exercises(plan)
    for place, (_, slide) in enumerate(exercises):
        for name in slide.materials:
            spelling, uses, _ = found.setdefault(_key(name), (" ".join(name.split()), [], place))
            if slide.title not in uses:
                uses.append(slide.title)
    groups = []
    for place, (item, slide) in enumerate(exercises):
        items = tuple(Material(name, tuple(uses)) for name, uses, first in found.values() if first == place)
        if items:
            groups.append(MaterialGroup(slide.title, item.start, item.number, items))
    return groups
