"""Big parts (embedded fonts) deflated once per machine: the same entry bytes cold, warm and off."""

from __future__ import annotations

import os
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


# -- entries made from one file (embedded faces) -----------------------------------------------

RECIPE = ("brand/eot.py",)


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "fonts" / "Face.ttf"
    path.parent.mkdir()
    path.write_bytes(_font_like(100_000, seed=3))
    return path


def _making(path: Path, calls: list[Path]):
    def make() -> bytes:
        calls.append(path)
        return b"EOT!" + path.read_bytes()
    return make


def test_a_file_entry_is_the_same_cold_warm_and_off_and_warm_reads_nothing(cache, source, monkeypatch):
    expected = deflate(NAME, b"EOT!" + source.read_bytes())
    calls: list[Path] = []
    assert deflate_cache.file_entry(NAME, source, _making(source, calls), RECIPE) == expected  # cold
    assert [p.suffix for p in cache.iterdir()] == [".file"]
    deflate_cache.forget()
    assert deflate_cache.file_entry(NAME, source, _making(source, calls), RECIPE) == expected  # warm
    assert calls == [source]
    monkeypatch.setenv(CACHE_ENV, "off")
    assert deflate_cache.file_entry(NAME, source, _making(source, calls), RECIPE) == expected
    assert calls == [source, source]


def test_a_changed_file_or_recipe_makes_a_new_entry(cache, source, monkeypatch):
    calls: list[Path] = []
    deflate_cache.file_entry(NAME, source, _making(source, calls), RECIPE)
    os.utime(source, ns=(10**18, 10**18))
    deflate_cache.file_entry(NAME, source, _making(source, calls), RECIPE)
    monkeypatch.setattr(deflate_cache, "code_state", lambda *names: "another version")
    deflate_cache.file_entry(NAME, source, _making(source, calls), RECIPE)
    assert len(calls) == 3 and len(list(cache.iterdir())) == 3


def test_nothing_to_embed_is_none_and_not_cached(cache, source):
    assert deflate_cache.file_entry(NAME, source, lambda: None, RECIPE) is None
    assert not cache.exists() or not list(cache.iterdir())


@pytest.mark.parametrize("damage,junk", [("truncated", b""), ("flipped byte", b""), ("other key", b""),
                                         ("empty", b""), ("junk", bytes(200)),
                                         ("junk", bytes(72) + b"not a deflate stream")])
def test_a_damaged_file_entry_is_ignored_and_written_again(cache, source, damage, junk, damage_entry):
    expected = deflate(NAME, b"EOT!" + source.read_bytes())
    deflate_cache.file_entry(NAME, source, _making(source, []), RECIPE)
    [entry] = list(cache.iterdir())
    sound = damage_entry(entry, damage, deflate_cache.FILE_MAGIC, junk)
    deflate_cache.forget()
    calls: list[Path] = []
    assert deflate_cache.file_entry(NAME, source, _making(source, calls), RECIPE) == expected
    assert calls == [source] and entry.read_bytes() == sound
