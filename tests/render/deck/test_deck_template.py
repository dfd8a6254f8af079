"""A designer's template is honoured: layouts by name, placeholders by name, then by type."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches

from workshop.layouts import default_layout, read_template
from workshop.plan.build import make_plan
from workshop.render.deck import build_master, render_deck

MOVED_TITLE = (Inches(4.0), Inches(0.3), Inches(8.5), Inches(1.0))
MOVED_BODY = (Inches(4.0), Inches(1.6), Inches(8.5), Inches(5.0))


def _place(shape, box) -> None:
    shape.left, shape.top, shape.width, shape.height = box


@pytest.fixture(scope="module")
def template_path(brand, tmp_path_factory):
    """Our exported master, changed the way a designer would in PowerPoint."""
    prs = Presentation(io.BytesIO(build_master(brand)))
    for layout in prs.slide_layouts:
        if layout.name == "Bullets":
            for shape in layout.placeholders:
                if shape.name == "Title":
                    _place(shape, MOVED_TITLE)
                if shape.name == "Body":
                    _place(shape, MOVED_BODY)
                    shape.fill.solid()
                    shape.fill.fore_color.rgb = RGBColor(0xFF, 0xF4, 0xD6)
        if layout.name == "Quote":
            layout.name = "Citaat"  # renamed: the quote kind no longer finds it
        if layout.name == "Compare":
            for shape in list(layout.placeholders):
                if shape.name == "Left Heading":
                    shape._element.getparent().remove(shape._element)
    prs.slides.add_slide(prs.slide_layouts[3])  # a sample slide the deck must not keep
    path = tmp_path_factory.mktemp("designer") / "template.pptx"
    prs.save(path)
    return path


@pytest.fixture(scope="module")
def designed(outline, brand, assets, template_path):
    """The deck planned and drawn for the brand with the designer's template (the plan fixes the layouts)."""
    branded = replace(brand, settings=replace(brand.settings, template=template_path))
    planned = make_plan(outline.workshop, branded, name=outline.name, outline_path=str(outline.path),
                        sources=outline.sources)
    return Presentation(io.BytesIO(render_deck(planned, branded, assets)))


def _slide(designed, plan, kind):
    index = [i for i, s in enumerate(plan.deck_slides) if s.kind == kind][0]
    return designed.slides[index]


def test_template_slides_are_dropped(designed, plan):
    assert len(designed.slides) == len(plan.deck_slides)


def test_moved_placeholders_keep_the_designers_position(designed, plan, template_path):
    slide = _slide(designed, plan, "bullets")
    assert slide.slide_layout.name == "Bullets"
    shapes = {s.name: s for s in slide.shapes}
    assert (shapes["Title"].left, shapes["Title"].top, shapes["Title"].width, shapes["Title"].height) == MOVED_TITLE
    assert (shapes["Body"].left, shapes["Body"].top) == MOVED_BODY[:2]
    layout = read_template(template_path.read_bytes()).layout("Bullets")
    assert layout.placeholder("Body").box.x == MOVED_BODY[0]


def test_restyled_placeholder_fill_is_inherited_not_overwritten(designed, plan):
    slide = _slide(designed, plan, "bullets")
    body = next(s for s in slide.shapes if s.name == "Body")
    assert body.is_placeholder
    assert body._element.spPr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}solidFill") is None
    layout_body = next(s for s in slide.slide_layout.placeholders if s.name == "Body")
    assert str(layout_body.fill.fore_color.rgb) == "FFF4D6"


def test_missing_layout_falls_back_to_the_generated_geometry_on_blank(designed, plan):
    slide = _slide(designed, plan, "quote")
    assert slide.slide_layout.name == "Blank"
    shapes = {s.name: s for s in slide.shapes}
    spec = default_layout("quote")
    assert not shapes["Quote"].is_placeholder
    assert (shapes["Quote"].left, shapes["Quote"].top) == (Emu(spec.box("Quote").x), Emu(spec.box("Quote").y))
    assert shapes["Quote"].text_frame.text == "Let's remember who has the power (not you)."
    assert "Quote Mark" in shapes  # the layout's decoration, drawn on the slide
    assert shapes["Footer"].text_frame.text == plan.footer


def test_deleted_placeholder_becomes_a_text_box_where_we_would_put_it(designed, plan):
    slide = _slide(designed, plan, "compare")
    shapes = {s.name: s for s in slide.shapes}
    heading = shapes["Left Heading"]
    assert not heading.is_placeholder
    assert heading.left == default_layout("compare").box("Left Heading").x
    assert heading.text_frame.text == "De visser"
    assert shapes["Left"].is_placeholder  # found by name, not taken for the heading


def test_variants_still_apply_where_the_designer_changed_nothing(designed, plan):
    slide = _slide(designed, plan, "stat")
    value = next(s for s in slide.shapes if s.name == "Value")
    assert value.width == default_layout("stat").variant("chart").box("Value").w
