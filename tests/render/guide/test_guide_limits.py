"""The guide's reminders of long tables and long material lists: bounded, with a count of the rest.

The text of the limit outlines is tested for guide and handout alike in
``tests/render/test_pdf_limits.py``.
"""

from __future__ import annotations

import shutil

import pytest
from pdf_support import build, pdftotext

from workshop.render.guide import render_guide

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is needed")


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
