"""Findings that depend on the brand; each finding class with its place is an outline case in tests/data/outlines."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from workshop.brand.colors import contrast_ratio
from workshop.brand.model import Colors, WorkshopSettings
from workshop.check import check_plan
from workshop.outline.load import load_outline
from workshop.plan.build import make_plan

CASE = Path(__file__).resolve().parents[1] / "data" / "outlines" / "check-findings.yaml"  # its findings: that file


def findings_for(brand, path=CASE):
    outline = load_outline(path)
    plan = make_plan(outline.workshop, brand, name=outline.name, outline_path=str(path), sources=outline.sources)
    return {f.code: f for f in check_plan(plan, brand, outline)}


def test_low_contrast_brand(plain_brand):
    pale = replace(plain_brand, colors=Colors(foreground="#999999"))
    finding = findings_for(pale)["a11y-contrast"]
    assert "4.5:1" in finding.message and "#999999" in finding.message


@pytest.mark.parametrize("a,b,ratio", [("#000000", "#FFFFFF", 21.0), ("#777777", "#FFFFFF", 4.48), ("#FFFFFF", "#FFFFFF", 1.0), ("#0000FF", "#FFFFFF", 8.59)])
def test_contrast_against_known_wcag_pairs(a, b, ratio):
    assert contrast_ratio(a, b) == pytest.approx(ratio, abs=0.01)


def test_rate_comes_from_the_brand(plain_brand):
    relaxed = replace(plain_brand, settings=WorkshopSettings(minutes_per_slide=0.5))
    assert "time-crowded" not in findings_for(relaxed)
