"""Every documented maximum fits: 12 sub-points, a 30-character figure, 10 materials, 10 takeaways.

Built at those maxima with both shipped brands, the text fit (which measures
every word with the brand face and with the metric-compatible fallback its CSS
stack names, and keeps the wider) finds no overflow; one item more is refused
by the outline check, with its place. The figure is 30 capital Ws, the widest
letters there are (a word that wide breaks inside the word, and still fits).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.errors import WorkshopError
from workshop.model.slides import BulletItem, ClosingSlide, ExerciseSlide, StatSlide
from workshop.pipeline import Job, prepare

MAXIMA = {"sub": 12, "value": 30, "materials": 10, "takeaways": 10}


def _outline(sub: int, value: str, materials: int, takeaways: int) -> str:
    lines = ["workshop: {title: Maxima, language: nl}", "sections:", "  - title: Deel", "    duration: 60m",
             "    slides:", "      - kind: bullets", "        title: Veel subpunten", "        bullets:",
             "          - text: Hoofdpunt met toelichting", "            sub:"]
    lines += [f"              - Subpunt {n + 1} met wat uitleg" for n in range(sub)]
    lines += ["      - kind: stat", f'        value: "{value}"', "        label: meer fooi met twee snoepjes"]
    lines += ["      - kind: exercise", "        title: Oefening", "        duration: 10m",
              "        steps: [Lees de casus, Bespreek in tweetallen]", "        materials:"]
    lines += [f"          - Materiaal {n + 1}" for n in range(materials)]
    lines += ["      - kind: closing", "        title: Tot slot", "        takeaways:"]
    lines += [f"          - Inzicht {n + 1} om mee te nemen" for n in range(takeaways)]
    return "\n".join(lines) + "\n"


def _limit(model, field: str) -> int:
    return model.model_fields[field].spec.max_length


def test_the_model_holds_the_documented_maxima():
    assert _limit(BulletItem, "sub") == MAXIMA["sub"]
    assert _limit(ExerciseSlide, "materials") == MAXIMA["materials"]
    assert _limit(ClosingSlide, "takeaways") == MAXIMA["takeaways"]
    assert _limit(StatSlide, "value") == MAXIMA["value"]
    doc = (Path(__file__).resolve().parents[2] / "docs" / "outline-format.md").read_text(encoding="utf-8")
    for words in ("at most 12: a point", "at most 30 characters", "at most 10 (they share", "at most 10 (they do not"):
        assert words in doc


@pytest.mark.parametrize("brand", ["default", "noord"])
def test_everything_fits_at_the_documented_maxima(tmp_path, brand):
    path = tmp_path / "maxima.yaml"
    path.write_text(_outline(MAXIMA["sub"], "W" * MAXIMA["value"], MAXIMA["materials"], MAXIMA["takeaways"]),
                    encoding="utf-8")
    prepared = prepare(Job(path, brand=brand))
    overflow = [f.message for f in prepared.findings if f.code == "text-overflow"]
    assert not overflow, overflow


@pytest.mark.parametrize(("field", "outline"), [
    ("sub", lambda n: _outline(n["sub"] + 1, "21%", 1, 1)),
    ("value", lambda n: _outline(1, "W" * (n["value"] + 1), 1, 1)),
    ("materials", lambda n: _outline(1, "21%", n["materials"] + 1, 1)),
    ("takeaways", lambda n: _outline(1, "21%", 1, n["takeaways"] + 1)),
])
def test_one_more_is_refused_with_its_place(tmp_path, field, outline):
    path = tmp_path / "te-veel.yaml"
    path.write_text(outline(MAXIMA), encoding="utf-8")
    with pytest.raises(WorkshopError) as caught:
        prepare(Job(path))
    assert caught.value.location is not None and caught.value.location.line is not None
