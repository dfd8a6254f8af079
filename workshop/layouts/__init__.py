"""Slide geometry as plain data: the single source for the renderer and the text fit.

No PowerPoint library is imported here: ``default`` describes the generated
16:9 master, ``template`` reads a designer's template with the same types,
``resolve`` decides which box each named shape really gets, ``grids`` splits
composite areas (agenda rows, steps, quiz options, table columns),
``composite`` holds the type styles inside those areas, and ``paragraphs``
says how a paragraph is set: the deck draws exactly that and the text fit
measures exactly that. Which text goes where is planning (``workshop.plan.texts``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.kinds import KINDS
from workshop.layouts.default import BLANK, MASTER, SIZE, default_layout, default_layouts
from workshop.layouts.geometry import EMU_PER_INCH, EMU_PER_PT, Box, Insets, SlideSize, inch, pt, to_pt
from workshop.layouts.resolve import ResolvedLayout, resolve_all, resolve_layout
from workshop.layouts.spec import Decoration, LayoutSpec, LogoSpec, MasterSpec, ShapeSpec, TextStyle
from workshop.layouts.template import (
    PlaceholderGeometry, TemplateGeometry, TemplateLayout, generated_geometry, read_template,
)

if TYPE_CHECKING:
    from workshop.brand.model import Brand

__all__ = [
    "BLANK", "MASTER", "SIZE", "default_layout", "default_layouts", "EMU_PER_INCH", "EMU_PER_PT", "Box",
    "Insets", "SlideSize", "inch", "pt", "to_pt", "ResolvedLayout", "resolve_all", "resolve_layout",
    "Decoration", "LayoutSpec", "LogoSpec", "MasterSpec", "ShapeSpec", "TextStyle", "PlaceholderGeometry",
    "TemplateGeometry", "TemplateLayout", "generated_geometry", "read_template",
    "layouts_for",
]


def layouts_for(brand: Brand) -> dict[str, LayoutSpec]:
    """The generated layout of every kind, named as ``brand`` names them."""
    return default_layouts({kind: brand.layout_name(kind) for kind in KINDS})
