"""The handout PDF, read back: content, what stays out, typography, properties, integrity."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pdf_support import (
    EVERY_KIND,
    HOSTILE,
    SECRETS,
    all_text,
    build,
    extreme_outline,
    hostile_outline,
    long_outline,
    orphaned_headings,
    page_texts,
    plumber_text,
    sample_plan,
)
from pypdf import PdfReader
from sample_builds import every_sample

from workshop.render.handout import render_handout

REPO = Path(__file__).resolve().parents[3]


def test_every_section_title_quote_and_exercise_title_is_there(handout_pdf, every_kind):
    text = all_text(handout_pdf)
    workshop = every_kind.plan.workshop
    for section in workshop.sections:
        if section.audience.value == "all":
            assert section.title in text
    for section in workshop.sections:
        for slide in section.slides:
            if slide.kind == "quote":
                assert slide.text in text
                assert slide.by in text
            if slide.kind == "exercise":
                assert slide.title in text


def test_every_participant_kind_says_its_message(handout_pdf):
    text = all_text(handout_pdf)
    for expected in [
        "Je bent niet de visser die lokt",  # bullets (emphasis markers gone)
        "De klant zwemt zelf naar je toe",  # second-level bullet
        "De klant kiest. Jij zorgt dat je gekozen kunt worden.",  # statement
        "Visser", "Lokt met aas", "Blijft als het goed is",  # compare
        "21%", "meer fooi met twee snoepjes bij de rekening",  # stat
        "Fooi per aanpak", "De tweede, onverwachte extra maakt het verschil.",  # chart + caption
        "laag – zuur", "hoog – een redding",  # table cells
        "De vis kiest zelf waarheen.", "Een blauwe oceaan met één vis",  # image caption + alt
        "Geef iets", "Kom terug met een tweede",  # steps
        "Hoeveel meer fooi gaf de 1+1-methode?", "14%",  # quiz question and options
        "Koffie, thee – en een snoepje.",  # break
        "De klant kiest, niet jij.", "Bedenk vóór vrijdag", "Waar zijn wij nog visser",  # closing
    ]:
        assert expected in text, expected
    assert "**" not in text
    assert text.count("Koffie, thee – en een snoepje.") == 1  # the break note is drawn exactly once


def test_no_facilitator_content_in_the_handout(handout_pdf):
    text = all_text(handout_pdf) + " " + plumber_text(handout_pdf)
    for what, secret in SECRETS.items():
        assert secret not in text, what
    assert "Laat de groep eerst stemmen" not in text  # notes of the quiz
    assert "— juist" not in text  # how the guide marks the right option
    assert "Antwoord" not in text and "ANTWOORD" not in text
    assert "Quiz — antwoord" not in text  # the generated reveal slide


def test_dutch_characters_survive(handout_pdf):
    text = plumber_text(handout_pdf)
    for word in ["écht", "Ideeën", "‘gevonden worden’", "vissen – een", "één", "vóór"]:
        assert word in text, word


def test_worksheets_have_goal_time_group_materials_and_prompts(handout_pdf):
    text = all_text(handout_pdf)
    for expected in ["WERKBLAD", "Doel: Een onverwacht extraatje", "Tijd: 25 min", "Groep: 3–4 personen",
                     "Materialen: post-its, Stiften", "Ons klantmoment", "Wat geven we nu al?",
                     "Ons tweede snoepje", "Aantekeningen"]:
        assert expected in text, expected


def test_worksheet_has_ruled_writing_lines(handout_pdf):
    """2 + 4 (default) + 6 lines for the three prompts: count the ruled lines drawn."""
    reader = PdfReader(io.BytesIO(handout_pdf))
    texts = [p.extract_text() or "" for p in reader.pages]
    first = next(n for n, text in enumerate(texts) if "Ons klantmoment" in text)
    last = next(n for n in range(first, len(texts)) if "Ons tweede snoepje" in texts[n])  # may be a page on
    lines = []
    for page in reader.pages[first:last + 1]:
        content = page.get_contents().get_data().decode("latin-1")
        lines += re.findall(r"^n 0 ([\d.]+) m ([\d.]+) \1 l S$", content, re.M)
    assert len([x for _, x in lines if float(x) > 400]) == 12  # full-width rules only


def test_cover_agenda_and_sources(handout_pdf, every_kind):
    pages = page_texts(handout_pdf)
    cover = pages[0]
    for expected in ["Visser of vis: de klant kiest", "Acme Tuinmeubelen", "12 maart 2027", "Noor Bakker",
                     "09:30–11:50"]:
        assert expected in cover, expected
    agenda = pages[1]
    assert "Programma" in agenda
    for row in every_kind.plan.agenda:
        assert row.title in agenda
    assert "09:30–10:00" in agenda and "30 min" in agenda
    assert "Voorbereiding begeleider" not in agenda
    last = pages[-1]
    assert "Bronnen" in last and "Tamsen Webster, Find Your Red Thread, 2021" in last


def test_logos_on_the_cover(handout_pdf):
    cover = PdfReader(io.BytesIO(handout_pdf)).pages[0]
    images = cover["/Resources"]["/XObject"]
    assert len(images) == 2  # ours and the client's


def test_pages_are_numbered_n_of_m(handout_pdf):
    pages = page_texts(handout_pdf)
    total = len(pages)
    assert "pagina 1 van" not in pages[0]  # the cover has no running footer
    assert "pagina" not in pages[-1]  # nor has the back cover
    for number, text in enumerate(pages[1:-1], start=2):
        assert f"pagina {number} van {total}" in text


def test_document_properties(handout_pdf):
    reader = PdfReader(io.BytesIO(handout_pdf))
    info = reader.metadata
    assert info.title == "Visser of vis: de klant kiest"
    assert info.author == "Noor Bakker"
    assert "Handout" in info.subject and "Acme Tuinmeubelen" in info.subject
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]
    top = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert top[0] == "Programma" and "Wat de klant écht wil" in top and top[-1] == "Bronnen"


def _font_files(data: bytes) -> dict[str, bool]:
    """Every font used on any page → whether it embeds a TrueType program."""
    fonts = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            fonts[str(font["/BaseFont"])] = bool(descriptor and "/FontFile2" in descriptor.get_object())
    return fonts


def test_every_font_is_an_embedded_truetype_subset(handout_pdf):
    fonts = _font_files(handout_pdf)
    assert fonts and all(fonts.values()), fonts
    assert all(re.match(r"/[A-Z]{6}\+", name) for name in fonts), fonts  # subsets
    assert any("RedHatDisplay" in name for name in fonts) and any("Lato" in name for name in fonts)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) is not installed")
def test_pdffonts_agrees(handout_pdf, tmp_path):
    path = tmp_path / "h.pdf"
    path.write_bytes(handout_pdf)
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = rows.splitlines()[2:]
    assert rows
    for row in rows:
        assert row.split()[-5] == "yes", row  # the "emb" column


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_qpdf_check_passes(handout_pdf, tmp_path):
    path = tmp_path / "h.pdf"
    path.write_bytes(handout_pdf)
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_same_input_same_bytes(every_kind, handout_pdf):
    again = render_handout(every_kind.plan, every_kind.brand, every_kind.assets)
    assert again == handout_pdf
    assert b"/CreationDate (D:20000101000000" in again


def test_hostile_markup_prints_literally(tmp_path):
    built = build(tmp_path, hostile_outline())
    data = render_handout(built.plan, built.brand, built.assets)
    for text in (all_text(data), plumber_text(data)):
        for hostile in HOSTILE:
            assert hostile in text, hostile
    reader = PdfReader(io.BytesIO(data))
    assert all("/Annots" not in page for page in reader.pages)  # no links were made
    assert len(reader.pages[0]["/Resources"]["/XObject"]) == 1  # only our logo, no <img>


def test_no_heading_ends_a_page(handout_pdf):
    assert orphaned_headings(handout_pdf, "RedHatDisplay-Bold") == []


def test_the_orphan_check_can_fail():
    """A story that ends a page with a heading is caught by the check used above."""
    from reportlab.platypus import PageBreak, Spacer

    from workshop.brand.load import load_brand
    from workshop.render.pdf.document import DocInfo, build_pdf
    from workshop.render.pdf.kit import make_kit
    from workshop.render.pdf.pages import RunningText, body_frame, running_painter, template

    kit = make_kit(load_brand("default"), "nl")
    heading = kit.p("Verweesde kop", kit.styles.h2)
    heading.keepWithNext = 0
    story = [Spacer(1, kit.geo.frame_height - 60), heading, PageBreak(), kit.p("tekst", kit.styles.body)]
    data = build_pdf(story, info=DocInfo("t", "a", "s", "nl"), geo=kit.geo,
                     templates=[template("body", [body_frame(kit.geo)], kit.geo)],
                     paint=running_painter(kit.geo, kit.styles, RunningText("", "", "", "{n}/{total}")),
                     initial_font=kit.styles.fonts.body.regular)
    assert orphaned_headings(data, "RedHatDisplay-Bold") == [(1, "Verweesde kop")]


def test_long_outline_flows_across_pages(tmp_path):
    built = build(tmp_path, long_outline())
    data = render_handout(built.plan, built.brand, built.assets)
    assert orphaned_headings(data, "RedHatDisplay-Bold") == []
    pages = page_texts(data)
    assert len(pages) > 30
    text = " ".join(pages)
    assert "Punt 80 over vissen" in text and "Rij 300" in text and "Stap 30:" in text
    table_pages = [t for t in pages if "Rij " in t]
    assert len(table_pages) > 3
    assert all("Naam Tijd Tekst" in t for t in table_pages)  # the header repeats


def _renders_every_limit(folder: Path, steps: int) -> None:
    built = build(folder, extreme_outline(steps_count=steps))
    data = render_handout(built.plan, built.brand, built.assets)
    text = all_text(data)
    assert "Rechts" in text and "Veel lijnen" in text
    assert "123456789012345678901234567890" in text.replace(" ", "")  # wraps, not lost


@pytest.mark.slow  # thirty 10,000-character steps; the quick share is below
def test_every_limit_at_once_still_renders(tmp_path):
    _renders_every_limit(tmp_path, steps=30)


def test_every_limit_at_once_with_three_of_the_thirty_steps_renders(tmp_path):
    """The quick share of the test above: every other limit at its maximum."""
    _renders_every_limit(tmp_path, steps=3)


def test_sixty_step_exercise_beyond_the_schema_limit_still_flows(tmp_path):
    """The schema allows 30 steps; the renderer must not depend on that to avoid LayoutError."""
    from dataclasses import replace

    built = build(tmp_path, long_outline())
    plan = built.plan
    item = next(i for i in plan.slides if i.kind == "exercise")
    steps = [f"Stap {n}: " + "doe iets zinnigs met de klant. " * 15 for n in range(1, 61)]
    longer = replace(item, slide=item.slide.model_copy(update={"steps": steps}))
    plan = replace(plan, slides=tuple(longer if i is item else i for i in plan.slides))
    text = all_text(render_handout(plan, built.brand, built.assets))
    assert "Stap 60:" in text


@pytest.mark.parametrize("brand", ["default", "noord"])
def test_both_brands_render_with_their_own_fonts(tmp_path, brand, handout_pdf):
    if brand == "default":
        data = handout_pdf  # the session's handout of EVERY_KIND in the default brand
    else:
        built = build(tmp_path, EVERY_KIND, brand=brand)
        data = render_handout(built.plan, built.brand, built.assets)
    heading = {"default": "RedHatDisplay-Bold", "noord": "SourceSerifPro-Bold"}[brand]
    assert orphaned_headings(data, heading) == []
    fonts = _font_files(data)
    expected = {"default": ("RedHatDisplay", "Lato"), "noord": ("SourceSerifPro", "SourceSansPro")}[brand]
    for family in expected:
        assert any(family in name for name in fonts), fonts


def test_letter_paper_when_the_brand_says_so(tmp_path):
    from dataclasses import replace

    built = build(tmp_path, hostile_outline())
    brand = replace(built.brand, settings=replace(built.brand.settings, paper="letter"))
    box = PdfReader(io.BytesIO(render_handout(built.plan, brand, built.assets))).pages[1].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


@pytest.mark.parametrize("path", every_sample())
def test_every_sample_and_example_renders(path, monkeypatch, sample_build):
    """The handout ``workshop build`` wrote (the same bytes as ``render_handout`` of the sample's plan)."""
    monkeypatch.chdir(REPO)
    plan, _, _ = sample_plan(path)
    data = sample_build(path).read("handout")
    assert orphaned_headings(data, "RedHatDisplay-Bold") == []
    text = all_text(data)
    for row in plan.agenda:
        assert " ".join(row.title.replace("*", "").split()) in text


def test_continued_slides_appear_once(tmp_path):
    from pdf_support import continued_outline

    built = build(tmp_path, continued_outline())
    assert max(s.parts for s in built.plan.slides) > 1  # the deck needs follow-up slides
    text = all_text(render_handout(built.plan, built.brand, built.assets))
    for n in (1, 20, 40):
        assert text.count(f"Punt nummer {n} met") == 1
