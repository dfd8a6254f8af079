"""The generated default master: one named layout per kind, brand theme, no slides."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from types import MappingProxyType

import pytest
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from workshop.brand.model import DEFAULT_LAYOUT_NAMES
from workshop.kinds import KINDS
from workshop.layouts import layouts_for, read_template
from workshop.model.slides import SLIDE_KINDS
from workshop.render.deck import build_master

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture(scope="module")
def master_bytes(brand) -> bytes:
    return build_master(brand)


@pytest.fixture(scope="module")
def master(master_bytes):
    return Presentation(io.BytesIO(master_bytes))


def test_master_has_no_slides_and_is_16_by_9(master):
    assert len(master.slides) == 0
    assert (master.slide_width, master.slide_height) == (12_192_000, 6_858_000)


def test_one_named_layout_per_slide_kind_plus_blank(master, brand):
    names = [layout.name for layout in master.slide_layouts]
    assert set(KINDS) == set(SLIDE_KINDS)
    assert names == [brand.layout_name(kind) for kind in KINDS] + ["Blank"]


def test_layouts_have_the_designer_facing_placeholder_names(master, brand):
    specs = layouts_for(brand)
    for layout in master.slide_layouts:
        if layout.name == "Blank":
            continue
        kind = next(k for k, spec in specs.items() if spec.name == layout.name)
        expected = [s.name for s in specs[kind].shapes if s.placeholder]
        if specs[kind].footer:
            expected += ["Footer", "Slide Number"]
        assert [p.name for p in layout.placeholders] == expected, layout.name
    compare = next(layout for layout in master.slide_layouts if layout.name == "Compare")
    assert [p.name for p in compare.placeholders][:5] == ["Title", "Left Heading", "Left", "Right Heading", "Right"]


def test_geometry_read_back_equals_the_spec(master_bytes, brand):
    geometry = read_template(master_bytes)
    for kind, spec in layouts_for(brand).items():
        layout = geometry.layout(spec.name)
        for shape in spec.shapes:
            if shape.placeholder:
                assert layout.placeholder(shape.name).box == shape.box, (kind, shape.name)


def test_theme_carries_brand_colours_and_fonts(master_bytes, brand):
    archive = zipfile.ZipFile(io.BytesIO(master_bytes))
    theme = archive.read("ppt/theme/theme1.xml").decode()
    for colour in (brand.colors.primary, brand.colors.secondary, brand.colors.foreground):
        assert f'val="{colour[1:].upper()}"' in theme
    assert '<a:latin typeface="Lato"/>' in theme
    assert f'name="{brand.meta.name}"' in theme


def test_logo_sits_on_the_master_and_title_layout(master):
    assert any(s.name == "Logo" for s in master.slide_master.shapes)
    title = master.slide_layouts[0]
    logo = next(s for s in title.shapes if s.name == "Logo")
    assert logo._element.nvPicPr.cNvPr.get("descr") == "Studio Zeewind"
    assert master.slide_layouts[0].element.get("showMasterSp") == "0"


def test_section_layout_is_a_full_bleed_colour(master):
    section = next(layout for layout in master.slide_layouts if layout.name == "Section")
    assert section.background.fill.type is not None


def test_master_properties_have_no_library_defaults(master, master_bytes, brand):
    core = master.core_properties
    assert core.author == brand.meta.name and core.revision == 1
    assert b"python-pptx" not in b"".join(
        zipfile.ZipFile(io.BytesIO(master_bytes)).read(n) for n in zipfile.ZipFile(io.BytesIO(master_bytes)).namelist())
    rels = [rel.reltype for rel in master.part.package._rels.values()]
    assert RT.THUMBNAIL not in rels


def test_brand_layout_names_are_used(brand):
    renamed = replace(brand, settings=replace(brand.settings, layouts=MappingProxyType({**DEFAULT_LAYOUT_NAMES, "quote": "Citaat"})))
    names = [layout.name for layout in Presentation(io.BytesIO(build_master(renamed))).slide_layouts]
    assert "Citaat" in names and "Quote" not in names


def test_master_is_byte_identical(brand, master_bytes):
    assert build_master(brand) == master_bytes
