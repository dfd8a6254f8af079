"""Layout rules a reader sees, read back from the sample decks: steps, section dividers, the closing slide."""

from __future__ import annotations

import pytest
from pptx.util import Inches

from tests.render.deck.samples import BRANDS, SAMPLES, presentation


def _sizes(shape) -> set[float]:
    return {r.font.size.pt for p in shape.text_frame.paragraphs for r in p.runs if r.text.strip()}


@pytest.mark.parametrize("brand", BRANDS)
def test_step_headings_are_larger_than_their_texts_and_texts_share_their_top(brand):
    checked = 0
    for outline in SAMPLES:
        for slide in presentation(outline, brand).slides:
            shapes = {s.name: s for s in slide.shapes}
            texts = [s for n, s in shapes.items() if n.startswith("Step ") and n.endswith(" Text")]
            if not texts:
                continue
            headings = [shapes[t.name.removesuffix(" Text")] for t in texts]
            assert min(min(_sizes(h)) for h in headings) > max(max(_sizes(t)) for t in texts)
            rows: dict[int, set[int]] = {}
            for heading, text in zip(headings, texts, strict=True):
                rows.setdefault(heading.top, set()).add(text.top)
                assert heading.text_frame._txBody.bodyPr.get("anchor") == "b"  # last heading lines align
            assert all(len(tops) == 1 for tops in rows.values())  # texts in a row start at one height
            checked += 1
    assert checked >= 2


@pytest.mark.parametrize("brand", BRANDS)
def test_a_section_subtitle_sits_right_under_its_title(brand):
    checked = 0
    for outline in SAMPLES:
        for slide in presentation(outline, brand).slides:
            shapes = {s.name: s for s in slide.shapes}
            if slide.slide_layout.name != "Section" or "Subtitle" not in shapes or "Title" not in shapes:
                continue
            title, subtitle = shapes["Title"], shapes["Subtitle"]
            top = title.top if title.top is not None else slide.slide_layout.placeholders[0].top
            lines = max(1, len(title.text_frame.text) // 28 + 1)
            assert subtitle.top is not None and subtitle.top - top < Inches(0.85) * lines + Inches(0.4)
            checked += 1
    assert checked >= 3


@pytest.mark.parametrize("outline", [p for p in SAMPLES if p.stem in ("citroensap", "lemon-juice")],
                         ids=lambda p: p.stem)
def test_the_closing_boxes_are_labelled_as_in_the_handout(outline):
    from workshop.language import language_for
    from workshop.outline.load import load_outline

    words = language_for(load_outline(outline).workshop.meta.language)
    slide = list(presentation(outline).slides)[-1]
    shapes = {s.name: s for s in slide.shapes}
    for name, word in (("Takeaways", "takeaways"), ("Action", "action"), ("Question", "discuss")):
        first = shapes[name].text_frame.paragraphs[0]
        assert first.text == words.word(word)
        assert first.runs[0].font.size.pt >= 12


@pytest.mark.parametrize("brand", BRANDS)
def test_the_client_colour_is_a_real_accent_that_stands_out(brand):
    from workshop.brand.colors import contrast_ratio

    prs = presentation(next(p for p in SAMPLES if p.stem == "citroensap"), brand, client=True)
    slides = list(prs.slides)
    names = [{s.name for s in slide.shapes} for slide in slides]
    assert {"Client Accent", "Client Band", "Client Logo"} <= names[0]
    sections = [slide for slide in slides if slide.slide_layout.name == "Section"]
    from workshop.brand.load import load_brand

    primary = load_brand(brand).colors.primary  # the divider's background
    assert sections
    for slide in sections:
        bar = next(s for s in slide.shapes if s.name == "Client Accent")
        assert contrast_ratio(f"#{bar.fill.fore_color.rgb}", primary) >= 3
    tables = [n for n in names if "Table" in n]
    assert tables and all("Client Accent" in n for n in tables)
    content = [n for slide, n in zip(slides, names, strict=True) if "Footer" in n]
    assert content and all("Client Footer Logo" in n for n in content)


def test_without_a_client_profile_there_is_no_client_on_any_slide():
    prs = presentation(next(p for p in SAMPLES if p.stem == "citroensap"))
    for slide in prs.slides:
        for shape in slide.shapes:
            assert not shape.name.startswith("Client"), shape.name
            if shape.has_text_frame:
                assert "organisatie ·" not in shape.text_frame.text
                assert "Uw organisatie" not in shape.text_frame.text


def test_a_covered_picture_fills_its_area_and_a_contained_one_stands_on_the_text_column():
    from workshop.layouts.default import MARGIN
    from workshop.layouts.geometry import inch

    prs = presentation(next(p for p in SAMPLES if p.stem == "visser-of-vis"))
    covered = next(s for slide in prs.slides for s in slide.shapes if s.name == "Picture")
    src = covered._element.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}srcRect")
    assert src is not None and int(src.get("t", 0)) > 0  # cropped top and bottom around the fish
    assert covered.width == inch(13.333 - 2 * MARGIN)
    for outline in SAMPLES:
        for slide in presentation(outline).slides:
            shapes = {s.name: s for s in slide.shapes}
            if "Picture" in shapes and "Caption" in shapes:
                picture, caption = shapes["Picture"], shapes["Caption"]
                assert picture.left == inch(MARGIN) == caption.left  # the caption under the picture's edge
                assert 0 <= caption.top - (picture.top + picture.height) <= inch(0.15)
