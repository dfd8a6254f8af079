"""Rebuild the fonts and width tables shipped in ``workshop/data/fonts/`` from Debian packages.

Run by hand (``python assets/make_fonts.py``) with Debian's ``fonts-lato``,
``fonts-noto-core`` and ``fonts-liberation2`` installed, or unpacked
(``apt-get download`` + ``dpkg-deb -x``) under ``FONT_ROOT=<dir>/usr/share/fonts/truetype``;
needs fontTools (a test extra). The
results are committed, so a build never needs these packages or the network.

- ``lato/``: Lato 2.0 (Debian ``fonts-lato``), Regular/Bold/Italic/Bold Italic,
  copied unchanged: "Lato" is a Reserved Font Name, so the files may not be modified.
- ``noto-sans/``: Noto Sans (Debian ``fonts-noto-core``), the last font of the
  PDFs' per-character fallback chain. Subset to Latin (with Extended-A/B and
  Additional), IPA, Greek, Cyrillic, punctuation and common symbols, hinting
  dropped (PDFs do not use it). Noto has no Reserved Font Name, so a modified
  version keeps its name; it stays under the OFL.
- ``metrics/``: advance widths and vertical metrics of Liberation Sans and
  Liberation Serif (Debian ``fonts-liberation2``), metric-compatible with Arial
  and Times New Roman: what a viewer without the brand fonts most likely
  draws with. The fit measures with them; no font file is shipped.
"""

from __future__ import annotations

import json
import os
import shutil
import zlib
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "workshop" / "data" / "fonts"
DEBIAN = Path(os.environ.get("FONT_ROOT", "/usr/share/fonts/truetype"))  # or an unpacked .deb
STYLES = ("Regular", "Bold", "Italic", "BoldItalic")
NOTO_RANGES = (
    "U+0000-02FF,U+0300-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+1F00-1FFF,U+2000-206F,"
    "U+2070-209F,U+20A0-20CF,U+2100-214F,U+2150-218F,U+2190-21FF,U+2200-22FF,U+25A0-25FF,"
    "U+2C60-2C7F,U+A720-A7FF,U+FB00-FB06,U+FEFF,U+FFFD"
)
LIBERATION = ("LiberationSans", "LiberationSerif")


def source(folder: str, name: str) -> Path:
    """A Debian font file, from FONT_ROOT or the system; Liberation is always taken from the system."""
    for root in (DEBIAN, Path("/usr/share/fonts/truetype")):
        if (root / folder / name).is_file():
            return root / folder / name
    raise SystemExit(f"{folder}/{name} not found; apt-get install (or unpack) the Debian font package")


def lato() -> None:
    folder = OUT / "lato"
    folder.mkdir(parents=True, exist_ok=True)
    for style in STYLES:
        shutil.copyfile(source("lato", f"Lato-{style}.ttf"), folder / f"Lato-{style}.ttf")


def noto() -> None:
    folder = OUT / "noto-sans"
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["SOURCE_DATE_EPOCH"] = "1609459200"  # fontTools stamps head.modified with it
    for style in STYLES:
        subset.main([
            str(source("noto", f"NotoSans-{style}.ttf")), f"--unicodes={NOTO_RANGES}",
            "--no-hinting", "--layout-features=*", "--legacy-kern", "--name-IDs=*",
            "--name-languages=*", f"--output-file={folder / f'NotoSans-{style}.ttf'}",
        ])


def width_table(path: Path) -> dict:
    """What ``plan.measure`` needs: units, vertical metrics and advances as code-point runs."""
    font = TTFont(path)
    hmtx = font["hmtx"].metrics
    advances = {code: hmtx[name][0] for code, name in font.getBestCmap().items()}
    runs: list[list[int]] = []  # [first code point, advance, advance, ...]
    for code in sorted(advances):
        if runs and runs[-1][0] + len(runs[-1]) - 1 == code:
            runs[-1].append(advances[code])
        else:
            runs.append([code, advances[code]])
    hhea, os2 = font["hhea"], font["OS/2"]
    return {
        "family": font["name"].getDebugName(1),
        "style": font["name"].getDebugName(2),
        "units_per_em": font["head"].unitsPerEm,
        "ascent": max(hhea.ascent, os2.usWinAscent),
        "descent": max(-hhea.descent, os2.usWinDescent),
        "line_gap": max(hhea.lineGap, 0),
        "notdef": hmtx[font.getGlyphOrder()[0]][0],
        "runs": runs,
    }


def metrics() -> None:
    folder = OUT / "metrics"
    folder.mkdir(parents=True, exist_ok=True)
    for family in LIBERATION:
        for style in STYLES:
            table = width_table(source("liberation2", f"{family}-{style}.ttf"))
            text = json.dumps(table, separators=(",", ":"), sort_keys=True).encode()
            (folder / f"{family}-{style}.json.z").write_bytes(zlib.compress(text, 9))


if __name__ == "__main__":
    lato()
    noto()
    metrics()
