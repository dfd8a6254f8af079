"""--keep-edits: hand edits carried into the rebuilt deck, by the rules in docs/editing-in-powerpoint.md."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from workshop.edits import Change, inspect_deck
from workshop.edits.guard import EditPolicy

DECK = Path("build/werkplaats.pptx")
OUTLINE = Path("werkplaats.yaml")


@pytest.fixture
def build(build):
    """The deck alone: these tests read nothing else (a full build beside edits: test_guard.py)."""
    return functools.partial(build, only=("deck",))


def edit(change) -> None:
    prs = Presentation(str(DECK))
    change(prs)
    prs.save(str(DECK))


def retitle(prs, index: int = 3, text: str = "Waar staan we?") -> None:
    prs.slides[index].shapes.title.text_frame.paragraphs[0].runs[0].text = text


def rewrite(old: str, new: str) -> None:
    text = OUTLINE.read_text(encoding="utf-8")
    assert old in text
    OUTLINE.write_text(text.replace(old, new), encoding="utf-8")


def titles() -> list[str]:
    slides = Presentation(str(DECK)).slides
    return [s.shapes.title.text_frame.text if s.shapes.title is not None else "" for s in slides]


def keep(build):
    result = build(edits=EditPolicy.KEEP)
    assert result.ok, result.error
    return result


def test_an_edited_slide_with_an_unchanged_source_is_kept_and_still_counts_as_edited(build):
    build()
    edit(retitle)
    before = titles()
    result = keep(build)
    assert titles() == before
    assert "slide 4 'Waar staan we?': kept as you edited it" in result.notes
    assert [e.describe() for e in inspect_deck(DECK).edits] == ["slide 4 'Waar staan we?': text changed"]
    refused = build()
    assert not refused.ok and "slide 4 'Waar staan we?': text changed" in refused.error


def test_a_moved_picture_keeps_its_place_and_its_picture(build):
    build()

    def move(prs):
        picture = next(s for s in prs.slides[4].shapes if s.shape_type == 13)
        picture.left += Emu(70_000)
    edit(move)
    edited = next(s for s in Presentation(str(DECK)).slides[4].shapes if s.shape_type == 13)
    keep(build)
    picture = next(s for s in Presentation(str(DECK)).slides[4].shapes if s.shape_type == 13)
    assert (picture.left, picture.top, picture.width) == (edited.left, edited.top, edited.width)
    assert picture.image.blob == edited.image.blob


def test_a_chart_slide_with_an_added_shape_keeps_its_chart_and_workbook(build):
    build()
    edit(lambda prs: prs.slides[5].shapes.add_textbox(Emu(0), Emu(0), Emu(800_000), Emu(300_000))
         .text_frame.__setattr__("text", "Bron: eigen onderzoek"))
    keep(build)
    slide = Presentation(str(DECK)).slides[5]
    assert any(s.has_text_frame and s.text_frame.text == "Bron: eigen onderzoek" for s in slide.shapes)
    chart = next(s for s in slide.shapes if s.has_chart).chart
    assert list(chart.plots[0].categories) == ["Geen snoep", "Eén snoep", "Twee snoepjes"]
    assert chart.part.chart_workbook.xlsx_part is not None and chart.part.chart_workbook.xlsx_part.blob


def test_a_slide_added_by_hand_stays_after_the_same_neighbour(build):
    build()

    def add(prs):
        slide = prs.slides.add_slide(prs.slide_layouts[0])
        slide.shapes.title.text = "Voor Jansen"
        listing = prs.slides._sldIdLst
        entries = list(listing)
        entries[4].addnext(entries[-1])  # after the picture slide (5), so it is slide 6
    edit(add)
    rewrite("Wij bieden aan", "Wij bieden iets aan")  # another slide's source changes
    result = keep(build)
    assert titles()[4:7] == ["Eén vis uit de oceaan", "Voor Jansen", "Fooi per tafel"]
    assert "slide 6 'Voor Jansen': added by hand, kept" in result.notes
    body = Presentation(str(DECK)).slides[3].placeholders
    assert any("Wij bieden iets aan" in s.text_frame.text for s in body)


def test_a_slide_deleted_by_hand_stays_deleted_until_its_source_changes(build):
    build()

    def delete(prs):
        entry = list(prs.slides._sldIdLst)[7]  # the table
        prs.part.drop_rel(entry.rId)
        prs.slides._sldIdLst.remove(entry)
    edit(delete)
    result = keep(build)
    assert "Wie doet wat" not in titles()
    assert "'Wie doet wat' stays deleted, as you deleted it" in result.notes
    assert [e.change for e in inspect_deck(DECK).edits] == [Change.DELETED]
    rewrite("[Vis, Kiezen]", "[Vis, Zelf kiezen]")
    result = keep(build)
    assert titles()[7] == "Wie doet wat"
    assert "slide 8 'Wie doet wat': back, though you had deleted it: its source in the outline changed" in result.notes


def test_reordered_slides_and_changed_notes_are_kept(build):
    build()

    def change(prs):
        entries = list(prs.slides._sldIdLst)
        entries[8].addnext(entries[7])  # table after the statement
        prs.slides[2].notes_slide.notes_text_frame.text = "Eigen notitie."
    edit(change)
    order = titles()
    keep(build)
    assert titles() == order
    assert Presentation(str(DECK)).slides[2].notes_slide.notes_text_frame.text == "Eigen notitie."


def test_a_conflict_keeps_both_versions_and_says_so(build):
    build()
    edit(retitle)
    rewrite("[De klant kiest, Wij bieden aan]", "[De klant kiest, Wij bieden aan, Wij luisteren]")
    result = keep(build)
    assert titles()[3:5] == ["Waar we staan", "Waar staan we?"]
    prs = Presentation(str(DECK))
    new, kept = prs.slides[3], prs.slides[4]
    assert any("Wij luisteren" in s.text_frame.text for s in new.placeholders)
    assert "your edited version of 'Waar we staan'" in kept.notes_slide.notes_text_frame.text
    assert "Vraag wie de klant het laatst sprak." in kept.notes_slide.notes_text_frame.text
    assert "slide 4 'Waar we staan': conflict: the outline changed a slide you had edited; this is the new version" \
        in result.notes
    assert "slide 5: your edited version of it, kept right after it (see its notes)" in result.notes
    after = [e.describe() for e in inspect_deck(DECK).edits]
    assert after == ["slide 5 'Waar staan we?' kept by an earlier --keep-edits build (an edited version)"]
    again = keep(build)  # the kept copy stays once, beside the generated slide
    assert titles()[3:5] == ["Waar we staan", "Waar staan we?"] and len(titles()) == 11
    assert "slide 5 'Waar staan we?': kept from an earlier --keep-edits build" in again.notes


def test_keep_edits_without_edits_is_a_plain_byte_identical_build(build):
    build()
    before = DECK.read_bytes()
    result = keep(build)
    assert DECK.read_bytes() == before and not result.notes


def test_keep_edits_is_deterministic(build, tmp_path):
    build()
    edit(retitle)
    edited = DECK.read_bytes()
    keep(build)
    first = DECK.read_bytes()
    DECK.write_bytes(edited)
    keep(build)
    assert DECK.read_bytes() == first


def test_keep_edits_on_a_deck_that_is_not_ours_keeps_it_as_a_backup(build):
    DECK.parent.mkdir()
    DECK.write_bytes(b"not a deck")
    result = keep(build)
    assert Path("build/werkplaats.edited-1.pptx").read_bytes() == b"not a deck"
    assert any("werkplaats.edited-1.pptx" in note for note in result.notes)


def test_an_edited_slide_removed_from_the_outline_is_kept_with_a_note(build):
    build()
    edit(lambda prs: setattr(prs.slides[8].notes_slide.notes_text_frame, "text", "Eigen notitie."))
    rewrite("""      - kind: statement
        id: kern
        text: Je bent de vis, niet de visser.
        notes: Laat het even stil zijn.
