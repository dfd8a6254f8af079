"""Checks on a plan: time budget, text fit, fonts and accessibility, as findings."""

from __future__ import annotations


def check_plan(plan, brand, outline) -> list:
    """All findings for one planned workshop (empty when everything is fine)."""
    from workshop.check.registry import CHECKS

    findings = []
    for check in CHECKS:
        findings.extend(check(plan, brand, outline))
    return findings
