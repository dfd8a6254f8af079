"""Measuring with real font metrics: widths and glyph coverage (wrapping is tested in test_fit*)."""

from __future__ import annotations

import pytest

from workshop.plan.measure import metrics_for


@pytest.fixture(scope="module")
def lato(plain_brand):
    return metrics_for(str(plain_brand.typography.base.family.regular))


def test_width_scales_with_size(lato):
    assert lato.width("Citroensap", 20) == pytest.approx(2 * lato.width("Citroensap", 10))
    assert lato.width("WWW", 12) > lato.width("iii", 12)


def test_missing_glyphs(lato):
    assert lato.missing("café – ‘ok’ 🙂 漢") == ["漢", "🙂"]
