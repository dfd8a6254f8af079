"""The command line a consultant sees: `workshop edits`, the refusal, the two flags."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pptx import Presentation


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workshop", *args], capture_output=True, text=True, timeout=120)


def test_edits_lists_hand_edits_and_build_refuses_with_the_two_ways_on(project):
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
    assert "--overwrite" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not Path("build/werkplaats-handout.pdf").exists()
    checked = run("check", "werkplaats.yaml")
    assert checked.returncode == 0 and "warning[deck-edited]" in checked.stderr
    replaced = run("build", "werkplaats.yaml", "--overwrite")
    assert replaced.returncode == 0, replaced.stderr
    assert "the edited deck was moved to build/werkplaats.edited-1.pptx" in replaced.stdout


def test_edits_on_a_missing_deck(project):
    missing = run("edits", "build/nergens.pptx")
    assert missing.returncode == 1 and "error: build/nergens.pptx: no such deck" in missing.stderr
