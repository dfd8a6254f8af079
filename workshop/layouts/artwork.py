"""A designer template's own artwork, simplified to plain data: background colour and main shapes.

The facilitator guide draws a miniature of every slide. On our generated
master the layout specs say what is drawn; on a designer's template the
bands, bars and circles are the designer's, so they are read here from the
package XML (no PowerPoint library): each master's and layout's background
colour and its filled preset shapes (rectangles, ellipses, triangles), with
theme colours resolved through the master's colour map. Gradients count as
their first stop; pictures, groups, lines and effects are left out, which is
what "simplified" means here.
"""

from __future__ import annotations

import colorsys
from typing import Any

from workshop.layouts.geometry import Box
from workshop.lazyclass import lazy_dataclass

MAX_SHAPES = 64  # per master or layout: a miniature needs the main shapes, not every one
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_GEOMETRIES = {"rect": "rect", "roundRect": "roundRect", "snipRoundRect": "roundRect", "round2SameRect": "roundRect",
               "ellipse": "ellipse", "triangle": "triangle", "flowChartProcess": "rect"}
_DEFAULT_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}


@lazy_dataclass(frozen=True)
class ArtShape:
    """One filled shape of the designer's artwork."""

    geometry: str  # "rect", "roundRect", "ellipse" or "triangle"
    box: Box
    fill: str  # "#RRGGBB"
    placeholder: str | None = None  # a placeholder's own fill: shown only when the slide fills that placeholder


@lazy_dataclass(frozen=True)
class Artwork:
    """What a master or layout draws behind the slide's content."""

    background: str | None = None  # "#RRGGBB"; None: inherited (layout → master → white)
    shapes: tuple[ArtShape, ...] = ()


def on_top(master: Artwork | None, layout: Artwork | None, show_master: bool) -> Artwork:
    """A layout's artwork as slides show it: over its master's shapes unless it hides them."""
    background = (layout.background if layout else None) or (master.background if master else None)
    shapes = (master.shapes if master and show_master else ()) + (layout.shapes if layout else ())
    return Artwork(background or "#FFFFFF", shapes)


def color_scheme(theme: Any, color_map: Any) -> dict[str, str]:
    """Theme colour names (``accent1``, ``dk1``, ``bg1``…) → ``#RRGGBB``, through a master's ``p:clrMap``."""
    scheme: dict[str, str] = {}
    found = theme.find(f"{_A}themeElements/{_A}clrScheme") if theme is not None else None
    for child in found if found is not None else ():
        name = child.tag.removeprefix(_A)
        for value in child:
            hex_value = value.get("val") if value.tag == f"{_A}srgbClr" else value.get("lastClr")
            if hex_value and len(hex_value) == 6:
                scheme[name] = "#" + hex_value.upper()
    mapping = dict(_DEFAULT_MAP)
    if color_map is not None:
        mapping.update({k: v for k, v in color_map.attrib.items() if k in _DEFAULT_MAP})
    for alias, target in mapping.items():
        if target in scheme:
            scheme[alias] = scheme[target]
    return scheme


def read_artwork(root: Any, scheme: dict[str, str]) -> Artwork:
    """The background and filled shapes of a master or layout part (``p:sldMaster``/``p:sldLayout``)."""
    c_sld = root.find(f"{_P}cSld")
    if c_sld is None:
        return Artwork()
    shapes: list[ArtShape] = []
    for sp in c_sld.iterfind(f"{_P}spTree/{_P}sp"):
        if len(shapes) >= MAX_SHAPES:
            break
        found = _shape(sp, scheme)
        if found is not None:
            shapes.append(found)
    return Artwork(_background(c_sld, scheme), tuple(shapes))


def _background(c_sld: Any, scheme: dict[str, str]) -> str | None:
    bg = c_sld.find(f"{_P}bg")
    if bg is None:
        return None
    props = bg.find(f"{_P}bgPr")
    if props is not None:
        return _fill(props, scheme)
    ref = bg.find(f"{_P}bgRef")
    return _color(ref[0], scheme) if ref is not None and len(ref) else None


def _shape(sp: Any, scheme: dict[str, str]) -> ArtShape | None:
    props = sp.find(f"{_P}spPr")
    if props is None:
        return None
    geometry = props.find(f"{_A}prstGeom")
    kind = _GEOMETRIES.get(geometry.get("prst", "")) if geometry is not None else None
    off, ext = props.find(f"{_A}xfrm/{_A}off"), props.find(f"{_A}xfrm/{_A}ext")
    fill = _fill(props, scheme)
    if kind is None or off is None or ext is None or fill is None:
        return None
    try:
        box = Box(int(off.get("x", 0)), int(off.get("y", 0)), int(ext.get("cx", 0)), int(ext.get("cy", 0)))
    except ValueError:
        return None
    if box.w <= 0 or box.h <= 0:
        return None
    ph = sp.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
    name = sp.find(f"{_P}nvSpPr/{_P}cNvPr")
    placeholder = (name.get("name", "") if name is not None else "") if ph is not None else None
    return ArtShape(kind, box, fill, placeholder)


def _fill(props: Any, scheme: dict[str, str]) -> str | None:
    solid = props.find(f"{_A}solidFill")
    if solid is not None and len(solid):
        return _color(solid[0], scheme)
    stop = props.find(f"{_A}gradFill/{_A}gsLst/{_A}gs")
    if stop is not None and len(stop):
        return _color(stop[0], scheme)
    return None


def _color(element: Any, scheme: dict[str, str]) -> str | None:
    """One DrawingML colour element as ``#RRGGBB`` (luminance and tint/shade modifiers applied)."""
    tag = element.tag.removeprefix(_A)
    value = element.get("val", "")
    if tag == "srgbClr" and len(value) == 6:
        base = "#" + value.upper()
    elif tag == "schemeClr" and value in scheme:
        base = scheme[value]
    elif tag == "sysClr" and len(element.get("lastClr", "")) == 6:
        base = "#" + element.get("lastClr", "").upper()
    else:
        return None
    try:
        return _modified(base, {m.tag.removeprefix(_A): int(m.get("val", "0")) / 100_000 for m in element})
    except ValueError:
        return base


def _modified(color: str, mods: dict[str, float]) -> str:
    r, g, b = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    if "lumMod" in mods or "lumOff" in mods:
        hue, light, saturation = colorsys.rgb_to_hls(r, g, b)
        light = min(1.0, max(0.0, light * mods.get("lumMod", 1.0) + mods.get("lumOff", 0.0)))
        r, g, b = colorsys.hls_to_rgb(hue, light, saturation)
    if "tint" in mods:
        r, g, b = (1 - (1 - x) * mods["tint"] for x in (r, g, b))
    if "shade" in mods:
        r, g, b = (x * mods["shade"] for x in (r, g, b))
    return "#" + "".join(f"{round(min(1.0, max(0.0, x)) * 255):02X}" for x in (r, g, b))
