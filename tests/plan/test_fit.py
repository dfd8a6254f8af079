"""The text fit: sizes down a ladder, shared sizes, overflow findings with their place, the brand's policy."""

from __future__ import annotations

from dataclasses import replace

import pytest

from workshop.errors import Severity
from workshop.layouts.default import BULLETS, CONTENT_BOX, NO_SIDE
from workshop.layouts.paragraphs import LINE_HEIGHT, Line
from workshop.outline.load import load_outline
from workshop.plan.build import make_plan
from workshop.plan.fit import Fitter, ladder
from workshop.plan.fit_blocks import Fonts, TextMeasure

HEAD = """
workshop:
  title: Fit
  language: {language}
sections:
  - title: Een
    duration: 1h
    divider: false
    slides:
"""


def plan_of(write_outline, brand, slides: str, language: str = "nl"):
    path = write_outline(HEAD.format(language=language) + slides)
    outline = load_outline(path)
    return make_plan(outline.workshop, brand, name=outline.name, outline_path=str(path), sources=outline.sources)


def content(plan):
    """The deck slides after the title and agenda."""
    return [s for s in plan.deck_slides if s.kind not in ("title", "agenda")]


def bullets(count: int, words: int = 6, title: str = "Punten") -> str:
    items = "\n".join(f"          - {' '.join(['waarde'] * words)} {n}" for n in range(count))
    return f"      - kind: bullets\n        title: {title}\n        bullets:\n{items}\n"


def findings(plan, code: str):
    return [f for f in plan.fit_findings if f.code == code]


# --- the ladder ----------------------------------------------------------------------------

@pytest.mark.parametrize("top, bottom, sizes", [
    (24, 14, [24, 22, 20, 18, 17, 16, 15, 14]),
    (40, 24, [40, 38, 36, 34, 32, 30, 28, 27, 26, 25, 24]),
    (10, 8, [10, 9, 8]),
    (18, 18, [18]),
    (15, 10, [15, 13, 12, 11, 10]),
    (23, 14, [23, 21, 19, 17, 16, 15, 14]),
])
def test_sizes_step_down_by_two_then_by_one_near_the_minimum(top, bottom, sizes):
    assert ladder(top, bottom) == sizes


# --- the largest size that fits --------------------------------------------------------------

def test_bullets_get_the_largest_ladder_size_that_fits(write_outline, plain_brand):
    chosen = []
    for count in (3, 9, 10, 11, 12):
        plan = plan_of(write_outline, plain_brand, bullets(count, words=9))
        (slide,) = content(plan)
        size = slide.fit["body"]
        chosen.append(size)
        sizes = ladder(24, 14)
        assert size in sizes
        body = next(m for m in Fitter(plain_brand, plan.meta, plan.agenda).measures(slide) if m.name == "Body")
        assert body.trial({"body": size}).fits
        if size != 24:  # the next size up does not fit
            assert not body.trial({"body": sizes[sizes.index(size) - 1]}).fits
    assert chosen == sorted(chosen, reverse=True)
    assert chosen[0] == 24 and chosen[-1] < 18  # 2 pt steps, then 1 pt steps near the minimum


def test_a_shrink_is_information_with_the_size_chosen(write_outline, plain_brand):
    plan = plan_of(write_outline, plain_brand, bullets(10, words=9))
    shrunk = findings(plan, "text-shrunk")
    assert len(shrunk) == 1
    assert shrunk[0].severity is Severity.INFO
    assert f"body {content(plan)[0].fit['body']:g} pt (brand 24 pt)" in shrunk[0].message
    assert shrunk[0].slide == content(plan)[0].number


def test_text_that_fits_at_the_maximum_says_nothing(write_outline, plain_brand):
    plan = plan_of(write_outline, plain_brand, bullets(3))
    assert plan.fit_findings == ()
    assert dict(content(plan)[0].fit) == {"title": 40, "body": 24, "footer": 11}


def test_height_counts_lines_spacing_and_space_before(plain_brand):
    fonts = Fonts(plain_brand)
    one = TextMeasure("Body", (Line("kort"),), BULLETS, CONTENT_BOX, NO_SIDE, fonts)
    three = TextMeasure("Body", (Line("kort"), Line("kort"), Line("sub", level=1)), BULLETS, CONTENT_BOX, NO_SIDE,
                        fonts)
    line = LINE_HEIGHT * 20 * BULLETS.line_spacing
    assert one.trial({"body": 20}).height == pytest.approx(line)
    sub = LINE_HEIGHT * 20 * BULLETS.sub_scale * BULLETS.line_spacing
    assert three.trial({"body": 20}).height == pytest.approx(2 * line + sub + BULLETS.space_before * 1.5)


def test_a_word_wider_than_the_box_does_not_fit(plain_brand):
    fonts = Fonts(plain_brand)
    word = TextMeasure("Body", (Line("x" * 120),), BULLETS, CONTENT_BOX, NO_SIDE, fonts)
    trial = word.trial({"body": 24})
    assert trial.overlong and not trial.fits and trial.fits_broken
    hyphens = TextMeasure("Body", (Line("-".join(["lang"] * 40)),), BULLETS, CONTENT_BOX, NO_SIDE, fonts)
    assert hyphens.trial({"body": 24}).fits  # it can break after each hyphen


def test_bold_runs_are_measured_in_the_bold_face(plain_brand):
    fonts = Fonts(plain_brand)
    plain = fonts.measure(Line("Wederkerigheid werkt"), BULLETS)
    bold = fonts.measure(Line("**Wederkerigheid werkt**"), BULLETS)
    assert bold.lines[0][0] > plain.lines[0][0]


# --- sizes that must stay the same --------------------------------------------------------------

