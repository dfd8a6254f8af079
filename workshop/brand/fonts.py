"""Find a family's Regular, Bold, Italic and Bold Italic TrueType files.

The font's own name table decides what a file is (typographic family and
subfamily, nameID 16/17, falling back to 1/2; weight and italic from OS/2),
never its file name, which designers and foundries spell freely. File names
only pre-filter which fonts are opened, and everything read is cached for the
process, so a batch of builds pays for font discovery once.

Missing styles fall back instead of failing, and say so as a ``Finding``:
Bold and Italic fall back to Regular; Bold Italic to Bold, then Italic, then
Regular. A missing family is a ``WorkshopError`` that says where we looked.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from workshop.brand import fontfiles
from workshop.brand.fontfiles import MAX_FONT_BYTES, Place, name_matches, normalise
from workshop.brand.model import FontFamily
from workshop.errors import Finding, Location, WorkshopError
from workshop.lazyclass import lazy_dataclass

STYLES = ("regular", "bold", "italic", "bold_italic")
_STYLE_WORDS = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bold_italic": "Bold Italic"}


@lazy_dataclass(frozen=True)
class Face:
    """What one font file says about itself."""

    path: Path
    family: str  # typographic family (nameID 16, else 1)
    subfamily: str  # typographic subfamily (nameID 17, else 2)
    legacy_family: str  # nameID 1: the name Windows and PowerPoint know the file by
    legacy_style: str  # nameID 2: Regular, Bold, Italic or Bold Italic
    weight: int  # OS/2 usWeightClass
    italic: bool
    variable: bool = False
    problem: str | None = None  # why reportlab could not use it (None: usable)


@lazy_dataclass(frozen=True)
class DeclaredFile:
    """A font file named in ``typography.fonts[].files`` (already confined and size-checked)."""

    path: Path
    weight: int | None = None  # None: "auto", read from the font
    italic: bool | None = None
    location: Location | None = None


def read_face(path: Path) -> Face | None:
    """The face in ``path``, or None when it is not a readable font at all."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    if stat.st_size > MAX_FONT_BYTES:
        return None
    return _read_face(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4096)
def _read_face(path: str, _mtime: int, _size: int) -> Face | None:
    from workshop.brand.sfnt import NotAFont, read_font_info_file

    try:  # the directory and three small tables, not the whole file (issue 18)
        info = read_font_info_file(Path(path), max_bytes=MAX_FONT_BYTES)
    except (OSError, NotAFont, struct.error, KeyError):
        return None
    names = info.names
    family = names.get(16) or names.get(1) or ""
    subfamily = names.get(17) or names.get(2) or ""
    legacy_family = names.get(1) or family
    legacy_style = names.get(2) or subfamily
    problem = None
    if "glyf" not in info.tables:
        problem = "has PostScript (CFF) outlines; reportlab needs TrueType outlines"
    if info.weight is not None:
        weight = int(info.weight)
        italic = bool((info.fs_selection or 0) & 0b1000000001)  # ITALIC or OBLIQUE
        fs_type = info.fs_type or 0
        if fs_type == 0x0002 or fs_type & 0x0300:
            problem = problem or "its licence flags forbid embedding it in a PDF"
    else:
        style = legacy_style.casefold()
        weight = 700 if "bold" in style else 400
        italic = bool((info.mac_style or 0) & 0b10) or "italic" in style
    if not family:
        return None
    return Face(Path(path), family, subfamily, legacy_family, legacy_style,
                weight, italic, "fvar" in info.tables, problem)


def resolve_family(
    family: str,
    brand_folder: Path | None,
    *,
    location: Location | None = None,
    declared: Sequence[DeclaredFile] = (),
    places: Sequence[Place] | None = None,
    thorough: bool = True,
    weight: int = 400,
) -> tuple[FontFamily, list[Finding]]:
    """The four files of ``family``, searching declared files, then each place in order.

    ``weight`` is the CSS weight of plain text (``typography.base.weight``):
    the face nearest to it becomes "regular", as a browser would choose.

    The first place that has the family supplies all of its styles, so a
    family is never stitched together from two different installs. Only
    files whose names look like the family are opened; when none match,
    ``thorough`` reads every font's name table once (cached) before giving up.
    """
    findings: list[Finding] = []
    if declared:
        faces = _declared_faces(family, declared, findings, location)
        if faces:
            return _assemble(family, faces, location, findings, "the files listed in _brand.yml", weight)
    searched: list[Place] = []  # the places looked at; all of them once the first pass is through
    unusable: list[Face] = []
    for place in places if places is not None else fontfiles.iter_places(brand_folder):
        searched.append(place)
        candidates = place.fonts
        if not place.read_all:
            candidates = tuple(p for p in candidates if name_matches(p, family))
        faces = _matching(family, candidates)
        usable = [f for f in faces if f.problem is None]
        unusable += [f for f in faces if f.problem is not None]
        if usable:
            return _assemble(family, usable, location, findings, place.label, weight)
    # File names can lie (``times.ttf``); one full read of every name table, cached.
    for place in searched if thorough else ():
        faces = _matching(family, place.fonts)
        usable = [f for f in faces if f.problem is None]
        unusable += [f for f in faces if f.problem is not None]
        if usable:
            return _assemble(family, usable, location, findings, place.label, weight)
    raise _not_found(family, searched, unusable, location, suggest=thorough)


