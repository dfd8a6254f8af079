"""Big parts (embedded fonts) deflated once per machine: the same entry bytes cold, warm and off."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from workshop.cache import CACHE_ENV
from workshop.render.deck import deflate_cache
from workshop.render.deck.deflate_cache import MAGIC, MIN_BYTES, deflate_part, deflated_dir, part_key
from workshop.render.deck.zipstream import deflate

NAME = "ppt/fonts/font1.fntdata"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    deflate_cache.forget()
    yield deflated_dir()
    deflate_cache.forget()


def _font_like(size: int = MIN_BYTES + 1000, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    words = [bytes(rng.randrange(256) for _ in range(rng.randrange(2, 12))) for _ in range(300)]
    out = bytearray()
    while len(out) < size:
        out += rng.choice(words)
    return bytes(out[:size])


def test_cold_warm_and_off_give_the_same_entry(cache, monkeypatch):
    data = _font_like()
    expected = deflate(NAME, data)
    assert deflate_part(NAME, data) == expected  # cold: deflated and stored
    [entry] = list(cache.iterdir())
    assert entry.name == f"{part_key(NAME, data)}.deflated" and entry.read_bytes().startswith(MAGIC)
    deflate_cache.forget()
    assert deflate_part(NAME, data) == expected  # warm: read from the entry
    monkeypatch.setenv(CACHE_ENV, "off")
    deflate_cache.forget()
    assert deflate_part(NAME, data) == expected


def test_a_warm_call_does_not_deflate(cache, monkeypatch):
    data = _font_like()
    deflate_part(NAME, data)
    deflate_cache.forget()
    monkeypatch.setattr(deflate_cache, "deflate", lambda *a: pytest.fail("deflated again"))
    assert deflate_part(NAME, data).data == deflate(NAME, data).data


def test_small_parts_are_not_cached(cache):
    deflate_part("ppt/slides/slide1.xml", b"<p:sld/>" * 100)
    assert not cache.exists()


@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "another part's entry", "empty"])
def test_a_damaged_entry_is_ignored_and_written_again(cache, damage):
    data = _font_like()
    expected = deflate(NAME, data)
    deflate_part(NAME, data)
    [entry] = list(cache.iterdir())
    sound = entry.read_bytes()
    if damage == "truncated":
        entry.write_bytes(sound[: len(sound) // 2])
    elif damage == "flipped byte":
        entry.write_bytes(sound[:-10] + bytes([sound[-10] ^ 0xFF]) + sound[-9:])
    elif damage == "another part's entry":  # a sound entry, renamed to this part's key
        other = _font_like(seed=2)
        deflate_part(NAME, other)
        (cache / f"{part_key(NAME, other)}.deflated").replace(entry)
        entry.write_bytes(entry.read_bytes().replace(part_key(NAME, other).encode(), part_key(NAME, data).encode()))
    else:
        entry.write_bytes(b"")
    deflate_cache.forget()
    assert deflate_part(NAME, data) == expected
    assert entry.read_bytes() == sound


def test_the_key_follows_bytes_and_level():
    data = _font_like()
    assert part_key(NAME, data) == part_key(NAME, bytes(data))
    assert part_key(NAME, data) != part_key(NAME, data[:-1] + b"x")
    assert part_key(NAME, data) != part_key("ppt/media/image1.png", data)  # level 1 for fonts, 6 otherwise
