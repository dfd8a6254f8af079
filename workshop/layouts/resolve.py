"""Which geometry a slide kind really uses: the designer's placeholders where they exist.

A spec shape is matched to a template placeholder by its shape name first,
then by placeholder type (in ``idx`` order, skipping placeholders another
shape already claimed by name). Shapes with no match keep the generated
geometry, scaled to the template's slide size. A kind whose layout is missing
gets the whole generated layout, drawn on the template's emptiest layout.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING

from workshop.layouts.geometry import WIDESCREEN, Box, Insets, SlideSize
from workshop.layouts.spec import LayoutSpec, MasterSpec, ShapeSpec, TextStyle
from workshop.layouts.specimens import near
from workshop.layouts.template import PlaceholderGeometry, TemplateGeometry, TemplateLayout
from workshop.lazyclass import lazy_dataclass

if TYPE_CHECKING:
    from workshop.layouts.artwork import Artwork

#: placeholder types that may stand in for each other when found by type.
STAND_INS = {
    "title": ("title", "ctrTitle"),
    "ctrTitle": ("ctrTitle", "title"),
    "subTitle": ("subTitle", "body", "obj"),
    "body": ("body", "obj", "subTitle"),
    "pic": ("pic", "obj"),
    "chart": ("chart", "obj"),
    "tbl": ("tbl", "obj"),
    "ftr": ("ftr",),
    "sldNum": ("sldNum",),
    "dt": ("dt",),
}


@lazy_dataclass(frozen=True)
class ResolvedLayout:
    """A kind's spec with boxes as placed in the template, and what matched what."""

    spec: LayoutSpec
    layout: str | None  # template layout used; None when the kind falls back to the blank layout
    matches: Mapping[str, PlaceholderGeometry] = field(default_factory=lambda: MappingProxyType({}))
    moved: frozenset[str] = frozenset()  # shapes the template places elsewhere than we would
    footer: PlaceholderGeometry | None = None  # the layout's own footer placeholder
    slide_number: PlaceholderGeometry | None = None  # the layout's own slide number placeholder
    matched: str = "name"  # how the layout was found: "name", "office" or "libreoffice" (layouts.names)
    size: SlideSize = WIDESCREEN  # the slide's size
    artwork: Artwork | None = None  # the template's background and shapes on this slide (None: from the spec)

    def variant(self, name: str | None) -> ResolvedLayout:
        """The geometry for a variant; what the designer moved stays where they put it."""
        return replace(self, spec=self.spec.variant(name, keep=self.moved))

    @property
    def fallback(self) -> bool:
        """True when the template lacks this kind's layout: the generated one is drawn on a blank."""
        return self.layout is None

    def placeholder_for(self, name: str, fallback: bool | None = None) -> PlaceholderGeometry | None:
        """The template placeholder shape ``name`` is drawn into (None: a text box of its own)."""
        if self.fallback if fallback is None else fallback:
            return None
        return self.matches.get(name)

    def frame(self, name: str, fallback: bool | None = None) -> TextFrame:
        """Where the text of shape ``name`` goes: its box, insets and style.

        A placeholder inherits its insets from the layout (the designer's, in a
        template); a text box of our own writes the spec's insets.
        """
        spec = self.spec.shape(name)
        if spec is None or spec.text is None:
            raise KeyError(f"layout '{self.spec.name}' has no text shape '{name}'")
        match = self.placeholder_for(name, fallback)
        return TextFrame(spec.box, match.insets if match is not None else spec.insets, spec.text)


@lazy_dataclass(frozen=True)
class TextFrame:
    """The box text is set in, the space kept free inside it, and how the text looks."""

    box: Box
    insets: Insets
    style: TextStyle

    @property
    def inner(self) -> Box:
        return self.box.inner(self.insets)


def footer_frames(resolved: ResolvedLayout, geometry: TemplateGeometry, master: MasterSpec,
                  fallback: bool | None = None) -> dict[str, tuple[TextFrame, bool]]:
    """The footer text's and slide number's frames on a slide of ``resolved``.

    Values are (frame, placeholder?): the layout's own footer placeholders when
    it has them, else text boxes where the master puts them (scaled when the
    template's slide has another size).
    """
    fallback = resolved.fallback if fallback is None else fallback
    out: dict[str, tuple[TextFrame, bool]] = {}
    for key, own, default in (("ftr", resolved.footer, master.footer),
                              ("sldNum", resolved.slide_number, master.slide_number)):
        if own is not None and not fallback:
            box = own.box or _master_box(geometry, key, default)
            out[key] = (TextFrame(box, own.insets, _style(default)), True)
        else:
            out[key] = (TextFrame(_master_box(geometry, key, default), default.insets, _style(default)), False)
    return out


