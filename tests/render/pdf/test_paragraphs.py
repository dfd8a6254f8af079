"""Paragraphs from a kept parse lay out and draw exactly as freshly parsed ones, and the parse is keyed right."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from workshop.brand.load import load_brand
from workshop.render.pdf import fonts, paragraphs
from workshop.render.pdf.fallback import apply_markup
from workshop.render.pdf.kit import make_kit

MARKUP = [
    "Gewoon een zin met een paar woorden die over meer dan één regel moet lopen in een smalle kolom.",
    "<b>Vet</b> en <i>cursief</i> en <b><i>beide</i></b>, dan een regel<br/>afgebroken.",
    "Entiteiten: Q&amp;A &lt;live&gt; &quot;citaat&quot; &#39;enkel&#39; en 21\u00a0%.",
    "Ελληνικά και кириллица: 𝔸 ✓",  # outside the brand fonts: <font face> spans from the fallback
]


@pytest.fixture(scope="module")
def kit():
    return make_kit(load_brand("default"), "nl")


@pytest.fixture(autouse=True)
def empty_cache():
    paragraphs.forget()
    yield
    paragraphs.forget()


def _draw(made: list[Paragraph]) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    y = 800.0
    for paragraph in made:
        for width in (120.0, 400.0):  # wrapped twice: a layout must not change the kept parse
            _, height = paragraph.wrap(width, 700)
            for part in paragraph.split(width, height / 2) or [paragraph]:
                part.wrap(width, 700)
                part.drawOn(canvas, 40, y - height)
        y -= 60
        if y < 100:
            canvas.showPage()
            y = 800.0
    canvas.save()
    return buffer.getvalue()


def _styles(kit):
    s = kit.styles
    return [s.body, s.kicker, s.h2, s.bullet, s.cell]  # the kicker is set in capitals (a text transform)


def test_kept_parses_draw_what_reportlab_draws(kit):
    def made(make):
        return [make(apply_markup(m, style.fontName, kit.styles.fonts.chain), style, "•" if style is kit.styles.bullet
                     else None) for m in MARKUP for style in _styles(kit)]

    fresh = _draw(made(lambda m, style, bullet: Paragraph(m, style, bulletText=bullet)))
    first = _draw(made(paragraphs.paragraph))  # parses and keeps
    kept = _draw(made(paragraphs.paragraph))  # every one from a kept parse
    assert len(paragraphs._PARSED) == len(MARKUP) * len(_styles(kit))
    assert first == fresh and kept == fresh


def test_a_style_with_the_same_values_shares_the_parse_and_another_does_not(kit):
    body = kit.styles.body
    paragraphs.paragraph("Een zin", body)
    paragraphs.paragraph("Een zin", body.clone("renamed"))  # other name, other object, same values
    assert len(paragraphs._PARSED) == 1
    paragraphs.paragraph("Een zin", body.clone("red", textColor=HexColor("#AA0000")))
    paragraphs.paragraph("Een zin", body.clone("bigger", fontSize=body.fontSize + 1))
    assert len(paragraphs._PARSED) == 3
    red = paragraphs.paragraph("Een zin", body.clone("red again", textColor=HexColor("#AA0000")))
    assert red.frags[0].textColor == HexColor("#AA0000") and len(paragraphs._PARSED) == 3


def test_a_changed_bold_face_is_parsed_again(kit):
    """``<b>`` resolves through the registered families: a family whose bold file changed (watch) re-parses."""
    brand = load_brand("default")
    family = brand.typography.base.family
    before = paragraphs.paragraph("<b>vet</b>", kit.styles.body).frags[0].fontName
    generation = fonts.families_generation()
    fonts.register_family(replace(family, bold=family.italic))  # the same regular face, another bold file
    try:
        assert fonts.families_generation() != generation
        after = paragraphs.paragraph("<b>vet</b>", kit.styles.body).frags[0].fontName
        assert after == fonts.register_family(replace(family, bold=family.italic)).bold != before
    finally:
        fonts.register_family(family)
    assert paragraphs.paragraph("<b>vet</b>", kit.styles.body).frags[0].fontName == before


def test_each_paragraph_gets_its_own_fragments(kit):
    made = [paragraphs.paragraph("<b>Vet</b> gewoon", kit.styles.body) for _ in range(3)]  # parsed, kept, kept
    assert len({tuple(f.text for f in p.frags) for p in made}) == 1
    for one, two in ((made[0], made[1]), (made[1], made[2])):
        assert one.frags is not two.frags and not {id(f) for f in one.frags} & {id(f) for f in two.frags}


def test_the_kept_parses_are_bounded(kit, monkeypatch):
    monkeypatch.setattr(paragraphs, "_PARSED", paragraphs._PARSED.empty())
    monkeypatch.setattr(paragraphs._PARSED, "max_entries", 5)
    for i in range(12):
        paragraphs.paragraph(f"Zin nummer {i}", kit.styles.body)
    assert len(paragraphs._PARSED) == 5 and list(paragraphs._PARSED)[-1][0] == "Zin nummer 11"
    monkeypatch.setattr(paragraphs._PARSED, "max_size", 40)
    paragraphs.paragraph("x" * 30, kit.styles.body)
    paragraphs.paragraph("y" * 30, kit.styles.body)
    assert [k[0] for k in paragraphs._PARSED] == ["y" * 30] and paragraphs._PARSED.size == 30


def test_markup_that_sets_its_own_style_is_not_kept(kit):
    paragraphs.paragraph('<para fontSize="20">groot</para>', kit.styles.body)
    paragraphs.paragraph("<bullet>*</bullet>met een eigen opsommingsteken", kit.styles.body)
    assert not paragraphs._PARSED


def test_a_paragraph_breaks_its_lines_once_per_width_until_split_or_drawn(kit, monkeypatch):
    text = "Een zin met <b>genoeg</b> woorden om over een paar regels te lopen in een smalle kolom. " * 3
    made = paragraphs.paragraph(text, kit.styles.body)
    plain = Paragraph(text, kit.styles.body)
    breaks = []
    real = Paragraph.breakLines
    monkeypatch.setattr(Paragraph, "breakLines", lambda self, widths: breaks.append(1) or real(self, widths))
    sizes = [made.wrap(150, 500), made.wrap(150, 80), made.wrap(300, 500), made.wrap(150, 500)]
    assert len(breaks) == 3  # the second call at 150 reused the first break
    assert sizes == [plain.wrap(150, 500), plain.wrap(150, 80), plain.wrap(300, 500), plain.wrap(150, 500)]
    breaks.clear()
    made.wrap(150, 500)
    made.split(150, 30)  # splitting may change the fragments: the next size is worked out again
    made.wrap(150, 500)
    canvas = Canvas(io.BytesIO())
    made.drawOn(canvas, 0, 0)  # and so may drawing
    made.wrap(150, 500)
    assert len(breaks) == 2


def test_what_the_markup_is_made_from_is_made_only_on_a_miss(kit):
    made = []

    def prepare(text):
        made.append(text)
        return text.upper()

    one = paragraphs.paragraph("zin", kit.styles.body, prepare=prepare, context="a")
    two = paragraphs.paragraph("zin", kit.styles.body, prepare=prepare, context="a")
    other = paragraphs.paragraph("zin", kit.styles.body, prepare=prepare, context="b")  # another way to make it
    assert made == ["zin", "zin"] and [f.text for f in two.frags] == [f.text for f in one.frags] == ["ZIN"]
    assert other.text == "ZIN" and len(paragraphs._PARSED) == 2


def test_kit_paragraphs_from_outline_text_and_from_markup_are_kept_apart(kit):
    assert kit.p("**vet**", kit.styles.body).frags[0].fontName != kit.raw("**vet**", kit.styles.body).frags[0].fontName
    assert kit.p("**vet**", kit.styles.body).frags[0].text == "vet"
    assert kit.raw("**vet**", kit.styles.body).frags[0].text == "**vet**"
