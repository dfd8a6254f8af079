"""A build never replaces a hand-edited deck by accident: it refuses, or overwrites with a backup."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from workshop.edits.guard import EditPolicy
from workshop.pipeline import Job, run_build, run_check

DECK = Path("build/werkplaats.pptx")


def snapshot() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(Path("build").iterdir())}


def retitle(text: str = "Waar staan we?") -> None:
    prs = Presentation(str(DECK))
    prs.slides[3].shapes.title.text_frame.paragraphs[0].runs[0].text = text
    prs.save(str(DECK))


def test_rebuild_without_edits_is_byte_identical(build):
    assert build().ok
    before = snapshot()
    result = build()
    assert result.ok and not result.notes
    assert snapshot() == before


def test_a_plain_build_refuses_an_edited_deck_and_writes_nothing(build):
    build()
    retitle()
    Path("werkplaats.yaml").write_text(Path("werkplaats.yaml").read_text().replace("Wij bieden", "Wij bieden nu"))
    before = snapshot()
    result = build()
    assert not result.ok and result.exit_code == 1
    assert snapshot() == before  # deck, handout and guide all untouched
    assert result.error.startswith("build/werkplaats.pptx: the deck was edited after workshop wrote it")
    assert "slide 4 'Waar staan we?': text changed" in result.error
    assert "--keep-edits" in result.error and "--overwrite" in result.error
    assert "werkplaats.edited-1.pptx" in result.error


def test_overwrite_moves_the_edited_deck_to_a_numbered_backup(build):
    build()
    fresh = DECK.read_bytes()
    retitle()
    edited = DECK.read_bytes()
    result = build(edits=EditPolicy.OVERWRITE)
    assert result.ok, result.error
    assert DECK.read_bytes() == fresh
    assert Path("build/werkplaats.edited-1.pptx").read_bytes() == edited
    assert result.notes == ("build/werkplaats.pptx had hand edits; the edited deck was moved to "
                            "build/werkplaats.edited-1.pptx",)
    retitle("Nog eens")
    assert build(edits=EditPolicy.OVERWRITE).ok
    assert Path("build/werkplaats.edited-2.pptx").is_file()
    assert Path("build/werkplaats.edited-1.pptx").read_bytes() == edited


def test_overwrite_without_edits_makes_no_backup(build):
    build()
    assert build(edits=EditPolicy.OVERWRITE).ok
    assert sorted(p.name for p in Path("build").iterdir()) == [
        "werkplaats-guide.pdf", "werkplaats-handout.pdf", "werkplaats.pptx"]


def test_a_foreign_file_under_the_deck_name_counts_as_edited(build):
    DECK.parent.mkdir()
    DECK.write_bytes(b"someone else's notes")
    result = build()
    assert not result.ok
    assert "cannot be checked for hand edits, so it counts as edited as a whole" in result.error
    assert "not a PowerPoint file" in result.error
    assert DECK.read_bytes() == b"someone else's notes"
    assert build(edits=EditPolicy.OVERWRITE).ok
    assert Path("build/werkplaats.edited-1.pptx").read_bytes() == b"someone else's notes"


def test_only_handout_or_guide_never_look_at_the_deck(build):
    DECK.parent.mkdir()
    DECK.write_bytes(b"not a deck")
    assert build(only=("handout",)).ok
    assert build(only=("guide",)).ok
    assert DECK.read_bytes() == b"not a deck"


def test_check_mentions_a_deck_a_plain_build_would_refuse(build):
    build()
    assert not [f for f in run_check(Job(Path("werkplaats.yaml"), Path("build"))).findings if f.code == "deck-edited"]
    retitle()
    found = [f for f in run_check(Job(Path("werkplaats.yaml"), Path("build"))).findings if f.code == "deck-edited"]
    assert len(found) == 1
    assert "slide 4 'Waar staan we?': text changed" in found[0].message
    assert "--keep-edits or --overwrite" in found[0].message


def test_a_batch_reports_per_client(project):
    clients = project / "clients"
    clients.mkdir()
    for name in ("acme", "jansen"):
        (clients / f"{name}.yaml").write_text(f"client: {{name: {name}}}\n")
    jobs = [Job(Path("werkplaats.yaml"), Path("build"), vars_file=clients / f"{n}.yaml") for n in ("acme", "jansen")]
    assert all(run_build(job).ok for job in jobs)
    deck = Path("build/jansen/werkplaats.pptx")
    prs = Presentation(str(deck))
    prs.slides[3].shapes.title.text_frame.paragraphs[0].runs[0].text = "Anders"
    prs.save(str(deck))
    acme, jansen = (run_build(job) for job in jobs)
    assert acme.ok
    assert not jansen.ok and jansen.error.startswith("build/jansen/werkplaats.pptx: the deck was edited")
