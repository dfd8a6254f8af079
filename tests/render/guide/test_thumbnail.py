"""The miniature's shapes stop at the slide's edge, drawn cut rather than clipped."""

from __future__ import annotations

import pytest

from workshop.render.guide.thumbnail import _clipped, _ellipse_points


def test_a_circle_over_the_corner_is_cut_to_the_slide():
    points = _clipped(_ellipse_points(80, -20, 120, 20), 100, 50)
    assert points
    assert all(-1e-9 <= x <= 100 + 1e-9 and -1e-9 <= y <= 50 + 1e-9 for x, y in points)
    assert max(x for x, _ in points) == pytest.approx(100)
    assert min(y for _, y in points) == pytest.approx(0)


def test_a_circle_inside_keeps_every_point_and_one_outside_keeps_none():
    inside = _ellipse_points(10, 10, 30, 30)
    assert _clipped(inside, 100, 50) == inside
    assert _clipped(_ellipse_points(200, 200, 220, 220), 100, 50) == []
