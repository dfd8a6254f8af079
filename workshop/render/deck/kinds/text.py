"""Slides that are mostly words: bullets, statement, quote, compare.

Their text comes from ``workshop.plan.texts`` (what the fit measured);
these slides have nothing else to draw.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workshop.plan.model import PlannedSlide
    from workshop.render.deck.canvas import Canvas


def bullets(c: Canvas, planned: PlannedSlide) -> None:
    c.put_all()


def statement(c: Canvas, planned: PlannedSlide) -> None:
    c.put_all()


def quote(c: Canvas, planned: PlannedSlide) -> None:
    c.put_all()


def compare(c: Canvas, planned: PlannedSlide) -> None:
    c.put_all()
