"""Edits people make in PowerPoint, simulated with python-pptx, are found and named in plain words."""

from __future__ import annotations

import functools
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from workshop.edits import Change, DeckState, inspect_bytes, inspect_deck

DECK = Path("build/werkplaats.pptx")


@pytest.fixture
def build(build):
    """The deck alone: these tests read nothing else (a full build beside edits: test_guard.py)."""
    return functools.partial(build, only=("deck",))


def edit(change) -> None:
    """Open the built deck, apply ``change(prs)``, save it over itself (as PowerPoint would)."""
    prs = Presentation(str(DECK))
    change(prs)
    prs.save(str(DECK))


def lines() -> list[str]:
    report = inspect_deck(DECK)
    assert report is not None and report.state is DeckState.OURS, report
    return report.lines()


def test_a_fresh_deck_has_no_edits_and_a_python_pptx_round_trip_keeps_it_so(build):
    assert build().ok
    assert lines() == []
    edit(lambda prs: None)
    assert lines() == []


def test_changed_title(build):
    build()
    edit(lambda prs: setattr(prs.slides[3].shapes.title.text_frame.paragraphs[0].runs[0], "text", "Waar staan we?"))
    assert lines() == ["slide 4 'Waar staan we?': text changed"]


def test_bold_text_is_a_text_change(build):
    build()

    def bold(prs):
        prs.slides[3].shapes.title.text_frame.paragraphs[0].runs[0].font.bold = False
    edit(bold)
    assert lines() == ["slide 4 'Waar we staan': text changed"]


def test_moved_and_resized_picture(build):
    build()

    def move(prs):
        picture = next(s for s in prs.slides[4].shapes if s.shape_type == 13)
        picture.left += Emu(50_000)
    edit(move)
    assert lines() == ["slide 5 'Eén vis uit de oceaan': 1 shape moved"]

    def resize(prs):
        picture = next(s for s in prs.slides[4].shapes if s.shape_type == 13)
        picture.width += Emu(50_000)
    edit(resize)
    assert lines() == ["slide 5 'Eén vis uit de oceaan': 1 shape moved and resized"]


def test_added_and_deleted_shapes(build):
    build()

    def add(prs):
        prs.slides[5].shapes.add_textbox(Emu(0), Emu(0), Emu(900_000), Emu(300_000)).text_frame.text = "Bron?"
    edit(add)
    assert lines() == ["slide 6 'Fooi per tafel': 1 shape added"]

    def delete(prs):
        chart = next(s for s in prs.slides[5].shapes if s.has_chart)
        chart._element.getparent().remove(chart._element)
    edit(delete)
    assert lines() == ["slide 6 'Fooi per tafel': 1 shape added, 1 shape deleted"]


def test_chart_data_and_table_cells(build):
    build()

    def change(prs):
        chart = next(s for s in prs.slides[5].shapes if s.has_chart).chart
        from pptx.chart.data import CategoryChartData

        data = CategoryChartData()
        data.categories = ["Geen snoep", "Eén snoep", "Twee snoepjes"]
        data.add_series("Fooi", (10, 14, 21))
        chart.replace_data(data)
        table = next(s for s in prs.slides[7].shapes if s.has_table).table
        table.cell(1, 1).text_frame.paragraphs[0].runs[0].text = "Aas uitgooien"
    edit(change)
    assert lines() == ["slide 6 'Fooi per tafel': chart data changed", "slide 8 'Wie doet wat': table changed"]


def test_changed_notes(build):
    build()
    edit(lambda prs: setattr(prs.slides[8].notes_slide.notes_text_frame, "text", "Nieuwe notitie."))
    assert lines() == ["slide 9 'Je bent de vis, niet de visser.': notes changed"]


def test_added_deleted_and_reordered_slides(build):
    build()

    def change(prs):
        prs.slides.add_slide(prs.slide_layouts[0])  # first: python-pptx names new slides by count
        listing = prs.slides._sldIdLst
        entries = list(listing)
        prs.part.drop_rel(entries[4].rId)  # delete the picture slide
        listing.remove(entries[4])
        entries[8].addnext(entries[7])  # table after statement
    edit(change)
    assert lines() == [
        "slide 7 'Je bent de vis, niet de visser.' moved (was slide 9)",
        "slide 10 added by hand",
        "slide 'Eén vis uit de oceaan' deleted by hand (was slide 5)",
    ]


def test_a_duplicated_slide_is_a_copy(build):
    """PowerPoint's Duplicate Slide copies the slide with its tags; the copy counts as added by hand."""
    build()

    def duplicate(prs):
        from copy import deepcopy

        from pptx.opc.constants import RELATIONSHIP_TYPE as RT

        source = prs.slides[8]
        copy = prs.slides.add_slide(source.slide_layout)
        copy.shapes._spTree.getparent().replace(copy.shapes._spTree, deepcopy(source.shapes._spTree))
        tags = next(r for r in source.part.rels.values() if r.reltype == RT.TAGS)
        rid = copy.part.relate_to(tags.target_part, RT.TAGS)
        data = deepcopy(source._element.cSld.find("{http://schemas.openxmlformats.org/presentationml/2006/main}custDataLst"))
        data[0].set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", rid)
        copy._element.cSld.append(data)
    edit(duplicate)
    assert lines() == ["slide 11 'Je bent de vis, niet de visser.' is a copy added by hand"]


def test_a_file_that_is_not_ours_or_not_a_deck_counts_as_edited(project, tmp_path):
    from pptx import Presentation as New

    DECK.parent.mkdir(parents=True, exist_ok=True)
    New().save(str(DECK))
    report = inspect_deck(DECK)
    assert report.state is DeckState.NOT_OURS and report.edited
    assert "not written by workshop" in report.lines()[0]
    DECK.write_bytes(b"not a zip")
    report = inspect_deck(DECK)
    assert report.state is DeckState.UNREADABLE and report.edited
    assert "not a PowerPoint file" in report.lines()[0]


def test_records_gone_when_slide_tags_are_dropped(build):
    build()
    with zipfile.ZipFile(DECK) as archive:
        files = {i.filename: archive.read(i) for i in archive.infolist()}
    stripped = {n: d for n, d in files.items() if not n.startswith("ppt/tags/")}
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in stripped.items():
            archive.writestr(name, data)
    report = inspect_bytes(buffer.getvalue(), "x.pptx")
    assert report.state is DeckState.RECORDS_GONE
    assert "records are gone" in report.lines()[0]


@pytest.mark.parametrize("change", [Change.EDITED, Change.ADDED])
def test_descriptions_name_the_slide(change):
    from workshop.edits import SlideEdit

    text = SlideEdit(change, 7, "Visser of vis?", "x", ("text changed", "1 shape added")).describe()
    assert text.startswith("slide 7 'Visser of vis?'")


def test_a_deck_with_an_entity_declaration_is_unreadable_not_parsed(build):
    import io

    build()
    with zipfile.ZipFile(DECK) as archive:
        files = {i.filename: archive.read(i) for i in archive.infolist()}
    files["ppt/presentation.xml"] = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + \
        files["ppt/presentation.xml"].split(b"?>", 1)[1]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    report = inspect_bytes(buffer.getvalue(), "x.pptx")
    assert report.state is DeckState.UNREADABLE and "declares XML entities" in report.lines()[0]
