"""Materials are collected from every exercise, once each, with where they are needed."""

from __future__ import annotations

from workshop.render.guide.materials import collect_materials
from workshop.render.guide.overview import blocks


def test_materials_deduplicated_in_order(every_kind):
    materials = collect_materials(every_kind.plan)
    assert [m.name for m in materials] == ["post-its", "Stiften", "timer", "A3-papier"]
    stiften = materials[1]
    assert stiften.needed_for == ("Wat is jouw tweede snoepje?", "Vrij schetsen")


def test_blocks_cover_every_section_with_clock_times(every_kind):
    plan = every_kind.plan
    found = blocks(plan)
    assert [b.title for b in found] == [s.title for s in plan.workshop.sections]
    assert found[0].start == plan.start and found[-1].end == plan.end
    assert all(a.end == b.start for a, b in zip(found, found[1:], strict=False))
    assert [b.facilitator for b in found].count(True) == 1
    assert [b.is_break for b in found].count(True) == 1
