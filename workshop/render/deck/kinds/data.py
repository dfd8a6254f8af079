"""Slides that show evidence: stat, chart, table, image."""

from __future__ import annotations

from workshop.errors import WorkshopError
from workshop.render.deck.charts import add_chart
from workshop.render.deck.tables import add_table
from workshop.render.deck.text import para


def _source(c, text: str | None) -> None:
    if text:
        c.text("Source", [para(f"{c.words['source']}: {text}", markup=False)])


def stat(c, planned) -> None:
    slide = planned.slide
    if slide.title:
        c.text("Title", [para(slide.title)])
    c.text("Value", [para(slide.value, markup=False)])
    c.text("Label", [para(slide.label)])
    if slide.chart is not None:
        add_chart(c, "Chart", c.box("Chart"), slide.chart)
    _source(c, slide.source)


def chart(c, planned) -> None:
    slide = planned.slide
    c.text("Title", [para(slide.title)])
    add_chart(c, "Chart", c.box("Chart"), slide.chart)
    if slide.caption:
        c.text("Caption", [para(slide.caption)])
    _source(c, slide.source)


def table(c, planned) -> None:
    slide = planned.slide
    c.text("Title", [para(slide.title)])
    add_table(c, "Table", c.box("Table"), list(slide.header), [list(r) for r in slide.rows])
    _source(c, slide.source)


def image(c, planned) -> None:
    slide = planned.slide
    if slide.title:
        c.text("Title", [para(slide.title)])
    picture = c.assets.images.get(slide.image)
    if picture is None:
        raise WorkshopError(f"the image '{slide.image}' was not loaded before rendering", planned.location)
    c.picture("Picture", picture, c.box("Picture"), slide.alt)
    if slide.caption:
        c.text("Caption", [para(slide.caption)])
    _source(c, slide.source)
