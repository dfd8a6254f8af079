"""The rendered deck, read back with python-pptx: content, not just existence."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from types import MappingProxyType

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Emu

from workshop.model.slides import SLIDE_KINDS
from workshop.render.deck import render_deck

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _kind(pairs, kind, index=0):
    return [pair for pair in pairs if pair[0].kind == kind][index]


def _texts(slide) -> dict[str, str]:
    return {s.name: s.text_frame.text for s in slide.shapes if s.has_text_frame}


def _fill(element) -> str:
    """The solid fill of a shape or cell: an RGB value or a theme colour name."""
    fill = element.find(f".//{A}solidFill")
    colour = fill[0]
    return colour.get("val")


def _runs(element):
    yield from element.iter(f"{A}r")


def test_one_slide_per_planned_slide_on_its_named_layout(pairs, plan, prs):
    assert len(prs.slides) == len(plan.deck_slides)
    for planned, slide in pairs:
        assert slide.slide_layout.name == planned.layout.spec.name


def test_every_slide_kind_is_rendered(pairs):
    assert {planned.kind for planned, _ in pairs} == set(SLIDE_KINDS)


def test_titles_land_in_the_title_placeholder(pairs):
    planned, slide = _kind(pairs, "bullets")
    assert slide.shapes.title.text_frame.text == "Wat we vandaag doen"
    assert slide.shapes.title.is_placeholder
    _, compare = _kind(pairs, "compare")
    texts = _texts(compare)
    assert texts["Left Heading"] == "De visser"
    assert texts["Right"] == "Wordt gekozen\nKan terug de zee in"


def test_title_slide_shows_workshop_meta(pairs):
    _, slide = _kind(pairs, "title")
    texts = _texts(slide)
    assert texts["Title"] == "Citroensap"
    assert texts["Subtitle"] == "Waarde ontstaat pas bij de klant"
    assert texts["Details"] == "Acme · 12 maart 2027 · Noor Bakker"


def test_bullets_use_real_paragraph_levels_and_inline_emphasis(pairs):
    _, slide = _kind(pairs, "bullets")
    body = next(s for s in slide.shapes if s.name == "Body")
    levels = [(p.level, "".join(r.text for r in p.runs)) for p in body.text_frame.paragraphs]
    assert levels == [(0, "Waarde zien door de ogen van de klant"), (1, "Het juiste moment"),
                      (1, "Het juiste probleem"), (0, "Oefenen met echte cases")]
    bold = [r.text for r in body.text_frame.paragraphs[3].runs if r.font.bold]
    assert bold == ["echte"]
    assert "**" not in body.text_frame.text


def test_agenda_rows_show_clock_times_that_add_up(pairs, plan):
    _, slide = _kind(pairs, "agenda")
    times = [s.text_frame.text for s in slide.shapes if s.name.startswith("Agenda Time")]
    assert times == ["09:30–10:00", "10:00–10:30", "10:30–11:15", "11:15–11:30", "11:30–11:40"]
    items = [s.text_frame.text for s in slide.shapes if s.name.startswith("Agenda Item")]
    assert items == [row.title for row in plan.agenda]


def test_section_dividers_are_numbered_in_agenda_order(pairs):
    numbers = [_texts(slide)["Number"] for planned, slide in pairs if planned.kind == "section"]
    assert numbers == ["01", "02", "03", "04"]


def test_speaker_notes_come_from_the_outline(pairs):
    for planned, slide in pairs:
        if planned.slide.notes and not planned.quiz_answer:
            assert slide.has_notes_slide
            assert planned.slide.notes in slide.notes_slide.notes_text_frame.text


def test_quiz_answer_slide_highlights_the_right_option(pairs):
    question = [p for p in pairs if p[0].kind == "quiz" and not p[0].quiz_answer][0][1]
    answer = [p for p in pairs if p[0].quiz_answer][0][1]
    assert "Explanation" not in _texts(question)
    assert _texts(answer)["Explanation"] == "Uitleg\nHet onverwachte tweede snoepje voelt als aandacht."
    bands = {s.name: s for s in answer.shapes if s.name.startswith("Option ") and len(s.name) == 8}
    assert _fill(bands["Option C"]._element) != _fill(bands["Option A"]._element)
    letter_c = next(s for s in answer.shapes if s.name == "Option Letter C")
    assert _fill(letter_c._element) == "2E7D32"  # the brand's success colour
    assert "Antwoord: C" in answer.notes_slide.notes_text_frame.text


def test_quiz_revealed_in_notes_puts_answer_and_explanation_there(pairs):
    planned, slide = [p for p in pairs if p[0].kind == "quiz" and p[0].slide.title == "Even checken"][0]
    notes = slide.notes_slide.notes_text_frame.text
    assert "Antwoord: B – De klant" in notes and "De klant kiest." in notes
    assert "Explanation" not in _texts(slide)


def test_charts_are_native_with_the_outline_series(pairs, brand):
    charts = [(planned, shape.chart) for planned, slide in pairs for shape in slide.shapes if shape.has_chart]
    types = [chart.chart_type for _, chart in charts]
    assert types == [XL_CHART_TYPE.COLUMN_CLUSTERED, XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.PIE,
                     XL_CHART_TYPE.LINE_MARKERS]
    _, bar = charts[1]
    assert [s.name for s in bar.series] == ["Studie A", "Studie B"]
    assert list(bar.series[0].values) == [0, 3.3, 21]
    assert list(bar.plots[0].categories) == ["Geen snoepje", "Eén snoepje", "Eén plus één"]
    colours = [str(s.format.fill.fore_color.rgb) for s in bar.series]
    assert colours == [brand.colors.primary[1:].upper(), brand.colors.secondary[1:].upper()]
    c = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    formats = {f.get("formatCode") for f in bar._chartSpace.iter(f"{c}numFmt")}
    assert 'General"%"' in formats


def test_chart_parts_and_workbooks_are_in_the_package(deck_bytes):
    names = zipfile.ZipFile(io.BytesIO(deck_bytes)).namelist()
    assert sum(n.startswith("ppt/charts/chart") for n in names) == 4
    assert sum(n.startswith("ppt/embeddings/") and n.endswith(".xlsx") for n in names) == 4


def test_stat_with_chart_puts_the_chart_beside_the_number(pairs):
    _, slide = _kind(pairs, "stat")
    shapes = {s.name: s for s in slide.shapes}
    assert shapes["Value"].text_frame.text == "21%"
    assert shapes["Source"].text_frame.text == "Bron: Journal of Applied Psychology"
    assert shapes["Chart"].has_chart
    assert shapes["Value"].left + shapes["Value"].width <= shapes["Chart"].left


def test_table_is_native_with_a_header_row_in_the_brand_colour(pairs, brand):
    _, slide = _kind(pairs, "table")
    table = next(s for s in slide.shapes if s.has_table).table
    assert [c.text for c in table.rows[0].cells] == ["Soort", "Voorbeeld", "Moment"]
    assert table.cell(2, 1).text == "Een handgeschreven kaartje"
    cell_fill = lambda r, c: table.cell(r, c)._tc.tcPr.find(f"{A}solidFill")[0].get("val")  # noqa: E731
    assert cell_fill(0, 0) == "accent1"  # the theme colour that holds the brand's primary
    assert cell_fill(1, 0) != cell_fill(2, 0)  # banded


def test_picture_has_alt_text_and_keeps_its_aspect(pairs, assets):
    planned, slide = _kind(pairs, "image")
    picture = next(s for s in slide.shapes if s.shape_type == 13)
    assert picture._element.nvPicPr.cNvPr.get("descr") == planned.slide.alt
    image = assets.images["images/oceaan.png"]
    assert picture.width / picture.height == pytest.approx(image.width / image.height, rel=0.01)


def test_title_slide_co_brands_ours_first_in_the_client_colour(pairs, brand):
    _, slide = _kind(pairs, "title")
    client = next(s for s in slide.shapes if s.name == "Client Logo")
    logo = next(s for s in slide.slide_layout.shapes if s.name == "Logo")
    assert logo.left + logo.width < client.left
    accent = next(s for s in slide.shapes if s.name == "Client Accent")
    assert _fill(accent._element) == "7B2D8E"


def test_footer_and_slide_numbers_on_content_slides_only(pairs, plan):
    for planned, slide in pairs:
        names = {s.name: s for s in slide.shapes}
        if planned.kind in ("title", "section", "break"):
            assert "Footer" not in names and "Slide Number" not in names
            continue
        assert names["Footer"].text_frame.text == plan.footer == "Acme · 12 maart 2027"
        field = names["Slide Number"]._element.find(f".//{A}fld")
        assert field.get("type") == "slidenum"
        assert field.find(f"{A}t").text == str(planned.number)


def test_every_run_has_language_size_and_brand_font(prs):
    count = 0
    for slide in prs.slides:
        parts = [slide._element] + ([slide.notes_slide._element] if slide.has_notes_slide else [])
        for element in parts:
            for run in _runs(element):
                props = run.find(f"{A}rPr")
                assert props.get("lang") == "nl-NL"
                assert int(props.get("sz")) >= 800
                assert props.find(f"{A}latin").get("typeface") == "Lato"
                count += 1
            for end in element.iter(f"{A}endParaRPr"):
                assert end.get("lang") == "nl-NL"
    assert count > 100


def test_sizes_come_from_the_brand_unless_the_fit_chose_one(plan, brand, assets):
    prs = Presentation(io.BytesIO(render_deck(plan, brand, assets)))
    bullets = [i for i, s in enumerate(plan.deck_slides) if s.kind == "bullets"][0]
    body = next(s for s in prs.slides[bullets].shapes if s.name == "Body")
    assert body.text_frame.paragraphs[0].runs[0].font.size.pt == brand.size("body").max_pt

    fitted = replace(plan.deck_slides[bullets], fit=MappingProxyType({"body": 17.5, "title": 30}))
    slides = tuple(fitted if s is plan.deck_slides[bullets] else s for s in plan.slides)
    prs = Presentation(io.BytesIO(render_deck(replace(plan, slides=slides), brand, assets)))
    slide = prs.slides[bullets]
    body = next(s for s in slide.shapes if s.name == "Body")
    assert body.text_frame.paragraphs[0].runs[0].font.size.pt == 17.5
    assert slide.shapes.title.text_frame.paragraphs[0].runs[0].font.size.pt == 30


def test_slide_shapes_stay_on_the_slide(prs):
    width, height = prs.slide_width, prs.slide_height
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            assert 0 <= shape.left and shape.left + shape.width <= width, (number, shape.name)
            assert 0 <= shape.top and shape.top + shape.height <= height, (number, shape.name)


def test_document_properties(prs):
    core = prs.core_properties
    assert core.title == "Citroensap"
    assert core.author == core.last_modified_by == "Noor Bakker"
    assert core.subject == "Waarde ontstaat pas bij de klant"
    assert core.language == "nl-NL"
    assert "Acme" in core.keywords and "Bewijs" in core.keywords
    assert core.revision == 1
    assert core.created.date().isoformat() == core.modified.date().isoformat() == "2027-03-12"


def test_no_leftovers_of_the_library_or_its_template(deck_bytes):
    archive = zipfile.ZipFile(io.BytesIO(deck_bytes))
    names = archive.namelist()
    assert not [n for n in names if "thumbnail" in n or "printerSettings" in n]
    blob = b"".join(archive.read(n) for n in names if n.endswith(".xml"))
    for leftover in (b"python-pptx", b"Steve Canny", b"Macintosh", b"screen4x3"):
        assert leftover not in blob
    app = archive.read("docProps/app.xml").decode()
    assert "<Application>workshop</Application>" in app and f"<Slides>{len(Presentation(io.BytesIO(deck_bytes)).slides)}</Slides>" in app


def test_same_input_gives_identical_bytes(plan, brand, assets, deck_bytes):
    assert render_deck(plan, brand, assets) == deck_bytes


def test_zip_entries_have_fixed_timestamps_and_natural_order(deck_bytes):
    infos = zipfile.ZipFile(io.BytesIO(deck_bytes)).infolist()
    assert {i.date_time for i in infos} == {(2000, 1, 1, 0, 0, 0)}
    assert infos[0].filename == "[Content_Types].xml"
    slides = [i.filename for i in infos if i.filename.startswith("ppt/slides/slide")]
    assert slides == [f"ppt/slides/slide{n}.xml" for n in range(1, len(slides) + 1)]


def test_iso_date_absent_uses_the_fixed_date(plan, brand, assets):
    meta = plan.workshop.workshop.model_copy(update={"date": "12 maart 2027"})
    changed = replace(plan, workshop=plan.workshop.model_copy(update={"workshop": meta}))
    core = Presentation(io.BytesIO(render_deck(changed, brand, assets))).core_properties
    assert core.created.year == 2000 and core.modified.year == 2000


def test_placeholder_geometry_is_inherited_from_the_layout(pairs):
    _, slide = _kind(pairs, "bullets")
    title = slide.shapes.title
    assert title._element.spPr.find(f"{A}xfrm") is None  # position comes from the layout
    assert (title.left, title.top) == (Emu(685800), Emu(365760))


def test_hostile_text_is_cleaned_for_xml_and_office_limits(plan, brand, assets):
    meta = plan.workshop.workshop.model_copy(update={"title": "Rand\x0bgeval " + "A" * 400, "author": "X\x00Y"})
    changed = replace(plan, workshop=plan.workshop.model_copy(update={"workshop": meta}))
    prs = Presentation(io.BytesIO(render_deck(changed, brand, assets)))
    assert prs.core_properties.title.startswith("Randgeval A")
    assert len(prs.core_properties.title) == 255
    assert prs.core_properties.author == "XY"
    assert prs.slides[0].shapes.title.text_frame.text.startswith("Randgeval AAA")
