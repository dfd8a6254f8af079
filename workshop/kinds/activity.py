"""Kinds where the group does something: steps, quiz, exercise."""

from __future__ import annotations

from types import MappingProxyType

from workshop.kinds._refs import guide, handout, layout, painter, texts
from workshop.kinds.opening import TITLE_ROLE
from workshop.kinds.record import Continues, ShapeRole, SlideKind
from workshop.model import slides as m


def _quiz_variant(slide: m.QuizSlide, quiz_answer: bool) -> str | None:
    """The question and its answer slide share one geometry; without an answer panel the options are wide."""
    return None if slide.explanation and slide.reveal is m.Reveal.NEXT else "wide"


STEPS = SlideKind(
    name="steps", model=m.StepsSlide, layout=layout("steps"), layout_name="Steps", texts=texts("steps"),
    painter=painter("activity", "steps"), handout=handout("blocks:steps"), guide=guide("steps"), label="steps",
    purpose="numbered steps in a row",
    shapes={
        "Title": TITLE_ROLE,
        "Steps": ShapeRole("the numbered steps; the tool draws them inside this area"),
    },
    continues=Continues("items", "steps", ("steps",), prefix="Step ", list_field="steps"),
)

QUIZ = SlideKind(
    name="quiz", model=m.QuizSlide, layout=layout("quiz"), layout_name="Quiz", texts=texts("quiz"),
    painter=painter("activity", "quiz"), handout=handout("blocks:quiz"), guide=guide("quiz"), label="quiz",
    purpose="a question with lettered options (and its answer slide)",
    shapes={
        "Title": TITLE_ROLE,
        "Question": ShapeRole("the question"),
        "Options": ShapeRole("the options A, B, C…; the tool draws them inside this area"),
        "Explanation": ShapeRole("the explanation of the answer (answer slide only)", required=False),
    },
    variant=_quiz_variant,
)

EXERCISE = SlideKind(
    name="exercise", model=m.ExerciseSlide, layout=layout("exercise"), layout_name="Exercise",
    texts=texts("exercise"), painter=painter("activity", "exercise"),
    handout=handout("worksheet:worksheet"), guide=guide("exercise"), label="exercise",
    purpose="an exercise for the group",
    shapes={
        "Title": TITLE_ROLE,
        "Goal": ShapeRole("the goal of the exercise", required=False),
        "Instructions": ShapeRole("the numbered instructions"),
        "Duration": ShapeRole("how long it takes (15 min)"),
        "Details": ShapeRole("group size and materials", required=False),
    },
    continues=Continues("items", "instructions", ("steps",), shapes=frozenset({"Instructions"}),
                        list_field="steps", dropped=MappingProxyType({"goal": None, "worksheet": []})),
    shape_words={"Details": ("group and materials", ("materials",))},
)

RECORDS = (STEPS, QUIZ, EXERCISE)
