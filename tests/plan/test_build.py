"""The plan: clock times that add up, agenda rows, dividers, quiz reveals, numbering."""

from __future__ import annotations

from workshop.model.slides import Audience
from workshop.outline.load import load_outline
from workshop.plan.build import make_plan

OUTLINE = """
workshop:
  title: Plan
  client: Acme
  date: 1 maart
  start: "09:30"
  duration: 1h
sections:
  - title: Een
    duration: 20m
    slides:
      - kind: statement
        text: a
      - kind: bullets
        title: b
        bullets: [x]
      - kind: exercise
        title: Oefening
        duration: 10m
        steps: [doe iets]
  - title: Pauze
    duration: 15m
    slides:
      - kind: break
        duration: 15m
  - title: Twee
    duration: 25m
    slides:
      - kind: statement
        text: voorbereiding
        audience: facilitator
      - kind: quiz
        question: q
        options: [a, b]
        answer: b
      - kind: quiz
        question: q2
        options: [a, b]
        answer: a
        reveal: notes
"""


def plan_of(write_outline, brand, text=OUTLINE):
    path = write_outline(text)
    outline = load_outline(path)
    return make_plan(outline.workshop, brand, name=outline.name, outline_path=str(path), sources=outline.sources)


def test_clock_times_add_up(write_outline, plain_brand):
    plan = plan_of(write_outline, plain_brand)
    assert [(r.title, r.start, r.end) for r in plan.agenda] == [
        ("Een", 570, 590), ("Pauze", 590, 605), ("Twee", 605, 630),
    ]
    assert plan.end - plan.start == 60
    assert plan.agenda[1].is_break and not plan.agenda[0].is_break
    assert not [f for f in plan.findings if f.code.startswith("time")]


def test_untimed_slides_share_the_rest_of_the_section(write_outline, plain_brand):
    plan = plan_of(write_outline, plain_brand)
    first = [s for s in plan.slides if s.section == 0 and not s.generated]
    assert [s.minutes for s in first] == [5, 5, 10]
    assert [s.start for s in first] == [570, 575, 580]


def test_opening_dividers_and_reveal_slides(write_outline, plain_brand):
    plan = plan_of(write_outline, plain_brand)
    kinds = [(s.kind, s.generated, s.quiz_answer) for s in plan.deck_slides]
    assert kinds[:3] == [("title", False, False), ("agenda", False, False), ("section", True, False)]
    assert ("quiz", True, True) in kinds
    assert sum(1 for s in plan.slides if s.quiz_answer) == 1  # reveal: notes has no answer slide


def test_facilitator_slides_are_planned_but_not_numbered(write_outline, plain_brand):
    plan = plan_of(write_outline, plain_brand)
    hidden = [s for s in plan.slides if s.audience is Audience.FACILITATOR]
    assert len(hidden) == 1 and hidden[0].number is None
    assert [s.number for s in plan.deck_slides] == list(range(1, len(plan.deck_slides) + 1))


def test_layouts_and_locations(write_outline, plain_brand):
    plan = plan_of(write_outline, plain_brand)
    quiz = next(s for s in plan.slides if s.kind == "quiz")
    assert quiz.layout is not None and quiz.layout.spec.name == "Quiz" and quiz.location.line == 31
    assert plan.footer == "Acme · 1 maart"


def test_budget_mismatch_and_overrun_are_findings(write_outline, plain_brand):
    text = OUTLINE.replace("duration: 1h", "duration: 2h").replace("duration: 10m", "duration: 30m")
    plan = plan_of(write_outline, plain_brand, text)
    codes = {f.code: f for f in plan.findings}
    assert "time-budget" in codes and codes["time-budget"].location.line == 6
    assert "time-overrun" in codes and "10 minutes more" in codes["time-overrun"].message


def test_sources_are_collected_once(write_outline, plain_brand):
    text = OUTLINE.replace(
        "      - kind: statement\n        text: a\n",
        "      - kind: quote\n        text: a\n        by: Cialdini\n        source: '1993'\n"
        "      - kind: quote\n        text: b\n        by: Cialdini\n        source: '1993'\n",
    )
    plan = plan_of(write_outline, plain_brand, text)
    assert [s.text for s in plan.sources] == ["Cialdini, 1993"]


def test_break_only_sections_get_no_divider(write_outline, plain_brand):
    plan = plan_of(write_outline, plain_brand)
    pause = [s for s in plan.slides if s.section == 1]
    assert [s.kind for s in pause] == ["break"]


def test_client_logo_in_a_client_file_is_relative_to_that_file(write_outline, tmp_path):
    from workshop.outline.load import load_outline

    (tmp_path / "clients").mkdir()
    client = tmp_path / "clients" / "acme.yaml"
    client.write_text("client:\n  name: Acme\n  logo: acme.png\n  color: '#2F7D4F'\n", encoding="utf-8")
    outline = load_outline(write_outline(OUTLINE), vars_files=[client])
    assert outline.workshop.meta.client_logo == "clients/acme.png"
    assert outline.workshop.meta.client_color == "#2F7D4F"
