"""Run and paragraph properties are made once per deck: the markers' own typesetters share the deck's."""

from __future__ import annotations

from workshop.cache import CACHE_ENV
from workshop.render.deck import render_deck
from workshop.render.deck.text import Typesetter


def test_no_property_is_made_twice_for_the_same_key(plan, brand, assets, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    render_deck(plan, brand, assets)  # the master is generated and cached (generating has its own typesetters)
    made: list[tuple[object, ...]] = []
    real_rpr, real_ppr = Typesetter._rpr, Typesetter._new_ppr

    def rpr(self, tag, heading, bold, italic, size, color):
        made.append(("rPr", self.lang, tag, heading, bold, italic, size, color, self.behind))
        return real_rpr(self, tag, heading, bold, italic, size, color)

    def ppr(self, item, style, bullets, margins, align, before):
        made.append(("pPr", bullets, item.level, margins, align, style.line_spacing, before, style.bullet_color,
                     item.start_at if bullets == "number" else None))
        return real_ppr(self, item, style, bullets, margins, align, before)

    monkeypatch.setattr(Typesetter, "_rpr", rpr)
    monkeypatch.setattr(Typesetter, "_new_ppr", ppr)
    render_deck(plan, brand, assets)  # the sample has steps and quiz slides: numbered and lettered markers
    assert made and len(made) == len(set(made))


def test_a_made_property_is_copied_so_changing_one_run_leaves_the_next_alone(brand):
    from workshop.layouts.paragraphs import Line
    from workshop.layouts.spec import TextStyle
    from workshop.render.deck.colors import Palette

    typesetter = Typesetter(brand, Palette(brand), "nl-NL", lambda role: 18.0)
    style = TextStyle("body")
    first = typesetter.rpr(Line("a"), style, 18.0, explicit=True)
    first.set("b", "1")
    first.remove(first[-1])
    second = typesetter.rpr(Line("b"), style, 18.0, explicit=True)
    assert second is not first
    assert second.get("b") == "0" and len(second) == len(first) + 1
    assert second.getroottree().getroot() is second  # a root of its own: no tree holds it yet


def test_each_notes_page_is_its_own_copy_of_the_first(plan, brand, assets):
    from workshop.render.deck.render import open_deck

    deck = open_deck(brand, "nl-NL")
    layout = deck.placements["bullets"].layout
    one, two = deck.add_slide(layout), deck.add_slide(layout)
    first = deck.add_notes_slide(one)
    first.notes_text_frame.text = "alleen hier"
    second = deck.add_notes_slide(two)
    assert second.element is not first.element
    assert second.notes_text_frame.text == ""
    second.notes_text_frame.text = "en hier"
    first.element.remove(first.element[0])
    third = deck.add_notes_slide(deck.add_slide(layout))
    assert third.element is not second.element
    assert third.notes_text_frame.text == ""
    assert len(third.element) == len(second.element) > len(first.element)
