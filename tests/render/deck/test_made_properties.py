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
