"""Slide kinds: a closed set, each with the fields it needs and nothing more.

Every model is frozen and forbids unknown keys, so a typo is an error with a
location instead of a silently ignored field.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal, Union

from pydantic import (
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from workshop.language import language_for
from workshop.language.table import DEFAULT
from workshop.model.charts import ChartData as ChartData
from workshop.model.charts import ChartSort as ChartSort
from workshop.model.charts import ChartType as ChartType
from workshop.model.charts import Series as Series
from workshop.model.durations import Minutes
from workshop.model.fields import MAX_TEXT as MAX_TEXT
from workshop.model.fields import Short, SlideId, Strict, Text


def default_title(kind: str, language: str = DEFAULT) -> str:
    """The title a slide of ``kind`` gets when the outline gives none, in the outline's language."""
    return language_for(language).word(f"title_{kind}")


#: kinds whose title may be left out; the workshop fills it in its own language
TITLED_BY_DEFAULT = ("agenda", "quiz", "break", "closing")


class Audience(str, Enum):
    """Who sees a slide or section: everyone, or only the facilitator (guide only)."""

    ALL = "all"
    FACILITATOR = "facilitator"


TITLE_DEFAULT = "Slide title; left out, it is the word for it in the workshop's language ({word})."


class SlideBase(Strict):
    id: SlideId | None = Field(
        None, description="A stable name for the slide (letters, digits, . _ -), unique in the outline; "
                          "keeps hand edits in PowerPoint tied to it when its title changes.",
    )
    notes: Text | None = Field(None, description="Speaker notes: what the facilitator says or does.")
    audience: Audience = Field(Audience.ALL, description="`facilitator` keeps it out of the deck and handout.")
    duration: Minutes | None = Field(
        None,
        description="Time this slide takes; untimed slides share the section's rest.",
    )

    @property
    def heading(self) -> str | None:
        """The text that names the slide in agendas, guides and warnings."""
        return getattr(self, "title", None)


class TitleSlide(SlideBase):
    """The opening slide: workshop title, subtitle, client, date and facilitator."""

    kind: Literal["title"]
    title: Short | None = Field(None, description="Defaults to the workshop title.")
    subtitle: Short | None = Field(None, description="Defaults to the workshop subtitle.")


class AgendaSlide(SlideBase):
    """The programme, made from the sections with their clock times."""

    kind: Literal["agenda"]
    title: Short = Field(default_title("agenda"), description=TITLE_DEFAULT.format(word="Agenda"))


class SectionSlide(SlideBase):
    """A divider that opens a section (made for each section unless it says `divider: false`)."""

    kind: Literal["section"]
    title: Short = Field(description="The divider's title, e.g. the section name.")
    subtitle: Short | None = Field(None, description="A line under the title.")


class BulletItem(Strict):
    """A point with second-level points under it."""

    text: Text = Field(description="The point itself; **bold** and *italic* work.")
    # limits: what fits on one slide under the widest fallback font (tests/plan/test_documented_maximums.py)
    sub: list[Text] = Field(default_factory=list, max_length=12, description="Second-level points.")


class BulletsSlide(SlideBase):
    """A title with points on two levels."""

    kind: Literal["bullets"]
    title: Short = Field(description="The slide title.")
    bullets: list[Union[Text, BulletItem]] = Field(
        min_length=1, max_length=200,
        description="The points, in order: plain text, or `text` with `sub` points.",
    )

    @property
    def items(self) -> list[BulletItem]:
        return [b if isinstance(b, BulletItem) else BulletItem(text=b) for b in self.bullets]


class StatementSlide(SlideBase):
    """One statement, large, to discuss."""

    kind: Literal["statement"]
    text: Text = Field(description="The statement, large; **bold** marks the words that matter.")
    title: Short | None = Field(None, description="Optional small heading above the statement.")


class QuoteSlide(SlideBase):
    """A quote with who said it."""

    kind: Literal["quote"]
    text: Text = Field(description="The quote, without quotation marks (they are added).")
    by: Short = Field(description="Who said or wrote it.")
    source: Short | None = Field(None, description="Where: book, talk, year.")


class Column(Strict):
    """One side of a comparison."""

    heading: Short = Field(description="The column's heading, e.g. Visser.")
    points: list[Text] = Field(description="The column's points, in order.", min_length=1, max_length=50)


