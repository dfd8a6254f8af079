"""A guide read standing up: type sizes, whole blocks, a miniature beside every slide, labels in words.

Measured on the PDF as a reader gets it (pdfplumber characters, rectangles
and page texts), for the outline with every kind and for the sample decks.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from pdf_support import REPO, normalise, page_texts, page_words, plumbed_pages, sample_plan

from workshop.render.guide import render_guide
from workshop.render.guide.runsheet import THUMB

CLOCK = re.compile(r"^\d{1,2}:\d{2}([–-]\d{1,2}:\d{2})?$")
DECKS = sorted((REPO / "decks").glob("*.yaml"))
MM = 72 / 25.4


def _words(data: bytes) -> tuple[tuple[dict, ...], ...]:
    return page_words(data, ("size",))


def _content(plan) -> set[str]:
    """Words the outline itself writes (a chart category "8:00" is content, not a clock time of ours)."""
    return {w for item in plan.slides for w in re.split(r'[\s,"\[\]]+', json.dumps(item.slide.model_dump(), ensure_ascii=False, separators=(",", ":")))}


def _sizes_ok(data: bytes, plan) -> list[str]:
    """Every word under 8 pt, and every clock time under 12 pt (as 'page: word size')."""
    bad = []
    content = _content(plan)
    for number, words in enumerate(_words(data), start=1):
        for word in words:
            size = round(word["size"], 2)
            if size < 8:
                bad.append(f"p{number}: {word['text']!r} {size}")
            if CLOCK.match(word["text"]) and word["text"] not in content and size < 12:
                bad.append(f"p{number}: clock {word['text']!r} {size}")
    return bad


@pytest.fixture(scope="module")
def sample_guides(sample_build) -> dict[str, tuple[object, bytes]]:
    """Each sample deck's plan and the guide ``workshop build`` wrote for it."""
    found = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        for path in DECKS:
            plan, _, _ = sample_plan(path)
            found[path.stem] = (plan, sample_build(path).read("guide"))
    return found


def test_labels_at_least_8_pt_and_clock_times_at_least_12(guide_pdf, every_kind):
    assert _sizes_ok(guide_pdf, every_kind.plan) == []


def test_cue_text_at_least_11_pt(guide_pdf, every_kind):
    """The notes, the exercise steps and what is on screen: every word of them is 11 pt or more."""
    cues = set()
    for item in every_kind.plan.slides:
        if item.slide.notes:
            cues |= set(item.slide.notes.split())
    words = [w for page in _words(guide_pdf) for w in page if w["text"] in cues and len(w["text"]) > 3]
    assert len(words) > 10
    assert min(w["size"] for w in words) >= 11
    text_words = [w for page in _words(guide_pdf) for w in page if w["text"] in {"Kies", "klantmoment."}]
    assert text_words and min(w["size"] for w in text_words) >= 11


def test_sample_guides_sizes(sample_guides):
    for name, (plan, data) in sample_guides.items():
        assert _sizes_ok(data, plan) == [], name


def _thumbnails(data: bytes) -> list[int]:
    """Per page, the frames of slide miniatures (a rectangle THUMB wide in the slide's proportions)."""
    return [sum(1 for r in page.rects if abs(r["width"] - THUMB) < 0.5
                and abs(r["height"] - THUMB * 9 / 16) < 0.5 and r["stroke"]) for page in plumbed_pages(data)]


def test_a_thumbnail_for_every_slide(guide_pdf, every_kind):
    described = [i for i in every_kind.plan.slides if i.in_deck and i.first_part]
    assert sum(_thumbnails(guide_pdf)) == len(described)


def test_sample_guides_have_a_thumbnail_per_slide(sample_guides):
    for name, (plan, data) in sample_guides.items():
        described = [i for i in plan.slides if i.in_deck and i.first_part]
        assert sum(_thumbnails(data)) == len(described), name


