"""Where a brand name is looked up, in order, and what each place holds.

1. a path given to ``--brand`` (a brand folder or its ``_brand.yml``);
2. the project's own brands folder (``assets/brands`` or ``brands`` in the config);
3. the user's brands folder (``platforms.user_brands_dir()``);
4. the brands installed with the package (``workshop.brands``, read through
   the import system; in the source tree that package *is*
   ``assets/brands``, mapped at build time, see docs/architecture.md).

The first place with a folder of that name that holds a ``_brand.yml`` wins,
so a project can restyle ``default`` without touching the installation.
"""

from __future__ import annotations

import re
from pathlib import Path

from workshop.config import Project, load_project
from workshop.errors import Location, WorkshopError
from workshop.lazyclass import lazy_dataclass

BRAND_FILE = "_brand.yml"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@lazy_dataclass(frozen=True)
class BrandRoot:
    """One folder of brand folders, with the word ``workshop brands`` shows for it."""

    kind: str  # "project", "user" or "installed"
    folder: Path


@lazy_dataclass(frozen=True)
class FoundBrand:
    name: str
    root: BrandRoot
    file: Path
    shadows: tuple[BrandRoot, ...] = ()  # later places with the same name, not used


def installed_brands_dir() -> Path | None:
    """The brands shipped in the package, as a real folder (wheels install unzipped).

    Found through the import system's spec of ``workshop.brands`` (its search
    location), which needs neither importing that package nor
    ``importlib.resources``: shell completion asks for brand names on every
    <TAB>, so this stays light.
    """
    from importlib.util import find_spec

    try:
        spec = find_spec("workshop.brands")
    except (ImportError, ValueError):
        spec = None
    for location in (spec.submodule_search_locations or []) if spec is not None else []:
        shipped = Path(location)
        if shipped.is_dir():
            return shipped
    # A source tree run without installing it (PYTHONPATH=., or an editable install made
    # before the mapping existed): the brands sit next to the package.
    import workshop

    checkout = Path(workshop.__file__).resolve().parents[1] / "assets" / "brands"
    return checkout if checkout.is_dir() else None


def brand_roots(project: Project | None = None) -> list[BrandRoot]:
    """Places 2-4 above, in lookup order, without repeats (same real folder once)."""
    from workshop.platforms import user_brands_dir

    config = project if project is not None else load_project()
    roots = [BrandRoot("project", config.brands), BrandRoot("user", user_brands_dir())]
    installed = installed_brands_dir()
    if installed is not None:
        roots.append(BrandRoot("installed", installed))
    unique: dict[Path, BrandRoot] = {}
    for root in roots:
        unique.setdefault(root.folder.resolve(), root)
    return list(unique.values())


def found_brands(project: Project | None = None) -> list[FoundBrand]:
    """Every brand a name can reach, in lookup order; names taken by an earlier place shadow later ones."""
    found: dict[str, FoundBrand] = {}
    for root in brand_roots(project):
        if not root.folder.is_dir():
            continue
        for folder in sorted(root.folder.iterdir()):
            file = folder / BRAND_FILE
            if not _NAME.match(folder.name) or not file.is_file():
                continue
            first = found.get(folder.name)
            if first is None:
                found[folder.name] = FoundBrand(folder.name, root, file)
            else:
                found[folder.name] = FoundBrand(first.name, first.root, first.file, first.shadows + (root,))
    return list(found.values())


def available_brands(project: Project | None = None) -> list[str]:
    """Names ``--brand`` accepts, in lookup order, without duplicates."""
    return [brand.name for brand in found_brands(project)]


def looks_like_path(name_or_path: str | Path) -> bool:
    text = str(name_or_path)
    return (isinstance(name_or_path, Path) or "/" in text or "\\" in text
            or text.endswith((".yml", ".yaml")) or text in (".", ".."))


def find_brand_file(name_or_path: str | Path = "default", project: Project | None = None) -> Path:
    """The ``_brand.yml`` a brand name or a folder/file path stands for."""
    text = str(name_or_path)
    if looks_like_path(name_or_path) or not _NAME.match(text):
        return _brand_path(text)
    roots = brand_roots(project)
    for root in roots:
        candidate = root.folder / text / BRAND_FILE
        if candidate.is_file():
            return candidate
    if Path(text).is_dir() and (Path(text) / BRAND_FILE).is_file():  # a bare folder name in the working folder
        return Path(text) / BRAND_FILE
    from workshop.suggest import did_you_mean

    known = available_brands(project)
    hint = did_you_mean(text, known) if known else "no brands are installed"
    raise WorkshopError(
        f"unknown brand '{text}'",
        hint=f"{hint}. Brands are folders with a {BRAND_FILE} in "
        + ", ".join(f"{r.folder} ({r.kind})" for r in roots)
        + "; `workshop brands` lists them; you can also give a folder path",
    )


def brand_folder(name_or_path: str | Path = "default") -> Path:
    """The folder a brand name or path stands for (what ``workshop watch`` watches)."""
    return find_brand_file(name_or_path).resolve().parent


def _brand_path(text: str) -> Path:
    path = Path(text).expanduser()
    if path.is_dir():
        if (path / BRAND_FILE).is_file():
            return path / BRAND_FILE
        raise WorkshopError(f"the folder '{text}' has no {BRAND_FILE}", Location(text),
                            hint=f"a brand folder holds a {BRAND_FILE} file; see docs/brand.md")
    if path.is_file():
        return path
    raise WorkshopError(f"brand file or folder '{text}' not found", Location(text),
                        hint="`workshop brands` lists the brands found by name")


def brand_listing(project: Project | None = None) -> list[str]:
    """What ``workshop brands`` prints: each brand with where it comes from, then the places searched."""
    from workshop.console import shown

    roots = brand_roots(project)
    brands = found_brands(project)
    width = max([len(b.name) for b in brands] + [4])
    lines = ["brands by name (the first place that has a name wins):"]
    for brand in brands:
        hidden = f"  (hides the {', '.join(r.kind for r in brand.shadows)} one)" if brand.shadows else ""
        lines.append(f"  {brand.name:<{width}}  {brand.root.kind:<9}  {shown(brand.file.parent)}{hidden}")
    if not brands:
        lines.append("  none found")
    lines.append("searched, in order (a path given to --brand comes first):")
    for root in roots:
        state = "" if root.folder.is_dir() else "  (does not exist)"
        lines.append(f"  {root.kind:<9}  {shown(root.folder)}{state}")
    return lines