def _style(shape: ShapeSpec) -> TextStyle:
    if shape.text is None:
        raise ValueError(f"the master's {shape.name} has no text style")
    return shape.text


def _master_box(geometry: TemplateGeometry, type_: str, default: ShapeSpec) -> Box:
    found = geometry.master_placeholder(type_)
    if found is not None and found.box is not None:
        return found.box
    size = geometry.size
    return default.box.scaled(size.width / WIDESCREEN.width, size.height / WIDESCREEN.height)


def scale_spec(spec: LayoutSpec, size: SlideSize, base: SlideSize = WIDESCREEN) -> LayoutSpec:
    """The generated geometry on a slide of another size."""
    if size == base:
        return spec
    sx, sy = size.width / base.width, size.height / base.height
    shapes = tuple(replace(s, box=s.box.scaled(sx, sy)) for s in spec.shapes)
    decorations = tuple(replace(d, box=d.box.scaled(sx, sy)) for d in spec.decorations)
    marks = tuple(replace(d, box=d.box.scaled(sx, sy)) for d in spec.title_marks)
    logo = replace(spec.logo, box=spec.logo.box.scaled(sx, sy)) if spec.logo else None
    variants = MappingProxyType({
        key: MappingProxyType({n: b.scaled(sx, sy) for n, b in boxes.items()})
        for key, boxes in spec.variants.items()
    })
    return replace(spec, shapes=shapes, decorations=decorations, title_marks=marks, logo=logo, variants=variants)


def match_placeholders(spec: LayoutSpec, layout: TemplateLayout) -> dict[str, PlaceholderGeometry]:
    """Shape name → the layout placeholder it uses (by name, then by type)."""
    matches: dict[str, PlaceholderGeometry] = {}
    claimed: set[int] = set()
    for shape in spec.shapes:
        if not shape.placeholder:
            continue
        found = layout.placeholder(shape.name)
        if found is not None and found.box is not None and id(found) not in claimed:
            matches[shape.name] = found
            claimed.add(id(found))
    named = {ph.name for ph in layout.placeholders}
    for shape in spec.shapes:
        if not shape.placeholder or shape.name in matches:
            continue
        for type_ in STAND_INS.get(shape.placeholder, (shape.placeholder,)):
            candidates = [
                ph for ph in sorted(layout.of_type(type_), key=lambda p: (p.idx, _distance(p, shape.box)))
                if id(ph) not in claimed and ph.box is not None
                and not (ph.name in named and spec.shape(ph.name) is not None)
            ]
            if candidates:
                matches[shape.name] = candidates[0]
                claimed.add(id(candidates[0]))
                break
    return matches


def _distance(placeholder: PlaceholderGeometry, box: Box) -> int:
    """How far a placeholder is from where the spec puts a shape: the tie-break when ``idx`` is gone."""
    if placeholder.box is None:
        return 0
    here = placeholder.box
    return abs(here.x - box.x) + abs(here.y - box.y) + abs(here.w - box.w) + abs(here.h - box.h)


def resolve_layout(spec: LayoutSpec, template: TemplateGeometry) -> ResolvedLayout:
    """The geometry ``spec``'s kind gets in ``template``."""
    scaled = scale_spec(spec, template.size)
    layout, how = template.for_kind(spec.kind, spec.name)
    if layout is None:
        blank = template.blank()
        return ResolvedLayout(scaled, None, MappingProxyType({}), size=template.size,
                              artwork=template.artwork(blank) if blank is not None else None)
    matches = match_placeholders(scaled, layout)
    boxes: dict[str, Box] = {name: ph.box for name, ph in matches.items() if ph.box is not None}
    # a box within LibreOffice's rounding of ours was not moved by a designer (a re-saved master)
    moved = frozenset(name for name, box in boxes.items() if not near(box, scaled.box(name)))
    footer = next(iter(layout.of_type("ftr")), None)
    number = next(iter(layout.of_type("sldNum")), None)
    return ResolvedLayout(scaled.with_boxes(boxes), layout.name, MappingProxyType(matches), moved, footer, number,
                          how, template.size, template.artwork(layout))


def resolve_all(specs: Mapping[str, LayoutSpec], template: TemplateGeometry) -> dict[str, ResolvedLayout]:
    return {kind: resolve_layout(spec, template) for kind, spec in specs.items()}
