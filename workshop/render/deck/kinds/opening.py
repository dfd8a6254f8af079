"""Slides that frame the session: title, agenda, section divider, break, closing."""

from __future__ import annotations

from workshop.layouts.geometry import Box, inch
from workshop.layouts.grids import agenda_rows
from workshop.layouts.composite import AGENDA_MINUTES as ROW_MINUTES
from workshop.layouts.composite import AGENDA_TIME as ROW_TIME
from workshop.layouts.composite import AGENDA_TITLE as ROW_TITLE
from workshop.model.durations import format_clock, format_duration
from workshop.render.deck.drawing import logo_box, logo_image
from workshop.render.deck.text import para


def title(c, planned) -> None:
    slide, meta = planned.slide, c.plan.meta
    c.text("Title", [para(slide.title or meta.title)])
    subtitle = slide.subtitle or meta.subtitle
    if subtitle:
        c.text("Subtitle", [para(subtitle)])
    details = " · ".join(v for v in (meta.client, meta.date, meta.facilitator) if v)
    if details:
        c.text("Details", [para(details, markup=False)])
    if meta.client_color:
        bar = next((d.box for d in c.spec.decorations if d.name == "Accent Bar"), None)
        if bar is not None:
            c.rect("Client Accent", bar, "client")
    if c.assets.client_logo is not None:
        _client_logo(c)


def _client_logo(c) -> None:
    """The client's logo after ours, with a thin rule between: ours leads."""
    slot = c.box("Client Logo")
    ours = logo_image(c.deck.brand.logo_for("large"))
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
    alt = f"Logo {c.plan.meta.client}" if c.plan.meta.client else "Client logo"
    c.picture("Client Logo", client, area, alt, align="left")


def agenda(c, planned) -> None:
    c.text("Title", [para(planned.slide.title)])
    rows = c.plan.agenda
    for index, (row, boxes) in enumerate(zip(rows, agenda_rows(c.box("Agenda"), len(rows))), start=1):
        fill = "soft-tertiary" if row.is_break else ("light" if index % 2 else "background")
        c.rect(f"Agenda Row {index}", boxes.band, fill)
        when = f"{format_clock(row.start)}–{format_clock(row.end)}"
        c.label(f"Agenda Time {index}", boxes.time, [para(when, markup=False)], ROW_TIME)
        c.label(f"Agenda Item {index}", boxes.title, [para(row.title, italic=row.is_break)], ROW_TITLE)
        c.label(f"Agenda Minutes {index}", boxes.minutes, [para(format_duration(row.minutes), markup=False)],
                ROW_MINUTES)


def section(c, planned) -> None:
    slide = planned.slide
    order = [r.section for r in c.plan.agenda if not r.is_break]
    number = order.index(planned.section) + 1 if planned.section in order else (planned.section or 0) + 1
    c.text("Number", [para(f"{number:02d}", markup=False)])
    c.text("Title", [para(slide.title)])
    if slide.subtitle:
        c.text("Subtitle", [para(slide.subtitle)])


def pause(c, planned) -> None:
    slide = planned.slide
    c.text("Title", [para(slide.title)])
    c.text("Duration", [para(format_duration(slide.duration), markup=False)])
    back = c.words["back"].format(time=format_clock(planned.start + (slide.duration or planned.minutes)))
    paras = [para(slide.text)] if slide.text else []
    paras.append(para(back, markup=False, bold=True, space_before=12 if paras else None))
    c.text("Text", paras)


def closing(c, planned) -> None:
    slide = planned.slide
    c.text("Title", [para(slide.title)])
    if slide.takeaways:
        c.text("Takeaways", [para(t) for t in slide.takeaways])
    if slide.action:
        c.text("Action", [para(slide.action)])
    if slide.question:
        c.text("Question", [para(slide.question)])


__all__ = ["title", "agenda", "section", "pause", "closing"]
