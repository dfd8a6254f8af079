"""Shorthands the kind records use to name their parts in each stage's module."""

from __future__ import annotations

from workshop.kinds.record import GuideSummary, HandoutBlock, LayoutBuilder, Painter, Ref, TextsBuilder


def layout(name: str) -> Ref[LayoutBuilder]:
    return Ref(f"workshop.layouts.default:{name}_layout")


def texts(name: str) -> Ref[TextsBuilder]:
    return Ref(f"workshop.plan.texts:{name}")


def painter(group: str, name: str) -> Ref[Painter]:
    return Ref(f"workshop.render.deck.kinds.{group}:{name}")


def handout(target: str) -> Ref[HandoutBlock]:
    return Ref(f"workshop.render.handout.{target}")


def guide(name: str) -> Ref[GuideSummary]:
    return Ref(f"workshop.render.guide.content:{name}")
