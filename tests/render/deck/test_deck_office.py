"""LibreOffice opens the deck and prints one page per slide."""

from __future__ import annotations

import shutil
import subprocess

import pytest

pytestmark = pytest.mark.office
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_libreoffice_converts_the_deck_with_one_page_per_slide(deck_bytes, prs, tmp_path):
    from pypdf import PdfReader

    deck = tmp_path / "every-kind.pptx"
    deck.write_bytes(deck_bytes)
    profile = (tmp_path / "lo-profile").as_uri()
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(deck)],
        capture_output=True, text=True, timeout=180,
    )
    pdf = tmp_path / "every-kind.pdf"
    assert pdf.is_file(), result.stderr
    reader = PdfReader(pdf)
    assert len(reader.pages) == len(prs.slides)
    assert "Citroensap" in reader.pages[0].extract_text()
    assert "09:30–10:00" in reader.pages[1].extract_text()
