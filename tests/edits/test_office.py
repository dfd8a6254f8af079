"""LibreOffice: what it keeps of the records when it saves a deck as .pptx."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from workshop.edits import DeckState, inspect_deck

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [pytest.mark.office, pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is needed; "
                                                     ".ci/run installs libreoffice-impress")]
DECK = Path("build/werkplaats.pptx")


def resave(deck: Path, folder: Path) -> Path:
    """Open ``deck`` in LibreOffice and save it as .pptx again (no edits), as a consultant might."""
    profile = (folder / "profile").resolve().as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "pptx", "--outdir", str(folder), str(deck)],
                   capture_output=True, timeout=300, check=True)
    return folder / deck.name


def test_a_libreoffice_save_drops_the_slide_tags_and_the_build_says_so(build, tmp_path):
    assert build().ok
    saved = resave(DECK, tmp_path / "lo")
    shutil.copy(saved, DECK)
    report = inspect_deck(DECK)
    assert report.state is DeckState.RECORDS_GONE  # LibreOffice keeps the custom property, not the tags
    before = DECK.read_bytes()
    result = build()
    assert not result.ok and result.exit_code == 1
    assert "its records are gone" in result.error and "LibreOffice" in result.error
    assert "--overwrite" in result.error
    assert DECK.read_bytes() == before
