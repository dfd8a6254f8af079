"""Kinds that are mostly words: bullets, statement, quote, compare."""

from __future__ import annotations

from workshop.kinds._refs import guide, handout, layout, painter, texts
from workshop.kinds.opening import TITLE_ROLE
from workshop.kinds.record import Continues, ShapeRole, SlideKind
from workshop.model import slides as m


def _quote_sources(slide: m.QuoteSlide) -> tuple[str, ...]:
    return (f"{slide.by}, {slide.source}" if slide.source else slide.by,)


BULLETS = SlideKind(
    name="bullets", model=m.BulletsSlide, layout=layout("bullets"), layout_name="Bullets",
    texts=texts("bullets"), painter=painter("text", "bullets"),
    handout=handout("blocks:bullets"), guide=guide("bullets"), label="bullets",
    purpose="a title with bullet points",
    shapes={"Title": TITLE_ROLE, "Body": ShapeRole("the bullet points, two levels")},
    continues=Continues("items", "bullets", ("bullets",), shapes=frozenset({"Body"}), list_field="bullets"),
)

STATEMENT = SlideKind(
    name="statement", model=m.StatementSlide, layout=layout("statement"), layout_name="Statement",
    texts=texts("statement"), painter=painter("text", "statement"),
    handout=handout("blocks:statement"), guide=guide("statement"), label="statement",
    purpose="one big sentence",
    shapes={
        "Title": ShapeRole("a small heading above the statement", required=False),
        "Statement": ShapeRole("the statement"),
    },
)

QUOTE = SlideKind(
    name="quote", model=m.QuoteSlide, layout=layout("quote"), layout_name="Quote", texts=texts("quote"),
    painter=painter("text", "quote"), handout=handout("blocks:quote"), guide=guide("quote"), label="quote",
    purpose="a quotation",
    shapes={"Quote": ShapeRole("the quotation"), "Attribution": ShapeRole("who said it, and where")},
    sources=_quote_sources,
)

COMPARE = SlideKind(
    name="compare", model=m.CompareSlide, layout=layout("compare"), layout_name="Compare",
    texts=texts("compare"), painter=painter("text", "compare"),
    handout=handout("blocks:compare"), guide=guide("compare"), label="compare",
    purpose="two columns side by side",
    shapes={
        "Title": TITLE_ROLE,
        "Left Heading": ShapeRole("the heading of the left column"),
        "Left": ShapeRole("the points of the left column"),
        "Right Heading": ShapeRole("the heading of the right column"),
        "Right": ShapeRole("the points of the right column"),
    },
    continues=Continues("columns", "points of the two columns", ("left", "points"),
                        shapes=frozenset({"Left", "Right"})),
)

RECORDS = (BULLETS, STATEMENT, QUOTE, COMPARE)
