"""Speaker notes: the slide's ``notes``, plus the quiz answer where the outline hides it there."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workshop.language import Language
from workshop.layouts.spec import TextStyle
from workshop.model.slides import QuizSlide, Reveal
from workshop.render.deck.package import text_body
from workshop.render.deck.text import Para, Typesetter, para

if TYPE_CHECKING:
    from workshop.plan.model import PlannedSlide
    from workshop.render.deck.deck import Deck

NOTES = TextStyle("body", line_spacing=1.1, space_before=6)
NOTES_PT = 12.0


def notes_paragraphs(planned: PlannedSlide, lang: Language) -> list[Para]:
    """What the facilitator reads under the slide, as paragraphs."""
    slide = planned.slide
    texts: list[str] = []
    if slide.notes and not planned.quiz_answer:
        texts += [p.strip() for p in slide.notes.split("\n\n") if p.strip()]
    if isinstance(slide, QuizSlide) and (planned.quiz_answer or slide.reveal is Reveal.NOTES):
        letters = ", ".join(chr(ord("A") + i) for i in slide.answer_indexes)
        options = " / ".join(slide.options[i] for i in slide.answer_indexes)
        texts.append(f"{lang.word('answer')}: {letters} – {options}")
        if slide.explanation:
            texts.append(f"{lang.word('explanation')}: {slide.explanation}")
    return [para(text) for text in texts]


def write_notes(deck: Deck, slide: Any, planned: PlannedSlide, lang: Language) -> bool:  # slide: python-pptx's
    """Add a notes page when there is anything to say; True when one was added."""
    paras = notes_paragraphs(planned, lang)
    if not paras:
        return False
    notes = deck.add_notes_slide(slide)
    placeholder = notes.notes_placeholder
    if placeholder is None:
        return False
    typesetter = Typesetter(deck.brand, deck.palette, deck.lang, lambda role: NOTES_PT, "#FFFFFF")  # paper
    typesetter.write(text_body(placeholder.text_frame), paras, NOTES, explicit=True)
    return True
