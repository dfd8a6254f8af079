"""LibreOffice for tests: the brand fonts made visible to it, many decks converted in one call.

LibreOffice finds fonts through fontconfig. The brand fonts that install
with pip (``font_lato``, ``font_rhd``… in site-packages) are not in any
folder fontconfig searches, so without help LibreOffice measures and draws
with a substitute font and every text-fit test would test the wrong thing.
``fonts_conf`` writes a ``fonts.conf`` that includes the system
configuration and adds the brand font folders; ``convert`` runs ``soffice``
with ``FONTCONFIG_FILE`` pointing at it, converting every deck in one
process (starting LibreOffice costs seconds; CI has two cores).
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable
from xml.sax.saxutils import escape

from workshop.errors import Severity

EMU_PER_PT = 12_700
TOLERANCE = 1.5  # points: a glyph's box may touch its shape's edge

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOPPM = shutil.which("pdftoppm")
MISSING = (
    None if SOFFICE and PDFTOPPM
    else "LibreOffice (soffice) and poppler (pdftoppm) are needed; .ci/run installs libreoffice-impress "
         "and poppler-utils"
)
SYSTEM_CONF = Path("/etc/fonts/fonts.conf")


def font_folders(brands: Iterable) -> list[Path]:
    """Every folder holding a font file of ``brands`` (heading, body and mono families)."""
    folders: dict[Path, None] = {}
    for brand in brands:
        t = brand.typography
        for family in (t.headings.family, t.base.family, t.monospace.family):
            for path in (family.regular, family.bold, family.italic, family.bold_italic):
                folders.setdefault(Path(path).resolve().parent)
    return list(folders)


def fonts_conf(brands: Iterable, folder: Path, aliases: dict[str, str] | None = None,
               brand_fonts: bool = True) -> Path:
    """A fontconfig file: the system's configuration plus the brand font folders.

    ``brand_fonts=False`` leaves the brand folders out, as on a computer without the
    brand fonts; ``aliases`` then maps each brand family to the font a viewer would
    substitute (a family that fontconfig does not have is replaced by it).
    """
    folder.mkdir(parents=True, exist_ok=True)
    lines = ['<?xml version="1.0"?>', '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">', "<fontconfig>"]
    if SYSTEM_CONF.is_file():
        lines.append(f"  <include ignore_missing=\"yes\">{escape(str(SYSTEM_CONF))}</include>")
    if brand_fonts:
        lines += [f"  <dir>{escape(str(path))}</dir>" for path in font_folders(brands)]
    else:  # keep the fonts pip installed out of sight, whatever the system configuration says
        lines += [f"  <selectfont><rejectfont><glob>{escape(str(path))}/*</glob></rejectfont></selectfont>"
                  for path in font_folders(brands)]
    for family, substitute in (aliases or {}).items():
        lines += ["  <match target=\"pattern\">",
                  f"    <test name=\"family\" qual=\"any\"><string>{escape(family)}</string></test>",
                  f"    <edit name=\"family\" mode=\"assign\" binding=\"strong\"><string>{escape(substitute)}"
                  "</string></edit>",
                  "  </match>"]
    lines.append(f"  <cachedir>{escape(str(folder / 'fontcache'))}</cachedir>")
    lines.append("</fontconfig>")
    conf = folder / "fonts.conf"
    conf.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return conf


def substitution_aliases(brands: Iterable) -> dict[str, str]:
    """Each brand family → the Liberation font of its declared fallback (what the fit measures with)."""
    from workshop.plan.substitutes import SANS, is_serif, role_stack, substitute_family

    names = {SANS: "Liberation Sans"}
    aliases = {}
    for brand in brands:
        for heading, family in ((True, brand.typography.headings.family), (False, brand.typography.base.family)):
            found = substitute_family(role_stack(brand, heading), is_serif(str(family.regular)))
            aliases[family.name] = names.get(found, "Liberation Serif")
    return aliases


def office_env(conf: Path, home: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = str(conf)
    if home is not None:  # a throw-away HOME: no user fonts, no user fontconfig
        env["HOME"] = str(home)
        env.pop("XDG_CONFIG_HOME", None)
        env.pop("XDG_DATA_HOME", None)
    env.pop("SAL_USE_VCLPLUGIN", None)
    return env


FONT_MODES = ("brand", "substitute", "default")


def convert(decks: list[Path], outdir: Path, brands: Iterable, *, timeout: int = 600,
            fonts: str = "brand") -> list[Path]:
    """Convert ``decks`` to PDF in ``outdir`` with one ``soffice`` process; the PDF paths, in order.

    ``fonts``: ``brand`` makes the brand fonts visible; ``substitute`` hides them and maps
    each family to its metric-compatible Liberation font (in a throw-away HOME);
    ``default`` hides them and leaves the choice to fontconfig (DejaVu Sans here).
    """
    if SOFFICE is None:
        raise RuntimeError(MISSING)
    brands = list(brands)
    outdir.mkdir(parents=True, exist_ok=True)
    work = outdir / ".office"
    home = None
    if fonts == "brand":
        conf = fonts_conf(brands, work)
    else:
        home = work / "home"
        conf = fonts_conf(brands, home / ".config" / "fontconfig", brand_fonts=False,
                          aliases=substitution_aliases(brands) if fonts == "substitute" else None)
    profile = (work / "profile").resolve().as_uri()
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
         "--outdir", str(outdir), *map(str, decks)],
        capture_output=True, text=True, timeout=timeout, env=office_env(conf, home),
    )
    pdfs = [outdir / (Path(deck).stem + ".pdf") for deck in decks]
    missing = [p.name for p in pdfs if not p.is_file()]
    if missing:
        raise RuntimeError(f"LibreOffice did not write {missing}: {result.stdout}\n{result.stderr}")
    return pdfs


def to_png(pdf: Path, outdir: Path, resolution: int = 50) -> list[Path]:
    """One PNG per page (``pdftoppm -png -r``), for looking at a deck."""
    outdir.mkdir(parents=True, exist_ok=True)
    prefix = outdir / pdf.stem
    subprocess.run([PDFTOPPM, "-png", "-r", str(resolution), str(pdf), str(prefix)], check=True, timeout=300)
    return sorted(outdir.glob(f"{pdf.stem}-*.png"))


# --- the character-box check: pdfplumber characters against python-pptx shape boxes ---


@dataclass(frozen=True)
class Shape:
    name: str
    box: tuple[float, float, float, float]  # left, top, right, bottom in points
    text: str
    checked: bool  # slide text (decoration glyphs of the layout are drawn at a fixed size)


def _box(shape) -> tuple[float, float, float, float]:
    left, top = shape.left / EMU_PER_PT, shape.top / EMU_PER_PT
    return left, top, left + shape.width / EMU_PER_PT, top + shape.height / EMU_PER_PT


def _text(shape) -> str:
    if getattr(shape, "has_table", False) and shape.has_table:
        return "".join(cell.text for row in shape.table.rows for cell in row.cells)
    if shape.has_text_frame:
        return shape.text_frame.text
    return ""


def shapes_in_drawing_order(slide) -> list[Shape]:
    layout = slide.slide_layout
    out = []
    for owner, checked in ((layout.slide_master, False), (layout, False), (slide, True)):
        for shape in owner.shapes:
            if owner is not slide and shape.is_placeholder:
                continue  # a layout's empty placeholders are not drawn on slides
            text = _text(shape)
            if text.strip():
                out.append(Shape(shape.name, _box(shape), text, checked))
    return out


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text) if not c.isspace())


def assign(chars: list[dict], shapes: list[Shape]) -> list[tuple[dict, Shape | None]]:
    """Each PDF character with the shape whose text it is (None: bullets, numbers, chart labels)."""
    expected, owner = [], []
    for shape in shapes:
        for c in _plain(shape.text):
            expected.append(c)
            owner.append(shape)
    drawn, source = [], []
    for char in chars:
        for c in _plain(char["text"]):
            drawn.append(c)
            source.append(char)
    matcher = difflib.SequenceMatcher(None, drawn, expected, autojunk=False)
    found: dict[int, Shape] = {}
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            found[id(source[a + k])] = owner[b + k]
    return [(char, found.get(id(char))) for char in chars if _plain(char["text"])]


def _inside(char: dict, box, tolerance: float = TOLERANCE) -> bool:
    left, top, right, bottom = box
    return (char["x0"] >= left - tolerance and char["x1"] <= right + tolerance
            and char["top"] >= top - tolerance and char["bottom"] <= bottom + tolerance)


def reported_overflows(findings) -> set[tuple[int, str]]:
    """(slide, shape) pairs ``workshop check`` reports as overflowing."""
    return {(f.slide, f.details.get("shape")) for f in findings
            if f.code == "text-overflow" and f.severity is Severity.WARNING and f.slide}



def outside_characters(pptx: Path, pdf: Path, findings=(), slides: int | None = None) -> tuple[int, list[str]]:
    """(characters checked, one line per character outside its shape) for a deck and its PDF."""
    import pdfplumber
    from pptx import Presentation

    prs = Presentation(str(pptx))
    reported = reported_overflows(findings)
    problems, checked = [], 0
    with pdfplumber.open(str(pdf)) as document:
        assert len(document.pages) == len(prs.slides) == (slides or len(prs.slides))
        for number, (page, slide) in enumerate(zip(document.pages, prs.slides), start=1):
            shapes = shapes_in_drawing_order(slide)
            frames = [_box(s) for s in slide.shapes]
            charts = [_box(s) for s in slide.shapes if getattr(s, "has_chart", False)]
            for char, shape in assign(page.chars, shapes):
                if shape is None:  # a bullet, an automatic number, a chart's label: inside some shape
                    if not any(_inside(char, box) for box in frames):
                        problems.append(f"slide {number}: '{char['text']}' at ({char['x0']:.0f}, "
                                        f"{char['top']:.0f}) lies outside every shape")
                    continue
                if not shape.checked or (number, shape.name) in reported:
                    continue
                checked += 1
                if not _inside(char, shape.box) and any(_inside(char, box) for box in charts):
                    continue  # a chart's legend whose words the alignment gave to a nearby shape
                if not _inside(char, shape.box):
                    problems.append(
                        f"slide {number}: '{char['text']}' of '{shape.name}' at ({char['x0']:.1f}, "
                        f"{char['top']:.1f})–({char['x1']:.1f}, {char['bottom']:.1f}) lies outside its box "
                        f"{tuple(round(v, 1) for v in shape.box)}")
    return checked, problems
