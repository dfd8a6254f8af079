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

import os
import shutil
import subprocess
from pathlib import Path
from typing import Iterable
from xml.sax.saxutils import escape

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


def fonts_conf(brands: Iterable, folder: Path) -> Path:
    """A fontconfig file: the system's configuration plus the brand font folders."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ['<?xml version="1.0"?>', '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">', "<fontconfig>"]
    if SYSTEM_CONF.is_file():
        lines.append(f"  <include ignore_missing=\"yes\">{escape(str(SYSTEM_CONF))}</include>")
    lines += [f"  <dir>{escape(str(path))}</dir>" for path in font_folders(brands)]
    lines.append(f"  <cachedir>{escape(str(folder / 'fontcache'))}</cachedir>")
    lines.append("</fontconfig>")
    conf = folder / "fonts.conf"
    conf.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return conf


def office_env(conf: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = str(conf)
    env.pop("SAL_USE_VCLPLUGIN", None)
    return env


def convert(decks: list[Path], outdir: Path, brands: Iterable, *, timeout: int = 600) -> list[Path]:
    """Convert ``decks`` to PDF in ``outdir`` with one ``soffice`` process; the PDF paths, in order."""
    if SOFFICE is None:
        raise RuntimeError(MISSING)
    outdir.mkdir(parents=True, exist_ok=True)
    work = outdir / ".office"
    conf = fonts_conf(brands, work)
    profile = (work / "profile").resolve().as_uri()
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
         "--outdir", str(outdir), *map(str, decks)],
        capture_output=True, text=True, timeout=timeout, env=office_env(conf),
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
