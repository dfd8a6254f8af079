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


def test_forget_font_files_measures_a_file_saved_over_the_old_one_afresh(tmp_path):
    """Metrics are kept by path; ``watch`` forgets them when the brand changes (a font saved over its file)."""
    import shutil
    from pathlib import Path

    from workshop.plan.measure import FontMetrics, forget_font_files

    fonts = Path(__file__).parents[2] / "workshop" / "data" / "fonts"
    path = tmp_path / "Huis-Regular.ttf"
    shutil.copy(fonts / "lato" / "Lato-Regular.ttf", path)
    first = metrics_for(str(path)).units_of("Werkvorm")
    shutil.copy(fonts / "noto-sans" / "NotoSans-Bold.ttf", path)
    assert metrics_for(str(path)).units_of("Werkvorm") == first  # still the file as first read
    forget_font_files()
    again = metrics_for(str(path)).units_of("Werkvorm")
    assert again != first and again == FontMetrics(path).units_of("Werkvorm")  # the new file's measure
