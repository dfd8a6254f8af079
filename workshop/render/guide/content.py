"""What is on screen for each slide, in the fewest lines a facilitator needs.

The run sheet is read standing up, so this is a reminder, not a copy of the
slide: the points in small type, and in full only what the facilitator must
act on — exercise instructions, quiz answers with their explanation.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.platypus import Flowable

from workshop.kinds import KINDS, Nothing
from workshop.model import slides as m
from workshop.model.slides import Reveal
from workshop.plan.model import PlannedSlide
from workshop.render.pdf import markup
from workshop.render.pdf.kit import Kit


def _label(kit: Kit, key: str) -> str:
    return markup.bold(markup.escape(kit.word(key) + ": "))


def _list(kit: Kit, items: Iterable[str], numbered: bool = False) -> list[Flowable]:
    style = kit.styles.bullet
    return [kit.p(text, style, bullet=f"{n}." if numbered else "•") for n, text in enumerate(items, start=1)]


def bullets(kit: Kit, slide: m.BulletsSlide) -> list[Flowable]:
    out = []
    for item in slide.items:
        out.append(kit.p(item.text, kit.styles.bullet, bullet="•"))
        out += [kit.p(sub, kit.styles.bullet2, bullet="–") for sub in item.sub]
    return out


def statement(kit: Kit, slide: m.StatementSlide) -> list[Flowable]:
    return [kit.p(slide.text, kit.styles.tight)]


def quote(kit: Kit, slide: m.QuoteSlide) -> list[Flowable]:
    who = markup.inline(slide.by) + (", " + markup.inline(slide.source) if slide.source else "")
    return [kit.raw(markup.italic("“" + markup.inline(slide.text) + "”") + " — " + who, kit.styles.tight)]


def compare(kit: Kit, slide: m.CompareSlide) -> list[Flowable]:
    out = []
    for column in (slide.left, slide.right):
        points = "; ".join(markup.inline(x) for x in column.points)
        out.append(kit.raw(markup.bold(markup.inline(column.heading) + ": ") + points, kit.styles.tight))
    return out


def stat(kit: Kit, slide: m.StatSlide) -> list[Flowable]:
    text = markup.bold(markup.literal(slide.value)) + " — " + markup.inline(slide.label)
    if slide.source:
        text += markup.color(" (" + markup.inline(slide.source) + ")", kit.palette.muted)
    return [kit.raw(text, kit.styles.tight)]


def chart(kit: Kit, slide: m.ChartSlide) -> list[Flowable]:
    """What the chart shows, in the outline's words: its series over its categories (the miniature shows the shape)."""
    data = slide.chart
    series = " · ".join(markup.inline(s.name) for s in data.series)
    over = data.categories
    span = markup.inline(over[0]) + (" … " + markup.inline(over[-1]) if len(over) > 1 else "")
    out = [kit.raw(markup.bold(series) + markup.color(markup.escape(" — ") + span, kit.palette.muted),
                   kit.styles.tight)]
    if slide.caption:
        out.append(kit.p(slide.caption, kit.styles.muted))
    return out


# A reminder names at most as many items as a compare column holds points: a 2,000-row table's first
# column in full would be one paragraph of up to 20 million characters, which no one reads standing up
# and reportlab cannot break into lines in bounded time (its breaker is quadratic in a paragraph's words).
LISTED = 50
TABLE_ROWS = LISTED


def table(kit: Kit, slide: m.TableSlide) -> list[Flowable]:
    """The columns, and the first column's rows (the first ``TABLE_ROWS``): what the facilitator points at."""
    head = " · ".join(markup.inline(h) for h in slide.header)
    out = [kit.raw(markup.bold(head), kit.styles.tight)]
    firsts = [row[0] for row in slide.rows if row and row[0].strip()]
    if firsts:
        text = " · ".join(markup.inline(x) for x in firsts[:TABLE_ROWS])
        if len(firsts) > TABLE_ROWS:
            text += markup.escape(" … " + kit.word("more_rows", n=kit.lang.number(len(firsts) - TABLE_ROWS)))
        out.append(kit.raw(markup.color(text, kit.palette.muted), kit.styles.tight))
    return out


