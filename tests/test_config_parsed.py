"""Parsed configs kept in the user cache: the same project cold, warm and off; errors always from the parser."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from workshop import config
from workshop.cache import CACHE_ENV, area
from workshop.config import PARSED_AREA, PARSED_MAGIC, load_project
from workshop.errors import WorkshopError

TOML = 'brand = "noord"\nout = "uit"\nclients = ["klanten", "../gedeeld"]\njobs = 2\n'


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    return area(PARSED_AREA)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts tomllib parses from here on."""
    texts: list[str] = []
    real = tomllib.loads

    def counting(text: str, **kw: object) -> dict:
        texts.append(text)
        return real(text, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(tomllib, "loads", counting)
    return texts


def _project(folder: Path, text: str) -> config.Project:
    (folder / "workshop.toml").write_text(text, encoding="utf-8")
    return load_project(folder)


def test_cold_warm_and_off_give_the_same_project(tmp_path: Path, kept: Path, parses: list[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    cold = _project(tmp_path, TOML)
    warm = _project(tmp_path, TOML)
    assert warm == cold and warm.places == cold.places and parses == [TOML]
    assert warm.jobs == 2 and warm.brand == "noord" and len(list(kept.iterdir())) == 1
    monkeypatch.setenv(CACHE_ENV, "off")
    assert _project(tmp_path, TOML) == cold and len(parses) == 2


def test_a_changed_config_is_parsed_again(tmp_path: Path, kept: Path, parses: list[str]) -> None:
    _project(tmp_path, TOML)
    assert _project(tmp_path, TOML.replace("jobs = 2", "jobs = 3")).jobs == 3 and len(parses) == 2


def test_a_syntax_error_is_located_every_time_and_never_kept(tmp_path: Path, kept: Path) -> None:
    for _ in range(2):
        with pytest.raises(WorkshopError, match="TOML syntax error") as info:
            _project(tmp_path, 'brand = "noord"\njobs = = 2\n')
        assert info.value.location.line == 2
    assert not kept.exists() or not list(kept.iterdir())


def test_a_value_with_a_date_is_parsed_every_time(tmp_path: Path, kept: Path, parses: list[str]) -> None:
    text = 'brand = "noord"\nlanguage = "nl"\n'
    _project(tmp_path, text)
    dated = "[tool.workshop]\nbrand = \"noord\"\n[tool.other]\nwhen = 2026-12-01\n"
    (tmp_path / "pyproject.toml").write_text(dated, encoding="utf-8")
    (tmp_path / "workshop.toml").unlink()
    for _ in range(2):
        assert load_project(tmp_path).brand == "noord"
    assert parses == [text, dated, dated] and len(list(kept.iterdir())) == 1


@pytest.mark.parametrize("damage,junk", [("truncated", b""), ("flipped byte", b""), ("other key", b""),
                                         ("empty", b""), ("junk", b"not marshal"), ("junk", b"\xe9\x00\x00\x00\x00")])
def test_a_damaged_entry_is_parsed_and_written_again(tmp_path: Path, kept: Path, parses: list[str], damage: str,
                                                     junk: bytes, damage_entry) -> None:
    first = _project(tmp_path, TOML)
    [entry] = list(kept.iterdir())
    sound = damage_entry(entry, damage, PARSED_MAGIC, junk)
    assert _project(tmp_path, TOML) == first and len(parses) == 2
    assert entry.read_bytes() == sound
