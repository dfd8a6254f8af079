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


def test_content_types_as_python_pptx_writes_them_for_a_built_deck_and_odd_names(tmp_path, monkeypatch):
    from pptx.opc.oxml import serialize_part_xml
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI
    from pptx.opc.serialized import _ContentTypesItem

    from workshop.pipeline import Job, prepare, render
    from workshop.render.deck.package import all_parts, content_types_xml

    monkeypatch.chdir(REPO)
    deck = Presentation(io.BytesIO(render(prepare(Job(Path("decks/citroensap.yaml"))), "deck")))
    package = deck.part.package
    parts = all_parts(package)
    assert len(parts) > 40
    odd = [Part(PackURI(name), kind, package, b"") for name, kind in (
        ("/ppt/media/image9.PNG", "image/png"),  # a default, whatever the extension's case
        ("/ppt/embeddings/a&b<c>.bin", 'application/x-"odd"\ttype'),
        ("/ppt/één.xml", "application/xml"),
        ("/customXml/item1.xml", "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"))]
    for listed in (parts, parts + odd, odd):
        assert content_types_xml(listed) == serialize_part_xml(_ContentTypesItem.xml_for(listed))
