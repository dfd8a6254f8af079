"""Slides where the group does something: steps, quiz, exercise."""

from __future__ import annotations

from workshop.layouts.composite import MARKER_SCALE, NO_INSETS, OPTION, STEP, STEP_TEXT_SPACE_BEFORE, STEP_TITLE_ROLE
from workshop.layouts.geometry import Box, inch, to_pt
from workshop.layouts.grids import option_rows, step_cells
from workshop.layouts.spec import TextStyle
from workshop.model.durations import format_duration
from workshop.render.deck import shapes
from workshop.render.deck.text import Para, Typesetter, para



def _marker_style(role_color: str) -> TextStyle:
    return TextStyle("label", font="heading", bold=True, color=role_color, align="center", anchor="middle")


def _marker(c, name: str, box: Box, text: str, fill: str) -> None:
    """A filled circle with a number or letter sized to the circle (a marker, not a text role)."""
    size = round(to_pt(box.h) * MARKER_SCALE, 1)
    style = _marker_style(f"on-{fill}")
    fixed = Typesetter(c.deck.brand, c.palette, c.type.lang, lambda role: size)
    body = fixed.body([para(text, markup=False)], style, NO_INSETS, explicit=True)
    c.tree.append(shapes.shape(c.painter.ids(), name, box, geometry="ellipse", fill=c.palette.fill(fill),
                               text_body=body))


def steps(c, planned) -> None:
    slide = planned.slide
    c.text("Title", [para(slide.title)])
    items = slide.items
    cells = step_cells(c.box("Steps"), len(items))
    for index, (step, cell) in enumerate(zip(items, cells), start=1):
        following = cells[index] if index < len(cells) else None
        if following is not None and following.marker.y == cell.marker.y:
            y = cell.marker.y + cell.marker.h // 2 - inch(0.02)
            gap = inch(0.15)
            c.rect(f"Step Connector {index}", Box(cell.marker.right + gap, y,
                                                  following.marker.x - cell.marker.right - 2 * gap, inch(0.04)),
                   "tint-primary")
        _marker(c, f"Step Number {index}", cell.marker, str(index), "primary" if index % 2 else "secondary")
        paras = [para(step.title, role=STEP_TITLE_ROLE, font="heading", bold=True, color="dark")]
        if step.text:
            paras.append(para(step.text, space_before=STEP_TEXT_SPACE_BEFORE))
        c.label(f"Step {index}", cell.body, paras, STEP)


def quiz(c, planned) -> None:
    slide = planned.slide
    answer = planned.quiz_answer
    right = set(slide.answer_indexes)
    c.text("Title", [para(slide.title)])
    c.text("Question", [para(slide.question)])
    for index, (option, boxes) in enumerate(zip(slide.options, option_rows(c.box("Options"), len(slide.options)))):
        letter = chr(ord("A") + index)
        correct = answer and index in right
        wrong = answer and index not in right
        band = "soft-success" if correct else "light"
        c.rect(f"Option {letter}", boxes.band, band)
        _marker(c, f"Option Letter {letter}", boxes.letter, letter,
                "success" if correct else ("rule" if wrong else "primary"))
        c.label(f"Option Text {letter}", boxes.text,
                [Para(para(option).runs, bold=True if correct else None, color="muted" if wrong else None)],
                OPTION)
    if answer and slide.explanation:
        c.text("Explanation", [para(slide.explanation)])


def exercise(c, planned) -> None:
    slide = planned.slide
    c.text("Title", [para(slide.title)])
    if slide.goal:
        c.text("Goal", [para(slide.goal)])
    c.text("Instructions", [para(step) for step in slide.steps])
    c.text("Duration", [para(format_duration(slide.duration), markup=False)])
    details: list[Para] = []
    if slide.group:
        details.append(para(c.words["group"], markup=False, bold=True, color="primary"))
        details.append(para(slide.group, space_before=2))
    if slide.materials:
        details.append(para(c.words["materials"], markup=False, bold=True, color="primary",
                            space_before=14 if details else None))
        details += [para(item, bullet=True, space_before=2) for item in slide.materials]
    if details:
        c.text("Details", details)