""", "")
    result = keep(build)
    assert "slide 9 'Je bent de vis, niet de visser.': kept as you edited it, though it is no longer in the " \
           "outline (see its notes)" in result.notes
    notes = Presentation(str(DECK)).slides[8].notes_slide.notes_text_frame.text
    assert notes.startswith("Eigen notitie.") and "no longer in the outline" in notes


def test_a_slide_added_by_hand_before_the_first_stays_first(build):
    build()

    def add(prs):
        prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "Welkom Jansen"
        entries = list(prs.slides._sldIdLst)
        entries[0].addprevious(entries[-1])
    edit(add)
    keep(build)
    assert titles()[0] == "Welkom Jansen" and len(titles()) == 11


def test_carried_slides_move_to_the_new_masters_layout_of_the_same_name(build):
    build()
    edit(retitle)
    old_layout = Presentation(str(DECK)).slides[3].slide_layout.name
    result = build(brand="noord", edits=EditPolicy.KEEP)  # another master: every slide's look changes
    assert result.ok, result.error
    prs = Presentation(str(DECK))
    carried = prs.slides[4]
    assert carried.shapes.title.text_frame.text == "Waar staan we?"
    names = [layout.name for layout in prs.slide_layouts]
    assert old_layout == "Bullets" and old_layout in names
    assert carried.slide_layout.name == old_layout
    assert carried.slide_layout.part in {layout.part for layout in prs.slide_layouts}  # the new master's own
