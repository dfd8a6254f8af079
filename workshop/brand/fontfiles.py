"""Where font files live: the brand folder, pip font packages, system folders.

Only file *names* are listed here (cheap, cached per process); reading a
font's own name table is ``fonts.py``'s job and happens only for files whose
name already looks like the family asked for. Font packages (``font-lato``,
``font-rhd``, ...) are found from their installed distribution metadata, the
``font_*.dist-info/RECORD`` file list, without importing them (so a brand load
never runs third-party code). We read RECORD directly rather than through
``importlib.metadata``: that module alone costs ~12 ms of cold start, and
RECORD is the same list it would give us.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from workshop.lazyclass import lazy_dataclass
from workshop.safety.paths import file_problem

FONT_SUFFIXES = (".ttf",)  # reportlab embeds TrueType outlines only
OTHER_FONT_SUFFIXES = (".otf", ".ttc", ".otc", ".woff", ".woff2")
MAX_FILES_PER_PLACE = 20_000  # a runaway font folder must not stall a build
MAX_DEPTH = 6
MAX_FONT_BYTES = 40 * 1024 * 1024  # larger than any real font family file

_DIST_INFO = re.compile(r"^font[-_].+\.dist-info$", re.IGNORECASE)


def system_font_dirs() -> tuple[Path, ...]:
    """The folders this desktop (Linux, macOS or Windows) keeps user and system fonts in."""
    from workshop.platforms import font_dirs

    return font_dirs()


@lazy_dataclass(frozen=True)
class Place:
    """One place fonts are searched, with a label a designer understands."""

    label: str
    fonts: tuple[Path, ...]  # TrueType files
    others: tuple[Path, ...] = ()  # .otf/.woff/... files: listed to explain a miss
    read_all: bool = False  # open every font, not only those whose file name matches


def normalise(name: str) -> str:
    """``Red Hat Display`` and ``RedHatDisplay-Bold.ttf`` share ``redhatdisplay``."""
    return re.sub(r"[^0-9a-z]", "", name.casefold())


def name_matches(path: Path, family: str) -> bool:
    """Cheap pre-filter: does the file name start with the family's name?"""
    return normalise(path.stem).startswith(normalise(family))


def brand_place(folder: Path) -> Place:
    """The brand's own fonts; a symlink that leads out of the brand folder is not one of them."""
    fonts, others = _walk(str(Path(folder).resolve()), confine=True)
    return Place(f"the brand folder ({folder})", fonts, others, read_all=True)  # small: read all


def shipped_place() -> Place:
    """Fonts that ship inside workshop itself (Lato 2.0, the Noto Sans fallback); see data/fonts/README.md."""
    from workshop.brand.shipped_fonts import SHIPPED_FONTS

    fonts, others = _walk(str(SHIPPED_FONTS))
    return Place("the fonts shipped with workshop", fonts, others)


def package_place() -> Place:
    names, fonts, others = _package_fonts()
    label = "installed font packages"
    label += f" ({', '.join(names)})" if names else " (none installed)"
    return Place(label, fonts, others)


def system_places() -> list[Place]:
    places = []
    for folder in system_font_dirs():
        fonts, others = _walk(str(folder))
        places.append(Place(f"the system font folder {folder}", fonts, others))
    return places


def all_places(brand_folder: Path | None) -> list[Place]:
    """Every place in search order: brand folder, shipped fonts, font packages, system folders."""
    return list(iter_places(brand_folder))


def iter_places(brand_folder: Path | None) -> Iterator[Place]:
    """``all_places``, each place listed only when the search reaches it.

    A family found in the brand folder or a font package never walks the
    system font folders (thousands of files on a designer's machine).
    """
    if brand_folder is not None:
        yield brand_place(brand_folder)
    yield shipped_place()
    yield package_place()
    yield from system_places()


def clear_caches() -> None:
    _walk.cache_clear()
    _package_fonts.cache_clear()


@lru_cache(maxsize=64)
def _walk(root: str, confine: bool = False) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """Font files under ``root`` (sorted, so the same folder always gives the same choice).

    Only regular files are listed (a FIFO or device named ``*.ttf`` would hang
    the read); with ``confine``, a symlink whose target leaves ``root`` is left
    out too. Links to folders are never followed.
    """
    fonts: list[Path] = []
    others: list[Path] = []
    if not os.path.isdir(root):
        return (), ()
    base_depth = root.rstrip(os.sep).count(os.sep)
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        if dirpath.count(os.sep) - base_depth >= MAX_DEPTH:
            dirnames[:] = []
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            suffix = os.path.splitext(filename)[1].lower()
            if suffix not in FONT_SUFFIXES and suffix not in OTHER_FONT_SUFFIXES:
                continue
            path = Path(dirpath, filename)
            if file_problem(path, root=Path(root) if confine else None, max_bytes=MAX_FONT_BYTES):
                continue
            (fonts if suffix in FONT_SUFFIXES else others).append(path)
        if len(fonts) + len(others) > MAX_FILES_PER_PLACE:
            break
    return tuple(fonts), tuple(others)


@lru_cache(maxsize=1)
def _package_fonts() -> tuple[tuple[str, ...], tuple[Path, ...], tuple[Path, ...]]:
    """Names and font files of installed ``font-*`` distributions, from their RECORD."""
    names: list[str] = []
    fonts: list[Path] = []
    others: list[Path] = []
    seen: set[str] = set()
    for entry in sys.path:
        try:
            listing = sorted((e for e in os.scandir(entry or ".") if _DIST_INFO.match(e.name)), key=lambda e: e.name)
        except OSError:
            continue
        for item in listing:
            if not item.is_dir():
                continue
            name = item.name.split("-")[0].lower().replace("_", "-")
            if name in seen:  # an earlier sys.path entry wins, as for imports
                continue
            seen.add(name)
            names.append(name)
            for relative in _record(Path(item.path)):
                suffix = os.path.splitext(relative)[1].lower()
                if suffix in FONT_SUFFIXES or suffix in OTHER_FONT_SUFFIXES:
                    path = Path(os.path.normpath(os.path.join(entry or ".", relative)))
                    (fonts if suffix in FONT_SUFFIXES else others).append(path)
    return tuple(names), tuple(fonts), tuple(others)


def _record(dist_info: Path) -> list[str]:
    """File paths (relative to site-packages) listed in a wheel's RECORD (a CSV file: path, hash, size)."""
    try:
        with open(dist_info / "RECORD", encoding="utf-8", newline="") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return []
    if '"' in text or "\0" in text:  # quoted paths: the csv module's job (it costs 0.6 ms to import)
        import csv
        import io

        try:
            return [row[0] for row in csv.reader(io.StringIO(text, newline="")) if row]
        except csv.Error:
            return []
    # Unquoted, a row is a line (ended as csv ends rows) and the path is its first field.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line.split(",", 1)[0] for line in lines if line]
