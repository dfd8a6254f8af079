"""The command line a consultant sees: `workshop edits`, the refusal, the two flags (run in-process)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation


@pytest.fixture
def run(workshop_cli):
    return workshop_cli


def test_edits_lists_hand_edits_and_build_refuses_with_the_two_ways_on(project, run):
    assert run("build", "werkplaats.yaml", "--only", "deck").returncode == 0
    listed = run("edits", "build/werkplaats.pptx")
    assert listed.returncode == 0 and listed.stdout == "build/werkplaats.pptx: no hand edits\n"
    prs = Presentation("build/werkplaats.pptx")
    prs.slides[3].shapes.title.text_frame.paragraphs[0].runs[0].text = "Waar staan we?"
    prs.save("build/werkplaats.pptx")
    listed = run("edits", "build/werkplaats.pptx")
    assert listed.returncode == 0
    assert listed.stdout == "build/werkplaats.pptx: hand edits:\n  slide 4 'Waar staan we?': text changed\n"
    refused = run("build", "werkplaats.yaml")
    assert refused.returncode == 1
    assert "error: build/werkplaats.pptx: the deck was edited after workshop wrote it" in refused.stderr
    assert "--keep-edits" in refused.stderr and "--overwrite" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not Path("build/werkplaats-handout.pdf").exists()
    checked = run("check", "werkplaats.yaml")
    assert checked.returncode == 0 and "warning[deck-edited]" in checked.stderr
    replaced = run("build", "werkplaats.yaml", "--overwrite")
    assert replaced.returncode == 0, replaced.stderr
    assert "the edited deck was moved to build/werkplaats.edited-1.pptx" in replaced.stdout


def test_edits_on_a_folder_lists_every_deck_but_the_backups(project, run):
    assert run("build", "werkplaats.yaml", "--only", "deck").returncode == 0
    Path("build/werkplaats.edited-1.pptx").write_bytes(Path("build/werkplaats.pptx").read_bytes())
    listed = run("edits", "build")
    assert listed.returncode == 0 and listed.stdout == "build/werkplaats.pptx: no hand edits\n"


def test_edits_on_a_missing_deck_and_both_flags_at_once(project, run):
    missing = run("edits", "build/nergens.pptx")
    assert missing.returncode == 1 and "error: build/nergens.pptx: no such deck" in missing.stderr
    both = run("build", "werkplaats.yaml", "--keep-edits", "--overwrite")
    assert both.returncode == 2 and "--keep-edits and --overwrite exclude each other" in both.stderr


def test_keep_edits_prints_what_was_kept(project, run):
    assert run("build", "werkplaats.yaml", "--only", "deck").returncode == 0
    prs = Presentation("build/werkplaats.pptx")
    prs.slides[3].shapes.title.text_frame.paragraphs[0].runs[0].text = "Waar staan we?"
    prs.save("build/werkplaats.pptx")
    kept = run("build", "werkplaats.yaml", "--keep-edits")
    assert kept.returncode == 0, kept.stderr
    assert "werkplaats.yaml: slide 4 'Waar staan we?': kept as you edited it" in kept.stdout