class CompareSlide(SlideBase):
    """Two columns side by side, each with a heading: visser versus vis."""

    kind: Literal["compare"]
    title: Short = Field(description="The slide title.")
    left: Column = Field(description="The left column: `heading` and `points`.")
    right: Column = Field(description="The right column: `heading` and `points`.")


class StatSlide(SlideBase):
    """One big number with what it means and its source, optionally with a small chart."""

    kind: Literal["stat"]
    value: Annotated[str, StringConstraints(min_length=1, max_length=30)] = Field(
        description="The big number exactly as shown, e.g. 21%."
    )
    label: Text = Field(description="What the number means, in a sentence.")
    source: Short | None = Field(None, description="Where the number comes from; listed in the handout's sources.")
    title: Short | None = Field(None, description="Optional heading above the number.")
    chart: ChartData | None = Field(None, description="Optional small chart next to the number.")


class ChartSlide(SlideBase):
    """A native, editable PowerPoint chart: bar, column, pie or line."""

    kind: Literal["chart"]
    title: Short = Field(description="The slide title.")
    chart: ChartData = Field(description="The chart: `type`, `categories`, `series` and an optional `unit`.")
    source: Short | None = Field(None, description="Where the data comes from; listed in the handout's sources.")
    caption: Text | None = Field(None, description="A sentence under the chart that says what it shows.")


class TableSlide(SlideBase):
    """A table with a header row."""

    kind: Literal["table"]
    title: Short = Field(description="The slide title.")
    header: list[Short] = Field(description="The column headings.", min_length=1, max_length=12)
    rows: list[list[Text]] = Field(
        min_length=1, max_length=2_000,
        description="The rows, each with one cell per heading.",
    )
    source: Short | None = Field(None, description="Where the data comes from; listed in the handout's sources.")

    @model_validator(mode="after")
    def _rectangular(self) -> "TableSlide":
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.header):
                raise ValueError(
                    f"row {number} has {len(row)} cells but the header has {len(self.header)}; "
                    "give every row one cell per column"
                )
        return self


class ImageSlide(SlideBase):
    """A picture with alternative text (required)."""

    kind: Literal["image"]
    image: Short = Field(description="Path to a PNG or JPEG, relative to the outline.")
    alt: Text = Field(description="Alternative text for screen readers (required).")
    title: Short | None = Field(None, description="Optional slide title.")
    caption: Text | None = Field(None, description="A sentence under the image.")
    source: Short | None = Field(None, description="Credit or origin of the image.")
    fit: Literal["auto", "cover", "contain"] = Field(
        "auto",
        description="`cover`: the picture fills its area, cropped; `contain`: the whole picture, on the text "
                    "column's left edge; `auto`: cover when at most a quarter would be cropped, else contain.",
    )
    focus: list[Annotated[float, Field(ge=0, le=100)]] | None = Field(
        None, min_length=2, max_length=2,
        description="Where the subject is, as [x, y] percent from the top left (`[50, 30]`): cropping keeps it "
                    "in view. Default: the centre.",
    )


class Step(Strict):
    """A step with a short explanation."""

    title: Short = Field(description="The step's name.")
    text: Text | None = Field(None, description="A sentence explaining the step.")


class StepsSlide(SlideBase):
    """A numbered process."""

    kind: Literal["steps"]
    title: Short = Field(description="The slide title.")
    steps: list[Union[Short, Step]] = Field(
        min_length=1, max_length=30,
        description="The steps, in order: plain text, or `title` with `text`.",
    )

    @property
    def items(self) -> list[Step]:
        return [s if isinstance(s, Step) else Step.model_validate({"title": s}) for s in self.steps]


_LETTER = r"^[a-hA-H]$"
#: one letter (``answer: b``) or a list of letters (``answer: [a, c]``)
Answer = Annotated[
    list[Annotated[str, StringConstraints(pattern=_LETTER)]],
    WithJsonSchema({"anyOf": [
        {"type": "string", "pattern": _LETTER},
        {"type": "array", "items": {"type": "string", "pattern": _LETTER}, "minItems": 1, "maxItems": 8},
    ]}),
]


class Reveal(str, Enum):
    NEXT = "next"
    NOTES = "notes"


