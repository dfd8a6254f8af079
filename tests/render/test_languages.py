"""No letter lost: Czech, Polish, Turkish, Greek and Cyrillic come out of both PDFs as typed.

The outline (``data/languages.yaml``) also holds a non-breaking hyphen, a
narrow and a normal no-break space and the numero sign. ``pdftotext`` must
give back every drawn field letter for letter, and every glyph must be real:
reportlab writes U+0000 into the text layer for a .notdef glyph.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pdf_support import build

from workshop.render.guide import render_guide
from workshop.render.handout import render_handout
from workshop.text.inline import plain

DATA = Path(__file__).resolve().parent / "data" / "languages.yaml"
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is needed")
_SPACES = re.compile(r"[ \n\r\t\f]+")
# reportlab's text layer writes a no-break space as U+0020 (they share the space glyph); a
# paragraph draws U+202F as U+00A0 so that it stays unbreakable. The drawn page is the same.
_NO_BREAK = str.maketrans({"\u00a0": " ", "\u202f": " "})


def _flat(text: str) -> str:
    return _SPACES.sub(" ", text.translate(_NO_BREAK))

HANDOUT = [
    ("workshop", "title"), ("workshop", "subtitle"), ("workshop", "client"), ("workshop", "facilitator"),
    ("workshop", "date"), ("sections", 0, "title"), ("s", 0, "title"), ("s", 0, "bullets", 0, "text"),
    ("s", 0, "bullets", 0, "sub", 0), ("s", 0, "bullets", 0, "sub", 1), ("s", 0, "bullets", 1),
    ("s", 0, "bullets", 2), ("s", 1, "text"), ("s", 1, "by"), ("s", 2, "title"), ("s", 2, "goal"),
    ("s", 2, "steps", 0), ("s", 2, "steps", 1),
]
GUIDE = HANDOUT + [("s", 0, "notes"), ("s", 2, "notes"), ("s", 2, "materials", 0)]


def _typed(path: tuple) -> str:
    import yaml

    node = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    if path[0] == "s":
        path = ("sections", 0, "slides", *path[1:])
    for key in path:
        node = node[key]
    return plain(node)


def _text(pdf: bytes, tmp_path: Path, name: str) -> str:
    target = tmp_path / f"{name}.pdf"
    target.write_bytes(pdf)
    result = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", str(target), "-"], capture_output=True,
                            check=True, timeout=60)
    return result.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(tmp_path_factory.mktemp("languages"), DATA.read_text(encoding="utf-8"), name="talen")


@pytest.mark.parametrize(("output", "fields"), [("handout", HANDOUT), ("guide", GUIDE)])
def test_every_letter_comes_back_as_typed(built, tmp_path, output, fields):
    render = render_handout if output == "handout" else render_guide
    text = _text(render(built.plan, built.brand, built.assets), tmp_path, output)
    assert "\x00" not in text and "\ufffd" not in text  # a .notdef glyph extracts as U+0000
    flat = _flat(text)
    missing = [(path, _typed(path)) for path in fields if _flat(_typed(path)) not in flat]
    assert not missing, missing


def test_the_special_signs_are_kept(built, tmp_path):
    text = _text(render_handout(built.plan, built.brand, built.assets), tmp_path, "handout")
    for char in ("\u2011", "\u2116", "ł", "İ", "ğ", "ř", "Ђ", "ά"):
        assert char in text, f"U+{ord(char):04X} lost"


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2007"])
def test_no_line_breaks_at_a_no_break_space(space):

    from workshop.brand.load import load_brand
    from workshop.render.pdf.kit import make_kit

    kit = make_kit(load_brand("default"), "nl")
    words = " ".join(f"10{space}000" for _ in range(40))
    paragraph = kit.p(words, kit.styles.body)
    paragraph.wrap(120, 10_000)
    lines = [" ".join(w.text for w in line.words) if hasattr(line, "words") else " ".join(line[1])
             for line in paragraph.blPara.lines]
    assert len(lines) > 3
    # the last two numbers are tied by a no-break space of our own (no one-word last line)
    assert all(re.fullmatch(r"(10\u00a0000[ \u00a0]?)+", line.strip()) for line in lines), lines


def test_every_glyph_is_real(built):
    """Each font's text layer maps every drawn glyph to a character (no .notdef, no U+0000)."""
    import io

    import pdfplumber

    pdf = render_handout(built.plan, built.brand, built.assets)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        chars = [c for page in document.pages for c in page.chars]
    assert chars
    assert not [c for c in chars if c["text"] in ("\x00", "\ufffd", "")]


CHARTS = """
workshop:
  title: Grafy
  language: cs
sections:
  - title: Čísla
    slides:
      - kind: chart
        title: Sloupce
        chart:
          type: column
          categories: ["№ 1‑A", "Dvořák ř"]
          series:
            - {name: "Řada‑1", values: [1, 2]}
            - {name: "Řada‑2", values: [2, 3]}
      - kind: chart
        title: Pruhy
        chart:
          type: bar
          categories: ["Šipka‑vlevo", "Ђорђе‑2"]
          series: [{name: Jedna, values: [3, 4]}]
      - kind: chart
        title: Koláč
        chart:
          type: pie
          categories: ["Výseč‑jedna", "Výseč‑dvě"]
          series: [{name: Podíl, values: [30, 70]}]
"""


def test_chart_labels_fall_back_per_character(tmp_path):
    # The body font (Lato) has no U+2011: axis labels, legends and pie labels draw it with Noto Sans.
    charts = build(tmp_path, CHARTS, name="grafy")
    text = _text(render_handout(charts.plan, charts.brand, charts.assets), tmp_path, "grafy")
    assert "\x00" not in text
    flat = _flat(text)
    for label in ("№ 1‑A", "Dvořák ř", "Řada‑1", "Řada‑2", "Šipka‑vlevo", "Ђорђе‑2", "Výseč‑jedna", "Výseč‑dvě"):
        assert label in flat, label
