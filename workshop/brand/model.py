"""The loaded brand: one frozen value of nested, typed parts.

Loading (``workshop.brand.load``) turns a ``_brand.yml`` folder into a
``Brand`` with every default already resolved: the heading colour is a colour,
never "None, so use primary"; each typography role knows its family's files,
its CSS stack, weight, style, colour and line height; the logos know what to
draw when there is no image. Later stages read these values and decide
nothing about the brand themselves (black's ``Mode`` is the model: one value,
made once, read everywhere).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from workshop.errors import Location
from workshop.kinds import KINDS
from workshop.lazyclass import lazy_dataclass

TEXT_ROLES = (
    "title", "subtitle", "body", "statement", "quote", "attribution", "stat", "label",
    "caption", "table", "footer",
)


def _frozen(mapping: Mapping | None = None) -> Mapping:
    return MappingProxyType(dict(mapping or {}))


@lazy_dataclass(frozen=True)
class Meta:
    """``meta``: who the brand belongs to."""

    name: str  # meta.name.full (or the short name, or the folder name)
    short_name: str  # meta.name.short, else ``name``
    link: str | None = None  # meta.link.home


@lazy_dataclass(frozen=True)
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


@lazy_dataclass(frozen=True)
class TypeRole:
    """One typography role (``base``, ``headings``, ``monospace``), fully resolved."""

    family: FontFamily  # the files actually used
    stack: tuple[str, ...]  # the CSS font stack as the brand wrote it, then our fallback
    weight: int  # CSS weight; 600 and up draws with the family's bold face
    italic: bool
    color: str  # ``#RRGGBB`` on the brand background
    line_height: float | None  # multiple of the font size; None: each style keeps its designed spacing

    @property
    def bold(self) -> bool:
        return self.weight >= 600

    def file(self) -> Path:
        """The face that matches this role's weight and style."""
        return self.family.file(bold=self.bold, italic=self.italic)


BODY_WEIGHT = 400  # CSS weights when the brand names none
HEADING_WEIGHT = 700
BODY_LINE_HEIGHT = 1.45  # the handout's body spacing when the brand names none


@lazy_dataclass(frozen=True)
class Typography:
    base: TypeRole
    headings: TypeRole
    monospace: TypeRole
    link_color: str  # ``#RRGGBB``

    @classmethod
    def of(cls, family: FontFamily, colors: Colors) -> Typography:
        """One family for every role with the loader's defaults (a brand built in code)."""
        stack = (family.name,)
        return cls(
            base=TypeRole(family, stack, BODY_WEIGHT, False, colors.foreground, BODY_LINE_HEIGHT),
            headings=TypeRole(family, stack, HEADING_WEIGHT, False, colors.primary, None),
            monospace=TypeRole(family, stack, BODY_WEIGHT, False, colors.foreground, None),
            link_color=colors.primary,
        )


@lazy_dataclass(frozen=True)
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


_NEAREST = {"small": ("small", "medium", "large"), "medium": ("medium", "large", "small"),
            "large": ("large", "medium", "small")}


@lazy_dataclass(frozen=True)
class Logos:
    """``logo``: images by ``small``/``medium``/``large`` (``-dark`` for dark fills)."""

    images: Mapping[str, Logo] = field(default_factory=_frozen)
    wordmark: str = ""  # drawn as text where a logo would go and none could be loaded

    def get(self, size: str = "large", dark: bool = False) -> Logo | None:
        """The logo for ``size``, the nearest size if that one is missing.

        ``dark=True`` asks for the variant made for dark backgrounds (any size)
        and falls back to the plain one, as brand.yml does.
        """
        keys = [f"{s}-dark" for s in _NEAREST[size]] if dark else []
        keys += list(_NEAREST[size])
        for key in keys:
            if key in self.images:
                return self.images[key]
        return None


@lazy_dataclass(frozen=True)
class SizeRange:
    """Font sizes in points a text role may use; the fit shrinks from max to min."""

    max_pt: float
    min_pt: float


@lazy_dataclass(frozen=True)
class Colors:
    """Semantic colour roles as ``#RRGGBB``, and the named palette they came from."""

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
    palette: Mapping[str, str] = field(default_factory=_frozen, compare=False)

    def series(self) -> list[str]:
        """Chart series colours in order."""
        return [self.primary, self.secondary, self.tertiary, self.dark, self.info, self.warning]

    def text_on(self, fill: str, minimum: float = 4.5) -> str:
        """A readable text colour on ``fill``: the brand's own text colours first."""
        from workshop.brand.colors import readable_on

        return readable_on(fill, (self.foreground, self.light, self.dark, "#000000", "#FFFFFF"), minimum)


DEFAULT_SIZES = {
    "title": SizeRange(40, 24),
    "subtitle": SizeRange(24, 16),
    "body": SizeRange(24, 14),
    "statement": SizeRange(44, 24),
    "quote": SizeRange(36, 16),
    "attribution": SizeRange(18, 12),
    "stat": SizeRange(120, 54),
    "label": SizeRange(28, 16),
    "caption": SizeRange(14, 12),  # no slide text under 12 pt …
    "table": SizeRange(18, 12),
    "footer": SizeRange(11, 10),  # … but the footer and the slide number (10 pt at least)
}

#: The layout each kind uses when the brand names none (the kind registry's name for it).
DEFAULT_LAYOUT_NAMES = {kind: KINDS[kind].layout_name for kind in KINDS}


@lazy_dataclass(frozen=True)
class WorkshopSettings:
    """Our own settings from ``defaults: workshop:`` in ``_brand.yml``, complete."""

    template: Path | None = None
    layouts: Mapping[str, str] = field(default_factory=lambda: _frozen(DEFAULT_LAYOUT_NAMES))  # kind → name
    paper: Literal["A4", "letter"] = "A4"
    footer: str | None = None  # may use {client}, {date}, {title}
    sizes: Mapping[str, SizeRange] = field(default_factory=lambda: _frozen(DEFAULT_SIZES))
    overflow: Literal["continue", "error"] = "continue"
    minutes_per_slide: float = 2.0  # a block may hold at most minutes / this many slides
    max_minutes_without_break: int = 90
    embed_fonts: bool = True  # put the brand's faces in the .pptx (licence permitting)
    contact: tuple[str, ...] = ()  # lines on the handout's back cover (name, e-mail, phone)


@lazy_dataclass(frozen=True)
class Brand:
    name: str  # the brand folder's name
    folder: Path
    meta: Meta
    colors: Colors
    typography: Typography
    logos: Logos = field(default_factory=Logos)
    settings: WorkshopSettings = field(default_factory=WorkshopSettings)
    file: Path | None = None  # the _brand.yml it came from, for messages
    #: Where settings are written ("color", "color.primary", ...), for findings about them.
    places: Mapping[str, Location] = field(default_factory=_frozen, compare=False)

    def size(self, role: str) -> SizeRange:
        return self.settings.sizes[role]

    def layout_name(self, kind: str) -> str:
        """The layout slides of ``kind`` use (every registered kind is resolved when the brand loads;
        a kind registered after that, as in tests of the registry, takes its own default)."""
        layouts = self.settings.layouts
        return layouts[kind] if kind in layouts else KINDS[kind].layout_name
