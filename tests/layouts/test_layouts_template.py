"""Reading a template's geometry without python-pptx, and matching shapes to it."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from workshop.errors import WorkshopError
from workshop.layouts import MASTER, Box, SlideSize, default_layout, default_layouts, generated_geometry
from workshop.layouts.resolve import match_placeholders, resolve_layout
from workshop.layouts.template import PlaceholderGeometry, TemplateGeometry, TemplateLayout, read_template


def _layout(name, *placeholders):
    return TemplateLayout(name, tuple(placeholders))


_SOME_BOX = Box(1, 2, 3, 4)


def _ph(name, type_, idx, box=_SOME_BOX):
    return PlaceholderGeometry(name, type_, idx, box)


def test_the_layouts_package_does_not_import_python_pptx():
    code = "import sys, workshop.layouts, workshop.render.deck; print('pptx' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_placeholders_are_matched_by_name_first():
    spec = default_layout("compare")
    layout = _layout("Compare", _ph("Right", "body", 4, Box(9, 9, 9, 9)), _ph("Left", "body", 2),
                     _ph("Title 1", "title", 0))
    matches = match_placeholders(spec, layout)
    assert matches["Right"].box == Box(9, 9, 9, 9)
    assert matches["Title"].name == "Title 1"  # by type: the designer renamed it
    assert "Left Heading" not in matches and "Right Heading" not in matches  # named ones are not taken


def test_unnamed_placeholders_are_taken_by_type_in_index_order():
    spec = default_layout("bullets")
    layout = _layout("Bullets", _ph("Content Placeholder 2", "obj", 1), _ph("Title 1", "title", 0))
    matches = match_placeholders(spec, layout)
    assert matches["Body"].name == "Content Placeholder 2"


def test_a_missing_layout_resolves_to_the_generated_geometry_scaled():
    template = TemplateGeometry(SlideSize(9_144_000, 6_858_000), (_layout("Other"),))
    resolved = resolve_layout(default_layout("quote"), template)
    assert resolved.layout is None and not resolved.matches
    assert resolved.spec.box("Quote").w == round(default_layout("quote").box("Quote").w * 0.75)


def test_variants_do_not_move_what_the_designer_moved():
    spec = default_layout("stat")
    moved = _ph("Value", "body", 2, Box(100, 100, 200, 200))
    template = TemplateGeometry(MASTER.size, (_layout("Stat", moved),))
    resolved = resolve_layout(spec, template)
    assert resolved.variant("chart").spec.box("Value") == Box(100, 100, 200, 200)
    generated = generated_geometry(MASTER, default_layouts())
    untouched = resolve_layout(spec, generated).variant("chart")
    assert untouched.spec.box("Value") == spec.variant("chart").box("Value")


def test_read_template_inherits_positions_from_the_master(plain_brand):
    from pptx import Presentation

    from workshop.render.deck import build_master

    prs = Presentation(io.BytesIO(build_master(plain_brand)))
    layout = prs.slide_layouts[3]  # Bullets
    title = next(s for s in layout.placeholders if s.name == "Title")
    title._element.spPr.remove(title._element.spPr.find(
        "{http://schemas.openxmlformats.org/drawingml/2006/main}xfrm"))
    buffer = io.BytesIO()
    prs.save(buffer)
    geometry = read_template(buffer.getvalue())
    assert geometry.layout("Bullets").placeholder("Title").box == MASTER.title.box
    assert geometry.layout("bullets ").name == "Bullets"  # case and spaces forgiven
    assert geometry.blank().name == "Blank"


def test_not_a_pptx_is_a_clear_error():
    with pytest.raises(WorkshopError, match="not a PowerPoint file"):
        read_template(b"hello")
