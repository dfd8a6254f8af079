"""Pictures as a PDF embeds them, cached between processes: never a different byte, a bad entry is made again."""

from __future__ import annotations

import io
import marshal

import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from workshop.cache import CACHE_ENV, MAGIC
from workshop.render.pdf import encoded_cache, images, xobjects
from workshop.safety.images import check_image


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    return tmp_path / "cache" / "workshop" / encoded_cache.CACHE_FOLDER


def _picture(seed: int = 1, mode: str = "RGBA"):
    image = Image.new(mode, (160, 90), (240, 200, 40, 255)[: len(mode)])
    for x in range(0, 160, 7):
        image.paste((seed * 40 % 255, 90, 120, 128)[: len(mode)], (x, 0, x + 3, 90))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return check_image("foto.png", buffer.getvalue())


def _pdf(picture) -> bytes:
    """A document drawing the picture, as the first document of a new process would."""
    images._PICTURES.clear()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    images._draw_shared(canvas, picture, 72, 72, 160, 90)
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize("mode", ["RGBA", "RGB"])
def test_cold_warm_and_off_give_the_same_pdf(cache, monkeypatch, mode):
    picture = _picture(mode=mode)
    cold = _pdf(picture)
    [entry] = cache.iterdir()
    monkeypatch.setattr(images, "encode", lambda reader: pytest.fail("encoded although cached"))
    warm = _pdf(picture)
    monkeypatch.undo()
    monkeypatch.setenv(CACHE_ENV, "off")
    entry.unlink()
    off = _pdf(picture)
    assert cold == warm == off and not entry.exists()


@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "other key", "empty", "junk", "not an image"])
def test_a_damaged_entry_is_encoded_again_and_rewritten(cache, damage, damage_entry):
    picture = _picture()
    cold = _pdf(picture)
    [entry] = cache.iterdir()
    junk = marshal.dumps({"name": "x", "image": {"name": "y", "streamContent": b""}}) if damage == "not an image" \
        else b"not marshal data at all"
    sound = damage_entry(entry, "junk" if damage == "not an image" else damage, MAGIC, junk)
    assert _pdf(picture) == cold
    assert entry.read_bytes() == sound


def test_other_pictures_have_entries_of_their_own(cache):
    assert _pdf(_picture(seed=1)) != _pdf(_picture(seed=2))
    assert len(list(cache.iterdir())) == 2


def test_an_encoding_that_marshal_cannot_keep_is_not_written(cache, monkeypatch):
    monkeypatch.setattr(encoded_cache, "dumps", lambda encoded: None)
    _pdf(_picture())
    assert not cache.exists() or not list(cache.iterdir())


def test_dumps_gives_back_what_it_was_given():
    from reportlab.lib.utils import ImageReader

    encoded = xobjects.encode(ImageReader(io.BytesIO(_picture().data)))
    back = xobjects.loads(xobjects.dumps(encoded))
    assert back is not None and back.name == encoded.name and back.size == encoded.size
    assert vars(back.template).keys() == vars(encoded.template).keys()
    assert back.template._smask.streamContent == encoded.template._smask.streamContent
