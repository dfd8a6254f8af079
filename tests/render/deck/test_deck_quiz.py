"""The quiz's answer slide is the question slide with the answer lit: nothing moves, nothing shrinks."""

from __future__ import annotations

import pytest

from tests.render.deck.samples import BRANDS, SAMPLES, presentation

QUIZ_SAMPLES = [p for p in SAMPLES if "kind: quiz" in p.read_text(encoding="utf-8")]


def _options(slide) -> dict[str, tuple[int, int, int, int]]:
    """Every option band, letter and text box by name, with its geometry."""
    return {s.name: (s.left, s.top, s.width, s.height) for s in slide.shapes
            if s.name.startswith(("Option ", "Option Letter ", "Option Text "))
            and not s.name.startswith(("Option Mark", "Option Check"))}


def _letter_sizes(slide) -> list[float]:
    return [run.font.size.pt for s in slide.shapes if s.name.startswith("Option Letter ")
            for p in s.text_frame.paragraphs for run in p.runs]


def _option_texts(slide) -> dict[str, str]:
    return {s.name: s.text_frame.text for s in slide.shapes if s.name.startswith("Option Text ")}


def _pairs(prs):
    """(question, answer) slides: a quiz slide followed by one with the same options and a mark."""
    slides = list(prs.slides)
    for question, answer in zip(slides, slides[1:], strict=False):
        if _option_texts(question) and _option_texts(question) == _option_texts(answer):
            yield question, answer


@pytest.mark.parametrize("brand", BRANDS)
def test_the_answer_slide_has_the_question_slides_geometry(brand):
    pairs = [pair for outline in QUIZ_SAMPLES for pair in _pairs(presentation(outline, brand))]
    assert len(pairs) >= 3, "three samples reveal their quiz on an answer slide"
    for question, answer in pairs:
        assert _options(question) == _options(answer)
        for slide in (question, answer):
            sizes = _letter_sizes(slide)
            assert sizes and min(sizes) >= 16, sizes
        assert any(s.name.startswith("Option Check ") for s in answer.shapes)
        assert not any(s.name.startswith("Option Check ") for s in question.shapes)


@pytest.mark.parametrize("outline", QUIZ_SAMPLES[:1], ids=lambda p: p.stem)
def test_the_answer_is_marked_and_the_others_dimmed(outline):
    question, answer = next(_pairs(presentation(outline)))
    marks = [s.name[-1] for s in answer.shapes if s.name.startswith("Option Check ")]
    for shape in answer.shapes:
        if shape.name.startswith("Option Text ") and shape.name[-1] not in marks:
            run = shape.text_frame.paragraphs[0].runs[0]
            assert run.font.color.rgb is not None  # the dimmed colour is written
    explanation = next(s for s in answer.shapes if s.name == "Explanation")
    panel = next(s for s in question.shapes if s.name == "Answer Panel")
    assert (panel.left, panel.top) == (explanation.left, explanation.top) or explanation.is_placeholder
