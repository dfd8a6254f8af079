"""A designer template's artwork as plain data: backgrounds and filled shapes, theme colours resolved."""

from __future__ import annotations

from pathlib import Path

from workshop.layouts import read_template
from workshop.layouts.artwork import _modified

NOORD = Path(__file__).resolve().parents[2] / "assets" / "brands" / "noord" / "template.pptx"


def test_noord_master_and_layout_artwork():
    geometry = read_template(NOORD)
    master = geometry.master_artwork[0]
    assert "#1F4030" in {s.fill for s in master.shapes}  # the "Noord Edge" bar
    title = geometry.layout("Title")
    assert title is not None and not title.show_master
    shown = geometry.artwork(title)
    assert shown is not None
    assert {"#C8902A", "#1F4030"} <= {s.fill for s in shown.shapes}
    assert all(s.fill != "#D4D2CB" for s in shown.shapes)  # the master's footer rule is hidden here
    bullets = geometry.artwork(geometry.layout("Bullets"))
    assert "#D4D2CB" in {s.fill for s in bullets.shapes}  # …and shown on a layout that keeps the master
    assert bullets.background.startswith("#")


def test_theme_colours_and_placeholder_fills():
    geometry = read_template(NOORD)
    compare = geometry.artwork(geometry.layout("Compare"))
    filled = {s.placeholder: s.fill for s in compare.shapes if s.placeholder}
    assert {"Left Heading", "Right Heading"} <= set(filled)  # schemeClr accent1 / accent2, resolved
    assert all(len(fill) == 7 for fill in filled.values())


def test_generated_geometry_has_no_artwork():
    from workshop.layouts import MASTER, default_layouts, generated_geometry

    geometry = generated_geometry(MASTER, default_layouts({"title": "Title"}))
    assert geometry.artwork(geometry.layouts[0]) is None


def test_luminance_modifiers():
    assert _modified("#808080", {"lumMod": 0.5}) == "#404040"
    assert _modified("#000000", {"lumOff": 1.0}) == "#FFFFFF"
    assert _modified("#FFFFFF", {"shade": 0.5}) == "#808080"
