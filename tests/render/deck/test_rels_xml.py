"""The relationships writer gives python-pptx's bytes exactly, escaping included."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from pptx import Presentation
from pptx.util import Inches

from workshop.render.deck.package import RT, rels_xml

REPO = Path(__file__).resolve().parents[3]


def test_hyperlinks_odd_ids_and_escaping_as_python_pptx_writes_them():
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    part = slide.part
    for url in ("https://example.org/?a=1&b=<2>", 'https://example.org/"quoted"\ttab\nline\r',
                "https://voorbeeld.nl/één"):
        part.relate_to(url, RT.HYPERLINK, is_external=True)
    slide.shapes.add_picture(io.BytesIO((REPO / "decks" / "images" / "citroensap.png").read_bytes()),
                             0, 0, Inches(1))
    layout = slide.slide_layout.part
    hyperlink = part.rels._rels["rId2"]
    part.rels._rels["custom"] = type(hyperlink)(part.rels._base_uri, "custom", hyperlink.reltype,
                                                "External", "https://example.org/")  # sorts first
    for owner in (part, prs.part, layout):
        assert rels_xml(owner.rels) == owner.rels.xml
    package_rels = prs.part.package._rels
    assert rels_xml(package_rels) == package_rels.xml


def test_every_part_of_a_built_deck_as_python_pptx_writes_it(tmp_path, monkeypatch):
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import _outlines
    finally:
        sys.path.remove(str(REPO / "bench"))
    from workshop.pipeline import Job, prepare, render

    outline = _outlines.write_outline(tmp_path, 30, REPO)
    monkeypatch.chdir(tmp_path)
    deck = Presentation(io.BytesIO(render(prepare(Job(Path(outline.name))), "deck")))
    parts = list(deck.part.package.iter_parts())
    assert len(parts) > 100
    for part in parts:
        if part.rels:
            assert rels_xml(part.rels) == part.rels.xml, part.partname
