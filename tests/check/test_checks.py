"""Each warning class, with its location."""

from __future__ import annotations

from dataclasses import replace

import pytest

from workshop.brand.colors import contrast_ratio
from workshop.brand.model import Colors, WorkshopSettings
from workshop.check import check_plan
from workshop.outline.load import load_outline
from workshop.plan.build import make_plan

BASE = """
workshop:
  title: Check
  language: nl
sections:
  - title: Een
    duration: 100m
    slides:
      - kind: bullets
        title: Zelfde titel
        bullets: [a]
      - kind: bullets
        title: Zelfde  titel
        bullets: [b]
      - kind: statement
        text: "Smiley 🙂 hier"
  - title: Twee
    duration: 2m
    slides:
      - kind: statement
        text: a
      - kind: statement
        text: b
      - kind: statement
        text: c
"""


def findings_for(write_outline, brand, text=BASE):
    path = write_outline(text)
    outline = load_outline(path)
    plan = make_plan(outline.workshop, brand, name=outline.name, outline_path=str(path), sources=outline.sources)
    return {f.code: f for f in check_plan(plan, brand, outline)}


def test_duplicate_titles(write_outline, plain_brand):
    finding = findings_for(write_outline, plain_brand)["a11y-duplicate-title"]
    assert finding.location.line == 12 and "same title" in finding.message and finding.slide is not None


def test_missing_glyph_is_located(write_outline, plain_brand):
    finding = findings_for(write_outline, plain_brand)["font-missing-glyph"]
    assert finding.location.line == 15 and "U+1F642" in finding.message


def test_crowded_section(write_outline, plain_brand):
    finding = findings_for(write_outline, plain_brand)["time-crowded"]
    assert finding.location.line == 16 and "3 slides in 2 minutes" in finding.message


def test_long_stretch_without_break(write_outline, plain_brand):
    finding = findings_for(write_outline, plain_brand)["time-no-break"]
    assert "100 minutes without a break" in finding.message


def test_missing_language(write_outline, plain_brand):
    finding = findings_for(write_outline, plain_brand, BASE.replace("  language: nl\n", ""))["a11y-language"]
    assert finding.location.line == 2 and "nl" in finding.message


def test_weak_alt_text(write_outline, plain_brand, tmp_path):
    from PIL import Image

    Image.new("RGB", (16, 9), "white").save(tmp_path / "pic.png")
    text = BASE.replace("      - kind: statement\n        text: \"Smiley",
                        "      - kind: image\n        image: pic.png\n        alt: foto\n      - kind: statement\n        text: \"Smiley")
    finding = findings_for(write_outline, plain_brand, text)["a11y-alt-text"]
    assert finding.location.line == 16


def test_low_contrast_brand(write_outline, plain_brand):
    pale = replace(plain_brand, colors=Colors(foreground="#999999"))
    finding = findings_for(write_outline, pale)["a11y-contrast"]
    assert "4.5:1" in finding.message and "#999999" in finding.message


@pytest.mark.parametrize("a,b,ratio", [("#000000", "#FFFFFF", 21.0), ("#777777", "#FFFFFF", 4.48), ("#FFFFFF", "#FFFFFF", 1.0), ("#0000FF", "#FFFFFF", 8.59)])
def test_contrast_against_known_wcag_pairs(a, b, ratio):
    assert contrast_ratio(a, b) == pytest.approx(ratio, abs=0.01)


def test_clean_outline_has_no_findings(write_outline, plain_brand):
    text = """
workshop:
  title: Schoon
  language: nl
sections:
  - title: Een
    duration: 10m
    slides:
      - kind: statement
        text: Helder
"""
    assert findings_for(write_outline, plain_brand, text) == {}


def test_rate_comes_from_the_brand(write_outline, plain_brand):
    relaxed = replace(plain_brand, settings=WorkshopSettings(minutes_per_slide=0.5))
    assert "time-crowded" not in findings_for(write_outline, relaxed)
