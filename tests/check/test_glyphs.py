"""The glyph check looks each distinct character up once, yet reports every text that loses one."""

from __future__ import annotations

from workshop.check.glyphs import check_glyphs
from workshop.outline.load import load_outline
from workshop.plan.build import make_plan

OUTLINE = """
workshop:
  title: Tekens
  language: nl
sections:
  - title: Een
    duration: 6m
    slides:
      - kind: statement
        text: "Shalom א en Ω"
      - kind: statement
        text: "Nogmaals א, en ж\u200d"
      - kind: statement
        text: "Alleen gewone tekst"
"""


def test_each_text_that_loses_a_character_is_reported_with_its_column(write_outline, plain_brand):
    path = write_outline(OUTLINE)
    outline = load_outline(path)
    plan = make_plan(outline.workshop, plain_brand, name=outline.name, outline_path=str(path),
                     sources=outline.sources)
    findings = check_glyphs(plan, plain_brand, outline)
    lost = [f for f in findings if f.code == "font-missing-glyph"]
    assert [f.location.line for f in lost] == [9, 11]
    assert "character 8" in lost[0].message and "character 10" in lost[1].message
    assert all("U+05D0" in f.message for f in lost)
    fallback = [f for f in findings if f.code == "font-fallback"]
    assert len(fallback) == 1 and fallback[0].details["characters"] == "Ωж"
    assert fallback[0].location.line == 9  # where the first of them is drawn


def test_the_fallback_font_is_read_only_when_a_brand_font_lacks_a_character(write_outline, plain_brand, monkeypatch):
    from workshop.brand.shipped_fonts import FALLBACK_FAMILY
    from workshop.check import glyphs

    read: list[str] = []
    metrics_for = glyphs.metrics_for
    monkeypatch.setattr(glyphs, "metrics_for", lambda path: read.append(path) or metrics_for(path))
    fallback = {str(FALLBACK_FAMILY.regular), str(FALLBACK_FAMILY.bold), str(FALLBACK_FAMILY.italic),
                str(FALLBACK_FAMILY.bold_italic)}
    for text, needed in (("Alleen gewone tekst, één café", False), ("Nu met Ω", True)):
        path = write_outline(OUTLINE.replace('"Shalom א en Ω"', f'"{text}"').replace('"Nogmaals א, en ж\u200d"', '"x"'))
        outline = load_outline(path)
        plan = make_plan(outline.workshop, plain_brand, name=outline.name, outline_path=str(path),
                         sources=outline.sources)
        read.clear()
        findings = check_glyphs(plan, plain_brand, outline)
        assert bool(fallback & set(read)) is needed
        assert [f.code for f in findings] == (["font-fallback"] if needed else [])
