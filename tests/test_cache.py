"""The user cache's entries: whole and checked, each area bounded, the oldest use pruned first."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workshop import cache


def _write(folder: Path, name: str, payload: bytes, when: int) -> Path:
    path = folder / name
    cache.write_entry(path, name, payload)
    os.utime(path, ns=(when, when))
    return path


def test_an_entry_reads_back_only_for_its_own_key_and_intact_bytes(tmp_path: Path) -> None:
    path = tmp_path / "k1"
    cache.write_entry(path, "k1", b"payload")
    assert cache.read_entry(path, "k1") == b"payload"
    assert cache.read_entry(path, "k2") is None
    raw = bytearray(path.read_bytes())
    raw[-1] ^= 1
    path.write_bytes(bytes(raw))
    assert cache.read_entry(path, "k1") is None
    path.write_bytes(path.read_bytes()[:10])
    assert cache.read_entry(path, "k1") is None
    assert cache.read_entry(tmp_path / "missing", "k1") is None


def test_an_entry_reads_back_in_two_parts_checked_as_one(tmp_path: Path) -> None:
    path = tmp_path / "k1"
    cache.write_entry(path, "k1", b"headrest of it")
    assert cache.read_entry_parts(path, "k1", 4) == (b"head", b"rest of it")
    assert cache.read_entry_parts(path, "k1", 100) == (b"headrest of it", b"")
    assert cache.read_entry_parts(path, "k2", 4) is None
    raw = bytearray(path.read_bytes())
    raw[-1] ^= 1  # a damaged rest fails the one digest over both parts
    path.write_bytes(bytes(raw))
    assert cache.read_entry_parts(path, "k1", 4) is None
    path.write_bytes(path.read_bytes()[:30])  # the digest itself cut short
    assert cache.read_entry_parts(path, "k1", 4) is None


def test_a_big_entry_is_read_without_a_second_copy(tmp_path: Path) -> None:
    import tracemalloc

    payload = os.urandom(4 * 1024 * 1024)
    path = tmp_path / "big"
    cache.write_entry(path, "big", payload)
    tracemalloc.start()
    try:
        got = cache.read_entry_parts(path, "big", 72)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert got is not None and got[0] + got[1] == payload
    assert peak < 1.25 * len(payload), peak  # sliced out of one read it would be twice the payload


def test_an_area_over_its_size_loses_the_entries_used_longest_ago(tmp_path: Path) -> None:
    for index in range(5):
        _write(tmp_path, f"e{index}", bytes(1000), when=(index + 1) * 10**9)
    cache.prune(tmp_path, limit=3 * 1100)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e2", "e3", "e4"]


def test_an_area_over_its_entry_count_is_pruned_and_the_new_entry_stays(tmp_path: Path) -> None:
    for index in range(4):
        _write(tmp_path, f"e{index}", b"x", when=(index + 1) * 10**9)
    newest = tmp_path / "e0"  # oldest time, but the one just written
    cache.prune(tmp_path, keep=newest, entries=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e0", "e3"]


def test_a_hit_counts_as_a_use(tmp_path: Path) -> None:
    old = _write(tmp_path, "old", b"a", when=10**9)
    _write(tmp_path, "new", b"b", when=2 * 10**9)
    assert cache.read_entry(old, "old") == b"a"  # refreshed: now the most recent
    cache.prune(tmp_path, entries=1)
    assert [p.name for p in tmp_path.iterdir()] == ["old"]


def test_write_entry_prunes_its_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "AREA_ENTRIES", 3)
    for index in range(6):
        cache.write_entry(tmp_path / f"e{index}", f"e{index}", b"x")
        os.utime(tmp_path / f"e{index}", ns=((index + 1) * 10**9,) * 2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e3", "e4", "e5"]


def test_a_folder_that_cannot_be_written_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache.write_entry(blocker / "entry", "entry", b"x")  # no exception
    assert cache.read_entry(blocker / "entry", "entry") is None


def test_the_cache_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    for value in ("off", "0", "No", " false "):
        monkeypatch.setenv(cache.CACHE_ENV, value)
        assert not cache.enabled()
    monkeypatch.setenv(cache.CACHE_ENV, "on")
    assert cache.enabled()
    monkeypatch.delenv(cache.CACHE_ENV)
    assert cache.enabled()
