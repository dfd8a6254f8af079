"""Register the brand's TrueType files with reportlab, once per process.

Each family's four files are registered as one reportlab font family, so the
``<b>``/``<i>`` our markup emits switch to the real bold and italic faces
instead of a faked slant. reportlab embeds TrueType fonts as subsets, so a PDF
carries only the glyphs it uses. Registration is cached by file, because a
batch of builds in one process should parse each font once; and a file that
passed before is parsed only when a PDF first draws with it (``ondemand``).
A file that passed as it is now (by its state: ``ondemand.known_file``) is not
even read to register it, so a cold PDF worker neither reads nor hashes the
brand's 2.9 MB of fonts (about 4 ms).
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Mapping
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from workshop.brand.fontfiles import MAX_FONT_BYTES
from workshop.brand.model import Brand, FontFamily
from workshop.brand.sfnt import NotAFont, check_outlines
from workshop.errors import Location, WorkshopError
from workshop.lazyclass import lazy_dataclass
from workshop.plan.measure import metrics_for
from workshop.render.pdf.ondemand import FontOnDemand, file_info, known_face_name, known_file, remember, remember_file
from workshop.safety.paths import read_regular_file

_STYLES = ("regular", "bold", "italic", "bold_italic")
_registered: dict[tuple[str, str], str] = {}  # (resolved path, style) → font name
_as_given: dict[tuple[str, str], str] = {}  # (path as the brand gives it, style) → font name
_names: dict[str, str] = {}  # font name → digest of the file it was registered from (its first 8 digits)
_digests: dict[str, str] = {}  # font name → SHA-256 of the file it was registered from
_files: dict[str, Path] = {}  # font name → its file (for coverage)
_families: dict[str, Family] = {}  # font name → the registered family it belongs to
_coverage: dict[str, Mapping[int, int]] = {}  # font name → its character map (asked once per character)
_mapped: dict[str, Family] = {}  # regular face → the family reportlab maps its <b>/<i> to
_generation = 0  # how many times a face's family mapping was made or changed


@lazy_dataclass(frozen=True)
class Family:
    """reportlab font names of one registered family."""

    regular: str
    bold: str
    italic: str
    bold_italic: str

    def face(self, bold: bool = False, italic: bool = False) -> str:
        if bold:
            return self.bold_italic if italic else self.bold
        return self.italic if italic else self.regular


@lazy_dataclass(frozen=True)
class FontSet:
    """The fonts a PDF uses: headings and body text, as brand.yml defines them."""

    heading: Family
    body: Family
    heading_face: str  # the heading face matching the brand's weight and style

    @property
    def chain(self) -> tuple[Family, ...]:
        """The brand's families, in the order a character falls back to them (``render.pdf.fallback``)."""
        return (self.heading, self.body)


def coverage(font_name: str) -> Mapping[int, int]:
    """The code points a registered font draws (its character map)."""
    found = _coverage.get(font_name)
    if found is None:
        found = _coverage[font_name] = metrics_for(str(_files[font_name])).cmap
    return found


_PRINTABLE_ASCII = range(0x20, 0x7F)
_draws_ascii: dict[str, bool] = {}  # font name → whether it draws every printable ASCII character


def draws_printable_ascii(font_name: str) -> bool:
    """Whether a registered font draws all of U+0020-U+007E (asked for every string drawn)."""
    found = _draws_ascii.get(font_name)
    if found is None:
        cmap = coverage(font_name)
        found = _draws_ascii[font_name] = all(code in cmap for code in _PRINTABLE_ASCII)
    return found


def family_of(font_name: str) -> Family | None:
    """The registered family of a face; None for reportlab's standard fonts (no fallback for them)."""
    return _families.get(font_name)


def digest_of(font_name: str) -> str | None:
    """The SHA-256 of the file a face was registered from; None for reportlab's standard fonts."""
    return _digests.get(font_name)


def style_of(font_name: str) -> tuple[bool, bool]:
    """(bold, italic) of a registered face within its family."""
    family = _families[font_name]
    return font_name in (family.bold, family.bold_italic), font_name in (family.italic, family.bold_italic)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _font_name(family: str, style: str, content_digest: str) -> str:
    """A stable PDF font name; the file's digest is added only to tell same-named files apart."""
    base = re.sub(r"[^A-Za-z0-9]+", "", family) or "Font"
    name = f"{base}-{style.title().replace('_', '')}"
    digest = content_digest[:8]
    if _names.get(name, digest) != digest:
        name = f"{name}-{digest}"
    _names[name] = digest
    return name


