"""Slides that show evidence: stat, chart, table, image."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.errors import WorkshopError
from workshop.layouts.geometry import Box, inch
from workshop.model import slides as m

if TYPE_CHECKING:
    from workshop.plan.model import PlannedSlide
    from workshop.render.deck.canvas import Canvas


def add_chart(c: Canvas, name: str, box: Box, data: m.ChartData) -> None:
    """The chart painter, imported on the first chart: decks without one never load it (nor its workbook)."""
    from workshop.render.deck.charts import add_chart as paint

    paint(c, name, box, data)


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
    frame = c.last_table
    if c.plan.meta.client_color and frame is not None:  # co-branding: the client's rule under the header
        header = frame.table.rows[0].height
        c.rect("Client Accent", Box(frame.left, frame.top + header - inch(0.03), frame.width, inch(0.06)),
               c.palette.roles.accent("client", "background"))


def image(c: Canvas, planned: PlannedSlide) -> None:
    """The picture fills its area (cropped around its focus) or stands whole on the text column's edge.

    The caption and source follow the picture: under its bottom edge, the
    caption from its left edge.
    """
    slide = planned.shown_as(m.ImageSlide)
    if c.has("Title"):
        c.put("Title")
    picture = c.assets.images.get(slide.image)
    if picture is None:
        raise WorkshopError(f"the image '{slide.image}' was not loaded before rendering", planned.location)
    area = c.box("Picture")
    focus = (slide.focus[0] / 100, slide.focus[1] / 100) if slide.focus else (0.5, 0.5)
    cover = focus if covers(slide.fit, picture.aspect, area) else None
    placed = c.picture("Picture", picture, area, slide.alt, align="left", anchor="top", cover=cover)
    rise = area.bottom - placed.bottom  # a picture shorter than its area pulls its caption up
    moved = {}
    for name in ("Caption", "Source"):
        if c.has(name):
            box = c.box(name)
            x = placed.x if name == "Caption" else box.x
            moved[name] = Box(x, box.y - rise, box.w, box.h)
    c.move(moved)
    c.put_all()


#: ``fit: auto`` crops when at most this share of the picture's width or height is cut off
MOST_CROPPED = 0.25


def covers(fit: str, aspect: float, area: Box) -> bool:
    """Does the picture fill its area (cropped), or stand whole?"""
    if fit != "auto":
        return fit == "cover"
    target = area.w / area.h if area.h else aspect
    return 1 - min(aspect, target) / max(aspect, target) <= MOST_CROPPED
