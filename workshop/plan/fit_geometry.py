"""The geometry the deck will be drawn on, for the text fit: the designer's template or our master.

The renderer resolves the same layouts the same way (``resolve_layout``);
here the template is read with the standard zip reader and lxml only, after
the same safety checks, so ``workshop check`` needs no PowerPoint library.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workshop.errors import WorkshopError
from workshop.kinds import KINDS
from workshop.layouts import BLANK, MASTER, ResolvedLayout, TemplateGeometry, layouts_for, resolve_layout
from workshop.layouts.template import generated_geometry, read_template
from workshop.lazyclass import lazy_dataclass

if TYPE_CHECKING:
    from workshop.brand.model import Brand


@lazy_dataclass(frozen=True)
class DeckGeometry:
    geometry: TemplateGeometry
    layouts: dict[str, ResolvedLayout]  # kind → resolved layout (variants applied per slide)


_CACHE: dict[tuple[object, ...], DeckGeometry] = {}


def template_path(brand: Brand) -> Path | None:
    template = brand.settings.template
    if template is None:
        return None
    path = Path(template)
    return path if path.is_absolute() else Path(brand.folder) / path


def deck_geometry(brand: Brand) -> DeckGeometry:
    """Every kind's layout as the renderer will resolve it for ``brand`` (cached per template file)."""
    names = tuple(brand.layout_name(kind) for kind in KINDS)
    path = template_path(brand)
    if path is None:
        key: tuple[object, ...] = ("generated", names)
    else:
        if not path.is_file():
            raise WorkshopError(f"the brand's template '{path}' does not exist")
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size, names)
    found = _CACHE.get(key)
    if found is None:
        specs = layouts_for(brand)
        if path is None:
            geometry = generated_geometry(MASTER, {**specs, "blank": BLANK})
        else:
            from workshop.safety.templates import read_template as read_checked

            geometry = read_template(read_checked(path))
        found = DeckGeometry(geometry, {kind: resolve_layout(spec, geometry) for kind, spec in specs.items()})
        if len(_CACHE) > 16:
            _CACHE.clear()
        _CACHE[key] = found
    return found
