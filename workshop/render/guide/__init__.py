"""The facilitator's guide: a run sheet with times, notes, answers and materials."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.render.pdf.settings import pin

pin()  # reportlab's settings, before any module of this package imports reportlab (see settings.py)

if TYPE_CHECKING:
    from workshop.assets import Assets
    from workshop.brand.model import Brand
    from workshop.plan.model import DeckPlan


def render_guide(plan: DeckPlan, brand: Brand, assets: Assets) -> bytes:
    """The guide PDF as bytes (reportlab is imported on first use)."""
    from workshop.render.guide.render import render

    return render(plan, brand, assets)


__all__ = ["render_guide"]
