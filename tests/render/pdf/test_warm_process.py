"""A warm process (a batch worker, ``watch``) writes the same PDFs as a fresh one, whatever it built before.

The PDF renderers keep encoded pictures (``images``) and parsed paragraphs
(``paragraphs``) between documents; a document must not depend on what the
process drew before it, nor on the order.
"""

from __future__ import annotations

import pytest
from pdf_support import REPO, sample_plan

from workshop.render.guide import render_guide
from workshop.render.handout import render_handout
from workshop.render.pdf import images, paragraphs

ORDER = ["citroensap", "visser-of-vis", "een-plus-een"]  # with pictures, a client logo and every PDF kind


def _forget() -> None:
    paragraphs.forget()
    images._PICTURES.clear()


@pytest.fixture(scope="module")
def plans():
    return {name: sample_plan(REPO / "decks" / f"{name}.yaml") for name in ORDER}


def _pdfs(plan) -> tuple[bytes, bytes]:
    return render_handout(*plan), render_guide(*plan)


def test_each_pdf_is_the_same_first_later_and_in_another_order(plans):
    fresh = {}
    for name in ORDER:
        _forget()  # as the first build of a new process
        fresh[name] = _pdfs(plans[name])
    _forget()
    for name in ORDER + ORDER[::-1]:  # then one warm process: forwards, then backwards (the last twice in a row)
        assert _pdfs(plans[name]) == fresh[name], name
    assert paragraphs._PARSED and images._PICTURES  # it was warm
