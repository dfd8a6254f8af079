"""The generated master's geometry: every kind, inside the slide, roles the fit knows."""

from __future__ import annotations

import itertools

import pytest

from workshop.brand.model import TEXT_ROLES
from workshop.kinds import KINDS
from workshop.layouts import MASTER, SIZE, Box, default_layout, default_layouts, inch
from workshop.model.slides import SLIDE_KINDS, ImageSlide, QuizSlide, StatSlide

SAFE = Box(inch(0.5), inch(0.3), SIZE.width - inch(1.0), SIZE.height - inch(0.55))


def test_every_slide_kind_has_a_layout_named_as_the_brand_default():
    assert set(KINDS) == set(SLIDE_KINDS)
    for kind, spec in default_layouts().items():
        assert spec.kind == kind and spec.name == KINDS[kind].layout_name


def test_layout_names_can_be_changed():
    assert default_layouts({"quote": "Citaat"})["quote"].name == "Citaat"


@pytest.mark.parametrize("kind", list(KINDS))
def test_text_shapes_have_known_roles_and_stay_clear_of_the_slide_edge(kind):
    spec = default_layout(kind)
    names = [s.name for s in spec.shapes]
    assert len(names) == len(set(names))
    for shape in spec.shapes:
        assert SAFE.contains(shape.box), (kind, shape.name)
        if shape.text is not None:
            assert shape.text.role in TEXT_ROLES, (kind, shape.name)
    for variant in spec.variants:
        for shape in spec.variant(variant).shapes:
            assert SAFE.contains(shape.box), (kind, variant, shape.name)


@pytest.mark.parametrize("kind", list(KINDS))
def test_text_shapes_do_not_overlap(kind):
    for variant in (None, *default_layout(kind).variants):
        spec = default_layout(kind).variant(variant)
        texts = [s for s in spec.shapes if s.kind == "text"]
        for a, b in itertools.combinations(texts, 2):
            assert not a.box.overlaps(b.box), (kind, variant, a.name, b.name)


def test_content_stays_above_the_footer_band():
    footer_top = MASTER.footer.box.y
    for spec in default_layouts().values():
        if spec.footer:
            for shape in spec.shapes:
                assert shape.box.bottom <= footer_top, (spec.kind, shape.name)


def test_variants_follow_the_slide_content():
    chart = {"categories": ["a"], "series": [{"name": "s", "values": [1]}]}
    assert KINDS["stat"].variant(StatSlide(kind="stat", value="1", label="x", chart=chart), False) == "chart"
    assert KINDS["stat"].variant(StatSlide(kind="stat", value="1", label="x"), False) is None
    assert KINDS["image"].variant(ImageSlide(kind="image", image="a.png", alt="x"), False) == "untitled"
    quiz = QuizSlide(kind="quiz", question="?", options=["a", "b"], answer="a")
    assert KINDS["quiz"].variant(quiz, True) == KINDS["quiz"].variant(quiz, False) == "wide"
    explained = QuizSlide(kind="quiz", question="?", options=["a", "b"], answer="a", explanation="Omdat.")
    assert KINDS["quiz"].variant(explained, True) is KINDS["quiz"].variant(explained, False) is None
    in_notes = QuizSlide(kind="quiz", question="?", options=["a", "b"], answer="a", explanation="x", reveal="notes")
    assert KINDS["quiz"].variant(in_notes, False) == "wide"


def test_stat_with_chart_leaves_room_for_the_chart():
    spec = default_layout("stat").variant("chart")
    assert spec.box("Value").right < spec.box("Chart").x
    assert spec.box("Label").right < spec.box("Chart").x
