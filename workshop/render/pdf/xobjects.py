"""reportlab's image drawing, split so a picture is encoded once per process.

``Canvas.drawImage`` does two expensive things for every document a picture
appears in: it hashes all of the picture's decoded pixels (MD5, to name the
image) and it deflates them again (``PDFImageXObject.loadImageFromSRC``). A
warm worker of a batch draws the same logo and pictures in every document, so
:func:`encode` does both once, through reportlab's own code, and keeps the
result as an unregistered template; :func:`draw` then does what
``drawImage`` does after that point, with a fresh copy of the template for
each document. The PDF is byte for byte what ``drawImage`` writes.

An encoding is also what a later process can take from the user cache
folder (``encoded_cache``): :func:`dumps` and :func:`loads` give the
template's state as marshal bytes and back.

This is the one module that uses reportlab's private names (``Canvas._doc``,
``_setXObjects``, ``_code``, ``_formsinuse``, ``_currentPageHasImages``,
``PDFDocument.idToObject``, ``PDFImageXObject._smask`` and the attributes
its encoding sets, ``utils._digester``);
``tests/render/pdf/test_xobjects.py`` fails when one of them disappears or
when the output differs from ``drawImage``'s.
"""

from __future__ import annotations

import copy
import marshal
from typing import Any

from reportlab.lib.utils import ImageReader, _digester
from reportlab.pdfbase.pdfdoc import PDFImageXObject, PDFObjectReference
from reportlab.pdfgen.canvas import Canvas

from workshop.lazyclass import lazy_dataclass


@lazy_dataclass(frozen=True)
class Encoded:
    """A picture as reportlab embeds it: its name and an image XObject no document owns."""

    name: str  # the digest drawImage would name the picture by
    template: PDFImageXObject

    @property
    def size(self) -> int:
        """Bytes held: the encoded stream and its soft mask's."""
        smask = getattr(self.template, "_smask", None)
        return len(self.template.streamContent) + (len(smask.streamContent) if smask is not None else 0)


def encode(image: ImageReader, mask: str | None = "auto") -> Encoded:
    """Name and encode ``image`` exactly as ``Canvas.drawImage(image, ..., mask=mask)`` would."""
    rawdata = image.getRGBData()
    smask = image._dataA
    mdata: str | bytes = smask.getRGBData() if mask == "auto" and smask else str(mask)
    if isinstance(mdata, str):
        mdata = mdata.encode("utf8")
    name = _digester(rawdata + mdata)
    template = PDFImageXObject(name, image, mask=mask)
    template.name = name
    return Encoded(name, template)


def draw(canvas: Canvas, encoded: Encoded, x: float, y: float, width: float, height: float) -> None:
    """``canvas.drawImage`` of the encoded picture stretched to the box (the rest of its steps)."""
    canvas._currentPageHasImages = 1
    doc = canvas._doc
    reg_name = doc.getXObjectName(encoded.name)
    image = doc.idToObject.get(reg_name, None)
    if not image:
        image = copy.copy(encoded.template)  # registering marks the object: each document gets its own
        canvas._setXObjects(image)
        doc.Reference(image, reg_name)
        doc.addForm(encoded.name, image)
        smask = getattr(image, "_smask", None)
        if smask:
            mask_name = doc.getXObjectName(smask.name)
            if not doc.idToObject.get(mask_name, None):
                smask = copy.copy(smask)
                canvas._setXObjects(smask)
                image.smask = doc.Reference(smask, mask_name)
            else:
                image.smask = PDFObjectReference(mask_name)
            del image._smask
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(width, height)
    canvas._code.append(f"/{reg_name} Do")
    canvas.restoreState()
    canvas._formsinuse.append(encoded.name)


def dumps(encoded: Encoded) -> bytes | None:
    """The encoding as marshal bytes; None when it holds something marshal would not give back as it was."""
    state = _state(encoded.template)
    if state is None:
        return None
    payload = marshal.dumps({"name": encoded.name, "image": state})
    back = loads(payload)
    if back is None or _state(back.template) != state:
        return None
    return payload


def loads(payload: bytes) -> Encoded | None:
    """An encoding from :func:`dumps`'s bytes, or None when they are not one."""
    try:
        saved = marshal.loads(payload)
        name, state = saved["name"], saved["image"]
        template = _template(state)
    except (EOFError, ValueError, TypeError, KeyError):
        return None
    if not isinstance(name, str) or template is None or template.name != name:
        return None
    return Encoded(name, template)


_SAVED = (str, int, float, bytes, tuple, list, type(None))


def _state(image: PDFImageXObject) -> dict[str, Any] | None:
    state: dict[str, Any] = {}
    for key, value in vars(image).items():
        if key == "_smask":
            value = _state(value)
            if value is None:
                return None
        elif not isinstance(value, _SAVED):
            return None
        state[key] = value
    return state if "streamContent" in state and "name" in state else None


def _template(state: dict[str, Any]) -> PDFImageXObject | None:
    if not isinstance(state, dict) or not isinstance(state.get("name"), str) or \
            not isinstance(state.get("streamContent"), (bytes, str)):
        return None
    image = PDFImageXObject(state["name"])
    for key, value in state.items():
        if key == "_smask":
            value = _template(value)
            if value is None:
                return None
        setattr(image, key, value)
    return image
