"""The guide of an outline at the documented limits: all of it there, in work linear in its text.

Counted, not timed: the characters reportlab's line breaker is given grow with the
text, not with the text times the pages it runs over (``pdf_support.counting_breaks``).
"""

from __future__ import annotations

import shutil

import pytest
from pdf_support import build, counting_breaks, limit_endings, limits_outline, pdftotext

from workshop.render.guide import render_guide

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is needed")


def _guide(folder, **counts: int) -> tuple[bytes, int]:
    built = build(folder, limits_outline(**counts))
    with counting_breaks() as broken:
        data = render_guide(built.plan, built.brand, built.assets)
    return data, broken[0]


def test_a_compare_slide_is_broken_in_work_linear_in_its_points(tmp_path):
    """One run-on paragraph a column, over pages: before, each page broke all the rest again (4 times the work)."""
    _, few = _guide(tmp_path / "few", points=5)
    _, more = _guide(tmp_path / "more", points=10)
    assert more < 2.3 * few, (few, more)


def test_long_steps_are_broken_in_work_linear_in_their_number(tmp_path):
    _, few = _guide(tmp_path / "few", steps=5)
    _, more = _guide(tmp_path / "more", steps=10)
    assert more < 2.3 * few, (few, more)


def test_thirty_steps_of_ten_thousand_characters_are_all_there(tmp_path):
    data, broken = _guide(tmp_path, steps=30)
    text = pdftotext(data)
    missing = [end for end in limit_endings(steps=30) if end not in text]
    assert not missing
    assert broken < 3 * 30 * 10_000  # each step broken whole once, then page by page


@pytest.mark.slow  # 330 pages: 2 × 50 points of 10,000 characters
def test_a_compare_slide_at_its_limits_is_all_there(tmp_path):
    data, broken = _guide(tmp_path, points=50)
    text = pdftotext(data)
    missing = [end for end in limit_endings(points=50) if end not in text]
    assert not missing
    assert broken < 3 * 2 * 50 * 10_000


def test_a_compare_slide_of_ten_long_points_is_all_there(tmp_path):
    """The quick share of the test above."""
    data, _ = _guide(tmp_path, points=10)
    text = pdftotext(data)
    assert [end for end in limit_endings(points=10) if end not in text] == []


def _table_outline(rows: int) -> str:
    body = ", ".join(f'["Rij {n} eerste", "x"]' for n in range(1, rows + 1))
    return ("workshop:\n  title: Tabel\n  language: nl\nsections:\n  - title: Een\n    slides:\n"
            f"      - kind: table\n        title: Veel rijen\n        header: [Naam, Waarde]\n        rows: [{body}]\n")


def test_a_long_table_is_named_by_its_first_fifty_rows_and_a_count(tmp_path):
    """A reminder, not a copy: a 2,000-row table in full was one paragraph of up to 20 million characters."""
    from workshop.render.guide.content import TABLE_ROWS

    built = build(tmp_path, _table_outline(TABLE_ROWS + 1_950))
    text = pdftotext(render_guide(built.plan, built.brand, built.assets))
    assert f"Rij {TABLE_ROWS} eerste" in text and f"Rij {TABLE_ROWS + 1} eerste" not in text
    assert "… en nog 1.950 rijen" in text


def test_a_table_of_fifty_rows_is_named_in_full(tmp_path):
    built = build(tmp_path, _table_outline(50))
    text = pdftotext(render_guide(built.plan, built.brand, built.assets))
    assert "Rij 50 eerste" in text and "en nog" not in text


def test_a_material_needed_on_many_slides_names_fifty_of_the_later_ones(tmp_path):
    """The checklist's "also for" list: 2,000 exercises of long titles made one paragraph of 4 million characters."""
    from workshop.render.guide.content import LISTED

    count = LISTED + 11  # the first, the 50 named after it, 10 more
    slides = "\n".join(f"      - kind: exercise\n        title: Oefening {n} klaar\n        duration: 1m\n"
                       f"        steps: [Doe het]\n        materials: [Post-its]" for n in range(1, count + 1))
    outline = f"workshop:\n  title: Materiaal\n  language: nl\nsections:\n  - title: Een\n    slides:\n{slides}\n"
    built = build(tmp_path, outline)
    text = pdftotext(render_guide(built.plan, built.brand, built.assets))
    start = text.index("Post-its (ook bij")
    also = text[start:text.index(")", start) + 1]
    assert also.endswith(f"Oefening {LISTED + 1} klaar … en nog 10)")
    assert f"Oefening {LISTED + 2} klaar" not in also and also.count("Oefening") == LISTED
