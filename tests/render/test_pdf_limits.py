"""Guide and handout of an outline at the documented limits: all of it there, in work linear in its text.

Counted, not timed: the characters reportlab's line breaker is given grow with the
text, not with the text times the pages it runs over (``pdf_support.counting_breaks``).
Before, each page of a run-on paragraph broke all the rest again (4 times the work
for twice the text in the guide's compare columns).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable

import pytest
from pdf_support import build, counting_breaks, limit_endings, limits_outline, pdftotext

from workshop.render.guide import render_guide
from workshop.render.handout import render_handout

pytestmark = [
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is needed"),
    pytest.mark.parametrize("render", [render_guide, render_handout], ids=["guide", "handout"]),
]


def _render(render: Callable, folder, **counts: int) -> tuple[bytes, int]:
    built = build(folder, limits_outline(**counts))
    with counting_breaks() as broken:
        data = render(built.plan, built.brand, built.assets)
    return data, broken[0]


def test_a_compare_slide_is_broken_in_work_linear_in_its_points(render, tmp_path):
    _, few = _render(render, tmp_path / "few", points=5)
    _, more = _render(render, tmp_path / "more", points=10)
    assert more < 2.3 * few, (few, more)


def test_long_steps_are_broken_in_work_linear_in_their_number(render, tmp_path):
    _, few = _render(render, tmp_path / "few", steps=5)
    _, more = _render(render, tmp_path / "more", steps=10)
    assert more < 2.3 * few, (few, more)


def test_thirty_steps_of_ten_thousand_characters_are_all_there(render, tmp_path):
    data, broken = _render(render, tmp_path, steps=30)
    text = pdftotext(data)
    missing = [end for end in limit_endings(steps=30) if end not in text]
    assert not missing
    assert broken < 3 * 30 * 10_000  # each step broken whole once, then page by page


@pytest.mark.slow  # the guide: 330 pages of 2 × 50 points of 10,000 characters
def test_a_compare_slide_at_its_limits_is_all_there(render, tmp_path):
    data, broken = _render(render, tmp_path, points=50)
    text = pdftotext(data)
    missing = [end for end in limit_endings(points=50) if end not in text]
    assert not missing
    assert broken < 3 * 2 * 50 * 10_000


def test_a_compare_slide_of_ten_long_points_is_all_there(render, tmp_path):
    """The quick share of the test above."""
    data, _ = _render(render, tmp_path, points=10)
    text = pdftotext(data)
    assert [end for end in limit_endings(points=10) if end not in text] == []
