"""Outline text → paragraph markup: escaped so reportlab never interprets it."""

from __future__ import annotations

import re

import pytest
from pdf_support import HOSTILE

from workshop.render.pdf import markup


@pytest.mark.parametrize("text", HOSTILE + ["'quotes' & \"double\"", "&amp; stays &amp;", "<br/>", "<para>"])
def test_escape_leaves_no_markup_characters(text):
    escaped = markup.escape(text)
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped and "'" not in escaped
    assert "&" not in re.sub(r"&(amp|lt|gt|quot|#39);", "", escaped)  # every & starts one of ours


def test_escape_is_reversible_entity_by_entity():
    import html

    for text in HOSTILE:
        assert html.unescape(markup.escape(text)) == text


def test_inline_emphasis_becomes_our_tags_only():
    assert markup.inline("een **vet** en *schuin* woord") == "een <b>vet</b> en <i>schuin</i> woord"
    assert markup.inline("**<b>**") == "<b>&lt;b&gt;</b>"
    assert markup.inline("a * b") == "a * b"  # an unmatched marker stays literal


def test_newlines_become_line_breaks_and_control_characters_go():
    assert markup.inline("regel 1\nregel 2") == "regel 1<br/>regel 2"
    assert markup.escape("a\x00b\x1bc\ufffed\td") == "abcd d"


def test_color_accepts_only_hex_colours():
    assert markup.color("x", "#12abEF") == '<font color="#12abEF">x</font>'
    with pytest.raises(ValueError):
        markup.color("x", 'red" onload="x')


@pytest.mark.parametrize("text", HOSTILE)
def test_reportlab_reads_escaped_text_back_literally(text):
    """The paragraph parser sees text fragments only: no link, image or colour change."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus.paraparser import ParaParser

    style = ParagraphStyle("t", fontName="Helvetica")
    fragments = ParaParser().parse(markup.inline(text), style)[1]
    assert "".join(f.text for f in fragments) == text
    for fragment in fragments:
        assert not getattr(fragment, "link", None)
        assert not getattr(fragment, "cbDefn", None)  # <img> and other callbacks
        assert fragment.textColor == style.textColor
        assert fragment.fontName == "Helvetica"


def test_unescaped_text_would_have_been_interpreted():
    """Guards the test above: the parser really does act on raw markup."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus.paraparser import ParaParser

    fragments = ParaParser().parse('<font color="red">rood</font>', ParagraphStyle("t"))[1]
    assert "".join(f.text for f in fragments) == "rood"
    assert fragments[0].textColor != ParagraphStyle("t").textColor
