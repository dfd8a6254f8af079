"""Continuation slides: lists that do not fit go over follow-up slides, numbered and timed consistently."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.language import language_for
from workshop.model.slides import ExerciseSlide
from workshop.outline.load import load_outline
from workshop.plan.build import make_plan
from workshop.plan.fit import Fitter
from workshop.plan.texts import Context, TableBlock, blocks_for

LONG = Path(__file__).resolve().parents[1] / "fixtures" / "long"


@pytest.fixture(scope="module")
def long_nl(plain_brand):
    outline = load_outline(LONG / "lang-nl.yaml")
    return make_plan(outline.workshop, plain_brand, name=outline.name, outline_path=str(outline.path),
                     sources=outline.sources)


@pytest.fixture(scope="module")
def long_en(plain_brand):
    outline = load_outline(LONG / "long-en.yaml")
    return make_plan(outline.workshop, plain_brand, name=outline.name, outline_path=str(outline.path),
                     sources=outline.sources)


def parts_of(plan, title: str):
    """The planned slides that show the outline slide titled ``title`` (part 1 and its continuations)."""
    first = next(s for s in plan.deck_slides if getattr(s.slide, "title", None) == title and s.first_part)
    return [s for s in plan.deck_slides if s.source_path == first.source_path and not s.quiz_answer]


def drawn(planned):
    return planned.shown


def test_fourteen_bullets_continue_evenly_under_a_marked_title(long_nl):
    parts = parts_of(long_nl, "Veertien inzichten over waarde")
    assert [(p.continuation.part, p.continuation.parts) for p in parts] == [(1, 2), (2, 2)]
    assert [drawn(p).title for p in parts] == ["Veertien inzichten over waarde",
                                               "Veertien inzichten over waarde (vervolg)"]
    shown = [drawn(p).bullets for p in parts]
    assert len(shown[0]) == len(shown[1]) == 7  # spread evenly, not 13 + 1
    assert shown[0] + shown[1] == list(parts[0].slide.bullets)  # nothing lost, nothing repeated
    assert parts[0].slide.bullets is not None and len(parts[0].slide.bullets) == 14  # part 1 keeps the outline's slide
    assert [p.continuation.span for p in parts] == [(0, 7), (7, 14)]


def test_continuations_are_generated_untimed_and_numbered_in_order(long_nl):
    parts = parts_of(long_nl, "Veertien inzichten over waarde")
    first, second = parts
    assert not first.generated and second.generated
    assert second.minutes == 0 and second.start == first.start
    assert second.number == first.number + 1
    assert second.location == first.location
    assert first.slide.notes and second.slide.notes is None  # notes once, on the slide the outline wrote
    numbers = [s.number for s in long_nl.deck_slides]
    assert numbers == list(range(1, len(numbers) + 1))


def test_continuations_add_no_minutes(write_outline, plain_brand):
    bullets = "".join(f"          - punt {n} over de waarde van het juiste moment voor de klant\n" for n in range(30))
    path = write_outline(
        'workshop:\n  title: Tijd\n  start: "09:00"\n  duration: 20m\nsections:\n  - title: Een\n'
        "    duration: 20m\n    slides:\n      - kind: bullets\n        title: Veel\n        bullets:\n"
        f"{bullets}      - kind: statement\n        text: Daarna\n")
    outline = load_outline(path)
    plan = make_plan(outline.workshop, plain_brand, name="t", outline_path=str(path), sources=outline.sources)
    parts = parts_of(plan, "Veel")
    assert len(parts) > 2
    assert plan.end - plan.start == 20 and not plan.findings
    statement = next(s for s in plan.deck_slides if s.kind == "statement" and s.section == 0)
    assert statement.start == parts[0].start + parts[0].minutes


def test_table_rows_continue_and_every_part_repeats_the_header(long_nl):
    parts = parts_of(long_nl, "Veertig metingen van hetzelfde product")
    assert len(parts) >= 3
    original = parts[0].slide
    rows = []
    for part in parts:
        table = drawn(part)
        assert table.header == original.header
        rows += table.rows
    assert rows == original.rows
    sizes = {p.fit["table"] for p in parts}
    assert len(sizes) == 1  # one size from slide to slide


def test_steps_keep_counting_on_the_next_slide(long_nl, plain_brand):
    parts = parts_of(long_nl, "Twaalf stappen naar een 1+1")
    assert len(parts) == 2
    context = Context(long_nl.meta, long_nl.agenda, language_for("nl"))
    fitter = Fitter(plain_brand, long_nl.meta, long_nl.agenda)
    names = [b.name for b in blocks_for(parts[1], fitter.resolved(parts[1]).spec, context)]
    start = parts[1].continuation.span[0]
    headings = [n for n in names if n.startswith("Step ") and not n.endswith(" Text")]
    assert headings[0] == f"Step {start + 1}" and headings[-1] == "Step 12"


def test_exercise_instructions_keep_counting_and_the_worksheet_stays_on_the_outline_slide(long_nl, plain_brand):
    parts = parts_of(long_nl, "Ontwerp een extraatje in twaalf stappen")
    assert len(parts) == 2
    first, second = parts
    assert isinstance(first.slide, ExerciseSlide) and len(first.slide.worksheet) == 2
    assert second.slide.goal is None and second.slide.worksheet == []
    context = Context(long_nl.meta, long_nl.agenda, language_for("nl"))
    fitter = Fitter(plain_brand, long_nl.meta, long_nl.agenda)
    blocks = {b.name: b for b in blocks_for(second, fitter.resolved(second).spec, context)}
    assert {line.start_at for line in blocks["Instructions"].lines} == {second.continuation.span[0] + 1}
    assert "Details" in blocks  # group and materials on every part


def test_both_compare_columns_continue(long_nl):
    parts = parts_of(long_nl, "Visser of vis, uitgebreid")
    assert len(parts) == 2
    left = [p for part in parts for p in drawn(part).left.points]
    right = [p for part in parts for p in drawn(part).right.points]
    assert left == list(parts[0].slide.left.points) and right == list(parts[0].slide.right.points)
    assert drawn(parts[1]).left.heading == parts[0].slide.left.heading
    assert parts[0].fit["body"] == parts[1].fit["body"]


def test_every_part_fits(long_nl, plain_brand):
    fitter = Fitter(plain_brand, long_nl.meta, long_nl.agenda)
    reported = {(f.slide, f.details.get("shape")) for f in long_nl.fit_findings if f.code == "text-overflow"}
    for planned in long_nl.deck_slides:
        for measure in fitter.measures(planned):
            if (planned.number, measure.name) in reported:
                continue
            assert measure.trial(planned.fit).fits_broken, (planned.number, measure.name)


def test_english_outlines_say_continued_and_the_agenda_continues_too(long_en):
    agenda = [s for s in long_en.deck_slides if s.kind == "agenda"]
    assert [drawn(s).title for s in agenda] == ["Agenda", "Agenda (continued)"]
    assert agenda[0].continuation.span[0] == 0 and agenda[-1].continuation.span[1] == len(long_en.agenda)
    assert agenda[0].continuation.span[1] == agenda[1].continuation.span[0]
    parts = parts_of(long_en, "Fourteen lessons about value")
    assert drawn(parts[1]).title == "Fourteen lessons about value (continued)"
    (said,) = [f for f in long_en.fit_findings if f.code == "text-continued" and f.slide == parts[0].number]
    assert "(continued)" in said.message and said.severity.value == "info"


def test_the_continuation_is_reported_where_the_list_is(long_nl):
    parts = parts_of(long_nl, "Veertig metingen van hetzelfde product")
    (said,) = [f for f in long_nl.fit_findings if f.code == "text-continued" and f.slide == parts[0].number]
    text = (LONG / "lang-nl.yaml").read_text(encoding="utf-8").splitlines()
    assert text[said.location.line - 1].strip().startswith("- [")  # the first row of the table
    assert "3 more slides" in said.message or "2 more slides" in said.message


def test_a_single_item_too_long_for_any_slide_is_reported(write_outline, plain_brand):
    huge = ("een heel lang punt " * 200).strip()
    path = write_outline(
        "workshop:\n  title: Lang\nsections:\n  - title: Een\n    slides:\n      - kind: bullets\n"
        f'        title: Eén te lang punt\n        bullets: ["{huge}", kort, ook kort]\n')
    outline = load_outline(path)
    plan = make_plan(outline.workshop, plain_brand, name="t", outline_path=str(path), sources=outline.sources)
    overflows = [f for f in plan.fit_findings if f.code == "text-overflow"]
    assert len(overflows) == 1 and "one item alone" in overflows[0].message
    parts = parts_of(plan, "Eén te lang punt")
    assert len(parts) == 2  # the long point alone, the rest together


def test_the_table_block_holds_the_shown_rows(long_nl, plain_brand):
    parts = parts_of(long_nl, "Veertig metingen van hetzelfde product")
    context = Context(long_nl.meta, long_nl.agenda, language_for("nl"))
    fitter = Fitter(plain_brand, long_nl.meta, long_nl.agenda)
    table = next(b for b in blocks_for(parts[1], fitter.resolved(parts[1]).spec, context) if isinstance(b, TableBlock))
    assert table.rows == tuple(tuple(r) for r in drawn(parts[1]).rows)
