"""Kinds that show evidence: stat, chart, table, image."""

from __future__ import annotations

from workshop.kinds._refs import guide, handout, layout, painter, texts
from workshop.kinds.opening import TITLE_ROLE
from workshop.kinds.record import Continues, ShapeRole, SlideKind
from workshop.model import slides as m


def _source(slide: m.StatSlide | m.ChartSlide | m.TableSlide | m.ImageSlide) -> tuple[str, ...]:
    return (slide.source,) if slide.source else ()


def _stat_variant(slide: m.StatSlide, quiz_answer: bool) -> str | None:
    """A stat with a chart narrows the number to make room."""
    return "chart" if slide.chart is not None else None


def _image_variant(slide: m.ImageSlide, quiz_answer: bool) -> str | None:
    """An image without a title takes the title's space."""
    return None if slide.title else "untitled"


STAT = SlideKind(
    name="stat", model=m.StatSlide, layout=layout("stat"), layout_name="Stat", texts=texts("stat"),
    painter=painter("data", "stat"), handout=handout("blocks:stat"), guide=guide("stat"), label="stat",
    purpose="one big number",
    shapes={
        "Title": ShapeRole("a small title", required=False),
        "Value": ShapeRole("the big number"),
        "Label": ShapeRole("what the number means"),
        "Chart": ShapeRole("a small chart beside the number; the tool draws it inside this area", required=False),
        "Source": ShapeRole("where the number comes from", required=False),
    },
    variant=_stat_variant, sources=_source,
)

CHART = SlideKind(
    name="chart", model=m.ChartSlide, layout=layout("chart"), layout_name="Chart", texts=texts("chart"),
    painter=painter("data", "chart"), handout=handout("blocks:chart"), guide=guide("chart"), label="chart",
    purpose="a chart",
    shapes={
        "Title": TITLE_ROLE,
        "Chart": ShapeRole("the chart; the tool draws it inside this area"),
        "Caption": ShapeRole("a caption under the chart", required=False),
        "Source": ShapeRole("where the data comes from", required=False),
    },
    sources=_source,
)

TABLE = SlideKind(
    name="table", model=m.TableSlide, layout=layout("table"), layout_name="Table", texts=texts("table"),
    painter=painter("data", "table"), handout=handout("blocks:table"), guide=guide("table"), label="table",
    purpose="a table",
    shapes={
        "Title": TITLE_ROLE,
        "Table": ShapeRole("the table; the tool draws it inside this area"),
        "Source": ShapeRole("where the data comes from", required=False),
    },
    continues=Continues("items", "table rows", ("rows",), shapes=frozenset({"Table"}), list_field="rows"),
    sources=_source,
)

IMAGE = SlideKind(
    name="image", model=m.ImageSlide, layout=layout("image"), layout_name="Image", texts=texts("image"),
    painter=painter("data", "image"), handout=handout("blocks:image"), guide=guide("image"), label="image",
    purpose="a picture",
    shapes={
        "Title": ShapeRole("the slide title", required=False),
        "Picture": ShapeRole("the picture, fitted inside this area without stretching"),
        "Caption": ShapeRole("a caption under the picture", required=False),
        "Source": ShapeRole("the picture credit", required=False),
    },
    variant=_image_variant, sources=_source,
)

RECORDS = (STAT, CHART, TABLE, IMAGE)
