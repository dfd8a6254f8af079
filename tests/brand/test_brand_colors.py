"""Colour parsing as brand.yml allows it, and WCAG contrast maths."""

from __future__ import annotations

import pytest

from workshop.brand.colors import ColorError, contrast_ratio, mix, parse_color, readable_on, relative_luminance
from workshop.brand.model import Colors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#1f3d2b", "#1F3D2B"),
        ("#FFF", "#FFFFFF"),
        ("#abc", "#AABBCC"),
        ("#abcf", "#AABBCC"),
        ("#1F3D2BFF", "#1F3D2B"),
        ("  #0b5fa5 ", "#0B5FA5"),
        ("rgb(11, 95, 165)", "#0B5FA5"),
        ("rgb(11 95 165)", "#0B5FA5"),
        ("RGB(100%, 0%, 0%)", "#FF0000"),
        ("rgba(0, 0, 0, 1)", "#000000"),
        ("rgb(0 0 0 / 100%)", "#000000"),
        ("hsl(120, 100%, 25%)", "#008000"),
        ("hsl(0deg 100% 50%)", "#FF0000"),
        ("teal", "#008080"),
        ("RebeccaPurple", "#663399"),
        ("white", "#FFFFFF"),
    ],
)
def test_parse_color_normalises(text, expected):
    assert parse_color(text) == expected


@pytest.mark.parametrize(
    "text",
    ["#12", "#12345", "#ggg", "notacolour", "rgb(1, 2)", "rgb(300, 0, 0)", "rgba(0, 0, 0, 0.5)",
     "#00000080", "transparent", "", "hsl(0, 200%, 50%)"],
)
def test_parse_color_refuses(text):
    with pytest.raises(ColorError):
        parse_color(text)


def test_parse_color_refuses_non_text():
    with pytest.raises(ColorError):
        parse_color(123)  # type: ignore[arg-type]


def test_contrast_known_pairs():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#FFFFFF", "#777777") == contrast_ratio("#777777", "#FFFFFF")
    assert contrast_ratio("#0B5FA5", "#0B5FA5") == pytest.approx(1.0)
    # The WCAG example: #767676 is the lightest grey that passes AA on white.
    assert contrast_ratio("#767676", "white") >= 4.5 > contrast_ratio("#777777", "white")


def test_relative_luminance_ends():
    assert relative_luminance("black") == 0.0
    assert relative_luminance("white") == pytest.approx(1.0)


def test_readable_on_prefers_first_candidate_that_passes():
    assert readable_on("#14305A") == "#FFFFFF"
    assert readable_on("#F5EFE6") == "#000000"
    assert readable_on("#F5EFE6", ("#1B2437", "#FFFFFF")) == "#1B2437"
    # nothing reaches 4.5: the best one wins
    assert readable_on("#808080", ("#999999", "#FFFFFF")) == "#FFFFFF"


def test_colors_text_on_uses_brand_colours():
    colors = Colors(foreground="#1B2437", light="#F5EFE6")
    assert colors.text_on("#FFFFFF") == "#1B2437"
    assert colors.text_on("#14305A") == "#F5EFE6"


def test_mix():
    assert mix("#000000", "#FFFFFF", 0.5) == "#808080"
    assert mix("#14305A", "#FFFFFF", 0.0) == "#14305A"
    assert mix("#14305A", "#FFFFFF", 2) == "#FFFFFF"
