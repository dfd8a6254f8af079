"""Pictures encoded once per process draw exactly what reportlab's drawImage draws.

``render.pdf.xobjects`` is the one module that uses reportlab's private names;
these tests fail when one of them is gone or when its drawing differs from
``Canvas.drawImage`` by a byte.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from workshop.render.pdf import images, xobjects
from workshop.safety.images import check_image


def _png(mode: str, size: tuple[int, int] = (64, 40), **save: object) -> bytes:
    image = Image.new(mode, size)
    for x in range(size[0]):
        for y in range(0, size[1], 3):
            value = (x * 7 + y * 3) % 256
            image.putpixel((x, y), {"RGB": (value, 255 - value, 90), "RGBA": (value, 40, 200, (x * 9) % 256),
                                    "L": value, "P": value % 16}[mode])
    if mode == "P":
        image.putpalette([c for i in range(256) for c in (i, 255 - i, (i * 5) % 256)])
    buffer = io.BytesIO()
    image.save(buffer, "PNG", **save)
    return buffer.getvalue()


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (48, 32), (200, 120, 40)).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


PICTURES = {
    "rgb": lambda: _png("RGB"),
    "rgba (soft mask)": lambda: _png("RGBA"),
    "grey": lambda: _png("L"),
    "palette with a transparent colour": lambda: _png("P", transparency=3),
    "jpeg": _jpeg,
}


def _document(draw) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for page in range(2):
        canvas.beginForm(f"F{page}", 0, 0, 1, 1)  # as images.py draws: inside a form
        draw(canvas, 0, 0, 1, 1)
        canvas.endForm()
        canvas.doForm(f"F{page}")
        draw(canvas, 72, 100 + page, 120, 80)  # and on the page, twice with the same picture
        draw(canvas, 300, 400, 60, 40)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize("kind", list(PICTURES))
def test_an_encoded_picture_draws_what_draw_image_draws_in_every_document(kind):
    data = PICTURES[kind]()
    reportlab_way = _document(lambda c, *box: c.drawImage(ImageReader(io.BytesIO(data)), *box, mask="auto"))
    encoded = xobjects.encode(ImageReader(io.BytesIO(data)))
    first = _document(lambda c, *box: xobjects.draw(c, encoded, *box))
    second = _document(lambda c, *box: xobjects.draw(c, encoded, *box))  # the template is never used up
    restored = xobjects.loads(xobjects.dumps(encoded))  # as the user cache folder gives it back
    from_cache = _document(lambda c, *box: xobjects.draw(c, restored, *box))
    assert first == reportlab_way and second == reportlab_way and from_cache == reportlab_way


def test_the_private_names_relied_on_are_there():
    data = PICTURES["rgba (soft mask)"]()
    canvas = Canvas(io.BytesIO())
    for name in ("_doc", "_code", "_formsinuse", "_setXObjects"):
        assert hasattr(canvas, name), f"reportlab's Canvas has no {name} any more: see render/pdf/xobjects.py"
    doc = canvas._doc
    for name in ("idToObject", "getXObjectName", "Reference", "addForm"):
        assert hasattr(doc, name), f"reportlab's PDFDocument has no {name} any more: see render/pdf/xobjects.py"
    reader = ImageReader(io.BytesIO(data))
    reader.getRGBData()
    assert getattr(reader, "_dataA", None) is not None  # the alpha channel, once the pixels are read
    encoded = xobjects.encode(ImageReader(io.BytesIO(data)))
    assert encoded.template._smask is not None and encoded.size > 0
    canvas.drawImage(ImageReader(io.BytesIO(data)), 0, 0, 10, 10, mask="auto")
    assert canvas._currentPageHasImages == 1


def _cached_pictures() -> dict[bytes, object]:
    return images._PICTURES


def test_a_picture_is_encoded_once_and_a_changed_file_again(monkeypatch):
    monkeypatch.setattr(images, "_PICTURES", images._PICTURES.empty())
    calls = []
    real = xobjects.encode
    monkeypatch.setattr(images, "encode", lambda reader: calls.append(1) or real(reader))
    one = check_image("logo.png", PICTURES["rgb"]())
    changed = check_image("logo.png", PICTURES["grey"]())  # the same name, other bytes
    for picture in (one, one, changed, one):
        _document(lambda c, *box, p=picture: images._draw_shared(c, p, *box))
    assert len(calls) == 2 and len(_cached_pictures()) == 2


def test_the_encodings_kept_are_bounded(monkeypatch):
    monkeypatch.setattr(images, "_PICTURES", images._PICTURES.empty())
    pictures = [check_image(f"p{i}.png", _png("RGB", (40 + i, 30))) for i in range(6)]
    one = len(pictures[0].data) + images._picture(pictures[0]).encoded.size
    monkeypatch.setattr(images._PICTURES, "max_size", one * 3)
    for picture in pictures:
        images._picture(picture)
    kept = list(_cached_pictures())
    assert 1 <= len(kept) <= 3 and kept[-1] == pictures[-1].data  # the least recently used went first
