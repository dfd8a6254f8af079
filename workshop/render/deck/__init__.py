"""The PowerPoint renderer: a ``DeckPlan`` in, .pptx bytes out.

python-pptx is imported only when a deck or master is actually built, so
commands that never render (``workshop check``) do not pay for it; the
modules it imports but a deck never uses are deferred first (``deferred``).

- ``render_deck(plan, brand, assets) -> bytes``: the deck.
- ``render_deck_keeping(plan, brand, assets, previous, report)``: the deck
  with the hand edits of ``previous`` carried over (``--keep-edits``).
- ``build_master(brand) -> bytes``: the generated master with one named
  layout per slide kind; ``specimens=True`` adds one sample slide per layout
  (what ``workshop template export`` writes, so a LibreOffice save keeps them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.render.deck.deferred import defer_unused

if TYPE_CHECKING:
    from workshop.assets import Assets
    from workshop.brand.model import Brand
    from workshop.edits.diff import EditReport
    from workshop.plan.model import DeckPlan

__all__ = ["render_deck", "render_deck_keeping", "build_master"]

defer_unused()  # before any module of this package imports python-pptx


def render_deck(plan: DeckPlan, brand: Brand, assets: Assets) -> bytes:
    from workshop.render.deck.render import render_deck as render

    return render(plan, brand, assets)


def render_deck_keeping(plan: DeckPlan, brand: Brand, assets: Assets, previous: bytes, report: EditReport
                        ) -> tuple[bytes, tuple[str, ...]]:
    """The deck with the hand edits of the deck ``previous`` carried over; also a summary of what was kept."""
    from workshop.render.deck.render import render_deck_keeping as render

    return render(plan, brand, assets, previous, report)


def build_master(brand: Brand, language: str = "en", specimens: bool = False) -> bytes:
    from workshop.render.deck.render import build_master as build

    return build(brand, language, specimens)