class QuizSlide(SlideBase):
    """A question with lettered options; the answer follows on the next slide or in the notes."""

    kind: Literal["quiz"]
    question: Text = Field(description="The question.")
    options: list[Short] = Field(
        min_length=2, max_length=8,
        description="Two to eight answers; they are lettered a, b, c…",
    )
    answer: Answer = Field(
        min_length=1, description="Letter(s) of the right option(s): a, b, c…",
        json_schema_extra={"markdownDescription": "The right option's letter, `b`, or several: `[a, c]`."},
    )
    explanation: Text | None = Field(
        None,
        description="Why the answer is right; on the answer slide, in the notes and the guide.",
    )
    reveal: Reveal = Field(Reveal.NEXT, description="`next`: an answer slide follows; `notes`: only in notes.")
    title: Short = Field(default_title("quiz"), description=TITLE_DEFAULT.format(word="Quiz"))

    @model_validator(mode="before")
    @classmethod
    def _answer_as_list(cls, data: object) -> object:
        if isinstance(data, dict) and isinstance(data.get("answer"), str):
            data = {**data, "answer": [data["answer"]]}
        return data

    @model_validator(mode="after")
    def _answer_exists(self) -> "QuizSlide":
        for letter in self.answer:
            if ord(letter.lower()) - ord("a") >= len(self.options):
                raise ValueError(
                    f"answer '{letter}' names no option; there are {len(self.options)} options "
                    f"(a–{chr(ord('a') + len(self.options) - 1)})"
                )
        return self

    @property
    def answer_indexes(self) -> list[int]:
        return sorted({ord(a.lower()) - ord("a") for a in self.answer})


class Prompt(Strict):
    """A worksheet question with its number of writing lines."""

    text: Text = Field(description="The question on the worksheet.")
    lines: int = Field(4, ge=0, le=40, description="Ruled writing lines in the handout.")


class ExerciseSlide(SlideBase):
    """A group exercise: steps, time, group size, materials; a worksheet in the handout."""

    kind: Literal["exercise"]
    title: Short = Field(description="The exercise's name.")
    duration: Minutes = Field(description="Time for the exercise.")
    goal: Text | None = Field(None, description="What the group should have at the end.")
    group: Short | None = Field(None, description="Group size, e.g. '3-4 personen'.")
    steps: list[Text] = Field(min_length=1, max_length=30, description="Instructions, in order.")
    materials: list[Short] = Field(
        default_factory=list, max_length=10,
        description="What the facilitator must bring; gathered in the guide's checklist.",
    )
    worksheet: list[Union[Text, Prompt]] = Field(
        default_factory=list, max_length=30,
        description="Questions with writing space in the handout.",
    )

    @property
    def prompts(self) -> list[Prompt]:
        return [p if isinstance(p, Prompt) else Prompt.model_validate({"text": p}) for p in self.worksheet]


class BreakSlide(SlideBase):
    """A break, with the time the workshop goes on."""

    kind: Literal["break"]
    title: Short = Field(
        default_title("break"), description=TITLE_DEFAULT.format(word="Pauze, Break, Pause, Pause"),
    )
    duration: Minutes = Field(description="How long the break lasts.")
    text: Text | None = Field(None, description="An optional line, e.g. where the coffee is.")


class ClosingSlide(SlideBase):
    """The end: takeaways, a call to action and a question to discuss."""

    kind: Literal["closing"]
    title: Short = Field(
        default_title("closing"), description=TITLE_DEFAULT.format(word="Tot slot, To close, Zum Schluss, Pour finir"),
    )
    takeaways: list[Text] = Field(
        default_factory=list, max_length=10,
        description="What participants should remember, one point each.",
    )
    action: Text | None = Field(None, description="Call to action.")
    question: Text | None = Field(None, description="Discussion question.")


Slide = Annotated[
    Union[
        TitleSlide, AgendaSlide, SectionSlide, BulletsSlide, StatementSlide, QuoteSlide,
        CompareSlide, StatSlide, ChartSlide, TableSlide, ImageSlide, StepsSlide, QuizSlide,
        ExerciseSlide, BreakSlide, ClosingSlide,
    ],
    Field(discriminator="kind"),
]

SLIDE_KINDS: dict[str, type[SlideBase]] = {
    cls.model_fields["kind"].annotation.__args__[0]: cls  # type: ignore[union-attr]
    for cls in (
        TitleSlide, AgendaSlide, SectionSlide, BulletsSlide, StatementSlide, QuoteSlide,
        CompareSlide, StatSlide, ChartSlide, TableSlide, ImageSlide, StepsSlide, QuizSlide,
        ExerciseSlide, BreakSlide, ClosingSlide,
    )
}
