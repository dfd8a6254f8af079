"""Slides where the group does something: steps, quiz, exercise."""

from __future__ import annotations

from workshop.layouts.composite import MARKER_SCALE, NO_INSETS
from workshop.layouts.geometry import Box, inch, to_pt
from workshop.layouts.grids import option_rows, step_cells
from workshop.layouts.spec import TextStyle
from workshop.plan.texts import first_number, shown
from workshop.render.deck import shapes
from workshop.render.deck.text import Typesetter, para


def _marker_style(role_color: str) -> TextStyle:
    return TextStyle("label", font="heading", bold=True, color=role_color, align="center", anchor="middle")


def _marker(c, name: str, box: Box, text: str, fill: str) -> None:
    """A filled circle with a number or letter sized to the circle (a marker, not a text role)."""
    size = round(to_pt(box.h) * MARKER_SCALE, 1)
    style = _marker_style(f"on-{fill}")
    fixed = Typesetter(c.deck.brand, c.palette, c.type.lang, lambda role: size, fill)
    body = fixed.body([para(text, markup=False)], style, NO_INSETS, explicit=True)
    c.tree.append(shapes.shape(c.painter.ids(), name, box, geometry="ellipse", fill=c.palette.fill(fill),
                               text_body=body))


def steps(c, planned) -> None:
    slide = shown(planned)
    c.put("Title")
    items = slide.items
    cells = step_cells(c.box("Steps"), len(items))
    first = first_number(planned)
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


def quiz(c, planned) -> None:
    slide = shown(planned)
    answer = planned.quiz_answer
    right = set(slide.answer_indexes)
    c.put("Title")
    c.put("Question")
    for index, boxes in enumerate(option_rows(c.box("Options"), len(slide.options))):
        letter = chr(ord("A") + index)
        correct = answer and index in right
        wrong = answer and index not in right
        band = "soft-success" if correct else "light"
        c.rect(f"Option {letter}", boxes.band, band)
        _marker(c, f"Option Letter {letter}", boxes.letter, letter,
                "success" if correct else ("rule" if wrong else "primary"))
        c.put(f"Option Text {letter}")
    c.put_all()


def exercise(c, planned) -> None:
    c.put_all()
