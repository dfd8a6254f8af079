"""A deck's records remembered by its bytes: the same report as reading it, and a bad entry is read again."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.cache import CACHE_ENV
from workshop.edits import inspect_bytes
from workshop.edits.package import ZipParts
from workshop.edits.records import read_records
from workshop.edits.remembered import MAGIC, deck_key, decode, encode, records_dir

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    return records_dir()


@pytest.fixture(scope="module")
def deck(tmp_path_factory) -> bytes:
    from workshop.cli import quick

    out = tmp_path_factory.mktemp("deck")
    line = quick.parse(["-q", "build", str(REPO / "decks" / "citroensap.yaml"), "--only", "deck", "-o", str(out)])
    assert line is not None and quick.run(line) == 0
    return (out / "citroensap.pptx").read_bytes()


def _edited(data: bytes) -> bytes:
    """The deck with one slide's title changed, as a person would in PowerPoint."""
    import io
    import zipfile

    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "ppt/slides/slide3.xml":
                part = part.replace(b"<a:t>", b"<a:t>Edited ", 1)
            target.writestr(info, part)
    return out.getvalue()


def test_the_records_survive_the_entry_unchanged(deck):
    records = read_records(ZipParts(deck, "d.pptx"))
    assert decode(encode(records)) == records
    edited = read_records(ZipParts(_edited(deck), "d.pptx"))
    assert decode(encode(edited)) == edited != records


def test_cold_warm_and_off_give_the_same_report(cache, deck, monkeypatch):
    import workshop.edits.records as records

    for data in (deck, _edited(deck)):
        cold = inspect_bytes(data, "d.pptx")
        assert (cache / f"{deck_key(data)}.json").read_bytes().startswith(MAGIC)
        with monkeypatch.context() as patch:
            patch.setattr(records, "read_records", lambda parts: pytest.fail("read again"))
            warm = inspect_bytes(data, "d.pptx")
        with monkeypatch.context() as patch:
            patch.setenv(CACHE_ENV, "off")
            off = inspect_bytes(data, "d.pptx")
        assert cold == warm == off
    assert inspect_bytes(_edited(deck), "d.pptx").edited and not inspect_bytes(deck, "d.pptx").edited


@pytest.mark.parametrize("damage,junk", [("truncated", b""), ("flipped byte", b""), ("junk", b"{not json"),
                                         ("junk", b'{"slides": [[1]], "listed": null, "marked": true}'),
                                         ("empty", b"")], ids=["truncated", "flipped byte", "not json",
                                                               "other shape", "empty"])
def test_a_damaged_entry_is_read_again_and_replaced(cache, deck, damage, junk, damage_entry):
    expected = inspect_bytes(deck, "d.pptx")
    entry = cache / f"{deck_key(deck)}.json"
    sound = damage_entry(entry, damage, MAGIC, junk)  # junk: a sound envelope around bytes that do not decode
    assert inspect_bytes(deck, "d.pptx") == expected
    assert entry.read_bytes() == sound


def test_an_unreadable_deck_is_never_remembered(cache):
    report = inspect_bytes(b"PK\x03\x04 not a zip", "d.pptx")
    assert report.state.value == "unreadable"
    assert not cache.exists()


def test_the_key_follows_the_bytes(deck):
    assert deck_key(deck) == deck_key(bytes(deck)) != deck_key(deck + b"\0")
