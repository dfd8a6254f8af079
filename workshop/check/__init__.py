"""Checks on a plan: time budget, text fit, fonts and accessibility, as findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workshop.brand.model import Brand
    from workshop.errors import Finding
    from workshop.outline.load import Outline
    from workshop.plan.model import DeckPlan


def check_plan(plan: DeckPlan, brand: Brand, outline: Outline) -> list[Finding]:
    """All findings for one planned workshop (empty when everything is fine)."""
    from workshop.check.registry import CHECKS

    findings: list[Finding] = []
    for check in CHECKS:
        findings.extend(check(plan, brand, outline))
    return findings
