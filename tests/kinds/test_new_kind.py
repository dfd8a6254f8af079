"""Adding a slide kind is writing its record: a throwaway kind builds the deck, handout and guide.

The ``poll`` kind (``poll_kind.py``) is defined through the registry alone,
as docs/architecture.md's "Adding a slide kind" describes; no table
elsewhere in the package learns about it. The outline reader's closed set of
slide classes (``SLIDE_CLASSES``) is the one step the walkthrough adds for
YAML input, so the workshop here is built in Python.
"""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from workshop.assets import Assets
from workshop.brand.load import load_brand
from workshop.kinds import KINDS
from workshop.model import Meta, Section, Workshop
from workshop.model.slides import BulletsSlide
from workshop.plan.build import make_plan


def _poll_module():
    if "poll_kind" not in sys.modules:
        spec = importlib.util.spec_from_file_location("poll_kind", Path(__file__).with_name("poll_kind.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules["poll_kind"] = module
        spec.loader.exec_module(module)
    return sys.modules["poll_kind"]


@pytest.fixture
def poll():
    module = _poll_module()
    with KINDS.extended(module.POLL):
        yield module


def _workshop(poll, choices: int) -> Workshop:
    slide = poll.PollSlide(kind="poll", title="Stemronde", question="Welke stap zet je morgen?",
                           choices=[f"Keuze nummer {n}" for n in range(1, choices + 1)], notes="Tel de handen.")
    section = Section.model_construct(title="Peiling", subtitle=None, duration=None, divider=True, notes=None,
                                      slides=[BulletsSlide(kind="bullets", title="Vooraf", bullets=["Een"]),
                                              slide])
    return Workshop.model_construct(workshop=Meta(title="Proef"), vars={}, opening=[], sections=[section])


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_a_kind_defined_by_its_record_alone_builds_all_three_outputs(poll):
    from workshop.render.deck import render_deck
    from workshop.render.guide import render_guide
    from workshop.render.handout import render_handout

    brand = load_brand("default")
    plan = make_plan(_workshop(poll, 3), brand, name="proef")
    assert [s.kind for s in plan.deck_slides] == ["section", "bullets", "poll"]

    deck = Presentation(io.BytesIO(render_deck(plan, brand, Assets())))
    assert "Poll" in [layout.name for layout in deck.slide_layouts]
    last = deck.slides[-1]
    assert last.slide_layout.name == "Poll"
    shown = {shape.name: shape.text_frame.text for shape in last.shapes if shape.has_text_frame}
    assert shown["Question"] == "Welke stap zet je morgen?"
    assert shown["Choices"].splitlines() == ["Keuze nummer 1", "Keuze nummer 2", "Keuze nummer 3"]
    assert "Tel de handen." in last.notes_slide.notes_text_frame.text

    handout = _pdf_text(render_handout(plan, brand, Assets()))
    assert "Welke stap zet je morgen?" in handout and "Keuze nummer 3" in handout
    assert "Tel de handen." not in handout  # notes stay out of the handout

    guide = _pdf_text(render_guide(plan, brand, Assets()))
    assert "Welke stap zet je morgen?" in guide and "Tel de handen." in guide


def test_the_new_kinds_list_continues_like_a_built_in_one(poll):
    brand = load_brand("default")
    plan = make_plan(_workshop(poll, 40), brand, name="proef")
    polls = [s for s in plan.deck_slides if s.kind == "poll"]
    assert len(polls) > 1 and polls[1].generated
    said = [f for f in plan.fit_findings if f.code == "text-continued"]
    assert said and said[0].message.startswith("the choices (40) do not fit one slide")
