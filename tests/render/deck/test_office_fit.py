"""LibreOffice draws every character of the deck inside the shape it belongs to.

Every sample outline (with the default brand and with noord's designer
template) and the outlines made long on purpose (``tests/fixtures/long``) are
built, converted to PDF by LibreOffice in one run, with the brand fonts made
visible to it, and every character pdfplumber finds is matched to the shape
whose text it is (the PDF's text, in drawing order, aligned with the slide's
shapes' text). Each must lie inside that shape's box, as python-pptx reads
it from the deck. The only exceptions are the texts ``workshop check``
reports as overflowing (a 400-character title, a 2,000-character quote):
where the fit cannot make text hold, check has said so before the build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from workshop.pipeline import Job, prepare, render



import deck_office as office  # noqa: E402  (registered by tests/render/conftest.py)
pytestmark = [pytest.mark.office, pytest.mark.skipif(office.MISSING is not None, reason=office.MISSING or "")]

REPO = Path(__file__).resolve().parents[3]
SAMPLES = sorted((REPO / "decks").glob("*.yaml"))
LONG = sorted((REPO / "tests" / "fixtures" / "long").glob("*.yaml"))
CASES = [(p, "default") for p in SAMPLES + LONG] + [(p, "noord") for p in SAMPLES + LONG[:1]]


@dataclass
class Built:
    name: str
    pptx: Path
    pdf: Path
    findings: tuple
    slides: int


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Built]:
    folder = tmp_path_factory.mktemp("office-fit")
    decks, out, brands = [], {}, {}
    for path, brand in CASES:
        prepared = prepare(Job(path.relative_to(REPO) if path.is_relative_to(REPO) else path, brand=brand))
        name = f"{path.stem}--{brand}"
        deck = folder / f"{name}.pptx"
        deck.write_bytes(render(prepared, "deck"))
        decks.append(deck)
        brands[brand] = prepared.brand
        out[name] = Built(name, deck, folder / f"{name}.pdf", tuple(prepared.findings),
                          len(prepared.plan.deck_slides))
    office.convert(decks, folder, brands.values())
    return out


CHECKED: dict[str, int] = {}


@pytest.mark.parametrize("case", [f"{p.stem}--{b}" for p, b in CASES])
def test_every_character_lies_inside_its_shape(built, case):
    deck = built[case]
    checked, problems = office.outside_characters(deck.pptx, deck.pdf, deck.findings, deck.slides)
    CHECKED[case] = checked
    assert checked > 200
    assert not problems, "\n".join(problems[:20]) + (f"\n… {len(problems)} in all" if len(problems) > 20 else "")


def test_only_texts_that_cannot_continue_overflow_and_check_says_so(built):
    for name, deck in built.items():
        reported = office.reported_overflows(deck.findings)
        if name.startswith(tuple(p.stem for p in SAMPLES)):
            assert not reported, (name, reported)
    long_nl = office.reported_overflows(built["lang-nl--default"].findings)
    shapes = sorted(shape for _, shape in long_nl)
    assert shapes == ["Quote", "Statement", "Title"], long_nl


def test_continued_slides_say_so_in_their_title(built):
    from pptx import Presentation

    titles = {}
    for name in ("lang-nl--default", "long-en--default"):
        prs = Presentation(str(built[name].pptx))
        titles[name] = [s.shapes.title.text_frame.text for s in prs.slides if s.shapes.title is not None]
    assert "Veertien inzichten over waarde (vervolg)" in titles["lang-nl--default"]
    assert titles["lang-nl--default"].count("Veertig metingen van hetzelfde product (vervolg)") >= 2
    assert "Agenda (continued)" in titles["long-en--default"]
    assert "Fourteen lessons about value (continued)" in titles["long-en--default"]
