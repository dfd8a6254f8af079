"""LibreOffice opens the deck (with the brand fonts visible) and prints one page per slide."""

from __future__ import annotations

import deck_office as office  # registered by tests/render/conftest.py
import pytest

pytestmark = [pytest.mark.office, pytest.mark.skipif(office.MISSING is not None, reason=office.MISSING or "")]


def test_libreoffice_converts_the_deck_with_one_page_per_slide(deck_bytes, prs, brand, tmp_path):
    from pypdf import PdfReader

    deck = tmp_path / "every-kind.pptx"
    deck.write_bytes(deck_bytes)
    (pdf,) = office.convert([deck], tmp_path / "pdf", [brand])
    reader = PdfReader(pdf)
    assert len(reader.pages) == len(prs.slides)
    assert "Citroensap" in reader.pages[0].extract_text()
    assert "09:30–10:00" in reader.pages[1].extract_text()