def _matching(family: str, paths: Iterable[Path]) -> list[Face]:
    """Faces whose typographic family is ``family``; else those whose legacy family is."""
    wanted = normalise(family)
    faces = [face for face in map(read_face, paths) if face is not None]
    typographic = [f for f in faces if normalise(f.family) == wanted]
    if typographic:
        return typographic
    legacy = [f for f in faces if normalise(f.legacy_family) == wanted]
    # A legacy family ("Lato Black") holds at most four RIBBI faces: trust nameID 2.
    return [
        Face(f.path, f.legacy_family, f.legacy_style, f.legacy_family, f.legacy_style,
             700 if "bold" in f.legacy_style.casefold() else 400,
             "italic" in f.legacy_style.casefold() or "oblique" in f.legacy_style.casefold(),
             f.variable, f.problem)
        for f in legacy
    ]


def _declared_faces(
    family: str, declared: Sequence[DeclaredFile], findings: list[Finding], location: Location | None
) -> list[Face]:
    faces = []
    for item in declared:
        face = read_face(item.path)
        if face is None:
            raise WorkshopError(
                f"the font file '{item.path.name}' is not a font we can read",
                item.location or location,
                hint="use the .ttf file from the font's download; .otf, .woff and .woff2 do not work",
            )
        if face.problem:
            raise WorkshopError(f"the font file '{item.path.name}' {face.problem}",
                                item.location or location,
                                hint="use a TrueType (.ttf) version of the font")
        if normalise(face.family) != normalise(family) and normalise(face.legacy_family) != normalise(family):
            findings.append(Finding(
                "brand-font-name",
                f"the file '{item.path.name}' says its family is '{face.family}', not '{family}'; "
                f"PowerPoint will look for '{face.legacy_family}'",
                item.location or location,
            ))
        weight = item.weight if item.weight is not None else face.weight
        italic = item.italic if item.italic is not None else face.italic
        faces.append(Face(face.path, face.family, face.subfamily, face.legacy_family,
                          face.legacy_style, weight, italic, face.variable, None))
    return faces


def _assemble(
    family: str, faces: list[Face], location: Location | None, findings: list[Finding], where: str,
    weight: int = 400,
) -> tuple[FontFamily, list[Finding]]:
    regular = _pick(faces, italic=False, target=weight) or _pick(faces, italic=True, target=weight)
    assert regular is not None  # faces is never empty here
    bold = _pick([f for f in faces if f.weight >= 600 and f.weight > regular.weight], False, 700)
    italic = _pick([f for f in faces if f.weight < 600], True, regular.weight)
    bold_italic = _pick([f for f in faces if f.weight >= 600], True, 700)
    if regular.italic:
        italic = italic or regular
    chosen = {"regular": regular, "bold": bold, "italic": italic, "bold_italic": bold_italic}
    if regular.variable:
        findings.append(Finding(
            "brand-font-variable",
            f"'{family}' is a variable font ({regular.path.name}); PDFs show only its default "
            "weight, so bold may look like regular",
            location,
            details={"family": family, "file": str(regular.path)},
        ))
    fallback_order = {
        "bold": ("regular",),
        "italic": ("regular",),
        "bold_italic": ("bold", "italic", "regular"),
    }
    missing = []
    filled: dict[str, Face] = {"regular": regular}
    for style, order in fallback_order.items():
        own = chosen[style]
        if own is None:
            missing.append(style)
            own = next(face for face in (chosen[o] for o in order) if face is not None)
        filled[style] = own
    if missing:
        findings.append(Finding(
            "brand-font-style",
            f"'{family}' has no " + " or ".join(_STYLE_WORDS[s] for s in missing)
            + f" in {where}; "
            + "; ".join(f"{_STYLE_WORDS[s]} text uses {filled[s].path.name}" for s in missing),
            location,
            details={"family": family, "missing": missing},
        ))
    result = FontFamily(
        name=regular.legacy_family,
        regular=regular.path,
        bold=filled["bold"].path,
        italic=filled["italic"].path,
        bold_italic=filled["bold_italic"].path,
        fallbacks=tuple(missing),
    )
    return result, findings


def _pick(faces: Sequence[Face], italic: bool, target: int) -> Face | None:
    pool = [f for f in faces if f.italic == italic]
    if not pool:
        return None
    static = [f for f in pool if not f.variable] or pool
    # Closest weight wins; on a tie the heavier one (CSS does the same above 400).
    return min(static, key=lambda f: (abs(f.weight - target), -f.weight, str(f.path)))


def _not_found(
    family: str, places: Sequence[Place], unusable: list[Face], location: Location | None,
    suggest: bool = True,
) -> WorkshopError:
    where = "; ".join(place.label for place in places)
    message = f"the font family '{family}' is not installed (searched {where})"
    others = [p.name for place in places for p in place.others if name_matches(p, family)]
    if unusable:
        message += f". Found {unusable[0].path.name}, but it {unusable[0].problem}"
    elif others:
        message += f". Found only {', '.join(sorted(set(others))[:3])}, which are not TrueType (.ttf)"
    # Every name table was read by the full scan before we got here: this is cached.
    known = sorted({f.family for place in places for p in place.fonts
                    if (f := read_face(p)) is not None}) if suggest else []
    import difflib  # only for a family that is missing: 5 ms of every cold start otherwise

    close = difflib.get_close_matches(family, known, n=3, cutoff=0.6)
    hint = (
        f"put the TrueType (.ttf) files of '{family}' (Regular, Bold, Italic, Bold Italic) in the "
        f"brand folder, or pip install a font package that ships them (PyPI font packages are "
        f"named like font-lato), or choose a family that is installed"
    )
    if close:
        hint = f"did you mean {' or '.join(repr(c) for c in close)}? Otherwise {hint}"
    return WorkshopError(message, location, hint=hint)


def clear_caches() -> None:
    from workshop.brand import eot

    _read_face.cache_clear()
    eot.clear_caches()
    fontfiles.clear_caches()
