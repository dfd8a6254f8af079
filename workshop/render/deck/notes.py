"""Speaker notes: the slide's ``notes``, plus the quiz answer where the outline hides it there."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lxml import etree

from workshop.language import Language
from workshop.layouts.spec import TextStyle
from workshop.model.slides import QuizSlide, Reveal
from workshop.render.deck.package import NAMESPACES, element, text_body
from workshop.render.deck.text import Para, Typesetter, para

if TYPE_CHECKING:
    from workshop.plan.model import PlannedSlide
    from workshop.render.deck.deck import Deck

NOTES = TextStyle("body", line_spacing=1.1, space_before=6)
NOTES_PT = 12.0
# The notes page's body placeholder text (what python-pptx's ``notes_placeholder`` finds, without
# building an object for every placeholder on every page).
_BODY = etree.XPath("p:cSld/p:spTree/p:sp[p:nvSpPr/p:nvPr/p:ph[@type='body']][1]/p:txBody",
                    namespaces={"p": NAMESPACES["p"]})


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
    found = _BODY(element(notes))
    if found:
        body = found[0]
    else:  # a designer's notes master whose body placeholder has no text body yet
        placeholder = notes.notes_placeholder
        if placeholder is None:
            return False
        body = text_body(placeholder.text_frame)
    typesetter = Typesetter(deck.brand, deck.palette, deck.lang, lambda role: NOTES_PT, "#FFFFFF",  # paper
                            deck.made)
    typesetter.write(body, paras, NOTES, explicit=True)
    return True
