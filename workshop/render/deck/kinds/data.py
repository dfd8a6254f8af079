"""Slides that show evidence: stat, chart, table, image."""

from __future__ import annotations

from workshop.errors import WorkshopError
from workshop.render.deck.charts import add_chart
from workshop.plan.texts import shown


def stat(c, planned) -> None:
    slide = shown(planned)
    for name in ("Title", "Value", "Label"):
        if c.has(name):
            c.put(name)
    if slide.chart is not None:
        add_chart(c, "Chart", c.box("Chart"), slide.chart)
    c.put_all()


def chart(c, planned) -> None:
    c.put("Title")
    add_chart(c, "Chart", c.box("Chart"), shown(planned).chart)
    c.put_all()


def table(c, planned) -> None:
    c.put_all()


def image(c, planned) -> None:
    slide = shown(planned)
    if c.has("Title"):
        c.put("Title")
    picture = c.assets.images.get(slide.image)
    if picture is None:
        raise WorkshopError(f"the image '{slide.image}' was not loaded before rendering", planned.location)
    c.picture("Picture", picture, c.box("Picture"), slide.alt)
    c.put_all()
