"""Slide kinds: a closed set, each with the fields it needs and nothing more.

Every model is frozen and forbids unknown keys, so a typo is an error with a
location instead of a silently ignored field.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Literal

from workshop.language import language_for
from workshop.language.table import DEFAULT
from workshop.model.base import field
from workshop.model.charts import ChartData as ChartData
from workshop.model.charts import ChartSort as ChartSort
from workshop.model.charts import ChartType as ChartType
from workshop.model.charts import Series as Series
from workshop.model.containers import Either, Many, Nullable, Tagged
from workshop.model.durations import MINUTES
from workshop.model.fields import MAX_TEXT as MAX_TEXT
from workshop.model.fields import SHORT, SLIDE_ID, TEXT, Strict
from workshop.model.spec import Choice, Const, Number, Shown, Text


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
    id: str | None = field(
        Nullable(SLIDE_ID), default=None, description="A stable name for the slide (letters, digits, . _ -), unique in the outline; "
                          "keeps hand edits in PowerPoint tied to it when its title changes.",
    )
    notes: str | None = field(Nullable(TEXT), default=None, description="Speaker notes: what the facilitator says or does.")
    audience: Audience = field(Choice(Audience), default=Audience.ALL, description="`facilitator` keeps it out of the deck and handout.")
    duration: int | None = field(
        Nullable(MINUTES), default=None,
        description="Time this slide takes; untimed slides share the section's rest.",
    )

    @property
    def heading(self) -> str | None:
        """The text that names the slide in agendas, guides and warnings."""
        return getattr(self, "title", None)


class TitleSlide(SlideBase):
    """The opening slide: workshop title, subtitle, client, date and facilitator."""

    kind: Literal["title"] = field(Const("title"))
    title: str | None = field(Nullable(SHORT), default=None, description="Defaults to the workshop title.")
    subtitle: str | None = field(Nullable(SHORT), default=None, description="Defaults to the workshop subtitle.")


class AgendaSlide(SlideBase):
    """The programme, made from the sections with their clock times."""

    kind: Literal["agenda"] = field(Const("agenda"))
    title: str = field(SHORT, default=default_title("agenda"), description=TITLE_DEFAULT.format(word="Agenda"))


class SectionSlide(SlideBase):
    """A divider that opens a section (made for each section unless it says `divider: false`)."""

    kind: Literal["section"] = field(Const("section"))
    title: str = field(SHORT, description="The divider's title, e.g. the section name.")
    subtitle: str | None = field(Nullable(SHORT), default=None, description="A line under the title.")


class BulletItem(Strict):
    """A point with second-level points under it."""

    text: str = field(TEXT, description="The point itself; **bold** and *italic* work.")
    # limits: what fits on one slide under the widest fallback font (tests/plan/test_documented_maximums.py)
    sub: list[str] = field(Many(TEXT, max_length=12), factory=list, description="Second-level points.")


class BulletsSlide(SlideBase):
    """A title with points on two levels."""

    kind: Literal["bullets"] = field(Const("bullets"))
    title: str = field(SHORT, description="The slide title.")
    bullets: list[str | BulletItem] = field(
        Many(Either(TEXT, BulletItem), min_length=1, max_length=200),
        description="The points, in order: plain text, or `text` with `sub` points.",
    )

    @property
    def items(self) -> list[BulletItem]:
        return [b if isinstance(b, BulletItem) else BulletItem(text=b) for b in self.bullets]


class StatementSlide(SlideBase):
    """One statement, large, to discuss."""

    kind: Literal["statement"] = field(Const("statement"))
    text: str = field(TEXT, description="The statement, large; **bold** marks the words that matter.")
    title: str | None = field(Nullable(SHORT), default=None, description="Optional small heading above the statement.")


class QuoteSlide(SlideBase):
    """A quote with who said it."""

    kind: Literal["quote"] = field(Const("quote"))
    text: str = field(TEXT, description="The quote, without quotation marks (they are added).")
    by: str = field(SHORT, description="Who said or wrote it.")
    source: str | None = field(Nullable(SHORT), default=None, description="Where: book, talk, year.")


class Column(Strict):
    """One side of a comparison."""

    heading: str = field(SHORT, description="The column's heading, e.g. Visser.")
    points: list[str] = field(Many(TEXT, min_length=1, max_length=50), description="The column's points, in order.")


class CompareSlide(SlideBase):
    """Two columns side by side, each with a heading: visser versus vis."""

    kind: Literal["compare"] = field(Const("compare"))
    title: str = field(SHORT, description="The slide title.")
    left: Column = field(Column, description="The left column: `heading` and `points`.")
    right: Column = field(Column, description="The right column: `heading` and `points`.")


class StatSlide(SlideBase):
    """One big number with what it means and its source, optionally with a small chart."""

    kind: Literal["stat"] = field(Const("stat"))
    value: str = field(
        Text(min_length=1, max_length=30), description="The big number exactly as shown, e.g. 21%."
    )
    label: str = field(TEXT, description="What the number means, in a sentence.")
    source: str | None = field(Nullable(SHORT), default=None, description="Where the number comes from; listed in the handout's sources.")
    title: str | None = field(Nullable(SHORT), default=None, description="Optional heading above the number.")
    chart: ChartData | None = field(Nullable(ChartData), default=None, description="Optional small chart next to the number.")


class ChartSlide(SlideBase):
    """A native, editable PowerPoint chart: bar, column, pie or line."""

    kind: Literal["chart"] = field(Const("chart"))
    title: str = field(SHORT, description="The slide title.")
    chart: ChartData = field(ChartData, description="The chart: `type`, `categories`, `series` and an optional `unit`.")
    source: str | None = field(Nullable(SHORT), default=None, description="Where the data comes from; listed in the handout's sources.")
    caption: str | None = field(Nullable(TEXT), default=None, description="A sentence under the chart that says what it shows.")


class TableSlide(SlideBase):
    """A table with a header row."""

    kind: Literal["table"] = field(Const("table"))
    title: str = field(SHORT, description="The slide title.")
    header: list[str] = field(Many(SHORT, min_length=1, max_length=12), description="The column headings.")
    rows: list[list[str]] = field(
        Many(Many(TEXT), min_length=1, max_length=2_000),
        description="The rows, each with one cell per heading.",
    )
    source: str | None = field(Nullable(SHORT), default=None, description="Where the data comes from; listed in the handout's sources.")

    def model_check(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.header):
                raise ValueError(
                    f"row {number} has {len(row)} cells but the header has {len(self.header)}; "
                    "give every row one cell per column"
                )


class ImageSlide(SlideBase):
    """A picture with alternative text (required)."""

    kind: Literal["image"] = field(Const("image"))
    image: str = field(SHORT, description="Path to a PNG or JPEG, relative to the outline.")
    alt: str = field(TEXT, description="Alternative text for screen readers (required).")
    title: str | None = field(Nullable(SHORT), default=None, description="Optional slide title.")
    caption: str | None = field(Nullable(TEXT), default=None, description="A sentence under the image.")
    source: str | None = field(Nullable(SHORT), default=None, description="Credit or origin of the image.")
    fit: Literal["auto", "cover", "contain"] = field(
        Const("auto", "cover", "contain"), default="auto",
        description="`cover`: the picture fills its area, cropped; `contain`: the whole picture, on the text "
                    "column's left edge; `auto`: cover when at most a quarter would be cropped, else contain.",
    )
    focus: list[float] | None = field(
        Nullable(Many(Number(float, ge=0, le=100), min_length=2, max_length=2)), default=None,
        description="Where the subject is, as [x, y] percent from the top left (`[50, 30]`): cropping keeps it "
                    "in view. Default: the centre.",
    )


class Step(Strict):
    """A step with a short explanation."""

    title: str = field(SHORT, description="The step's name.")
    text: str | None = field(Nullable(TEXT), default=None, description="A sentence explaining the step.")


class StepsSlide(SlideBase):
    """A numbered process."""

    kind: Literal["steps"] = field(Const("steps"))
    title: str = field(SHORT, description="The slide title.")
    steps: list[str | Step] = field(
        Many(Either(SHORT, Step), min_length=1, max_length=30),
        description="The steps, in order: plain text, or `title` with `text`.",
    )

    @property
    def items(self) -> list[Step]:
        return [s if isinstance(s, Step) else Step.model_validate({"title": s}) for s in self.steps]


_LETTER = r"^[a-hA-H]$"
#: one letter (``answer: b``) or a list of letters (``answer: [a, c]``)
ANSWER = Shown(Many(Text(pattern=_LETTER), min_length=1), {"anyOf": [
    {"type": "string", "pattern": _LETTER},
    {"type": "array", "items": {"type": "string", "pattern": _LETTER}, "minItems": 1, "maxItems": 8},
]})


class Reveal(str, Enum):
    NEXT = "next"
    NOTES = "notes"


class QuizSlide(SlideBase):
    """A question with lettered options; the answer follows on the next slide or in the notes."""

    kind: Literal["quiz"] = field(Const("quiz"))
    question: str = field(TEXT, description="The question.")
    options: list[str] = field(
        Many(SHORT, min_length=2, max_length=8),
        description="Two to eight answers; they are lettered a, b, c…",
    )
    answer: list[str] = field(
        ANSWER, description="Letter(s) of the right option(s): a, b, c…",
        extra={"markdownDescription": "The right option's letter, `b`, or several: `[a, c]`."},
    )
    explanation: str | None = field(
        Nullable(TEXT), default=None,
        description="Why the answer is right; on the answer slide, in the notes and the guide.",
    )
    reveal: Reveal = field(Choice(Reveal), default=Reveal.NEXT, description="`next`: an answer slide follows; `notes`: only in notes.")
    title: str = field(SHORT, default=default_title("quiz"), description=TITLE_DEFAULT.format(word="Quiz"))

    @classmethod
    def model_prepare(cls, data: dict[str, Any]) -> dict[str, Any]:
        if isinstance(data.get("answer"), str):
            data = {**data, "answer": [data["answer"]]}
        return data

    def model_check(self) -> None:
        for letter in self.answer:
            if ord(letter.lower()) - ord("a") >= len(self.options):
                raise ValueError(
                    f"answer '{letter}' names no option; there are {len(self.options)} options "
                    f"(a–{chr(ord('a') + len(self.options) - 1)})"
                )

    @property
    def answer_indexes(self) -> list[int]:
        return sorted({ord(a.lower()) - ord("a") for a in self.answer})


class Prompt(Strict):
    """A worksheet question with its number of writing lines."""

    text: str = field(TEXT, description="The question on the worksheet.")
    lines: int = field(Number(int, ge=0, le=40), default=4, description="Ruled writing lines in the handout.")


class ExerciseSlide(SlideBase):
    """A group exercise: steps, time, group size, materials; a worksheet in the handout."""

    kind: Literal["exercise"] = field(Const("exercise"))
    title: str = field(SHORT, description="The exercise's name.")
    duration: int = field(MINUTES, description="Time for the exercise.")
    goal: str | None = field(Nullable(TEXT), default=None, description="What the group should have at the end.")
    group: str | None = field(Nullable(SHORT), default=None, description="Group size, e.g. '3-4 personen'.")
    steps: list[str] = field(Many(TEXT, min_length=1, max_length=30), description="Instructions, in order.")
    materials: list[str] = field(
        Many(SHORT, max_length=10), factory=list,
        description="What the facilitator must bring; gathered in the guide's checklist.",
    )
    worksheet: list[str | Prompt] = field(
        Many(Either(TEXT, Prompt), max_length=30), factory=list,
        description="Questions with writing space in the handout.",
    )

    @property
    def prompts(self) -> list[Prompt]:
        return [p if isinstance(p, Prompt) else Prompt.model_validate({"text": p}) for p in self.worksheet]


class BreakSlide(SlideBase):
    """A break, with the time the workshop goes on."""

    kind: Literal["break"] = field(Const("break"))
    title: str = field(
        SHORT, default=default_title("break"), description=TITLE_DEFAULT.format(word="Pauze, Break, Pause, Pause"),
    )
    duration: int = field(MINUTES, description="How long the break lasts.")
    text: str | None = field(Nullable(TEXT), default=None, description="An optional line, e.g. where the coffee is.")


class ClosingSlide(SlideBase):
    """The end: takeaways, a call to action and a question to discuss."""

    kind: Literal["closing"] = field(Const("closing"))
    title: str = field(
        SHORT, default=default_title("closing"), description=TITLE_DEFAULT.format(word="Tot slot, To close, Zum Schluss, Pour finir"),
    )
    takeaways: list[str] = field(
        Many(TEXT, max_length=10), factory=list,
        description="What participants should remember, one point each.",
    )
    action: str | None = field(Nullable(TEXT), default=None, description="Call to action.")
    question: str | None = field(Nullable(TEXT), default=None, description="Discussion question.")


#: every slide kind, in master order; a slide is checked as the one its ``kind`` names
SLIDE_CLASSES: tuple[type[SlideBase], ...] = (
    TitleSlide, AgendaSlide, SectionSlide, BulletsSlide, StatementSlide, QuoteSlide,
    CompareSlide, StatSlide, ChartSlide, TableSlide, ImageSlide, StepsSlide, QuizSlide,
    ExerciseSlide, BreakSlide, ClosingSlide,
)
#: one slide of any kind (``Slide`` names the type for annotations)
SLIDE = Tagged("kind", SLIDE_CLASSES)
Slide = SlideBase


def _kind_of(cls: type[SlideBase]) -> str:
    kind = cls.model_fields["kind"].spec
    assert isinstance(kind, Const), f"{cls.__name__}.kind is a literal"
    return kind.values[0]


SLIDE_KINDS: dict[str, type[SlideBase]] = {_kind_of(cls): cls for cls in SLIDE_CLASSES}
