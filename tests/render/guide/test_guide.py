"""The facilitator guide PDF, read back: run sheet, answers, materials, properties, integrity."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pdf_support import (
    HOSTILE,
    SECRETS,
    all_text,
    build,
    extreme_outline,
    hostile_outline,
    long_outline,
    page_texts,
    plumber_text,
    sample_plan,
)
from pypdf import PdfReader
from sample_builds import every_sample

from workshop.render.guide import render_guide

REPO = Path(__file__).resolve().parents[3]


def test_facilitator_content_is_all_there(guide_pdf):
    text = all_text(guide_pdf)
    for what, secret in SECRETS.items():
        assert secret in text, what
    assert "Laat de groep eerst stemmen." in text


def test_facilitator_only_slides_and_sections_are_marked(guide_pdf):
    text = all_text(guide_pdf)
    assert "ALLEEN BEGELEIDER" in text  # the kicker of the facilitator-only statement
    assert re.search(r"STELLING • ALLEEN BEGELEIDER.{0,40}ALLEEN-BEGELEIDER-STELLING", text)
    assert "Voorbereiding begeleider" in text


def test_quiz_answers_and_explanations(guide_pdf):
    text = all_text(guide_pdf)
    assert "21% — juist" in text
    assert "De vis — juist" in text
    assert "Antwoord: C" in text and "Antwoord: B" in text
    assert "Uitleg: UITLEG-VAN-HET-ANTWOORD" in text
    assert "Antwoorddia" in text and "Antwoord alleen in dit draaiboek" in text
    assert text.count("Laat de groep eerst stemmen.") == 1  # the reveal slide does not repeat the notes


def test_every_block_has_its_clock_time_and_duration(guide_pdf, every_kind):
    from workshop.model.durations import format_clock

    text = all_text(guide_pdf)
    for item in every_kind.plan.slides:
        assert format_clock(item.start) in text
    assert "09:30–10:00" in text and "30 min" in text
    for item in every_kind.plan.deck_slides:
        assert f"DIA {item.number} ·" in text, item.number  # dividers too: a block of their own


def test_exercise_instructions_timing_and_group(guide_pdf):
    text = all_text(guide_pdf)
    for expected in ["Wat is jouw tweede snoepje?", "Doel: Een onverwacht extraatje", "Tijd: 25 min",
                     "Groep: 3–4 personen", "1. Kies één klantmoment.", "3. Bedenk het tweede",
                     "Werkblad", "Ons tweede snoepje"]:
        assert expected in text, expected


def test_materials_checklist_is_deduplicated_near_the_start(guide_pdf):
    first = page_texts(guide_pdf)[0]
    assert "Materialen klaarzetten" in first
    checklist = first.split("Materialen klaarzetten", 1)[1]
    assert checklist.count("post-its") == 1
    assert checklist.count("Stiften") == 1 and "stiften voor" not in checklist
    assert "A3-papier" in checklist and "timer" in checklist
    assert "voor " not in checklist  # grouped by exercise, not "for …" on every row
    first_group = checklist.split("10:55 Wat is jouw tweede snoepje? · dia 22", 1)[1].split("11:20 Vrij schetsen", 1)[0]
    assert "Stiften (ook bij Vrij schetsen)" in first_group and "post-its" in first_group
    assert "A3-papier" in checklist.split("11:20 Vrij schetsen", 1)[1]


def test_checklist_has_a_box_per_item(guide_pdf):
    content = PdfReader(io.BytesIO(guide_pdf)).pages[0].get_contents().get_data().decode("latin-1")
    boxes = re.findall(r"^n 0 0 9\.63\d* 9\.63\d* re S$", content, re.M)
    assert len(boxes) == 4  # post-its, Stiften (= "stiften "), timer, A3-papier


def test_timeline_overview(guide_pdf):
    first = page_texts(guide_pdf)[0]
    assert "Tijdlijn" in first
    for span in ["09:30–10:00", "10:00–10:30", "10:30–10:40", "10:40–10:55", "10:55–11:35", "11:35–11:40",
                 "11:40–11:50"]:
        assert span in first, span


def test_dutch_characters_survive(guide_pdf):
    text = plumber_text(guide_pdf)
    for word in ["écht", "Eén snoepje", "‘gevonden worden’", "één", "vóór", "3–4"]:
        assert word in text, word


def test_pages_are_numbered_n_of_m(guide_pdf):
    pages = page_texts(guide_pdf)
    for number, text in enumerate(pages, start=1):
        assert f"pagina {number} van {len(pages)}" in text


def test_document_properties(guide_pdf):
    reader = PdfReader(io.BytesIO(guide_pdf))
    assert reader.metadata.title == "Visser of vis: de klant kiest — Draaiboek"
    assert reader.metadata.author == "Noor Bakker"
    assert reader.trailer["/Root"]["/Lang"] == "nl"


def test_fonts_embedded(guide_pdf):
    for page in PdfReader(io.BytesIO(guide_pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_qpdf_check_passes(guide_pdf, tmp_path):
    path = tmp_path / "g.pdf"
    path.write_bytes(guide_pdf)
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_same_input_same_bytes(every_kind, guide_pdf):
    assert render_guide(every_kind.plan, every_kind.brand, every_kind.assets) == guide_pdf


def test_hostile_markup_prints_literally(tmp_path):
    built = build(tmp_path, hostile_outline())
    data = render_guide(built.plan, built.brand, built.assets)
    text = all_text(data) + " " + plumber_text(data)
    for hostile in HOSTILE:
        assert hostile in text, hostile


def test_long_outline_flows_across_pages(tmp_path):
    built = build(tmp_path, long_outline())
    pages = page_texts(render_guide(built.plan, built.brand, built.assets))
    assert len(pages) > 5
    text = " ".join(pages)
    assert "30. Stap 30:" in text and "Punt 80 over vissen" in text


def _renders_every_limit(folder: Path, steps: int) -> None:
    built = build(folder, extreme_outline(steps_count=steps))
    text = all_text(render_guide(built.plan, built.brand, built.assets))
    assert "Rechts" in text and "Veel lijnen" in text


@pytest.mark.slow  # thirty 10,000-character steps, each split across pages (a minute until their lines were carried)
def test_every_limit_at_once_still_renders(tmp_path):
    _renders_every_limit(tmp_path, steps=30)


def test_every_limit_at_once_with_three_of_the_thirty_steps_renders(tmp_path):
    """The quick share of the test above: every other limit at its maximum."""
    _renders_every_limit(tmp_path, steps=3)


@pytest.mark.parametrize("brand", ["default", "noord"])
def test_both_brands(tmp_path, brand):
    built = build(tmp_path, hostile_outline(), brand=brand)
    assert render_guide(built.plan, built.brand, built.assets).startswith(b"%PDF-")


@pytest.mark.parametrize("path", every_sample())
def test_every_sample_and_example_renders(path, monkeypatch, sample_build):
    """The guide ``workshop build`` wrote (the same bytes as ``render_guide`` of the sample's plan)."""
    monkeypatch.chdir(REPO)
    plan, _, _ = sample_plan(path)
    text = all_text(sample_build(path).read("guide"))
    for item in plan.slides:
        if item.slide.notes:
            assert " ".join(item.slide.notes.split())[:40] in text


def test_continued_slides_are_described_once_with_their_range(tmp_path):
    from pdf_support import continued_outline

    built = build(tmp_path, continued_outline())
    parts = [s for s in built.plan.slides if s.kind == "bullets"]
    first, last = parts[0].number, parts[-1].number
    assert last > first
    text = all_text(render_guide(built.plan, built.brand, built.assets))
    assert text.count("Eén keer zeggen.") == 1
    assert f"dia's {first}–{last}".upper() in text.upper()
