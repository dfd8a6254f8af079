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

import difflib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import deck_office as office  # noqa: E402  (registered by tests/render/conftest.py)
import pytest

from workshop.errors import Severity
from workshop.pipeline import Job, prepare, render

pytestmark = [pytest.mark.office, pytest.mark.skipif(office.MISSING is not None, reason=office.MISSING or "")]

REPO = Path(__file__).resolve().parents[3]
SAMPLES = sorted((REPO / "decks").glob("*.yaml"))
LONG = sorted((REPO / "tests" / "fixtures" / "long").glob("*.yaml"))
CASES = [(p, "default") for p in SAMPLES + LONG] + [(p, "noord") for p in SAMPLES + LONG[:1]]
EMU_PER_PT = 12_700
TOLERANCE = 1.5  # points: a glyph's box may touch its shape's edge


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


def _reported(findings) -> set[tuple[int, str]]:
    """(slide, shape) pairs ``workshop check`` reports as overflowing."""
    return {(f.slide, f.details.get("shape")) for f in findings
            if f.code == "text-overflow" and f.severity is Severity.WARNING and f.slide}


CHECKED: dict[str, int] = {}


@pytest.mark.parametrize("case", [f"{p.stem}--{b}" for p, b in CASES])
def test_every_character_lies_inside_its_shape(built, case):
    import pdfplumber
    from pptx import Presentation

    deck = built[case]
    prs = Presentation(str(deck.pptx))
    reported = _reported(deck.findings)
    problems, checked, excused = [], 0, 0
    with pdfplumber.open(str(deck.pdf)) as pdf:
        assert len(pdf.pages) == len(prs.slides) == deck.slides
        for number, (page, slide) in enumerate(zip(pdf.pages, prs.slides, strict=False), start=1):
            shapes = shapes_in_drawing_order(slide)
            frames = [_box(s) for s in slide.shapes]
            for char, shape in assign(page.chars, shapes):
                if shape is None:  # a bullet, an automatic number, a chart's label: inside some shape
                    if not any(_inside(char, box) for box in frames):
                        problems.append(f"slide {number}: '{char['text']}' at ({char['x0']:.0f}, "
                                        f"{char['top']:.0f}) lies outside every shape")
                    continue
                if not shape.checked:
                    continue
                if (number, shape.name) in reported:
                    excused += 1
                    continue
                checked += 1
                if not _inside(char, shape.box):
                    problems.append(
                        f"slide {number}: '{char['text']}' of '{shape.name}' at ({char['x0']:.1f}, "
                        f"{char['top']:.1f})–({char['x1']:.1f}, {char['bottom']:.1f}) lies outside its box "
                        f"{tuple(round(v, 1) for v in shape.box)}")
    CHECKED[case] = checked
    assert checked > 200
    assert not problems, "\n".join(problems[:20]) + (f"\n… {len(problems)} in all" if len(problems) > 20 else "")


def test_only_texts_that_cannot_continue_overflow_and_check_says_so(built):
    for name, deck in built.items():
        reported = _reported(deck.findings)
        if name.startswith(tuple(p.stem for p in SAMPLES)):
            assert not reported, (name, reported)
    long_nl = _reported(built["lang-nl--default"].findings)
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
