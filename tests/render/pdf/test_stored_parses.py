"""A document's paragraph parses, kept in the user cache: taken by the next process, the same bytes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reportlab.platypus.paraparser import ParaParser

from workshop import pipeline
from workshop.cache import CACHE_ENV, write_entry
from workshop.render.pdf import paragraphs, stored_parses

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.chdir(REPO)
    paragraphs.forget()
    yield tmp_path / "cache" / "workshop" / stored_parses.CACHE_FOLDER
    paragraphs.forget()


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The markup reportlab's parser is given, call by call."""
    seen: list[str] = []
    real = ParaParser.parse

    def counting(parser, text, style):
        seen.append(text)
        return real(parser, text, style)

    monkeypatch.setattr(ParaParser, "parse", counting)
    return seen


def pdfs(outline: str = "decks/een-plus-een.yaml") -> tuple[bytes, bytes]:
    """Handout and guide as a new process makes them (nothing kept in memory)."""
    paragraphs.forget()
    prepared = pipeline.prepare(pipeline.Job(Path(outline)))
    return pipeline.render(prepared, "handout"), pipeline.render(prepared, "guide")


def test_kept_taken_and_off_give_the_same_documents(cache, monkeypatch, parses):
    cold = pdfs()
    assert len(list(cache.iterdir())) == 2 and len(parses) > 100
    parses.clear()
    warm = pdfs()
    assert parses == []  # every paragraph came from the entries
    monkeypatch.setenv(CACHE_ENV, "off")
    off = pdfs()
    assert cold == warm == off and len(parses) > 100


def test_a_changed_text_is_the_only_one_parsed_again(cache, tmp_path, parses):
    outline = REPO / "decks" / "een-plus-een.yaml"
    pdfs(str(outline))
    changed = tmp_path / "een-plus-een.yaml"
    text = outline.read_text(encoding="utf-8")
    first_title = next(line for line in text.splitlines() if line.strip().startswith("title:"))
    changed.write_text(text.replace(first_title, first_title + " (herzien)", 1), encoding="utf-8")
    shutil.copytree(REPO / "decks" / "images", tmp_path / "images")
    parses.clear()
    kept = pdfs(str(changed))
    again = [p for p in parses if "herzien" not in p]
    assert any("herzien" in p for p in parses) and len(again) <= 2  # the title's own lines, at most
    stored_parses.forget()
    parses.clear()
    pdfs(str(changed))  # the entries now hold the new title: nothing parsed
    assert parses == []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, "off")
        assert pdfs(str(changed)) == kept


def test_a_damaged_or_foreign_entry_is_parsed_again_and_rewritten(cache, parses):
    cold = pdfs()
    entries = sorted(cache.iterdir())
    sound = {entry: entry.read_bytes() for entry in entries}
    for entry in entries:
        for damage in (sound[entry][:-20], sound[entry][:-1] + b"!", b""):
            entry.write_bytes(damage)
            assert pdfs() == cold and entry.read_bytes() == sound[entry]
        for payload in (b"not marshal", b"\xe9" + b"\x00" * 8):  # a sound digest, no parses inside
            write_entry(entry, entry.stem, payload)
            assert pdfs() == cold and entry.read_bytes() == sound[entry]


def test_a_kept_parse_that_holds_other_values_is_parsed(cache, parses):
    cold = pdfs()
    for entry in cache.iterdir():
        import marshal

        from workshop.cache import read_entry

        held = marshal.loads(read_entry(entry, entry.stem))
        for number, (name, (text, _frags)) in enumerate(held.items()):
            odd = {"text": "x", "fontName": "Lato-Regular", "fontSize": ("#set", 1)}  # a tag to_plain never writes
            held[name] = (text, (odd if number % 2 else {"fontSize": 10},))  # or without a fragment's basics
        write_entry(entry, entry.stem, marshal.dumps(held))
    parses.clear()
    assert pdfs() == cold and len(parses) > 100


def test_only_the_first_document_of_a_kind_in_a_process_reads_its_entry(cache):
    pdfs()
    read: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        import workshop.cache

        real = workshop.cache.read_entry
        patch.setattr(workshop.cache, "read_entry", lambda path, key, *a: read.append(path.suffix) or real(path, key, *a))
        paragraphs.forget()
        prepared = pipeline.prepare(pipeline.Job(Path("decks/een-plus-een.yaml")))
        for _ in range(3):  # a batch worker's documents
            pipeline.render(prepared, "handout")
    assert read.count(".parses") == 1
