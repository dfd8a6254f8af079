"""The handout's back matter: a notes page, and a back cover with next steps, contact, sources, QR code."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from pdf_support import build, page_texts

from workshop.errors import WorkshopError
from workshop.render.handout import render_handout

OUTLINE = """
    workshop:
      title: Terugblik
      facilitator: Noor Bakker
      language: nl
      handout:
        next_steps: [Plan een klantgesprek, Deel je inzicht met het team]
        url: https://helder.example/terugblik
        {extra}
    sections:
      - title: Eerste deel
        slides:
          - kind: quote
            text: Let's remember who has the power.
            by: Tamsen Webster
            source: Find Your Red Thread, 2021
"""


def _handout(tmp_path, extra: str = "", brand: str = "default") -> bytes:
    built = build(tmp_path, OUTLINE.replace("{extra}", extra), brand=brand)
    return render_handout(built.plan, built.brand, built.assets)


def _qr_squares(data: bytes) -> int:
    """Filled squares in the lower right of the last page: the QR code's modules."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[-1]
        return len([r for r in page.rects if r["x0"] > page.width / 2 and r["top"] > page.height * 0.75
                    and r["width"] < 10 and r["height"] < 10])


def test_notes_page_then_back_cover_last(tmp_path):
    data = _handout(tmp_path)
    texts = page_texts(data)
    assert texts[-2].startswith("Aantekeningen") and "pagina 3 van 4" in texts[-2]  # the notes page, numbered
    back = texts[-1]
    for expected in ("Volgende stappen", "Plan een klantgesprek", "Contact", "Noor Bakker",
                     "hallo@helder.example",  # the brand's contact lines after the facilitator
                     "Bronnen", "Find Your Red Thread, 2021",  # the sources fit, so they are here
                     "MEER WETEN?", "helder.example/terugblik"):
        assert expected in back, expected
    assert "pagina" not in back  # a cover: no running header or page number
    assert sum("Bronnen" in t for t in texts) == 1
    assert _qr_squares(data) > 100


def test_the_qr_code_encodes_the_url():
    """The drawing is reportlab's encoder for the url: the same modules, whatever is around it."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    from workshop.render.pdf.qr import draw_qr
    from workshop.render.pdf.qr import modules as qr_modules

    widget = QrCodeWidget("https://helder.example/terugblik", barLevel="M", barBorder=0)
    widget.qr.make()
    modules = widget.qr.getModuleCount()
    dark = sum(widget.qr.isDark(r, c) for r in range(modules) for c in range(modules))
    assert dark > 100
    assert qr_modules("https://helder.example/terugblik") == tuple(
        tuple(bool(widget.qr.isDark(r, c)) for c in range(modules)) for r in range(modules))
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    from reportlab.lib.colors import black

    draw_qr(canvas, "https://helder.example/terugblik", 100, 100, 34 * 72 / 25.4, black)
    canvas.save()
    with pdfplumber.open(buffer) as pdf:
        rects = pdf.pages[0].rects
        covered = sum(r["width"] * r["height"] for r in rects)
    module = (34 * 72 / 25.4) / modules
    assert abs(covered - dark * module * module) < module * module  # exactly the dark modules


def test_brand_link_is_the_default_url_and_qr_can_be_turned_off(tmp_path):
    built = build(tmp_path / "a", OUTLINE.replace("        url: https://helder.example/terugblik\n", "")
                  .replace("{extra}", ""), brand="noord")
    data = render_handout(built.plan, built.brand, built.assets)
    assert built.plan.back.url == "https://noord.example" and "noord.example" in page_texts(data)[-1]
    assert _qr_squares(data) > 100
    data = _handout(tmp_path / "b", "qr: false")
    assert _qr_squares(data) == 0
    assert "Ga naar" in page_texts(data)[-1] and "helder.example/terugblik" in page_texts(data)[-1]


def test_no_notes_page_when_the_outline_says_so(tmp_path):
    with_notes = page_texts(_handout(tmp_path / "a"))
    without = page_texts(_handout(tmp_path / "b", "notes_page: false"))
    assert len(without) == len(with_notes) - 1
    assert not any("Aantekeningen" in t for t in without[1:])


def test_outline_contact_replaces_the_brands(tmp_path):
    back = page_texts(_handout(tmp_path, "contact: [Team Klantreis, klantreis@example.org]"))[-1]
    assert "klantreis@example.org" in back and "hallo@helder.example" not in back and "Noor Bakker" not in back


def test_many_sources_stay_in_the_body_and_the_back_cover_is_one_page(tmp_path):
    slides = "".join(f"""
          - kind: quote
            text: Citaat nummer {n} over de klant en de macht in de relatie.
            by: Auteur {n}
            source: Een heel lang boek over klantrelaties, deel {n}, uitgeverij Voorbeeld, 2020
""" for n in range(40))
    built = build(tmp_path, OUTLINE.replace("{extra}", "") + slides)
    data = render_handout(built.plan, built.brand, built.assets)
    texts = page_texts(data)
    assert "Bronnen" not in texts[-1] and any("Bronnen" in t for t in texts[:-2])
    assert "Volgende stappen" in texts[-1] and "Volgende stappen" not in texts[-2]


@pytest.mark.parametrize(("value", "words"), [
    ("ftp://example.org", "not a web address"),
    ("helder.example", "not a web address"),
    ('"https://exa mple.org"', "space"),
])
def test_a_bad_url_is_a_located_error(tmp_path, value, words):
    from workshop.outline.load import load_outline

    path = tmp_path / "bad.yaml"
    path.write_text(f"workshop:\n  title: T\n  handout:\n    url: {value}\nsections:\n  - title: A\n    slides:\n"
                    "      - kind: statement\n        text: Hallo\n", encoding="utf-8")
    with pytest.raises(WorkshopError) as caught:
        load_outline(path)
    assert words in caught.value.message
    assert caught.value.location.line == 4


def test_a_misspelt_back_matter_key_gets_a_suggestion(tmp_path):
    from workshop.outline.load import load_outline

    path = tmp_path / "bad.yaml"
    path.write_text("workshop:\n  title: T\n  handout:\n    next_step: [a]\nsections:\n  - title: A\n    slides:\n"
                    "      - kind: statement\n        text: Hallo\n", encoding="utf-8")
    with pytest.raises(WorkshopError) as caught:
        load_outline(path)
    assert caught.value.location.line == 4 and "next_steps" in (caught.value.hint or "")
