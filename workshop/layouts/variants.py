"""Which variant of its layout a slide needs, decided from the slide's content alone.

A stat with a chart narrows the number to make room, an image without a title
takes the title's space, a quiz answer slide makes room for the explanation.
The text fit and the renderer both ask here, so they measure what is drawn.
"""

from __future__ import annotations


def variant_for(kind: str, slide: object, quiz_answer: bool = False) -> str | None:
    if kind == "stat" and getattr(slide, "chart", None) is not None:
        return "chart"
    if kind == "image" and not getattr(slide, "title", None):
        return "untitled"
    if kind == "quiz" and quiz_answer:
        return "answer"
    return None
