"""The two shipped brands: a rebrand changes the look and nothing else.

The same outline (every slide kind, co-branded) is built with ``default`` (the
generated master) and ``noord`` (the designer's ``template.pptx`` made by
``assets/brands/make_templates.py``). The decks must differ in the theme
(colours dk1/lt1/accent*, major/minor fonts), the logo images and where
noord's designer moved placeholders, and agree on everything the outline says:
slide count, kinds, texts and notes. ``test_deck_template.py`` covers a
template changed inside a test; here the shipped template is read back.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pypdf import PdfReader

from workshop.brand.load import load_brand
from workshop.layouts import default_layout, read_template
from workshop.plan.build import make_plan
from workshop.render.deck import render_deck
from workshop.render.deck.theme import theme_colors

REPO = Path(__file__).resolve().parents[3]
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
THEME_SLOTS = ("dk1", "lt1", "dk2", "lt2", *(f"accent{i}" for i in range(1, 7)))


@pytest.fixture(scope="module")
def brands():
    return {name: load_brand(name) for name in ("default", "noord")}


@pytest.fixture(scope="module")
def plans(brands, outline):
    return {name: make_plan(outline.workshop, brand, name=outline.name, outline_path=str(outline.path),
                            sources=outline.sources) for name, brand in brands.items()}


@pytest.fixture(scope="module")
def decks(brands, plans, assets) -> dict[str, bytes]:
    return {name: render_deck(plans[name], brand, assets) for name, brand in brands.items()}


@pytest.fixture(scope="module")
def opened(decks):
    return {name: Presentation(io.BytesIO(data)) for name, data in decks.items()}


def _theme(data: bytes) -> tuple[dict[str, str], str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        themes = sorted(n for n in archive.namelist() if re.fullmatch(r"ppt/theme/theme\d+\.xml", n))
        master_rels = archive.read("ppt/slideMasters/_rels/slideMaster1.xml.rels").decode()
        theme_name = "ppt/theme/" + re.search(r'Target="\.\./theme/(theme\d+\.xml)"', master_rels).group(1)
        assert theme_name in themes
        root = etree.fromstring(archive.read(theme_name))
    scheme = root.find(f"{A}themeElements/{A}clrScheme")
    colors = {slot: scheme.find(f"{A}{slot}/{A}srgbClr").get("val") for slot in THEME_SLOTS}
    fonts = root.find(f"{A}themeElements/{A}fontScheme")
    return colors, fonts.find(f"{A}majorFont/{A}latin").get("typeface"), fonts.find(f"{A}minorFont/{A}latin").get("typeface")


def _media(data: bytes) -> set[bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {archive.read(n) for n in archive.namelist() if n.startswith("ppt/media/")}


def _content(prs, footers: set[str]) -> list[tuple]:
    """What the outline put on each slide: layout, shape texts (footers aside) and notes."""
    slides = []
    for slide in prs.slides:
        texts = sorted(s.text_frame.text for s in slide.shapes
                       if s.has_text_frame and s.text_frame.text and s.name not in ("Footer", "Slide Number"))
        footer = {s.text_frame.text for s in slide.shapes if s.name == "Footer"}
        assert footer <= footers, footer
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        slides.append((slide.slide_layout.name, texts, notes))
    return slides


# -- where the decks must differ ------------------------------------------------------------------


def test_theme_colours_and_fonts_are_each_brands_own(decks, brands):
    (house, major_h, minor_h), (noord, major_n, minor_n) = _theme(decks["default"]), _theme(decks["noord"])
    for slot in THEME_SLOTS:
        assert house[slot] == theme_colors(brands["default"])[slot]
        assert noord[slot] == theme_colors(brands["noord"])[slot]
    for slot in ("dk1", "lt1", "accent1", "accent2", "accent3"):
        assert house[slot] != noord[slot], slot
    assert (noord["dk1"], noord["lt1"], noord["accent1"]) == ("22241F", "FBF8F1", "1F4030")  # bark, paper, forest
    assert (major_h, minor_h) == ("Red Hat Display", "Lato")
    assert (major_n, minor_n) == ("Source Serif Pro", "Source Sans Pro")


def test_run_fonts_follow_the_brand(opened):
    faces = {}
    for name, prs in opened.items():
        faces[name] = {r.get("typeface") for slide in prs.slides for r in slide._element.iter(f"{A}latin")}
    assert {"Red Hat Display", "Lato"} <= faces["default"] and not faces["default"] & {"Source Serif Pro", "Source Sans Pro"}
    assert {"Source Serif Pro", "Source Sans Pro"} <= faces["noord"] and not faces["noord"] & {"Red Hat Display", "Lato"}


def test_logo_images_are_each_brands_own(decks, brands):
    for name, other in (("default", "noord"), ("noord", "default")):
        media = _media(decks[name])
        own = {logo.data for logo in brands[name].logos.images.values()}
        theirs = {logo.data for logo in brands[other].logos.images.values()}
        assert media & own, name
        assert not media & theirs, name


def test_noord_uses_its_designers_master(opened):
    prs = opened["noord"]
    assert "Noord Edge" in {s.name for s in prs.slide_masters[0].shapes}
    title = next(ly for ly in prs.slide_layouts if ly.name == "Title")
    assert {"Bottom Band", "North Arrow"} <= {s.name for s in title.shapes}
    assert "Band" not in {s.name for s in title.shapes}  # the generated right-hand band is gone
    assert "Noord Edge" not in {s.name for s in opened["default"].slide_masters[0].shapes}


@pytest.mark.parametrize("kind, names", [("quote", ("Quote", "Attribution")), ("title", ("Title", "Subtitle", "Details"))])
def test_the_designers_positions_are_used_on_the_slides(opened, plans, kind, names):
    """Shapes the noord designer moved sit where the template puts them, read back from the slides."""
    template = read_template((REPO / "assets" / "brands" / "noord" / "template.pptx").read_bytes())
    index = next(i for i, s in enumerate(plans["noord"].deck_slides) if s.kind == kind)
    slide = opened["noord"].slides[index]
    shapes = {s.name: s for s in slide.shapes}
    layout = template.layout(default_layout(kind).name)
    generated = default_layout(kind)
    for name in names:
        shape, designed = shapes[name], layout.placeholder(name).box
        assert shape.is_placeholder, name
        assert (shape.left, shape.top, shape.width, shape.height) == (designed.x, designed.y, designed.w, designed.h)
        assert designed != generated.box(name), name  # really moved by the designer
    house = {s.name: s for s in opened["default"].slides[index].shapes}
    for name in names:
        assert (house[name].left, house[name].top) == (generated.box(name).x, generated.box(name).y)


def test_the_restyled_quote_inherits_the_designers_colour_and_card(opened, plans):
    index = next(i for i, s in enumerate(plans["noord"].deck_slides) if s.kind == "quote")
    quote = next(s for s in opened["noord"].slides[index].shapes if s.name == "Quote")
    assert quote._element.spPr.find(f"{A}solidFill") is None  # not overwritten on the slide
    assert not [r for r in quote._element.iter(f"{A}rPr") if r.find(f"{A}solidFill") is not None]
    layout_quote = next(s for s in quote.part.slide_layout.placeholders if s.name == "Quote")
    assert str(layout_quote.fill.fore_color.rgb) == "1F4030"  # the forest card
    fill = layout_quote._element.txBody.find(f"{A}lstStyle/{A}lvl1pPr/{A}defRPr/{A}solidFill/{A}srgbClr")
    assert fill.get("val") == "FBF8F1"  # paper-white type on it


# -- and nowhere else -----------------------------------------------------------------------------


def test_same_slides_texts_and_notes(opened, plans):
    default, noord = opened["default"], opened["noord"]
    assert len(default.slides) == len(noord.slides) == len(plans["default"].deck_slides)
    house = _content(default, {plans["default"].footer})
    second = _content(noord, {plans["noord"].footer})
    assert house == second
    assert plans["noord"].footer.startswith("Noord Advies · ")  # the brand's own footer setting


def test_building_a_sample_with_noord_needs_no_code_change(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "build", str(REPO / "decks" / "citroensap.yaml"), "--brand", "noord",
         "--only", "deck,handout", "-o", str(tmp_path)], cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    deck = Presentation(next(tmp_path.glob("*.pptx")))
    assert "Noord Edge" in {s.name for s in deck.slide_masters[0].shapes}
    fonts = _pdf_fonts(next(tmp_path.glob("*-handout.pdf")).read_bytes())
    assert any("SourceSerifPro" in f for f in fonts) and any("SourceSansPro" in f for f in fonts), fonts


# -- handouts -------------------------------------------------------------------------------------


def _pdf_fonts(data: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object().get("/BaseFont")))
    return names


def test_handout_fonts_differ_by_brand(brands, plans, assets):
    from workshop.render.handout import render_handout

    fonts = {name: _pdf_fonts(render_handout(plans[name], brand, assets)) for name, brand in brands.items()}
    has = lambda name, family: any(family in f for f in fonts[name])  # noqa: E731
    assert has("default", "Lato") and has("default", "RedHatDisplay")
    assert has("noord", "SourceSansPro") and has("noord", "SourceSerifPro")
    assert not has("default", "Source") and not has("noord", "Lato") and not has("noord", "RedHat")
