"""A throwaway slide kind, defined only through its record: a poll with a question and choices.

Loaded by ``test_new_kind`` under the module name ``poll_kind`` so the
record's references ("poll_kind:layout") resolve like any other.
"""

from __future__ import annotations

from typing import Literal

from workshop.kinds import Continues, Ref, ShapeRole, SlideKind
from workshop.layouts.default import BULLETS, CONTENT_BOX, TITLE, TITLE_BOX
from workshop.layouts.geometry import Box
from workshop.layouts.paragraphs import Line
from workshop.layouts.spec import LayoutSpec, ShapeSpec, TextStyle
from workshop.model.base import field
from workshop.model.containers import Many
from workshop.model.fields import SHORT, TEXT
from workshop.model.slides import SlideBase
from workshop.model.spec import Const
from workshop.plan.texts import TextBlock


class PollSlide(SlideBase):
    """A question the room votes on."""

    kind: Literal["poll"] = field(Const("poll"))
    title: str = field(SHORT, description="The slide title.")
    question: str = field(TEXT, description="What the room votes on.")
    choices: list[str] = field(Many(SHORT, min_length=1), description="The answers to vote for, in order.")


def layout(name: str) -> LayoutSpec:
    half = CONTENT_BOX.h // 3
    question = Box(CONTENT_BOX.x, CONTENT_BOX.y, CONTENT_BOX.w, half)
    choices = Box(CONTENT_BOX.x, CONTENT_BOX.y + half, CONTENT_BOX.w, CONTENT_BOX.h - half)
    return LayoutSpec("poll", name, shapes=(
        ShapeSpec("Title", "text", TITLE_BOX, "title", TITLE, prompt="Title"),
        ShapeSpec("Question", "text", question, "body", TextStyle("subtitle", font="heading"), prompt="Question"),
        ShapeSpec("Choices", "text", choices, "body", BULLETS, prompt="Choices"),
    ))


def texts(planned, slide: PollSlide, spec, ctx) -> list:
    return [TextBlock("Title", (Line(slide.title),)), TextBlock("Question", (Line(slide.question),)),
            TextBlock("Choices", tuple(Line(choice) for choice in slide.choices))]


def painter(c, planned) -> None:
    c.put_all()


def handout(kit, slide: PollSlide, ctx) -> list:
    out = [kit.p(slide.question, kit.styles.h2)]
    return out + [kit.p(choice, kit.styles.bullet, bullet="•") for choice in slide.choices]


def guide(kit, slide: PollSlide) -> list:
    return [kit.p(slide.question + " — " + " / ".join(slide.choices), kit.styles.tight)]


POLL = SlideKind(
    name="poll", model=PollSlide, layout=Ref("poll_kind:layout"), layout_name="Poll", texts=Ref("poll_kind:texts"),
    painter=Ref("poll_kind:painter"), handout=Ref("poll_kind:handout"), guide=Ref("poll_kind:guide"),
    label="quiz", purpose="a question the room votes on",
    shapes={"Title": ShapeRole("the slide title"), "Question": ShapeRole("the question"),
            "Choices": ShapeRole("the choices to vote for")},
    continues=Continues("items", "choices", ("choices",), shapes=frozenset({"Choices"}), list_field="choices"),
)
