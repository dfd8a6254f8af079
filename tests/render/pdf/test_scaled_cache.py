"""Pictures at their printed size, cached between builds: never a different byte, a bad entry is rebuilt."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from workshop.cache import CACHE_ENV, write_entry
from workshop.render.pdf import scaled_cache
from workshop.render.pdf.images import for_print
from workshop.safety.images import check_image


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    return tmp_path / "cache" / "workshop" / scaled_cache.CACHE_FOLDER


def _picture(fmt: str = "PNG", size: tuple[int, int] = (1600, 900), seed: int = 1):
    image = Image.new("RGB", size, (240, 200, 40))
    for x in range(0, size[0], 37):
        image.paste((seed * 40 % 255, 90, 120), (x, 0, x + 9, size[1]))
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return check_image(f"foto.{fmt.lower()}", buffer.getvalue())


def _scale(picture, box=(200.0, 120.0)):
    from workshop.render.pdf.images import _scaled

    _scaled.cache_clear()  # as in a new process
    return for_print(picture, *box)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_cold_warm_and_off_give_the_same_picture(cache, monkeypatch, fmt):
    picture = _picture(fmt)
    cold = _scale(picture)
    [entry] = cache.iterdir()
    assert (cold.width, cold.height) == (833, 469) and cold.format == picture.format
    monkeypatch.setattr("workshop.render.pdf.images.shown_size", lambda *a, **k: pytest.fail("scaled although cached"))
    warm = _scale(picture)
    monkeypatch.undo()
    monkeypatch.setenv(CACHE_ENV, "off")
    entry.unlink()
    off = _scale(picture)
    assert cold == warm == off and not entry.exists()


def test_a_picture_that_fits_is_neither_scaled_nor_cached(cache):
    small = _picture(size=(300, 200))
    assert _scale(small) is small and not cache.exists()


def test_a_damaged_or_foreign_entry_is_scaled_again_and_rewritten(cache):
    picture = _picture()
    cold = _scale(picture)
    [entry] = cache.iterdir()
    sound = entry.read_bytes()
    key = entry.stem
    damages = [sound[:-500], sound[:-1] + b"x", b""]
    for payload in (b"no picture", _picture("JPEG").data, _picture(size=(1000, 900)).data):  # a sound digest
        write_entry(entry, key, payload)
        damages.append(entry.read_bytes())
    for damage in damages:
        entry.write_bytes(damage)
        assert _scale(picture) == cold
        assert entry.read_bytes() == sound


def test_other_pictures_and_sizes_have_entries_of_their_own(cache):
    one, two = _picture(seed=1), _picture(seed=2)
    assert _scale(one) != _scale(two)
    assert _scale(one, (100.0, 100.0)).width == 417
    assert len(list(cache.iterdir())) == 3
