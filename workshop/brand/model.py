"""The loaded brand, as plain frozen data every later stage reads.

Loading (``workshop.brand.load``) turns a ``_brand.yml`` folder into this; the
plan measures text with ``body``/``heading`` font files; renderers paint with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal, Mapping

from workshop.kinds import KINDS

TEXT_ROLES = (
    "title", "subtitle", "body", "statement", "quote", "attribution", "stat", "label",
    "caption", "table", "footer",
)


@dataclass(frozen=True)
class FontFamily:
    """One family with its four TrueType files (a missing style falls back to regular)."""

    name: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path
    fallbacks: tuple[str, ...] = ()  # styles with no file of their own ("bold", "italic", ...)

    def file(self, bold: bool = False, italic: bool = False) -> Path:
        """The file for a style, for renderers that think in bold/italic flags."""
        if bold:
            return self.bold_italic if italic else self.bold
        return self.italic if italic else self.regular


@dataclass(frozen=True)
class Logo:
    path: Path
    alt: str
    width: int = 0  # pixels, read from the file header when the brand is loaded
    height: int = 0
    format: str = ""  # "png" | "jpeg"
    data: bytes = field(default=b"", repr=False, compare=False)  # the checked bytes

    @property
    def aspect(self) -> float:
        """Width / height (1.0 when unknown), to size the logo without opening it."""
        return self.width / self.height if self.width and self.height else 1.0


@dataclass(frozen=True)
class SizeRange:
    """Font sizes in points a text role may use; the fit shrinks from max to min."""

    max_pt: float
    min_pt: float


@dataclass(frozen=True)
class Colors:
    """Semantic colour roles as ``#RRGGBB``."""

    foreground: str = "#1F2328"
    background: str = "#FFFFFF"
    primary: str = "#0B5FA5"
    secondary: str = "#E8643A"
    tertiary: str = "#2E9C8A"
    light: str = "#F3F5F7"
    dark: str = "#15202B"
    success: str = "#2E7D32"
    info: str = "#0277BD"
    warning: str = "#B26A00"
    danger: str = "#C62828"

    def series(self) -> list[str]:
        """Chart series colours in order."""
        return [self.primary, self.secondary, self.tertiary, self.dark, self.info, self.warning]

    def text_on(self, fill: str, minimum: float = 4.5) -> str:
        """A readable text colour on ``fill``: the brand's own text colours first."""
        from workshop.brand.colors import readable_on

        return readable_on(fill, (self.foreground, self.light, self.dark, "#000000", "#FFFFFF"), minimum)


def _frozen(mapping: Mapping | None = None) -> Mapping:
    return MappingProxyType(dict(mapping or {}))


DEFAULT_SIZES = {
    "title": SizeRange(40, 24),
    "subtitle": SizeRange(24, 16),
    "body": SizeRange(24, 14),
    "statement": SizeRange(44, 24),
    "quote": SizeRange(36, 16),
    "attribution": SizeRange(18, 12),
    "stat": SizeRange(120, 54),
    "label": SizeRange(28, 16),
    "caption": SizeRange(14, 10),
    "table": SizeRange(18, 10),
    "footer": SizeRange(10, 8),
}


@dataclass(frozen=True)
class WorkshopSettings:
    """Our own settings from ``defaults: workshop:`` in ``_brand.yml``."""

    template: Path | None = None
    layouts: Mapping[str, str] = field(default_factory=_frozen)  # slide kind → layout name
    paper: Literal["A4", "letter"] = "A4"
    footer: str | None = None  # may use {client}, {date}, {title}
    sizes: Mapping[str, SizeRange] = field(default_factory=lambda: _frozen(DEFAULT_SIZES))
    overflow: Literal["continue", "error"] = "continue"
    minutes_per_slide: float = 2.0  # a block may hold at most minutes / this many slides
    max_minutes_without_break: int = 90


@dataclass(frozen=True)
class Brand:
    name: str
    folder: Path
    title: str  # meta.name, for document properties
    colors: Colors
    heading: FontFamily
    body: FontFamily
    palette: Mapping[str, str] = field(default_factory=_frozen)
    mono: FontFamily | None = None
    logo: Logo | None = None  # the logo for light backgrounds
    logo_dark: Logo | None = None  # for dark backgrounds (falls back to logo)
    heading_color: str | None = None  # None: colors.primary
    link: str | None = None
    settings: WorkshopSettings = field(default_factory=WorkshopSettings)
    short_name: str | None = None  # meta.name.short
    heading_weight: int = 700  # typography.headings.weight; 600 and up use heading.bold
    heading_italic: bool = False  # typography.headings.style: italic
    line_height: float | None = None  # typography.base.line-height (unitless); None: renderer's own
    link_color: str | None = None  # typography.link.color
    logos: Mapping[str, Logo] = field(default_factory=_frozen)  # "small", "small-dark", "medium", ...
    file: Path | None = None  # the _brand.yml it came from, for messages

    @property
    def heading_bold(self) -> bool:
        return self.heading_weight >= 600

    def heading_file(self) -> Path:
        """The heading font file that matches the brand's heading weight and style."""
        return self.heading.file(bold=self.heading_bold, italic=self.heading_italic)

    def logo_for(self, size: str = "large", dark: bool = False) -> Logo | None:
        """A logo for ``size`` (small/medium/large), nearest size if that one is missing.

        ``dark=True`` asks for the variant made for dark backgrounds (any size)
        and falls back to the plain or light one, as brand.yml does.
        """
        order = {"small": ("small", "medium", "large"), "medium": ("medium", "large", "small"),
                 "large": ("large", "medium", "small")}[size]
        keys = [f"{s}-dark" for s in order] if dark else []
        keys += list(order)
        for key in keys:
            if key in self.logos:
                return self.logos[key]
        return self.logo_dark if dark and self.logo_dark else self.logo

    def size(self, role: str) -> SizeRange:
        return self.settings.sizes.get(role) or DEFAULT_SIZES[role]

    def layout_name(self, kind: str) -> str:
        """The layout slides of ``kind`` use: the brand's own name for it, else the kind's default."""
        return self.settings.layouts.get(kind) or KINDS[kind].layout_name
