"""Slides where the group does something: steps, quiz, exercise."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.layouts.composite import MARKER_SCALE, NO_INSETS
from workshop.layouts.geometry import Box, inch, to_pt
from workshop.layouts.grids import option_rows, step_cells
from workshop.layouts.spec import TextStyle
from workshop.model.slides import QuizSlide, Reveal, StepsSlide
from workshop.render.deck import shapes
from workshop.render.deck.text import Typesetter, para

if TYPE_CHECKING:
    from workshop.plan.model import PlannedSlide
    from workshop.render.deck.canvas import Canvas



def _marker_style(role_color: str) -> TextStyle:
    return TextStyle("label", font="heading", bold=True, color=role_color, align="center", anchor="middle")


def _marker(c: Canvas, name: str, box: Box, text: str, fill: str) -> None:
    """A filled circle with a number or letter sized to the circle (a marker, not a text role)."""
    size = round(to_pt(box.h) * MARKER_SCALE, 1)
    style = _marker_style(f"on-{fill}")
    fixed = Typesetter(c.deck.brand, c.palette, c.type.lang, lambda role: size, fill, c.type.made)
    body = fixed.body([para(text, markup=False)], style, NO_INSETS, explicit=True)
    c.tree.append(shapes.shape(c.painter.ids(), name, box, geometry="ellipse", fill=c.palette.fill(fill),
                               text_body=body))


def steps(c: Canvas, planned: PlannedSlide) -> None:
    slide = planned.shown_as(StepsSlide)
    c.put("Title")
    items = slide.items
    cells = step_cells(c.box("Steps"), len(items))
    first = planned.first_item
    for n, cell in enumerate(cells):
        index = first + n
        following = cells[n + 1] if n + 1 < len(cells) else None
        if following is not None and following.marker.y == cell.marker.y:
            y = cell.marker.y + cell.marker.h // 2 - inch(0.02)
            gap = inch(0.15)
            c.rect(f"Step Connector {index}", Box(cell.marker.right + gap, y,
                                                  following.marker.x - cell.marker.right - 2 * gap, inch(0.04)),
                   "tint-primary")
        _marker(c, f"Step Number {index}", cell.marker, str(index), "primary" if index % 2 else "secondary")
        c.put(f"Step {index}")
        if c.has(f"Step {index} Text"):
            c.put(f"Step {index} Text")


def quiz(c: Canvas, planned: PlannedSlide) -> None:
    """The question, and its answer slide: the same geometry with the answer lit and the others dimmed."""
    slide = planned.shown_as(QuizSlide)
    answer = planned.quiz_answer
    right = set(slide.answer_indexes)
    c.put("Title")
    c.put("Question")
    for index, boxes in enumerate(option_rows(c.box("Options"), len(slide.options))):
        letter = chr(ord("A") + index)
        correct = answer and index in right
        wrong = answer and index not in right
        c.rect(f"Option {letter}", boxes.band, "soft-success" if correct else "light")
        _marker(c, f"Option Letter {letter}", boxes.letter, letter,
                "success" if correct else ("rule" if wrong else "primary"))
        c.put(f"Option Text {letter}")
        if correct:
            _check(c, letter, boxes.mark)
    if not answer and slide.explanation and slide.reveal is Reveal.NEXT and c.spec.shape("Explanation"):
        _answer_to_come(c, c.box("Explanation"), c.shape_spec("Explanation").fill or "light")
    c.put_all()


def _check(c: Canvas, letter: str, box: Box) -> None:
    """The right option's mark: a check drawn as vectors in a circle of the success colour."""
    c.rect(f"Option Mark {letter}", box, "success", geometry="ellipse")
    inset = box.w // 4
    tick = Box(box.x + inset, box.y + inset, box.w - 2 * inset, box.h - 2 * inset)
    color = c.palette.color(c.palette.text_role("on-success", "success", True))
    c.tree.append(shapes.polyline(c.painter.ids(), f"Option Check {letter}", tick,
                                  ((8, 55), (38, 84), (92, 18)), color, max(19_050, box.w // 11)))


def _answer_to_come(c: Canvas, box: Box, fill: str) -> None:
    """The answer panel on the question slide: the explanation's place, holding a question mark."""
    c.rect("Answer Panel", box, fill)
    size = round(min(120.0, to_pt(box.h) * 0.45), 1)
    style = TextStyle("label", font="heading", bold=True, color="tint-primary", align="center", anchor="middle")
    fixed = Typesetter(c.deck.brand, c.palette, c.type.lang, lambda role: size, fill, c.type.made)
    body = fixed.body([para("?", markup=False)], style, NO_INSETS, explicit=True)
    c.tree.append(shapes.shape(c.painter.ids(), "Answer Mark", box, text_body=body, text_box=True))


def exercise(c: Canvas, planned: PlannedSlide) -> None:
    c.put_all()