def _register(family: FontFamily, style: str) -> str:
    given = (str(getattr(family, style)), style)
    if given in _as_given:  # every paragraph asks for the fallback family: no filesystem call on a repeat
        return _as_given[given]
    path = Path(given[0])
    key = (str(path.resolve()), style)
    if key in _registered:
        _as_given[given] = _registered[key]
        return _registered[key]
    info = file_info(path, MAX_FONT_BYTES)  # taken before the file is read: a later change makes it unknown
    known = known_file(path, info) if info is not None else None
    if known is not None:  # passed as it is now: neither read, hashed nor checked again
        face_name, digest = known
        name = _font_name(family.name, style, digest)
        pdfmetrics.registerFont(FontOnDemand(name, key[0], face_name, digest))
    else:
        try:
            metrics_for(str(path))  # a damaged or hostile font is refused here, before reportlab reads it
        except WorkshopError as error:
            raise WorkshopError(f"the {style.replace('_', ' ')} font of '{family.name}': {error.message}",
                                error.location, error.hint) from None
        digest = _digest(path)
        name = _font_name(family.name, style, digest)
        what = f"the {style.replace('_', ' ')} font file of '{family.name}'"
        font = _pdf_font(name, path, digest, what)
        pdfmetrics.registerFont(font)
        if info is not None:
            remember_file(path, info, digest, font.face.name)
    _registered[key] = _as_given[given] = name
    _files[name] = path.resolve()
    _digests[name] = digest
    return name


def _pdf_font(name: str, path: Path, content_digest: str, what: str) -> TTFont:
    """The face read on first use when this file passed before (``ondemand``), else read and checked now."""
    face_name = known_face_name(content_digest)
    if face_name is not None:
        return FontOnDemand(name, str(path.resolve()), face_name, content_digest)
    font = open_pdf_font(name, path, what)
    remember(content_digest, font.face)
    return font


def open_pdf_font(name: str, path: Path, what: str) -> TTFont:
    """reportlab's reading of a font file, its failures turned into a WorkshopError naming the file."""
    try:
        check_outlines(read_regular_file(path, max_bytes=MAX_FONT_BYTES))
        return TTFont(name, str(path.resolve()))
    except (NotAFont, TTFError, OSError, ValueError, IndexError, KeyError, struct.error) as error:
        raise WorkshopError(
            f"{what} cannot be used in a PDF: {error}", Location(str(path)),
            hint="use a TrueType (.ttf) file; PostScript-flavoured .otf files are not supported by the PDF writer",
        ) from None


def families_generation() -> int:
    """Changes whenever reportlab's <b>/<i> mapping of a face changes: parsed markup depends on it."""
    return _generation


def register_family(family: FontFamily) -> Family:
    global _generation
    names = Family(*(_register(family, style) for style in _STYLES))
    if _mapped.get(names.regular) != names:
        _mapped[names.regular] = names
        _generation += 1
    # Map every face back to the family so <b>/<i> work whichever face a style starts from.
    pdfmetrics.registerFontFamily(
        names.regular, normal=names.regular, bold=names.bold,
        italic=names.italic, boldItalic=names.bold_italic,
    )
    for name in (names.regular, names.bold, names.italic, names.bold_italic):
        _families.setdefault(name, names)
    return names


def forget() -> None:
    """Register every face again from its file on the next use: the brand changed (``watch``).

    Registrations are kept by file path, so a designer saving a new version of
    a font over the old file while ``workshop watch`` runs would otherwise go
    on printing the old one. Names start afresh too, so the faces get the
    names a fresh process gives them and the PDFs are those of a plain build.
    """
    global _generation
    _unregister({*_registered.values(), *_as_given.values()})
    for table in (_registered, _as_given, _names, _digests, _files, _families, _coverage, _mapped, _draws_ascii):
        table.clear()
    _generation += 1  # parsed markup names faces by their family mapping: parse it again


def _unregister(names: set[str]) -> None:
    """Take these faces out of reportlab's registry.

    reportlab keeps the first font registered under a name (and under a
    face's own name), and silently ignores a later one, so a face registered
    again from a changed file would still draw with the old one.
    """
    registry, by_face = pdfmetrics._fonts, pdfmetrics._dynFaceNames
    dropped = [registry.pop(name) for name in names if name in registry]
    for face, font in list(by_face.items()):
        if any(font is gone for gone in dropped):
            del by_face[face]


def register_brand_fonts(brand: Brand) -> FontSet:
    heading = register_family(brand.typography.headings.family)
    body = register_family(brand.typography.base.family)
    face = heading.face(bold=brand.typography.headings.bold, italic=brand.typography.headings.italic)
    return FontSet(heading=heading, body=body, heading_face=face)
