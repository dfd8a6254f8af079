"""What a layout holds, in words a designer uses: named shapes with a role and a box.

A ``LayoutSpec`` is plain data. The renderer builds PowerPoint layouts from it
and paints slides into it; the text fit measures text against the same boxes,
insets and paragraph spacing. Colours are *roles* (``primary``, ``on-primary``,
``tint-primary``, ``muted``, ``client``…), resolved against the brand by the
renderer, so one spec serves every brand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field, replace
from types import MappingProxyType
from typing import Literal

from workshop.layouts.geometry import Align, Anchor, Box, Insets, SlideSize
from workshop.lazyclass import lazy_dataclass

ShapeKind = Literal["text", "picture", "chart", "table", "area"]
Bullets = Literal["none", "bullet", "number"]

#: OOXML placeholder types a spec may ask for (``p:ph/@type``).
PLACEHOLDER_TYPES = ("title", "ctrTitle", "subTitle", "body", "pic", "chart", "tbl", "ftr", "sldNum", "dt")


@lazy_dataclass(frozen=True)
class TextStyle:
    """How text in a shape looks and flows; sizes come from the role (brand, fit)."""

    role: str  # one of workshop.brand.model.TEXT_ROLES
    font: Literal["heading", "body"] = "body"
    bold: bool = False
    italic: bool = False
    color: str = "foreground"  # colour role
    align: Align = "left"
    anchor: Anchor = "top"
    line_spacing: float = 1.0  # multiple of the font's single line height
    space_before: float = 0.0  # points before each paragraph but the first
    bullets: Bullets = "none"
    bullet_color: str = "secondary"
    indent: int = 0  # EMU from the left edge to the text of a level-1 bullet
    level_indent: int = 0  # EMU added per deeper level
    sub_scale: float = 0.86  # second-level bullets relative to the first: 14 pt body keeps them at 12 pt


@lazy_dataclass(frozen=True)
class ShapeSpec:
    """One placeholder or box of a layout, by its designer-facing shape name."""

    name: str  # the name in PowerPoint's selection pane: "Title", "Body", "Left Heading"…
    kind: ShapeKind
    box: Box
    placeholder: str | None = None  # OOXML ph type in the layout; None: slide-level shape
    text: TextStyle | None = None
    insets: Insets = field(default_factory=lambda: Insets(0, 45_720, 0, 45_720))
    fill: str | None = None  # colour role of the shape's own fill
    prompt: str = ""  # what goes here, shown to designers in the empty placeholder

    @property
    def role(self) -> str | None:
        return self.text.role if self.text else None


@lazy_dataclass(frozen=True)
class Decoration:
    """A fixed shape drawn on the layout in brand colours (bands, bars, marks)."""

    name: str
    geometry: Literal["rect", "ellipse", "roundRect", "line"]
    box: Box
    fill: str  # colour role (the line colour for "line")
    text: str | None = None  # e.g. the big quotation mark
    text_style: TextStyle | None = None
    size: float = 0.0  # points, for decoration text


@lazy_dataclass(frozen=True)
class LogoSpec:
    """Where the brand logo sits (its light or dark variant follows the fill behind it)."""

    box: Box
    align: Align = "left"


@lazy_dataclass(frozen=True)
class LayoutSpec:
    """One slide kind's layout: its name in the master and everything on it."""

    kind: str
    name: str
    shapes: tuple[ShapeSpec, ...]
    decorations: tuple[Decoration, ...] = ()
    title_marks: tuple[Decoration, ...] = ()  # drawn on the slide only when it has a title
    background: str | None = None  # colour role of a full-bleed background
    logo: LogoSpec | None = None  # a layout-level logo (replaces the master's)
    show_master: bool = True  # False: the master's logo and rules are hidden here
    footer: bool = True  # footer text and slide number on slides of this kind
    variants: Mapping[str, Mapping[str, Box]] = field(default_factory=lambda: MappingProxyType({}))

    def shape(self, name: str) -> ShapeSpec | None:
        for spec in self.shapes:
            if spec.name == name:
                return spec
        return None

    def box(self, name: str) -> Box:
        spec = self.shape(name)
        if spec is None:
            raise KeyError(f"layout '{self.name}' has no shape '{name}'")
        return spec.box

    @property
    def behind_logo(self) -> str:
        """The colour role under the layout's logo (the slide's background when nothing is drawn there)."""
        under = self.fill_under(self.logo.box) if self.logo is not None else None
        return under or self.background or "background"

    def fill_under(self, box: Box) -> str | None:
        """The colour role of the topmost filled shape or band under ``box``'s centre (None: the slide's)."""
        x, y = box.x + box.w // 2, box.y + box.h // 2
        filled = [(d.box, d.fill) for d in self.decorations if d.geometry != "line"]
        filled += [(s.box, s.fill) for s in self.shapes if s.fill]
        for under, fill in reversed(filled):
            if fill and fill != "none" and under.x <= x <= under.x + under.w and under.y <= y <= under.y + under.h:
                return fill
        return None

    @property
    def text_shapes(self) -> tuple[ShapeSpec, ...]:
        return tuple(s for s in self.shapes if s.text is not None)

    def with_boxes(self, boxes: Mapping[str, Box]) -> LayoutSpec:
        """The same layout with some shapes moved or resized."""
        shapes = tuple(replace(s, box=boxes[s.name]) if s.name in boxes else s for s in self.shapes)
        return replace(self, shapes=shapes)

    def variant(self, name: str | None, keep: frozenset[str] = frozenset()) -> LayoutSpec:
        """Apply a named variant ("chart", "answer", "untitled"); ``keep`` names stay put.

        ``keep`` holds the shapes a designer placed in their template: a variant
        never moves what the designer positioned.
        """
        if not name or name not in self.variants:
            return self
        return self.with_boxes({k: v for k, v in self.variants[name].items() if k not in keep})


@lazy_dataclass(frozen=True)
class MasterSpec:
    """The slide master: size, the shapes every layout inherits, and its decorations."""

    size: SlideSize
    title: ShapeSpec
    body: ShapeSpec
    footer: ShapeSpec
    slide_number: ShapeSpec
    logo: LogoSpec
    decorations: tuple[Decoration, ...] = ()
