"""Cover-cropping an image into a box around a focal point (``Box.crop``)."""

from __future__ import annotations

import pytest

from workshop.layouts.geometry import Box


def test_a_wide_image_loses_its_sides_evenly_by_default():
    left, top, right, bottom = Box(0, 0, 300, 100).crop(6.0)
    assert (top, bottom) == (0, 0)
    assert left == pytest.approx(0.25) and right == pytest.approx(0.25)


def test_a_tall_crop_keeps_the_focus_in_view_and_stays_inside_the_image():
    box = Box(0, 0, 300, 100)  # 3:1, a 16:9 image keeps 59 % of its height
    left, top, right, bottom = box.crop(16 / 9, (0.5, 0.2))
    kept = 1 - top - bottom
    assert (left, right) == (0, 0) and kept == pytest.approx(16 / 9 / 3)
    assert top <= 0.2 <= 1 - bottom
    _, top, _, bottom = box.crop(16 / 9, (0.5, 0.0))  # a focus at the edge: the window stops at the edge
    assert top == 0 and bottom == pytest.approx(1 - 16 / 27)


def test_the_same_shape_is_not_cropped():
    assert Box(0, 0, 160, 90).crop(16 / 9) == (0, 0, 0, 0)
