"""Slide kinds: a closed set, each with the fields it needs and nothing more.

Every model is frozen and forbids unknown keys, so a typo is an error with a
location instead of a silently ignored field.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from workshop.language import language_for
from workshop.language.table import DEFAULT
from workshop.model.durations import Minutes

MAX_TEXT = 10_000
Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT)]
Short = Annotated[str, StringConstraints(min_length=1, max_length=2_000)]


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


class Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


class SlideBase(Strict):
    notes: Text | None = Field(None, description="Speaker notes: what the facilitator says or does.")
    audience: Audience = Field(Audience.ALL, description="`facilitator` keeps it out of the deck and handout.")
    duration: Minutes | None = Field(None, description="Time this slide takes; untimed slides share the section's rest.")

    @property
    def heading(self) -> str | None:
        """The text that names the slide in agendas, guides and warnings."""
        return getattr(self, "title", None)


class TitleSlide(SlideBase):
    kind: Literal["title"]
    title: Short | None = Field(None, description="Defaults to the workshop title.")
    subtitle: Short | None = Field(None, description="Defaults to the workshop subtitle.")


class AgendaSlide(SlideBase):
    kind: Literal["agenda"]
    title: Short = Field(default_title("agenda"), description=TITLE_DEFAULT.format(word="Agenda"))


class SectionSlide(SlideBase):
    kind: Literal["section"]
    title: Short
    subtitle: Short | None = None


class BulletItem(Strict):
    text: Text
    sub: list[Text] = Field(default_factory=list, max_length=20, description="Second-level points.")


class BulletsSlide(SlideBase):
    kind: Literal["bullets"]
    title: Short
    bullets: list[Text | BulletItem] = Field(min_length=1, max_length=200)

    @property
    def items(self) -> list[BulletItem]:
        return [b if isinstance(b, BulletItem) else BulletItem(text=b) for b in self.bullets]


class StatementSlide(SlideBase):
    kind: Literal["statement"]
    text: Text
    title: Short | None = Field(None, description="Optional small heading above the statement.")


class QuoteSlide(SlideBase):
    kind: Literal["quote"]
    text: Text
    by: Short = Field(description="Who said or wrote it.")
    source: Short | None = Field(None, description="Where: book, talk, year.")


class Column(Strict):
    heading: Short
    points: list[Text] = Field(min_length=1, max_length=50)


class CompareSlide(SlideBase):
    kind: Literal["compare"]
    title: Short
    left: Column
    right: Column


class ChartType(str, Enum):
    BAR = "bar"
    COLUMN = "column"
    PIE = "pie"
    LINE = "line"


class Series(Strict):
    name: Short
    values: list[float] = Field(min_length=1, max_length=500)


class ChartData(Strict):
    type: ChartType = ChartType.COLUMN
    categories: list[Short] = Field(min_length=1, max_length=500)
    series: list[Series] = Field(min_length=1, max_length=12)
    unit: Annotated[str, StringConstraints(max_length=10)] | None = Field(
        None, description="Shown after each value, e.g. % or €."
    )

    @model_validator(mode="after")
    def _shape(self) -> ChartData:
        for s in self.series:
            if len(s.values) != len(self.categories):
                raise ValueError(
                    f"series '{s.name}' has {len(s.values)} values but there are "
                    f"{len(self.categories)} categories; give one value per category"
                )
        if self.type is ChartType.PIE:
            if len(self.series) != 1:
                raise ValueError("a pie chart shows exactly one series")
            if any(v < 0 for v in self.series[0].values):
                raise ValueError("a pie chart cannot show negative values")
        return self


class StatSlide(SlideBase):
    kind: Literal["stat"]
    value: Annotated[str, StringConstraints(min_length=1, max_length=40)] = Field(
        description="The big number exactly as shown, e.g. 21%."
    )
    label: Text
    source: Short | None = None
    title: Short | None = None
    chart: ChartData | None = Field(None, description="Optional small chart next to the number.")


class ChartSlide(SlideBase):
    kind: Literal["chart"]
    title: Short
    chart: ChartData
    source: Short | None = None
    caption: Text | None = None


class TableSlide(SlideBase):
    kind: Literal["table"]
    title: Short
    header: list[Short] = Field(min_length=1, max_length=12)
    rows: list[list[Text]] = Field(min_length=1, max_length=2_000)
    source: Short | None = None

    @model_validator(mode="after")
    def _rectangular(self) -> TableSlide:
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.header):
                raise ValueError(
                    f"row {number} has {len(row)} cells but the header has {len(self.header)}; "
                    "give every row one cell per column"
                )
        return self


class ImageSlide(SlideBase):
    kind: Literal["image"]
    image: Short = Field(description="Path to a PNG or JPEG, relative to the outline.")
    alt: Text = Field(description="Alternative text for screen readers (required).")
    title: Short | None = None
    caption: Text | None = None
    source: Short | None = None


class Step(Strict):
    title: Short
    text: Text | None = None


class StepsSlide(SlideBase):
    kind: Literal["steps"]
    title: Short
    steps: list[Short | Step] = Field(min_length=1, max_length=30)

    @property
    def items(self) -> list[Step]:
        return [s if isinstance(s, Step) else Step(title=s) for s in self.steps]


class Reveal(str, Enum):
    NEXT = "next"
    NOTES = "notes"


class QuizSlide(SlideBase):
    kind: Literal["quiz"]
    question: Text
    options: list[Short] = Field(min_length=2, max_length=8)
    answer: list[Annotated[str, StringConstraints(pattern=r"^[a-hA-H]$")]] = Field(
        min_length=1, description="Letter(s) of the right option(s): a, b, c…"
    )
    explanation: Text | None = None
    reveal: Reveal = Field(Reveal.NEXT, description="`next`: an answer slide follows; `notes`: only in notes.")
    title: Short = Field(default_title("quiz"), description=TITLE_DEFAULT.format(word="Quiz"))

    @model_validator(mode="before")
    @classmethod
    def _answer_as_list(cls, data: object) -> object:
        if isinstance(data, dict) and isinstance(data.get("answer"), str):
            data = {**data, "answer": [data["answer"]]}
        return data

    @model_validator(mode="after")
    def _answer_exists(self) -> QuizSlide:
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
    text: Text
    lines: int = Field(4, ge=0, le=40, description="Ruled writing lines in the handout.")


class ExerciseSlide(SlideBase):
    kind: Literal["exercise"]
    title: Short
    duration: Minutes = Field(description="Time for the exercise.")
    goal: Text | None = None
    group: Short | None = Field(None, description="Group size, e.g. '3-4 personen'.")
    steps: list[Text] = Field(min_length=1, max_length=30, description="Instructions, in order.")
    materials: list[Short] = Field(default_factory=list, max_length=50)
    worksheet: list[Text | Prompt] = Field(
        default_factory=list, max_length=30,
        description="Questions with writing space in the handout.",
    )

    @property
    def prompts(self) -> list[Prompt]:
        return [p if isinstance(p, Prompt) else Prompt(text=p) for p in self.worksheet]


class BreakSlide(SlideBase):
    kind: Literal["break"]
    title: Short = Field(
        default_title("break"), description=TITLE_DEFAULT.format(word="Pauze, Break, Pause, Pause"),
    )
    duration: Minutes
    text: Text | None = None


class ClosingSlide(SlideBase):
    kind: Literal["closing"]
    title: Short = Field(
        default_title("closing"), description=TITLE_DEFAULT.format(word="Tot slot, To close, Zum Schluss, Pour finir"),
    )
    takeaways: list[Text] = Field(default_factory=list, max_length=20)
    action: Text | None = Field(None, description="Call to action.")
    question: Text | None = Field(None, description="Discussion question.")


Slide = Annotated[
    TitleSlide | AgendaSlide | SectionSlide | BulletsSlide | StatementSlide | QuoteSlide | CompareSlide | StatSlide | ChartSlide | TableSlide | ImageSlide | StepsSlide | QuizSlide | ExerciseSlide | BreakSlide | ClosingSlide,
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