def image(kit: Kit, slide: m.ImageSlide) -> list[Flowable]:
    out = [kit.raw(_label(kit, "image") + markup.inline(slide.alt), kit.styles.tight)]
    if slide.caption:
        out.append(kit.p(slide.caption, kit.styles.muted))
    return out


def steps(kit: Kit, slide: m.StepsSlide) -> list[Flowable]:
    out = []
    for n, step in enumerate(slide.items, start=1):
        text = markup.bold(markup.inline(step.title))
        if step.text:
            text += " — " + markup.inline(step.text)
        out.append(kit.raw(text, kit.styles.bullet, bullet=f"{n}."))
    return out


def quiz(kit: Kit, slide: m.QuizSlide) -> list[Flowable]:
    s, p = kit.styles, kit.palette
    right = set(slide.answer_indexes)
    out = [kit.raw(markup.bold(markup.inline(slide.question)), s.tight)]
    for n, option in enumerate(slide.options):
        text = markup.inline(option)
        if n in right:
            text = markup.color(markup.bold(text + markup.escape(f" — {kit.word('correct')}")), p.success)
        out.append(kit.raw(text, s.bullet, bullet=chr(ord("A") + n)))
    letters = ", ".join(chr(ord("A") + n) for n in sorted(right))
    answer = _label(kit, "answer") + markup.escape(letters)
    answer += markup.color(markup.escape(" · " + kit.word(
        "reveal_next" if slide.reveal is Reveal.NEXT else "reveal_notes")), p.muted)
    out.append(kit.raw(answer, s.tight))
    if slide.explanation:
        out.append(kit.raw(_label(kit, "explanation") + markup.inline(slide.explanation), s.tight))
    return out


def quiz_answer(kit: Kit, slide: m.QuizSlide) -> list[Flowable]:
    right = slide.answer_indexes
    text = "; ".join(markup.escape(chr(ord("A") + n) + " ") + markup.inline(slide.options[n]) for n in right)
    return [kit.raw(_label(kit, "answer") + markup.color(markup.bold(text), kit.palette.success), kit.styles.tight)]


def exercise(kit: Kit, slide: m.ExerciseSlide) -> list[Flowable]:
    s = kit.styles
    out = []
    if slide.goal:
        out.append(kit.raw(_label(kit, "goal") + markup.inline(slide.goal), s.tight))
    facts = [_label(kit, "time") + markup.escape(kit.duration(slide.duration))]
    if slide.group:
        facts.append(_label(kit, "group") + markup.inline(slide.group))
    out.append(kit.raw(" · ".join(facts), s.tight))
    if slide.materials:
        out.append(kit.raw(_label(kit, "materials") + ", ".join(markup.inline(x) for x in slide.materials), s.tight))
    out.append(kit.raw(markup.bold(markup.escape(kit.word("steps"))), s.tight))
    out += _list(kit, slide.steps, numbered=True)
    if slide.prompts:
        out.append(kit.raw(markup.bold(markup.escape(kit.word("worksheet"))), s.tight))
        out += _list(kit, [prompt.text for prompt in slide.prompts], numbered=True)
    return out


def pause(kit: Kit, slide: m.BreakSlide) -> list[Flowable]:
    return [kit.p(slide.text, kit.styles.tight)] if slide.text else []


def closing(kit: Kit, slide: m.ClosingSlide) -> list[Flowable]:
    out = _list(kit, slide.takeaways)
    if slide.action:
        out.append(kit.raw(_label(kit, "action") + markup.inline(slide.action), kit.styles.tight))
    if slide.question:
        out.append(kit.raw(_label(kit, "discuss") + markup.inline(slide.question), kit.styles.tight))
    return out


def title(kit: Kit, slide: m.SlideBase) -> list[Flowable]:
    subtitle: str | None = getattr(slide, "subtitle", None)
    return [kit.p(subtitle, kit.styles.tight)] if subtitle else []


def summary(kit: Kit, item: PlannedSlide) -> list[Flowable]:
    """What the run sheet shows of ``item``: its kind's summary (the answer for a quiz answer slide)."""
    if item.quiz_answer:
        return quiz_answer(kit, item.shown_as(m.QuizSlide))
    build = KINDS[item.kind].guide
    return [] if isinstance(build, Nothing) else build.load()(kit, item.slide)
