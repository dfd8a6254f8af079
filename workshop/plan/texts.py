"""What text each shape of a slide holds, as plain data: the deck draws it, the fit measures it.

``blocks_for`` turns one planned slide into its text blocks: the layout
shape (or, inside composite areas, the box from ``grids``) each text goes
into, with its paragraphs as ``Line``\\ s. The PowerPoint painters write
these blocks and nothing else; the text fit measures these blocks and
nothing else. Pictures, charts, bands and markers are not text blocks (a
marker's number is sized to its circle, not by a text role).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from workshop.kinds import KINDS
from workshop.language import Language
from workshop.layouts.composite import (
    AGENDA_MINUTES,
    AGENDA_TIME,
    AGENDA_TITLE,
    NO_INSETS,
    OPTION,
    STEP_HEADING,
    STEP_TEXT,
)
from workshop.layouts.geometry import Box, Insets
from workshop.layouts.grids import agenda_rows, option_rows, step_cells
from workshop.layouts.paragraphs import Line
from workshop.layouts.spec import LayoutSpec, TextStyle
from workshop.lazyclass import lazy_dataclass
from workshop.model.durations import format_clock

if TYPE_CHECKING:
    from workshop.model import slides as m
    from workshop.plan.model import PlannedSlide


@lazy_dataclass(frozen=True)
class TextBlock:
    """Paragraphs for one shape: a layout shape by name, or a label with its own box and style."""

    name: str
    lines: tuple[Line, ...]
    box: Box | None = None  # a label inside a composite area; None: the layout shape ``name``
    style: TextStyle | None = None  # the label's style (layout shapes have their own)
    insets: Insets = NO_INSETS
    linked: frozenset[str] = frozenset()  # roles of other blocks that must shrink with this one

    @property
    def is_label(self) -> bool:
        return self.box is not None


@lazy_dataclass(frozen=True)
class TableBlock:
    """A native table in the layout area ``name``: header row, then rows."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = TextBlock | TableBlock


@lazy_dataclass(frozen=True)
class Context:
    """What text comes from outside the slide: workshop meta, agenda rows, the deck's own words."""

    meta: Any  # workshop.model.Meta
    agenda: Sequence[Any]  # plan.model.AgendaRow
    lang: Language  # the fixed words, durations and dates in the outline's language


def blocks_for(planned: PlannedSlide, spec: LayoutSpec, context: Context) -> list[Block]:
    """Every text block of ``planned`` on its (resolved, variant) layout ``spec``, in drawing order."""
    return KINDS[planned.kind].texts.load()(planned, planned.shown, spec, context)


def _t(name: str, *lines: Line) -> TextBlock:
    return TextBlock(name, tuple(lines))


def _parts(text: str) -> list[Line]:
    return [Line(part) for part in text.split("\n\n")]


def title(planned: PlannedSlide, slide: m.TitleSlide, spec: LayoutSpec, ctx: Context) -> list[Block]:
    meta = ctx.meta
    out: list[Block] = [_t("Title", Line(slide.title or meta.title))]
    subtitle = slide.subtitle or meta.subtitle
    if subtitle:
        out.append(_t("Subtitle", Line(subtitle)))
    details = " · ".join(v for v in (meta.client, ctx.lang.date(meta.date), meta.facilitator) if v)
    if details:
        out.append(_t("Details", Line(details, markup=False)))
    return out


def agenda(planned: PlannedSlide, slide: m.AgendaSlide, spec: LayoutSpec, ctx: Context) -> list[Block]:
    out: list[Block] = [_t("Title", Line(slide.title))]
    start, stop = planned.span(len(ctx.agenda))
    rows = list(ctx.agenda)[start:stop]
    placed = zip(rows, agenda_rows(spec.box("Agenda"), len(rows)), strict=True)
    for index, (row, boxes) in enumerate(placed, start=start + 1):
        when = f"{format_clock(row.start)}–{format_clock(row.end)}"
        out.append(TextBlock(f"Agenda Time {index}", (Line(when, markup=False),), boxes.time, AGENDA_TIME))
        out.append(TextBlock(f"Agenda Item {index}", (Line(row.title, italic=row.is_break),), boxes.title,
                             AGENDA_TITLE))
        out.append(TextBlock(f"Agenda Minutes {index}", (Line(ctx.lang.duration(row.minutes), markup=False),),
                             boxes.minutes, AGENDA_MINUTES))
    return out


