"""The fit holds where the brand fonts are missing: LibreOffice draws every character inside its shape.

LibreOffice as Debian ships it ignores fonts embedded in a .pptx, so it is
exactly the viewer without the brand fonts. Every sample outline and every
docs example is built for the default and the noord brand and converted in
a throw-away HOME whose fontconfig has no brand fonts and maps each brand
family to the metric-compatible font of its declared fallback (Liberation
Sans for Arial, Liberation Serif for Times New Roman, from Debian's
fonts-liberation2), and once more with the brand fonts visible. The
character-box check (``office.outside_characters``) must find nothing outside.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from workshop.pipeline import Job, prepare, render

import deck_office as office  # registered by tests/render/conftest.py

LIBERATION = Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf")
pytestmark = [
    pytest.mark.office,
    pytest.mark.skipif(office.MISSING is not None, reason=office.MISSING or ""),
    pytest.mark.skipif(not LIBERATION.is_file() and shutil.which("fc-list") is not None,
                       reason="Liberation fonts (Debian fonts-liberation2) are needed; .ci/run installs them"),
]

REPO = Path(__file__).resolve().parents[3]
OUTLINES = sorted((REPO / "decks").glob("*.yaml")) + sorted((REPO / "docs" / "examples").glob("*.yaml"))
BRANDS = ("default", "noord")


@dataclass
class Built:
    pptx: Path
    pdf: Path
    findings: tuple
    slides: int


def _convert(folder: Path, fonts: str) -> dict[str, Built]:
    decks, out, brands = [], {}, {}
    for path in OUTLINES:
        for brand in BRANDS:
            prepared = prepare(Job(path.relative_to(REPO), brand=brand))
            name = f"{path.stem}--{brand}"
            deck = folder / f"{name}.pptx"
            deck.write_bytes(render(prepared, "deck"))
            decks.append(deck)
            brands[brand] = prepared.brand
            out[name] = Built(deck, folder / f"{name}.pdf", tuple(prepared.findings),
                              len(prepared.plan.deck_slides))
    office.convert(decks, folder, brands.values(), fonts=fonts, timeout=1800)
    return out


@pytest.fixture(scope="module", params=["substitute", "brand"])
def converted(request, tmp_path_factory):
    return request.param, _convert(tmp_path_factory.mktemp(f"office-{request.param}"), request.param)


def test_the_aliases_map_each_brand_family_to_its_declared_fallback():
    from workshop.brand.load import load_brand

    aliases = office.substitution_aliases([load_brand(b) for b in BRANDS])
    assert aliases["Lato"] == aliases["Red Hat Display"] == aliases["Source Sans Pro"] == "Liberation Sans"
    assert aliases["Source Serif Pro"] == "Liberation Serif"


def test_no_character_outside_its_shape(converted):
    fonts, built = converted
    problems, total = [], 0
    for name, deck in built.items():
        checked, outside = office.outside_characters(deck.pptx, deck.pdf, deck.findings, deck.slides)
        total += checked
        problems += [f"{name} ({fonts} fonts): {line}" for line in outside]
    assert total > 5_000
    assert not problems, "\n".join(problems[:25]) + (f"\n… {len(problems)} in all" if len(problems) > 25 else "")
