"""Measuring with real font metrics: widths, wrapping, heights."""

from __future__ import annotations

import pytest

from workshop.plan.measure import Paragraph, block_height, metrics_for, wrap


@pytest.fixture(scope="module")
def lato(plain_brand):
    return metrics_for(str(plain_brand.typography.base.family.regular))


def test_width_scales_with_size(lato):
    assert lato.width("Citroensap", 20) == pytest.approx(2 * lato.width("Citroensap", 10))
    assert lato.width("WWW", 12) > lato.width("iii", 12)


def test_wrap_respects_width(lato):
    text = "De klant kiest jou uit een oceaan vol andere vissen"
    lines = wrap(text, lato, 20, 200)
    assert len(lines) > 1
    assert all(lato.width(line, 20) <= 200 for line in lines)
    assert " ".join(lines) == text


def test_long_word_breaks_by_character(lato):
    lines = wrap("x" * 200, lato, 20, 100)
    assert all(lato.width(line, 20) <= 100 for line in lines) and "".join(lines) == "x" * 200


def test_height_grows_with_lines(lato):
    one = block_height([Paragraph("kort")], lato, 20, 500)
    many = block_height([Paragraph("kort")] * 5, lato, 20, 500)
    assert many == pytest.approx(5 * one)
    assert one == pytest.approx(lato.line_factor * 20)


def test_missing_glyphs(lato):
    assert lato.missing("café – ‘ok’ 🙂 漢") == ["漢", "🙂"]
