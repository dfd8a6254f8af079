"""Per-character font fallback: which font draws which character."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen.canvas import Canvas

from workshop.brand.load import load_brand
from workshop.render.pdf.fallback import apply_markup, chain_for, draw_string, segments, string_width
from workshop.render.pdf.kit import make_kit


@pytest.fixture(scope="module")
def fonts():
    return make_kit(load_brand("default"), "nl").styles.fonts


def test_ascii_markup_is_left_alone(fonts):
    text = "Q&amp;A <b>vet</b> &lt;b&gt; <br/>"
    assert apply_markup(text, fonts.body.regular, fonts.chain) == text


def test_the_chain_is_own_family_other_brand_family_then_noto(fonts):
    chain = chain_for(fonts.heading.bold, fonts.chain)
    assert [f.regular for f in chain.families] == [fonts.heading.regular, fonts.body.regular, "NotoSans-Regular"]


def test_greek_in_a_heading_falls_back_to_the_body_family_in_the_same_style(fonts):
    # Red Hat Display has no Greek; Lato 2.0 has.
    assert apply_markup("Ελλάδα", fonts.heading.bold, fonts.chain) == '<font face="Lato-Bold">Ελλάδα</font>'


def test_bold_and_italic_tags_pick_the_matching_fallback_face(fonts):
    out = apply_markup("a <b>\u2011</b> <i>\u2011</i>", fonts.body.regular, fonts.chain)
    assert '<b><font face="NotoSans-Bold">\u2011</font></b>' in out
    assert '<i><font face="NotoSans-Italic">\u2011</font></i>' in out


def test_only_the_missing_characters_switch(fonts):
    out = apply_markup("№ 2027\u201100042", fonts.body.regular, fonts.chain)
    assert out == '№ 2027<font face="NotoSans-Regular">\u2011</font>00042'


def test_invisible_characters_are_dropped_and_emoji_stay(fonts):
    runs = segments("❤\ufe0f x", chain_for(fonts.body.regular, fonts.chain))
    assert "".join(text for _, text in runs) == "❤ x"


def test_markup_characters_in_fallback_runs_stay_escaped(fonts):
    out = apply_markup("Ж&lt;b&gt;\u2011&amp;", fonts.heading.regular, fonts.chain)
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp;" in out


def test_canvas_strings_fall_back_and_measure_what_they_draw(fonts):
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    width = draw_string(canvas, 10, 10, "Ж\u2011ř", fonts.heading.regular, 12, fonts.chain)
    assert width == pytest.approx(string_width("Ж\u2011ř", fonts.heading.regular, 12, fonts.chain))
    canvas.save()
    assert b"NotoSans" in buffer.getvalue() and b"Lato" in buffer.getvalue()


def test_printable_ascii_is_one_run_only_when_the_face_draws_all_of_it(fonts, monkeypatch):
    from workshop.render.pdf import fonts as registered

    chain = chain_for(fonts.body.regular, fonts.chain)
    assert registered.draws_printable_ascii(fonts.body.regular)
    assert segments("Plain ASCII, 100% (ok)", chain) == [(0, "Plain ASCII, 100% (ok)")]
    lacking = {k: v for k, v in registered.coverage(fonts.body.regular).items() if k != ord("%")}
    monkeypatch.setattr(registered, "_draws_ascii", {})
    monkeypatch.setitem(registered._coverage, fonts.body.regular, lacking)  # a face without "%"
    assert not registered.draws_printable_ascii(fonts.body.regular)
    runs = segments("100% ok", chain)
    assert runs[0] == (0, "100") and runs[1][1] == "%" and runs[1][0] != 0
