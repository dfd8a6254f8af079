"""The records a deck carries are invisible: without them every slide's XML is the same."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import workshop.render.deck.render as deck_render
from workshop.pipeline import Job, prepare, render

REPO = Path(__file__).resolve().parents[3]
_RECORDS = re.compile(rb"<p:custDataLst>.*?</p:custDataLst>")
_RIDS = re.compile(rb'r:id="rId\d+"')


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


class _NoRecords:
    """A recorder that tags nothing."""

    def __init__(self, deck: object) -> None:
        pass

    def record(self, slide: object, identity: str, label: str) -> None:
        return None


def test_records_add_tags_and_a_property_and_change_nothing_drawn(tmp_path, monkeypatch):
    shutil.copy(REPO / "tests" / "data" / "edits" / "werkplaats.yaml", tmp_path / "werkplaats.yaml")
    shutil.copytree(REPO / "decks" / "images", tmp_path / "images")
    monkeypatch.chdir(tmp_path)
    prepared = prepare(Job(Path("werkplaats.yaml")))
    with_records = members(render(prepared, "deck"))
    monkeypatch.setattr(deck_render, "Recorder", _NoRecords)
    monkeypatch.setattr(deck_render, "tag_deck", lambda deck, listed: None)
    without = members(render(prepared, "deck"))
    added = sorted(set(with_records) - set(without))
    assert added == sorted(["docProps/custom.xml"] + [f"ppt/tags/tag{n}.xml" for n in range(1, 12)])
    assert set(without) <= set(with_records)
    for name, data in without.items():
        if name == "ppt/presentation.xml":  # the records' relationship shifts the fonts' ids by one
            assert _RIDS.sub(b"", _RECORDS.sub(b"", with_records[name])) == _RIDS.sub(b"", data), name
        elif name.startswith("ppt/slides/slide"):
            assert _RECORDS.sub(b"", with_records[name]) == data, name
        elif name.endswith(".rels") or name == "[Content_Types].xml":
            continue  # one more relationship or override each
        else:
            assert with_records[name] == data, name


def test_the_recorders_parts_read_a_learned_parts_relationships_fresh():
    """Relationships are read once per part, but a part learned (again) is read anew, and the
    package's are never kept."""
    from pptx import Presentation

    from workshop.render.deck.package import RT
    from workshop.render.deck.records import PptxParts

    prs = Presentation()
    first = prs.slides.add_slide(prs.slide_layouts[6])
    parts = PptxParts(prs.part.package)
    name = str(first.part.partname)
    before = parts.rels(name)
    assert parts.rels(name) is before  # read once
    assert [rel.type for rel in before.values()] == [RT.SLIDE_LAYOUT]
    first.part.relate_to(prs.slide_layouts[5].part, RT.SLIDE_LAYOUT)
    parts.forget(parts.learn(first.part))  # known from the start, so learning adds nothing
    assert len(parts.rels(name)) == 2
    second = prs.slides.add_slide(prs.slide_layouts[6])
    learned = parts.learn(second.part)
    assert str(second.part.partname) in learned
    assert len(parts.rels(str(second.part.partname))) == 1
    second.part.relate_to(prs.slide_layouts[5].part, RT.SLIDE_LAYOUT)
    parts.forget(learned)
    parts.learn(second.part)
    assert len(parts.rels(str(second.part.partname))) == 2
    assert parts.rels("/") is not parts.rels("/")
