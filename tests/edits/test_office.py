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
    assert "--keep-edits" in result.error and "--overwrite" in result.error
    assert DECK.read_bytes() == before


def test_a_deck_with_edits_carried_over_opens_and_converts_with_one_page_per_slide(build, tmp_path):
    """Every kind of edit at once, the edited slide's source changed too (a conflict), then --keep-edits."""
    from pptx import Presentation
    from pptx.util import Emu

    from workshop.edits.guard import EditPolicy

    assert build().ok
    prs = Presentation(str(DECK))
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "Voor Jansen"
    prs.slides[3].shapes.title.text_frame.paragraphs[0].runs[0].text = "Waar staan we?"
    picture = next(s for s in prs.slides[4].shapes if s.shape_type == 13)
    picture.left += Emu(70_000)
    prs.slides[5].shapes.add_textbox(Emu(0), Emu(0), Emu(800_000), Emu(300_000)).text_frame.text = "Bron"
    prs.slides[8].notes_slide.notes_text_frame.text = "Eigen notitie."
    entries = list(prs.slides._sldIdLst)
    prs.part.drop_rel(entries[7].rId)
    prs.slides._sldIdLst.remove(entries[7])
    entries[2].addnext(entries[1])
    prs.save(str(DECK))
    outline = Path("werkplaats.yaml")
    outline.write_text(outline.read_text().replace("Wij bieden aan", "Wij bieden iets aan"))
    result = build(edits=EditPolicy.KEEP)
    assert result.ok, result.error
    slides = len(Presentation(str(DECK)).slides)
    assert slides == 11  # 10 generated - 1 deleted + 1 conflict copy + 1 added by hand
    out = tmp_path / "pdf"
    profile = (tmp_path / "profile").resolve().as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
                    "--outdir", str(out), str(DECK)], capture_output=True, timeout=300, check=True)
    from pypdf import PdfReader

    assert len(PdfReader(out / "werkplaats.pdf").pages) == slides
