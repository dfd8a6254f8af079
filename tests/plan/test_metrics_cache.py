"""Font metrics read once per machine: the same metrics cold, warm and off; a bad entry is read again."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from workshop.brand.sfnt import NotAFont, read_font_metrics
from workshop.cache import CACHE_ENV
from workshop.plan import metrics_cache
from workshop.plan.metrics_cache import MAGIC, decode, encode, font_metrics, metrics_dir, metrics_key

LIMIT = 8 * 1024 * 1024


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    return metrics_dir()


@pytest.fixture
def font(tmp_path, plain_brand) -> Path:
    copy = tmp_path / "fonts" / "Face-Regular.ttf"
    copy.parent.mkdir()
    shutil.copyfile(plain_brand.typography.base.family.regular, copy)
    return copy


def _reads(log: list[Path]):
    def read(path: Path) -> bytes:
        log.append(path)
        return path.read_bytes()
    return read


def test_cold_warm_and_off_give_the_same_metrics(cache, font, monkeypatch):
    expected = read_font_metrics(font.read_bytes())
    log: list[Path] = []
    assert font_metrics(font, _reads(log), LIMIT) == expected  # cold: read and stored
    [entry] = list(cache.iterdir())
    assert entry.name == f"{metrics_key(font, os.stat(font))}.metrics" and entry.read_bytes().startswith(MAGIC)
    assert font_metrics(font, _reads(log), LIMIT) == expected  # warm: the file is not read
    assert log == [font]
    monkeypatch.setenv(CACHE_ENV, "off")
    assert font_metrics(font, _reads(log), LIMIT) == expected
    assert log == [font, font]


def test_a_changed_file_is_read_again(cache, font):
    log: list[Path] = []
    font_metrics(font, _reads(log), LIMIT)
    other = read_font_metrics(font.read_bytes())
    os.utime(font, ns=(10**18, 10**18))  # same bytes, another time: counts as changed
    assert font_metrics(font, _reads(log), LIMIT) == other and log == [font, font]
    assert len(list(cache.iterdir())) == 2


def test_the_entry_gives_back_every_advance(font):
    metrics = read_font_metrics(font.read_bytes())
    assert decode(encode(metrics)) == metrics and len(metrics.advances) > 200
    assert decode(encode(metrics)[:-1]) is None and decode(b"") is None


@pytest.mark.parametrize("damage,junk", [("truncated", b""), ("flipped byte", b""), ("other key", b""),
                                         ("junk", b"not metrics"), ("junk", bytes(24)), ("empty", b"")])
def test_a_damaged_entry_is_ignored_and_written_again(cache, font, damage, junk, damage_entry):
    expected = read_font_metrics(font.read_bytes())
    font_metrics(font, _reads([]), LIMIT)
    [entry] = list(cache.iterdir())
    sound = damage_entry(entry, damage, MAGIC, junk)
    log: list[Path] = []
    assert font_metrics(font, _reads(log), LIMIT) == expected and log == [font]
    assert entry.read_bytes() == sound


def test_a_file_that_is_not_a_font_fails_every_time_and_is_not_cached(cache, tmp_path):
    broken = tmp_path / "Broken.ttf"
    broken.write_bytes(b"\0\1\0\0" + bytes(200))
    for _ in range(2):
        with pytest.raises(NotAFont):
            font_metrics(broken, _reads([]), LIMIT)
    assert not cache.exists() or not list(cache.iterdir())


def test_a_file_over_the_limit_goes_to_the_checked_reader(cache, font):
    def refuse(path: Path) -> bytes:
        raise OSError(f"{path.name} is too large")

    font_metrics(font, _reads([]), LIMIT)  # an entry exists for the file
    with pytest.raises(OSError, match="too large"):
        font_metrics(font, refuse, max_bytes=100)


def test_the_key_covers_the_code_that_reads_fonts(font, monkeypatch):
    before = metrics_key(font, os.stat(font))
    monkeypatch.setattr(metrics_cache, "_code_state", lambda: "another version")
    assert metrics_key(font, os.stat(font)) != before


def test_the_code_is_looked_at_once_per_process_not_once_per_face(font, monkeypatch):
    looked: list[tuple[str, ...]] = []

    def code_state(*sources: str) -> str:
        looked.append(sources)
        return "this version"

    monkeypatch.setattr(metrics_cache, "code_state", code_state)
    metrics_cache._code_state.cache_clear()
    try:
        first = metrics_key(font, os.stat(font))
        assert metrics_key(font, os.stat(font)) == first
        assert looked == [("brand/sfnt.py", "brand/cmap.py", "brand/sfnt_tables.py", "plan/metrics_cache.py")]
    finally:
        metrics_cache._code_state.cache_clear()
