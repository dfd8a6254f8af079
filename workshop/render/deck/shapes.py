"""Shape elements (``p:sp``, ``p:pic``) for layouts and slides, named as designers see them."""

from __future__ import annotations

from workshop.layouts.geometry import Box
from workshop.render.deck.ooxml import Element, clean, el, sub

GEOMETRY = {"rect": "rect", "ellipse": "ellipse", "roundRect": "roundRect", "line": "rect",
            "chevron": "chevron", "homePlate": "homePlate"}


def xfrm(box: Box, tag: str = "a:xfrm") -> Element:
    return el(tag, None, el("a:off", {"x": box.x, "y": box.y}), el("a:ext", {"cx": max(0, box.w), "cy": max(0, box.h)}))


def shape(shape_id: int, name: str, box: Box, *, geometry: str = "rect", fill: Element | None = None,
          line: Element | None = None, text_body: Element | None = None, text_box: bool = False,
          descr: str | None = None) -> Element:
    """A preset shape (rectangle, ellipse…) with an optional text body.

    ``fill``/``line`` are DrawingML fill elements (``a:solidFill``/``a:noFill``);
    no line is drawn unless one is given.
    """
    sp = el("p:sp")
    nv = sub(sp, "p:nvSpPr")
    sub(nv, "p:cNvPr", {"id": shape_id, "name": clean(name), "descr": clean(descr) if descr else None})
    sub(nv, "p:cNvSpPr", {"txBox": "1" if text_box else None})
    sub(nv, "p:nvPr")
    sp_pr = sub(sp, "p:spPr")
    sp_pr.append(xfrm(box))
    sub(sp_pr, "a:prstGeom", {"prst": GEOMETRY.get(geometry, geometry)}, el("a:avLst"))
    sp_pr.append(fill if fill is not None else el("a:noFill"))
    sp_pr.append(el("a:ln", None, line if line is not None else el("a:noFill")))
    if text_body is not None:
        sp.append(text_body)
    return sp


def placeholder(shape_id: int, name: str, ph_type: str, idx: int, *, box: Box | None = None,
                fill: Element | None = None, text_body: Element | None = None, has_custom_prompt: bool = False
                ) -> Element:
    """A placeholder shape; without ``box`` it inherits its position from the layout."""
    sp = el("p:sp")
    nv = sub(sp, "p:nvSpPr")
    sub(nv, "p:cNvPr", {"id": shape_id, "name": clean(name)})
    sub(nv, "p:cNvSpPr", None, el("a:spLocks", {"noGrp": "1"}))
    nv_pr = sub(nv, "p:nvPr")
    attrs: dict[str, object] = {"type": None if ph_type == "obj" else ph_type, "idx": idx or None,
             "hasCustomPrompt": "1" if has_custom_prompt else None}
    if ph_type in ("ftr", "sldNum", "dt"):
        attrs["sz"] = "quarter"
    sub(nv_pr, "p:ph", attrs)
    sp_pr = sub(sp, "p:spPr")
    if box is not None:
        sp_pr.append(xfrm(box))
    if fill is not None:
        if box is None:
            raise ValueError("a fill needs a geometry")
        sub(sp_pr, "a:prstGeom", {"prst": "rect"}, el("a:avLst"))
        sp_pr.append(fill)
    if text_body is not None:
        sp.append(text_body)
    return sp


def picture(shape_id: int, name: str, box: Box, rid: str, descr: str,
            crop: tuple[float, float, float, float] | None = None) -> Element:
    """A picture shape showing image relationship ``rid`` with alt text ``descr``.

    ``crop`` (left, top, right, bottom fractions) is written as ``a:srcRect``:
    PowerPoint's own crop, which a user can change with the Crop tool.
    """
    pic = el("p:pic")
    nv = sub(pic, "p:nvPicPr")
    sub(nv, "p:cNvPr", {"id": shape_id, "name": clean(name), "descr": clean(descr)})
    sub(nv, "p:cNvPicPr", None, el("a:picLocks", {"noChangeAspect": "1"}))
    sub(nv, "p:nvPr")
    blip_fill = sub(pic, "p:blipFill")
    sub(blip_fill, "a:blip", {"r:embed": rid})
    if crop is not None and any(crop):
        sub(blip_fill, "a:srcRect", {side: round(value * 100_000) or None
                                     for side, value in zip(("l", "t", "r", "b"), crop, strict=True)})
    sub(blip_fill, "a:stretch", None, el("a:fillRect"))
    sp_pr = sub(pic, "p:spPr")
    sp_pr.append(xfrm(box))
    sub(sp_pr, "a:prstGeom", {"prst": "rect"}, el("a:avLst"))
    return pic


def line_box(box: Box, weight: int = 12_700) -> Box:
    """A rule drawn as a thin rectangle (renders identically everywhere)."""
    return Box(box.x, box.y, box.w, max(box.h, weight))


def polyline(shape_id: int, name: str, box: Box, points: tuple[tuple[int, int], ...], color: Element,
             width: int) -> Element:
    """An open path through ``points`` (in a 100 × 100 grid over ``box``): a check mark, say.

    Drawn as vectors, so it needs no glyph in the brand font and stays editable.
    """
    sp = el("p:sp")
    nv = sub(sp, "p:nvSpPr")
    sub(nv, "p:cNvPr", {"id": shape_id, "name": clean(name)})
    sub(nv, "p:cNvSpPr")
    sub(nv, "p:nvPr")
    sp_pr = sub(sp, "p:spPr")
    sp_pr.append(xfrm(box))
    geom = sub(sp_pr, "a:custGeom")
    for tag in ("a:avLst", "a:gdLst", "a:ahLst", "a:cxnLst"):
        sub(geom, tag)
    sub(geom, "a:rect", {"l": "0", "t": "0", "r": "r", "b": "b"})
    path = sub(sub(geom, "a:pathLst"), "a:path", {"w": "100", "h": "100", "fill": "none"})
    for index, (x, y) in enumerate(points):
        sub(path, "a:moveTo" if index == 0 else "a:lnTo", None, el("a:pt", {"x": x, "y": y}))
    sp_pr.append(el("a:noFill"))
    sub(sp_pr, "a:ln", {"w": width, "cap": "rnd"}, el("a:solidFill", None, color), el("a:round"))
    return sp
