"""Slides that show evidence: stat, chart, table, image."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.errors import WorkshopError
from workshop.model import slides as m
from workshop.render.deck.charts import add_chart

if TYPE_CHECKING:
    from workshop.plan.model import PlannedSlide
    from workshop.render.deck.canvas import Canvas



def stat(c: Canvas, planned: PlannedSlide) -> None:
    slide = planned.shown_as(m.StatSlide)
    for name in ("Title", "Value", "Label"):
        if c.has(name):
            c.put(name)
    if slide.chart is not None:
        add_chart(c, "Chart", c.box("Chart"), slide.chart)
    c.put_all()


def chart(c: Canvas, planned: PlannedSlide) -> None:
    c.put("Title")
    add_chart(c, "Chart", c.box("Chart"), planned.shown_as(m.ChartSlide).chart)
    c.put_all()


def table(c: Canvas, planned: PlannedSlide) -> None:
    c.put_all()


def image(c: Canvas, planned: PlannedSlide) -> None:
    slide = planned.shown_as(m.ImageSlide)
    if c.has("Title"):
        c.put("Title")
    picture = c.assets.images.get(slide.image)
    if picture is None:
        raise WorkshopError(f"the image '{slide.image}' was not loaded before rendering", planned.location)
    c.picture("Picture", picture, c.box("Picture"), slide.alt)
    c.put_all()
