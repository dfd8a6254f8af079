"""Slides that show evidence: stat, chart, table, image."""

from __future__ import annotations

from workshop.errors import WorkshopError
from workshop.layouts.geometry import Box, inch
from workshop.render.deck.charts import add_chart


def stat(c, planned) -> None:
    slide = planned.shown
    for name in ("Title", "Value", "Label"):
        if c.has(name):
            c.put(name)
    if slide.chart is not None:
        add_chart(c, "Chart", c.box("Chart"), slide.chart)
    c.put_all()


def chart(c, planned) -> None:
    c.put("Title")
    add_chart(c, "Chart", c.box("Chart"), planned.shown.chart)
    c.put_all()


def table(c, planned) -> None:
    c.put_all()
    frame = c.last_table
    if c.plan.meta.client_color and frame is not None:  # co-branding: the client's rule under the header
        header = frame.table.rows[0].height
        c.rect("Client Accent", Box(frame.left, frame.top + header - inch(0.03), frame.width, inch(0.06)),
               c.palette.roles.accent("client", "background"))


def image(c, planned) -> None:
    slide = planned.shown
    if c.has("Title"):
        c.put("Title")
    picture = c.assets.images.get(slide.image)
    if picture is None:
        raise WorkshopError(f"the image '{slide.image}' was not loaded before rendering", planned.location)
    c.picture("Picture", picture, c.box("Picture"), slide.alt)
    c.put_all()