def test_both_compare_columns_share_one_size(write_outline, plain_brand):
    long = "\n".join(f"            - {'een lang punt over de klant die kiest ' * 2}{n}" for n in range(5))
    plan = plan_of(write_outline, plain_brand, f"""\
      - kind: compare
        title: Visser of vis
        left:
          heading: Visser
          points:
{long}
        right:
          heading: Vis
          points: [Kort]
""")
    slide = content(plan)[0]
    assert slide.fit["body"] < 24  # the long left column sets the size of the short right one too
    fitter = Fitter(plain_brand, plan.meta, plan.agenda)
    roles = {m.name: m.roles for m in fitter.measures(slide)}
    assert roles["Left"] == roles["Right"] == {"body"}


def test_a_step_title_and_text_shrink_together(write_outline, plain_brand):
    steps = "\n".join(f"          - {{title: Stap {n} met een lange titel, text: {'uitleg bij de stap ' * 7}}}"
                      for n in range(5))
    plan = plan_of(write_outline, plain_brand, f"      - kind: steps\n        title: Stappen\n        steps:\n{steps}\n")
    fit = content(plan)[0].fit
    assert fit["attribution"] < 18  # the texts, in their own boxes …
    assert 24 - fit["subtitle"] == 18 - fit["attribution"]  # … shrink with the headings, the same steps down
    assert fit["subtitle"] > fit["attribution"]  # a heading stays larger than its text


def test_a_quiz_and_its_answer_slide_share_sizes(write_outline, plain_brand):
    plan = plan_of(write_outline, plain_brand, """\
      - kind: quiz
        question: Wat levert het meeste fooi op?
        options: [Geen snoepje, Eén snoepje, Eén plus één]
        answer: c
        explanation: >-
          Het onverwachte tweede snoepje voelt als persoonlijke aandacht, en wie aandacht krijgt wil iets
          teruggeven: wederkerigheid, zoals Cialdini die beschreef en zoals obers haar elke avond zien.
""")
    question, answer = content(plan)
    assert answer.quiz_answer
    assert "attribution" in answer.fit  # the explanation, in its panel …
    assert question.fit["body"] == answer.fit["body"] == 24  # … does not shrink the options
    assert {r: question.fit[r] for r in question.fit if r in answer.fit} == {
        r: answer.fit[r] for r in question.fit if r in answer.fit}


# --- what cannot fit -------------------------------------------------------------------------

def test_a_400_character_title_is_an_overflow_with_file_line_and_slide(write_outline, plain_brand):
    title = "Waarom de klant altijd zelf bepaalt wanneer ons product waarde krijgt " * 6
    plan = plan_of(write_outline, plain_brand, bullets(2, title=f'"{title.strip()}"'))
    (overflow,) = findings(plan, "text-overflow")
    slide = content(plan)[0]
    assert overflow.severity is Severity.WARNING
    assert overflow.slide == slide.number
    assert overflow.location.file.endswith("outline.yaml") and overflow.location.line == 10  # the title line
    assert overflow.details["shape"] == "Title"
    assert "title" in overflow.message and "24 pt" in overflow.message
    assert slide.fit["title"] == 24  # drawn at the minimum; check has said it overflows


@pytest.mark.parametrize("kind, field, text_key", [
    ("quote", "text", "by: Iemand"),
    ("statement", "text", "title: Stelling"),
])
def test_long_text_that_cannot_continue_is_reported(write_outline, plain_brand, kind, field, text_key):
    text = "De klant kiest jou uit een oceaan vol andere vissen, niet andersom. " * 30  # 2,000 characters
    plan = plan_of(write_outline, plain_brand, f"      - kind: {kind}\n        {text_key}\n"
                                                f"        {field}: \"{text.strip()}\"\n")
    (overflow,) = findings(plan, "text-overflow")
    assert overflow.location.line == 11
    assert f"this {kind if kind == 'quote' else 'statement'} cannot continue" in overflow.message


def test_overflow_error_policy_reports_instead_of_continuing(write_outline, plain_brand):
    strict = replace(plain_brand, settings=replace(plain_brand.settings, overflow="error"))
    plan = plan_of(write_outline, strict, bullets(14, words=9))
    slides = content(plan)
    assert len(slides) == 1 and slides[0].continuation is None
    (overflow,) = findings(plan, "text-overflow")
    assert "overflow: error" in overflow.message
    assert overflow.location.line == 12  # the list (its first item)
    assert slides[0].fit["body"] == 14


def test_a_long_footer_is_reported_once(write_outline, plain_brand):
    path = write_outline((HEAD.format(language="nl") + bullets(1) + bullets(1, title="Twee")).replace(
        "  language: nl", "  language: nl\n  footer: \"" + "Een heel lange voettekst " * 40 + "\""))
    outline = load_outline(path)
    plan = make_plan(outline.workshop, plain_brand, name="x", outline_path=str(path), sources=outline.sources)
    overflows = findings(plan, "text-overflow")
    assert len(overflows) == 1 and "footer" in overflows[0].message
    assert overflows[0].location.line == 4


def test_the_fit_measures_the_designers_placeholders():
    from workshop.brand.load import load_brand_with_findings
    from workshop.layouts import default_layout
    from workshop.plan.fit_geometry import deck_geometry

    noord, _ = load_brand_with_findings("noord")
    if noord.settings.template is None:
        pytest.skip("the noord brand has no template")
    resolved = deck_geometry(noord).layouts["quote"]
    frame = resolved.frame("Quote")
    assert frame.box == resolved.matches["Quote"].box  # the template's box, not ours
    assert frame.insets == resolved.matches["Quote"].insets
    assert frame.box != default_layout("quote").box("Quote")