@pytest.mark.parametrize("brand", ["default", "noord"])
def test_every_slide_has_a_scene_with_text(every_kind, brand):
    """The miniature is drawn from the plan: background, shapes and a bar per line of text."""
    from workshop.brand.load import load_brand
    from workshop.language import language_for
    from workshop.plan.build import make_plan
    from workshop.render.guide.scene import SceneMaker
    from workshop.render.pdf.fonts import register_brand_fonts

    loaded = load_brand(brand)
    plan = make_plan(every_kind.plan.workshop, loaded, name="x")
    maker = SceneMaker(plan, loaded, register_brand_fonts(loaded), language_for("nl"))
    for item in plan.deck_slides:
        scene = maker.scene(item)
        assert scene is not None and scene.width > scene.height
        assert scene.text_bars > 0 or item.kind == "image", item.number
    kinds = {item.kind: maker.scene(item) for item in plan.deck_slides}
    assert any(s.geometry == "wedge" for s in kinds["stat"].items) or "stat" not in kinds
    if brand == "noord":  # the designer's artwork: the title layout's band is the template's own colour
        assert "#1F4030" in {s.fill for s in kinds["title"].items}


def test_same_scene_twice_same_bytes(every_kind, guide_pdf):
    assert render_guide(every_kind.plan, every_kind.brand, every_kind.assets) == guide_pdf


def _unhyphenated(text: str) -> str:
    """Words hyphenated at a line end joined again ("hel- dere" → "heldere"), as the notes have them."""
    return re.sub(r"(\w)- (\w)", r"\1\2", text)


def _block_pages(plan, data: bytes) -> list[str]:
    """Slides whose block is not on one page: its kicker on one page, the end of its notes on another."""
    from workshop.language import language_for

    lang = language_for(plan.meta.language)
    pages = [_unhyphenated(normalise(t)) for t in page_texts(data)]
    split = []
    for item in plan.slides:
        if not item.in_deck or not item.first_part or item.quiz_answer or not item.slide.notes:
            continue
        kicker = (lang.word("slide", n=item.number) + " ·" if item.parts == 1
                  else lang.word("slide_range", n=item.number, last=item.number + item.parts - 1)).upper()
        tail = _unhyphenated(normalise(item.slide.notes.split("\n\n")[-1]))[-30:]
        where = [n for n, text in enumerate(pages) if kicker in text.upper()]
        ends = [n for n, text in enumerate(pages) if tail in text]
        if not where or where[0] not in ends:
            split.append(f"slide {item.number}: {where} / {ends}")
    return split


def test_no_guide_block_splits_across_pages(guide_pdf, every_kind):
    assert _block_pages(every_kind.plan, guide_pdf) == []


def test_no_sample_guide_block_splits(sample_guides):
    for name, (plan, data) in sample_guides.items():
        assert _block_pages(plan, data) == [], name


def test_every_page_starts_with_a_clock_time(sample_guides):
    """No page opens with the tail of a block: after the header, each starts with a band or a block."""
    for name, (_, data) in sample_guides.items():
        for number, words in enumerate(_words(data)[1:], start=2):
            body = [w for w in words if w["top"] > 22 * MM]  # below the running header
            top = min(w["top"] for w in body)
            first = min((w for w in body if w["top"] < top + 20), key=lambda w: w["x0"])  # the first line's start
            assert CLOCK.match(first["text"]), (name, number, first["text"])


def test_no_internal_descriptors_leak(sample_guides):
    for name, (_, data) in sample_guides.items():
        text = " ".join(page_texts(data))
        assert not re.search(r"\(\d+ × \d+\)", text), name
        assert not re.search(r"\((line|bar|column|pie|lijn|staven|kolommen|taart)\)", text), name
        assert "…" not in text.split("Tijdlijn")[-1].split("Materialen")[0], name


def test_timeline_labels_are_whole(sample_guides):
    """Every block's title appears whole in the bar (wrapped if need be), or its number does."""
    for name, (plan, data) in sample_guides.items():
        words = [w["text"] for w in _words(data)[0] if abs(w["size"] - 8.5) < 0.01]
        counted = Counter(words)
        from workshop.render.guide.overview import blocks

        for n, block in enumerate(blocks(plan), start=1):
            title_words = block.title.split()
            assert all(counted[w] for w in title_words) or counted[str(n)], (name, block.title)
