"""Time-budget checks: crowded blocks and long stretches without a break."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.errors import Finding
from workshop.model.slides import Audience, BreakSlide

if TYPE_CHECKING:
    from workshop.brand.model import Brand
    from workshop.outline.load import Outline
    from workshop.plan.model import AgendaRow, DeckPlan


def check_timing(plan: DeckPlan, brand: Brand, outline: Outline) -> list[Finding]:
    findings: list[Finding] = []
    rate = brand.settings.minutes_per_slide
    for row in plan.agenda:
        slides = [s for s in plan.section_slides(row.section) if s.in_deck and not s.generated]
        allowed = int(row.minutes / rate) if rate else len(slides)
        if len(slides) > max(1, allowed):
            findings.append(Finding(
                "time-crowded",
                f"section '{row.title}' has {len(slides)} slides in {row.minutes} minutes; at "
                f"{rate:g} minutes a slide that is at most {max(1, allowed)}",
                outline.where("sections", row.section), details={"slides": len(slides)},
            ))
    limit = brand.settings.max_minutes_without_break
    since = 0
    start_row: AgendaRow | None = None
    for row in plan.agenda:
        if row.is_break or _has_break(plan, row.section):
            since, start_row = 0, None
            continue
        start_row = start_row or row
        since += row.minutes
        if since > limit:
            findings.append(Finding(
                "time-no-break",
                f"{since} minutes without a break from '{start_row.title}' to '{row.title}' "
                f"(the brand allows {limit}); add a `break` slide",
                outline.where("sections", row.section),
            ))
            since, start_row = 0, None
    return findings


def _has_break(plan: DeckPlan, section: int) -> bool:
    return any(isinstance(s.slide, BreakSlide) and s.audience is Audience.ALL for s in plan.section_slides(section))
