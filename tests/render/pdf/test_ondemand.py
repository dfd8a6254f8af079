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
    assert set(vars(lazy.face)) - {"_filename", "_digest", "_read"} == set(vars(eager.face))
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


def test_a_saved_face_is_what_reportlabs_parse_leaves(cache, tmp_path):
    """The contract with reportlab's internals: every attribute of a parsed face, with the same types."""
    from reportlab.pdfbase.ttfonts import TTFontFace

    from workshop.render.pdf.ondemand import FaceOnDemand, saved_face

    family = _family(tmp_path, "Bewaard")
    digest = fonts._digest(family.bold_italic)
    eager = fonts._pdf_font("Bewaard-Een", family.bold_italic, digest, "the font")  # parses and records
    assert saved_face(digest) is not None
    parsed = TTFontFace(str(family.bold_italic))
    loaded = FaceOnDemand(str(family.bold_italic), eager.face.name, digest)
    assert loaded.charWidths == parsed.charWidths  # the first attribute asked for loads the rest
    mine = {k: v for k, v in vars(loaded).items() if k not in {"_filename", "_digest", "_read"}}
    assert set(mine) == set(vars(parsed))
    for name, value in vars(parsed).items():
        if name == "_pdfScale":
            assert [mine[name](x) for x in (1, 7, 333, 2048, -91)] == [value(x) for x in (1, 7, 333, 2048, -91)]
        else:
            assert type(mine[name]) is type(value) and mine[name] == value, name
    assert loaded.name.ustr == parsed.name.ustr


def test_a_damaged_saved_face_is_parsed_from_the_file(cache, tmp_path):
    from workshop.render.pdf.ondemand import FaceOnDemand, saved_face

    family = _family(tmp_path, "Stuk")
    digest = fonts._digest(family.regular)
    eager = fonts._pdf_font("Stuk-Een", family.regular, digest, "the font")
    [record] = cache.glob("*.face")
    record.write_bytes(record.read_bytes()[:-10])
    assert saved_face(digest) is None
    face = FaceOnDemand(str(family.regular), eager.face.name, digest)
    assert face.charWidths == eager.face.charWidths and face._ttf_data == eager.face._ttf_data


def test_a_pdf_drawn_with_on_demand_faces_has_the_same_bytes(cache, tmp_path, monkeypatch):
    """A handout built in a fresh process: faces parsed (cache off), then read from their records."""
    import subprocess
    import sys

    from pdf_support import REPO

    script = ("import sys; from pathlib import Path; from workshop import pipeline\n"
              "p = pipeline.prepare(pipeline.Job(outline=Path('docs/examples/chart.yaml')))\n"
              "sys.stdout.buffer.write(pipeline.render(p, 'handout'))\n")
    runs = []
    for setting in ("off", "on", "on"):  # off: parsed; first on: parsed and recorded; second: on demand
        monkeypatch.setenv(CACHE_ENV, setting)
        runs.append(subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, check=True,
                                   timeout=120).stdout)
    assert runs[0] == runs[1] == runs[2] and runs[0].startswith(b"%PDF")
    assert list(cache.glob("*.face"))


def test_a_file_replaced_after_registration_is_parsed_as_it_now_is(cache, tmp_path):
    """A long ``watch`` session: the file changes before its face is first drawn; no mix of old and new."""
    from reportlab.pdfbase.ttfonts import TTFontFace

    from workshop.render.pdf.ondemand import FaceOnDemand

    family = _family(tmp_path, "Vervangen")
    digest = fonts._digest(family.italic)
    eager = fonts._pdf_font("Vervangen-Een", family.italic, digest, "the font")
    face = FaceOnDemand(str(family.italic), eager.face.name, digest)
    shutil.copy(FALLBACK_FAMILY.bold, family.italic)  # another face under the same path
    assert face.charWidths == TTFontFace(str(FALLBACK_FAMILY.bold)).charWidths
    assert face._ttf_data == FALLBACK_FAMILY.bold.read_bytes()


def _fresh_registry(monkeypatch):
    """This process forgets which files it registered, as a new process would."""
    monkeypatch.setattr(fonts, "_registered", {})
    monkeypatch.setattr(fonts, "_as_given", {})


def _refuse_reading(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(fonts, "_digest", refuse)
    monkeypatch.setattr(fonts, "metrics_for", refuse)


def test_a_file_known_by_its_state_is_registered_without_reading_it(cache, tmp_path, monkeypatch):
    family = _family(tmp_path, "Staat")
    first = fonts.register_family(family)
    assert len(list(cache.glob("*.file"))) == 4
    _fresh_registry(monkeypatch)
    _refuse_reading(monkeypatch)
    registered = []
    monkeypatch.setattr(pdfmetrics, "registerFont", registered.append)  # what a new process would register
    assert fonts.register_family(family) == first
    assert len(registered) == 4 and all(isinstance(f, FontOnDemand) for f in registered)
    font = registered[1]
    assert font.fontName == first.bold and "charWidths" not in vars(font.face)
    assert font.stringWidth("Ĳsselmeer", 12) == TTFont("Staat-Eager", str(family.bold)).stringWidth("Ĳsselmeer", 12)


def test_a_file_whose_state_changed_is_read_and_checked_again(cache, tmp_path, monkeypatch):
    family = _family(tmp_path, "Veranderd")
    fonts.register_family(family)
    _fresh_registry(monkeypatch)
    data = family.italic.read_bytes()
    family.italic.unlink()
    family.italic.write_bytes(data)  # the same bytes, written again: another state
    read = []
    real_digest = fonts._digest
    monkeypatch.setattr(fonts, "_digest", lambda path: read.append(path.name) or real_digest(path))
    fonts.register_family(family)
    assert read == [family.italic.name]
    assert len(list(cache.glob("*.file"))) == 5  # the new state is known now too


def test_a_damaged_state_record_reads_the_file_again(cache, tmp_path, monkeypatch):
    family = _family(tmp_path, "Beschadigd")
    fonts.register_family(family)
    for record in cache.glob("*.file"):
        record.write_bytes(record.read_bytes()[:-1])
    _fresh_registry(monkeypatch)
    read = []
    real_digest = fonts._digest
    monkeypatch.setattr(fonts, "_digest", lambda path: read.append(path.name) or real_digest(path))
    fonts.register_family(family)
    assert len(read) == 4


def test_off_never_uses_a_state_record(cache, tmp_path, monkeypatch):
    family = _family(tmp_path, "Nooit")
    fonts.register_family(family)
    _fresh_registry(monkeypatch)
    monkeypatch.setenv(CACHE_ENV, "off")
    read = []
    real_digest = fonts._digest
    monkeypatch.setattr(fonts, "_digest", lambda path: read.append(path.name) or real_digest(path))
    fonts.register_family(family)
    assert len(read) == 4