def section(planned: PlannedSlide, slide: m.SectionSlide, spec: LayoutSpec, ctx: Context) -> list[Block]:
    out: list[Block] = [_t("Number", Line(f"{planned.section_number:02d}", markup=False)),
                        _t("Title", Line(slide.title))]
    if slide.subtitle:
        out.append(_t("Subtitle", Line(slide.subtitle)))
    return out


def pause(planned: PlannedSlide, slide: m.BreakSlide, spec: LayoutSpec, ctx: Context) -> list[Block]:
    back = ctx.lang.word("back", time=format_clock(planned.start + (slide.duration or planned.minutes)))
    lines = [Line(slide.text)] if slide.text else []
    lines.append(Line(back, markup=False, bold=True, space_before=12 if lines else None))
    return [_t("Title", Line(slide.title)), _t("Duration", Line(ctx.lang.duration(slide.duration), markup=False)),
            _t("Text", *lines)]


def _kicker(ctx: Context, word: str, color: str | None = None) -> Line:
    """A box's label above its text, in the handout's words ("Wat je meeneemt", "Aan de slag"…)."""
    return Line(ctx.lang.word(word), markup=False, role="attribution", font="body", bold=True, italic=False,
                color=color, bullet=False)


def closing(planned: PlannedSlide, slide: m.ClosingSlide, spec: LayoutSpec, ctx: Context) -> list[Block]:
    out: list[Block] = [_t("Title", Line(slide.title))]
    if slide.takeaways:
        out.append(_t("Takeaways", _kicker(ctx, "takeaways", "primary"), *(Line(t) for t in slide.takeaways)))
    if slide.action:
        out.append(_t("Action", _kicker(ctx, "action"), Line(slide.action, space_before=6)))
    if slide.question:
        out.append(_t("Question", _kicker(ctx, "discuss", "primary"), Line(slide.question, space_before=6)))
    return out


def bullets(planned: PlannedSlide, slide: m.BulletsSlide, spec: LayoutSpec, ctx: Context) -> list[Block]:
    lines: list[Line] = []
    for item in slide.items:
        lines.append(Line(item.text))
        lines += [Line(point, level=1) for point in item.sub]
    return [_t("Title", Line(slide.title)), _t("Body", *lines)]


def statement(planned: PlannedSlide, slide: m.StatementSlide, spec: LayoutSpec, ctx: Context) -> list[Block]:
    out: list[Block] = [_t("Title", Line(slide.title))] if slide.title else []
    out.append(_t("Statement", *_parts(slide.text)))
    return out


def quote(planned: PlannedSlide, slide: m.QuoteSlide, spec: LayoutSpec, ctx: Context) -> list[Block]:
    who = f"— {slide.by}" + (f", {slide.source}" if slide.source else "")
    return [_t("Quote", *_parts(slide.text)), _t("Attribution", Line(who))]


def compare(planned: PlannedSlide, slide: m.CompareSlide, spec: LayoutSpec, ctx: Context) -> list[Block]:
    out: list[Block] = [_t("Title", Line(slide.title))]
    for side, column in (("Left", slide.left), ("Right", slide.right)):
        out.append(_t(f"{side} Heading", Line(column.heading)))
        out.append(_t(side, *(Line(point) for point in column.points)))
    return out


def _source(slide: m.StatSlide | m.ChartSlide | m.TableSlide | m.ImageSlide, ctx: Context) -> list[Block]:
    if not slide.source:
        return []
    return [_t("Source", Line(f"{ctx.lang.word('source')}: {slide.source}", markup=False))]


