"""Fonts read on first use: only files that passed before, same faces, same bytes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from workshop.brand.model import FontFamily
from workshop.brand.shipped_fonts import FALLBACK_FAMILY
from workshop.cache import CACHE_ENV
from workshop.render.pdf import fonts
from workshop.render.pdf.ondemand import FontOnDemand, known_face_name


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    return tmp_path / "cache" / "workshop" / "fonts"


def _family(tmp_path, name: str) -> FontFamily:
    """A copy of the shipped fallback's files under a family name of its own (not registered yet)."""
    folder = tmp_path / name
    folder.mkdir()
    copies = [Path(shutil.copy(getattr(FALLBACK_FAMILY, style), folder)) for style in fonts._STYLES]
    return FontFamily(name, *copies)


def test_an_on_demand_font_holds_what_a_ttfont_holds_once_read():
    path = str(FALLBACK_FAMILY.regular)
    eager = TTFont("Eager", path)
    lazy = FontOnDemand("Lazy", path, eager.face.name)
    assert set(vars(lazy)) == set(vars(eager))
    assert "charWidths" not in vars(lazy.face)  # not read yet
    assert lazy.stringWidth("Toegankelijk", 10) == eager.stringWidth("Toegankelijk", 10)
    assert set(vars(lazy.face)) - {"_filename", "_read"} == set(vars(eager.face))
    assert all(getattr(lazy.face, k) == v for k, v in vars(eager.face).items() if k != "_pdfScale")
    assert not hasattr(lazy.face, "no_such_attribute")


def test_a_new_file_is_read_at_registration_and_a_known_one_on_first_use(cache, tmp_path):
    family = _family(tmp_path, "Nieuw")
    digest = fonts._digest(family.bold)
    eager = fonts._pdf_font("Nieuw-Een", family.bold, digest, "the bold font")
    assert not isinstance(eager, FontOnDemand) and "charWidths" in vars(eager.face)  # never seen: read now
    assert [r.read_bytes().endswith(eager.face.name) for r in cache.glob("*.name")] == [True]
    font = fonts._pdf_font("Nieuw-Twee", family.bold, digest, "the bold font")
    assert isinstance(font, FontOnDemand) and "charWidths" not in vars(font.face)
    assert font.face.name == eager.face.name
    assert font.stringWidth("Ĳsselmeer", 12) == eager.stringWidth("Ĳsselmeer", 12)
    names = fonts.register_family(family)  # all four recorded as they are registered
    assert len(list(cache.glob("*.name"))) == 4 and pdfmetrics.getFont(names.bold).face.name == eager.face.name


def test_off_reads_every_face_at_registration(cache, tmp_path, monkeypatch):
    family = _family(tmp_path, "Uit")
    digest = fonts._digest(family.italic)
    fonts._pdf_font("Uit-Een", family.italic, digest, "the italic font")
    monkeypatch.setenv(CACHE_ENV, "off")
    assert not isinstance(fonts._pdf_font("Uit-Twee", family.italic, digest, "the italic font"), FontOnDemand)


def test_a_damaged_record_reads_the_font_whole_again(cache, tmp_path):
    family = _family(tmp_path, "Kapot")
    digest = fonts._digest(family.regular)
    fonts._pdf_font("Kapot-Een", family.regular, digest, "the regular font")
    [record] = cache.glob("*.name")
    record.write_bytes(record.read_bytes()[:-1] + b"?")
    assert known_face_name(digest) is None
    assert not isinstance(fonts._pdf_font("Kapot-Twee", family.regular, digest, "the font"), FontOnDemand)
    assert known_face_name(digest) is not None  # rewritten
