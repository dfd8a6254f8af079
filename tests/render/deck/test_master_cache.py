"""The generated master's cache: never changes a deck's bytes; a bad entry is ignored and rebuilt."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from workshop.cache import CACHE_ENV, MAGIC, read_entry
from workshop.render.deck import render_deck
from workshop.render.deck.master_cache import master_key, masters_dir


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    return masters_dir()


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pptx")) if folder.is_dir() else []


def test_cold_warm_and_off_give_the_same_bytes(cache, plan, brand, assets, monkeypatch):
    cold = render_deck(plan, brand, assets)
    [entry] = _entries(cache)
    assert entry.read_bytes().startswith(MAGIC)
    warm = render_deck(plan, brand, assets)
    monkeypatch.setenv(CACHE_ENV, "off")
    off = render_deck(plan, brand, assets)
    assert cold == warm == off
    assert _entries(cache) == [entry]


def test_off_writes_nothing(cache, plan, brand, assets, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, "off")
    render_deck(plan, brand, assets)
    assert not cache.exists()


def test_a_warm_build_reads_the_entry(cache, plan, brand, assets, monkeypatch):
    render_deck(plan, brand, assets)
    [entry] = _entries(cache)
    opened: list[bytes] = []
    import workshop.render.deck.deck as deck_module

    real = deck_module._open_generated
    monkeypatch.setattr(deck_module, "_open_generated", lambda data: opened.append(data) or real(data))
    render_deck(plan, brand, assets)
    assert opened and opened[0] == read_entry(entry, entry.stem)


@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "other key", "junk", "empty"])
def test_a_damaged_entry_is_ignored_and_rebuilt(cache, plan, brand, assets, damage, monkeypatch, damage_entry):
    expected = render_deck(plan, brand, assets)
    [entry] = _entries(cache)
    sound = damage_entry(entry, damage, MAGIC, b"PK\x03\x04 not a zip at all")  # junk: python-pptx cannot open it
    assert render_deck(plan, brand, assets) == expected
    assert entry.read_bytes() == sound  # rebuilt and written again
    assert [p.name for p in cache.iterdir()] == [entry.name]  # no temporary files left


def test_an_unwritable_cache_folder_does_not_stop_the_build(tmp_path, plan, brand, assets, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.setenv(CACHE_ENV, "on")
    assert render_deck(plan, brand, assets)


def test_the_key_follows_what_the_master_is_made_of(brand, tmp_path):
    base = master_key(brand, "nl-NL", None)
    assert master_key(brand, "nl-NL", None) == base
    assert master_key(brand, "en-GB", None) != base
    assert master_key(brand, "nl-NL", "#7B2D8E") != base
    recoloured = dataclasses.replace(brand, colors=dataclasses.replace(brand.colors, primary="#123456"))
    assert master_key(recoloured, "nl-NL", None) != base


def test_changed_brand_files_and_logo_bytes_change_the_key(brand, tmp_path):
    folder = tmp_path / "brand"
    folder.mkdir()
    logo = folder / "logo.png"
    logo.write_bytes(b"one")
    large = dataclasses.replace(brand.logos.images["large"], path=logo)
    named = dataclasses.replace(brand, folder=folder, logos=dataclasses.replace(
        brand.logos, images={**brand.logos.images, "large": large}))
    first = master_key(named, "nl-NL", None)
    logo.write_bytes(b"two")  # the designer saved a new logo file
    second = master_key(named, "nl-NL", None)
    assert second != first
    redrawn = dataclasses.replace(large, data=large.data + b"\0")  # bytes are not in the brand's repr
    changed = dataclasses.replace(named, logos=dataclasses.replace(
        named.logos, images={**named.logos.images, "large": redrawn}))
    assert master_key(changed, "nl-NL", None) != second


def test_no_cache_flag(cache, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from workshop.cli import app

    monkeypatch.setenv(CACHE_ENV, "on")  # restored after the test: the flag sets it for worker processes
    outline = Path(__file__).resolve().parents[3] / "decks" / "citroensap.yaml"
    result = CliRunner().invoke(app, ["--no-cache", "build", str(outline), "--only", "deck",
                                      "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert not cache.exists()
    monkeypatch.setenv(CACHE_ENV, "on")  # a new process, without the flag
    result = CliRunner().invoke(app, ["build", str(outline), "--only", "deck", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert len(_entries(cache)) == 1


def test_a_kind_registered_in_the_process_changes_the_key(brand):
    """A master cached before a kind was added lacks its layout, so it must not be found."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "kinds"))
    try:
        from test_new_kind import _poll_module
    finally:
        sys.path.pop(0)
    from workshop.kinds import KINDS

    base = master_key(brand, "nl-NL", None)
    with KINDS.extended(_poll_module().POLL):
        assert master_key(brand, "nl-NL", None) != base
    assert master_key(brand, "nl-NL", None) == base


def test_a_warm_build_reuses_the_unchanged_master_members_and_deflates_the_rest(cache, plan, brand, assets,
                                                                              monkeypatch):
    from workshop.render.deck import package

    cold = render_deck(plan, brand, assets)
    reused: list[str] = []
    deflated: list[str] = []
    real = package._deflated

    def watched(name, data, known, make):
        entry = real(name, data, known, make)
        (reused if known and known.get(name) is entry else deflated).append(name)
        return entry

    monkeypatch.setattr(package, "_deflated", watched)
    assert render_deck(plan, brand, assets) == cold
    assert "ppt/slideMasters/slideMaster1.xml" in reused and "ppt/theme/theme1.xml" in reused
    assert "ppt/presentation.xml" in deflated  # it lists this deck's slides
    assert not [name for name in reused if name.startswith(("ppt/slides/", "ppt/notesSlides/"))]
