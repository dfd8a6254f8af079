"""Streams deflated once per process give exactly the bytes reportlab's own filter gives."""

from __future__ import annotations

import zlib

from pdf_support import REPO, sample_plan
from reportlab.pdfbase import pdfdoc

from workshop.render.handout import render_handout
from workshop.render.pdf import deflate


def test_reportlab_still_deflates_through_the_name_we_replace():
    assert isinstance(pdfdoc.PDFZCompress, pdfdoc.PDFStreamFilterZCompress)
    assert pdfdoc.PDFZCompress.pdfname == "FlateDecode"


def test_a_handout_is_the_same_with_the_remembering_filter_first_and_later(monkeypatch):
    plan = sample_plan(REPO / "decks" / "citroensap.yaml")
    monkeypatch.setattr(deflate, "install", lambda: None)
    monkeypatch.setattr(pdfdoc, "PDFZCompress", pdfdoc.PDFStreamFilterZCompress())  # reportlab's own
    plain = render_handout(*plan)
    remembering = deflate.RememberingZCompress()
    monkeypatch.setattr(pdfdoc, "PDFZCompress", remembering)
    assert render_handout(*plan) == plain  # every stream deflated now
    assert render_handout(*plan) == plain and remembering.kept  # again: the repeated ones are kept
    assert render_handout(*plan) == plain  # and now from what was kept


def test_it_deflates_as_zlib_and_keeps_within_bounds(monkeypatch):
    monkeypatch.setattr(deflate, "MAX_ENTRIES", 3)
    remembering = deflate.RememberingZCompress()
    texts = [f"BT /F1 12 Tf 72 {y} Td (regel {y}) Tj ET\n" * 40 for y in range(6)]
    for text in texts:
        assert remembering.encode(text) == zlib.compress(text.encode("utf8"))  # once: only its digest is held
    assert not remembering.kept and len(remembering.seen) == 3  # bounded too
    for text in texts:
        for _ in range(3):  # twice and more: kept
            assert remembering.encode(text) == zlib.compress(text.encode("utf8"))
    assert list(remembering.kept.values()) == [zlib.compress(t.encode("utf8")) for t in texts[-3:]]
    assert remembering.size == sum(len(v) for v in remembering.kept.values())
    assert remembering.encode(b"\x00\x01") == zlib.compress(b"\x00\x01")


def test_install_puts_it_in_place_once(monkeypatch):
    monkeypatch.setattr(pdfdoc, "PDFZCompress", pdfdoc.PDFStreamFilterZCompress())
    deflate.install()
    first = pdfdoc.PDFZCompress
    deflate.install()
    assert isinstance(first, deflate.RememberingZCompress) and pdfdoc.PDFZCompress is first
