"""Slides that frame the session: title, agenda, section divider, break, closing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.layouts.geometry import Box, inch
from workshop.layouts.grids import agenda_rows
from workshop.render.deck.drawing import logo_box, logo_image

if TYPE_CHECKING:
    from workshop.plan.model import PlannedSlide
    from workshop.render.deck.canvas import Canvas



def title(c: Canvas, planned: PlannedSlide) -> None:
    c.put_all()
    client_accent(c, "Accent Bar", "Client Accent")
    client_accent(c, "Band Accent", "Client Band")  # the cover band's block: the client's, not our coral
    if c.assets.client_logo is not None:
        _client_logo(c)


def client_accent(c: Canvas, decoration: str, name: str) -> None:
    """Co-branding: the layout's ``decoration`` drawn again in the client's colour, readable on its fill.

    The colour keeps its hue but is moved towards black or white where it
    would not reach 3:1 on the fill it sits on (a green bar on a navy divider).
    """
    if not c.plan.meta.client_color:
        return
    box = next((d.box for d in c.spec.decorations if d.name == decoration), None)
    if box is None:
        return
    behind = c.spec.fill_under(Box(box.x, box.y - 1, box.w, 1)) if decoration != "Band Accent" else "primary"
    c.rect(name, box, c.palette.roles.accent("client", behind or c.spec.background or "background"))


def _client_logo(c: Canvas) -> None:
    """The client's logo after ours, with a thin rule between: ours leads."""
    slot = c.box("Client Logo")
    ours = logo_image(c.deck.brand.logos.get("large"))
    start = slot.x
    if ours is not None and c.spec.logo is not None:
        placed = logo_box(c.spec.logo, ours)
        rule_x = placed.right + inch(0.35)
        if rule_x + inch(0.4) < slot.right and placed.y < slot.bottom and slot.y < placed.bottom:
            c.rect("Co-brand Rule", Box(rule_x, placed.y, inch(0.02), placed.h), "rule")
            start = max(start, rule_x + inch(0.35))
        height = placed.h
    else:
        height = slot.h
    area = Box(start, slot.y + (slot.h - height) // 2, max(0, slot.right - start), height)
    client = c.assets.client_logo
    if client is None:
        return
    alt = c.lang.word("logo_of", client=c.plan.meta.client) if c.plan.meta.client else c.lang.word("client_logo")
    c.picture("Client Logo", client, area, alt, align="left")


def agenda(c: Canvas, planned: PlannedSlide) -> None:
    c.put("Title")
    start, stop = planned.span(len(c.plan.agenda))
    rows = c.plan.agenda[start:stop]
    placed = zip(rows, agenda_rows(c.box("Agenda"), len(rows)), strict=True)
    for index, (row, boxes) in enumerate(placed, start=start + 1):
        fill = "soft-tertiary" if row.is_break else ("light" if index % 2 else "background")
        c.rect(f"Agenda Row {index}", boxes.band, fill)
        for name in (f"Agenda Time {index}", f"Agenda Item {index}", f"Agenda Minutes {index}"):
            c.put(name)


def section(c: Canvas, planned: PlannedSlide) -> None:
    c.put_all()
    client_accent(c, "Accent Bar", "Client Accent")


def pause(c: Canvas, planned: PlannedSlide) -> None:
    c.put_all()


def closing(c: Canvas, planned: PlannedSlide) -> None:
    c.put_all()


__all__ = ["title", "agenda", "section", "pause", "closing"]
