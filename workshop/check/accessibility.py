"""Accessibility: alt text, distinct slide titles, colour contrast, language."""

from __future__ import annotations

import re

from workshop.errors import Finding
from workshop.model.slides import ImageSlide

_WEAK_ALT = re.compile(r"^\s*(image|img|picture|foto|afbeelding|plaatje|logo|\S+\.(png|jpe?g))\s*$", re.I)


def check_accessibility(plan, brand, outline) -> list[Finding]:
    return [*_alt_texts(plan, outline), *_titles(plan, outline), *_contrast(brand), *_language(plan, outline)]


def _alt_texts(plan, outline):
    for item in plan.deck_slides:
        slide = item.slide
        if isinstance(slide, ImageSlide) and _WEAK_ALT.match(slide.alt):
            yield Finding(
                "a11y-alt-text",
                f"the alt text '{slide.alt}' does not describe the image; say what it shows",
                outline.where(*item.source_path, "alt"), slide=item.number,
            )


def _titles(plan, outline):
    seen: dict[str, int] = {}
    for item in plan.deck_slides:
        if item.generated or item.part[0] > 1:
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


def _contrast(brand):
    from workshop.check.contrast import contrast_findings

    return contrast_findings(brand)


def _language(plan, outline):
    if ("workshop", "language") not in outline.sources:
        yield Finding(
            "a11y-language",
            f"the outline does not say its language; assuming '{plan.meta.language}'. Add "
            "`language:` under `workshop:` so spelling and screen readers use the right one",
            outline.where("workshop"),
        )
