"""Slide identities: an outline's ``id:``, else kind and words, unchanged by slides inserted before."""

from __future__ import annotations

import pytest

from workshop.edits.identity import deck_identities, slug
from workshop.errors import WorkshopError
from workshop.outline.load import load_outline
from workshop.plan.build import make_plan

OUTLINE = """
workshop: {title: Werkplaats}
sections:
  - title: Begin
    slides:
%s
      - {kind: bullets, title: Waar we staan, bullets: [a]}
      - {kind: statement, text: Je bent de vis, id: kern}
      - {kind: quiz, title: Even checken, question: Wie kiest?, options: [ik, jij], answer: b}
      - {kind: bullets, title: Waar we staan, bullets: [b]}
"""


def identities(write_outline, plain_brand, before: str = "") -> list[str]:
    path = write_outline(OUTLINE % before)
    outline = load_outline(path)
    plan = make_plan(outline.workshop, plain_brand, name="x")
    return [identity for identity, _ in deck_identities(plan)]


def test_identities_name_kind_and_words(write_outline, plain_brand):
    assert identities(write_outline, plain_brand) == [
        "title", "agenda:agenda", "divider:begin", "bullets:waar-we-staan", "id:kern", "quiz:even-checken",
        "quiz:even-checken/answer", "bullets:waar-we-staan#2",
    ]


def test_inserting_a_slide_before_changes_no_identity(write_outline, plain_brand):
    before = identities(write_outline, plain_brand)
    after = identities(write_outline, plain_brand, "      - {kind: statement, text: Nieuw begin}")
    assert after[:3] + after[4:] == before
    assert after[3] == "statement:nieuw-begin"


def test_slug_folds_accents_and_markup():
    assert slug("**Eén** vis uit de oceaan?") == "een-vis-uit-de-oceaan"
    assert len(slug("woord " * 40)) <= 48


def test_continued_slides_are_the_slide_plus_a_part_number(write_outline, plain_brand):
    rows = "\n".join(f"          - [rij {i} met een flink stuk tekst erin en nog meer tekst]" for i in range(60))
    path = write_outline(f"""
workshop: {{title: Werkplaats}}
sections:
  - title: Begin
    divider: false
    slides:
      - kind: table
        title: Lang
        header: [Wat]
        rows:
{rows}
""")
    plan = make_plan(load_outline(path).workshop, plain_brand, name="x")
    names = [identity for identity, _ in deck_identities(plan)]
    assert names[2:4] == ["table:lang", "table:lang~2"]


def test_duplicate_ids_are_an_error_with_both_places(write_outline):
    path = write_outline("""
workshop: {title: T}
sections:
  - title: A
    slides:
      - {kind: statement, text: een, id: kern}
      - {kind: statement, text: twee, id: kern}
""")
    with pytest.raises(WorkshopError) as caught:
        load_outline(path)
    assert str(caught.value).startswith(f"{path}:6:")
    assert "slide id 'kern' is already used at line 5" in str(caught.value)


def test_a_malformed_id_says_what_an_id_may_hold(write_outline):
    path = write_outline("""
workshop: {title: T}
sections:
  - title: A
    slides:
      - {kind: statement, text: een, id: "twee woorden"}
""")
    with pytest.raises(WorkshopError, match="is not a slide id; use up to 64 letters, digits"):
        load_outline(path)
