"""Accessibility: alt text, distinct slide titles, colour contrast, language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from workshop.errors import Finding
from workshop.model.slides import ImageSlide

if TYPE_CHECKING:
    from workshop.brand.model import Brand
    from workshop.outline.load import Outline
    from workshop.plan.model import DeckPlan

_WEAK_ALT = re.compile(r"^\s*(image|img|picture|foto|afbeelding|plaatje|logo|\S+\.(png|jpe?g))\s*$", re.I)


def check_accessibility(plan: DeckPlan, brand: Brand, outline: Outline) -> list[Finding]:
    return [*_alt_texts(plan, outline), *_titles(plan, outline), *_contrast(brand), *_language(plan, outline)]


def _alt_texts(plan: DeckPlan, outline: Outline) -> Iterator[Finding]:
    for item in plan.deck_slides:
        slide = item.slide
        if isinstance(slide, ImageSlide) and _WEAK_ALT.match(slide.alt):
            yield Finding(
                "a11y-alt-text",
                f"the alt text '{slide.alt}' does not describe the image; say what it shows",
                outline.where(*item.source_path, "alt"), slide=item.number,
            )


def _titles(plan: DeckPlan, outline: Outline) -> Iterator[Finding]:
    seen: dict[str, int | None] = {}  # deck slides: every number is set
    for item in plan.deck_slides:
        if item.generated or not item.first_part:
            continue
        title = getattr(item.slide, "title", None)
        if not title or item.kind in ("break", "title"):
            continue
        key = " ".join(title.lower().split())
        if key in seen:
            yield Finding(
                "a11y-duplicate-title",
                f"slides {seen[key]} and {item.number} have the same title '{title}'; screen-reader "
                "users navigate by title, so make them distinct",
                outline.where(*item.source_path, "title"), slide=item.number,
            )
        else:
            seen[key] = item.number


def _contrast(brand: Brand) -> list[Finding]:
    from workshop.check.contrast import contrast_findings

    return contrast_findings(brand)


def _language(plan: DeckPlan, outline: Outline) -> Iterator[Finding]:
    if ("workshop", "language") not in outline.sources:
        yield Finding(
            "a11y-language",
            f"the outline does not say its language; assuming '{plan.meta.language}'. Add "
            "`language:` under `workshop:` so spelling and screen readers use the right one",
            outline.where("workshop"),
        )
