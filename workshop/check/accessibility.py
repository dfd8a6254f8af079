"""Accessibility: alt text, distinct slide titles, colour contrast, language."""

from __future__ import annotations

import re

from workshop.brand.colors import contrast_ratio, readable_on
from workshop.errors import Finding
from workshop.model.slides import ImageSlide

AA_BODY = 4.5
AA_LARGE = 3.0
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


def text_pairs(brand) -> list[tuple[str, str, str, bool]]:
    """(what, text colour, background, large) pairs the outputs use."""
    colors = brand.colors
    heading = brand.typography.headings.color
    return [
        ("body text on the background", colors.foreground, colors.background, False),
        ("headings on the background", heading, colors.background, True),
        ("text on panels (light)", colors.foreground, colors.light, False),
        ("text on section dividers (primary)", readable_on(colors.primary), colors.primary, True),
        ("text on dark slides", readable_on(colors.dark), colors.dark, False),
    ]


def _contrast(brand):
    for what, fg, bg, large in text_pairs(brand):
        needed = AA_LARGE if large else AA_BODY
        ratio = contrast_ratio(fg, bg)
        if ratio + 1e-9 < needed:
            yield Finding(
                "a11y-contrast",
                f"{what}: {fg} on {bg} has contrast {ratio:.2f}:1; WCAG AA needs {needed}:1 for "
                f"{'large' if large else 'body'} text — change the colours in _brand.yml",
                None,
            )


def _language(plan, outline):
    if ("workshop", "language") not in outline.sources:
        yield Finding(
            "a11y-language",
            f"the outline does not say its language; assuming '{plan.meta.language}'. Add "
            "`language:` under `workshop:` so spelling and screen readers use the right one",
            outline.where("workshop"),
        )