def stat(planned: PlannedSlide, slide: m.StatSlide, spec: LayoutSpec, ctx: Context) -> list[Block]:
    out: list[Block] = [_t("Title", Line(slide.title))] if slide.title else []
    out += [_t("Value", Line(slide.value, markup=False)), _t("Label", Line(slide.label))]
    return out + _source(slide, ctx)


def chart(planned: PlannedSlide, slide: m.ChartSlide, spec: LayoutSpec, ctx: Context) -> list[Block]:
    out: list[Block] = [_t("Title", Line(slide.title))]
    if slide.caption:
        out.append(_t("Caption", Line(slide.caption)))
    return out + _source(slide, ctx)


def table(planned: PlannedSlide, slide: m.TableSlide, spec: LayoutSpec, ctx: Context) -> list[Block]:
    table = TableBlock("Table", tuple(slide.header), tuple(tuple(row) for row in slide.rows))
    return [_t("Title", Line(slide.title)), table, *_source(slide, ctx)]


def image(planned: PlannedSlide, slide: m.ImageSlide, spec: LayoutSpec, ctx: Context) -> list[Block]:
    out: list[Block] = [_t("Title", Line(slide.title))] if slide.title else []
    if slide.caption:
        out.append(_t("Caption", Line(slide.caption)))
    return out + _source(slide, ctx)


def steps(planned: PlannedSlide, slide: m.StepsSlide, spec: LayoutSpec, ctx: Context) -> list[Block]:
    out: list[Block] = [_t("Title", Line(slide.title))]
    items = slide.items
    explained = any(step.text for step in items)
    linked = frozenset({STEP_TEXT.role})  # headings and texts shrink together: the heading stays larger
    heading_style = STEP_HEADING if explained else replace(STEP_HEADING, anchor="top")
    for index, (step, cell) in enumerate(zip(items, step_cells(spec.box("Steps"), len(items)), strict=False),
                                         start=planned.first_item):
        box = cell.heading if explained else cell.body
        out.append(TextBlock(f"Step {index}", (Line(step.title),), box, heading_style, linked=linked))
        if step.text:
            out.append(TextBlock(f"Step {index} Text", (Line(step.text),), cell.text, STEP_TEXT))
    return out


def quiz(planned: PlannedSlide, slide: m.QuizSlide, spec: LayoutSpec, ctx: Context) -> list[Block]:
    answer = planned.quiz_answer
    right = set(slide.answer_indexes)
    out: list[Block] = [_t("Title", Line(slide.title)), _t("Question", Line(slide.question))]
    placed = zip(slide.options, option_rows(spec.box("Options"), len(slide.options)), strict=True)
    for index, (option, boxes) in enumerate(placed):
        letter = chr(ord("A") + index)
        correct = answer and index in right
        wrong = answer and index not in right
        out.append(TextBlock(f"Option Text {letter}", (Line(option, bold=True if correct else None,
                                                            color="muted" if wrong else None),), boxes.text, OPTION))
    if answer and slide.explanation:
        heading = Line(ctx.lang.word("explanation"), markup=False, bold=True, font="heading", color="primary")
        out.append(_t("Explanation", heading, Line(slide.explanation, space_before=6)))
    return out


def exercise(planned: PlannedSlide, slide: m.ExerciseSlide, spec: LayoutSpec, ctx: Context) -> list[Block]:
    out: list[Block] = [_t("Title", Line(slide.title))]
    if slide.goal:
        out.append(_t("Goal", Line(slide.goal)))
    start = planned.first_item
    out.append(_t("Instructions", *(Line(step, start_at=start if start > 1 else None) for step in slide.steps)))
    out.append(_t("Duration", Line(ctx.lang.duration(slide.duration), markup=False)))
    details: list[Line] = []
    if slide.group:
        details.append(Line(ctx.lang.word("group"), markup=False, bold=True, color="primary"))
        details.append(Line(slide.group, space_before=2))
    if slide.materials:
        details.append(Line(ctx.lang.word("materials"), markup=False, bold=True, color="primary",
                            space_before=14 if details else None))
        details += [Line(item, bullet=True, space_before=2) for item in slide.materials]
    if details:
        out.append(_t("Details", *details))
    return out
