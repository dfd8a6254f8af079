"""The materials checklist: every exercise's materials, once each, in order of need.

Pure data (no reportlab), so the deduplication can be tested on its own.
Items count as the same when they differ only in case or spacing; the first
spelling wins, and each item lists the exercises that need it.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.model.slides import ExerciseSlide
from workshop.plan.model import DeckPlan


@dataclass(frozen=True)
class Material:
    name: str
    needed_for: tuple[str, ...]  # exercise titles, in order


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def collect_materials(plan: DeckPlan) -> list[Material]:
    found: dict[str, tuple[str, list[str]]] = {}
    for item in plan.slides:
        slide = item.slide
        if not isinstance(slide, ExerciseSlide) or item.quiz_answer or not item.first_part:
            continue
        for name in slide.materials:
            spelling, uses = found.setdefault(_key(name), (" ".join(name.split()), []))
            if slide.title not in uses:
                uses.append(slide.title)
    return [Material(name, tuple(uses)) for name, uses in found.values()]
