"""Slides that are mostly words: bullets, statement, quote, compare."""

from __future__ import annotations

from workshop.render.deck.text import para


def bullets(c, planned) -> None:
    slide = planned.slide
    c.text("Title", [para(slide.title)])
    paras = []
    for item in slide.items:
        paras.append(para(item.text))
        paras += [para(point, level=1) for point in item.sub]
    c.text("Body", paras)


def statement(c, planned) -> None:
    slide = planned.slide
    if slide.title:
        c.text("Title", [para(slide.title)])
    c.text("Statement", [para(part) for part in slide.text.split("\n\n")])


def quote(c, planned) -> None:
    slide = planned.slide
    c.text("Quote", [para(part) for part in slide.text.split("\n\n")])
    who = f"— {slide.by}" + (f", {slide.source}" if slide.source else "")
    c.text("Attribution", [para(who)])


def compare(c, planned) -> None:
    slide = planned.slide
    c.text("Title", [para(slide.title)])
    for side, column in (("Left", slide.left), ("Right", slide.right)):
        c.text(f"{side} Heading", [para(column.heading)])
        c.text(side, [para(point) for point in column.points])
