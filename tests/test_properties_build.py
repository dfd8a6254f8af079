"""Property test: random valid-shaped outlines with hostile text build cleanly.

Every example ends in three output files or one clean error with a location;
never a traceback from a renderer. ``HYPOTHESIS_PROFILE=long`` runs more.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from workshop.pipeline import Job, run_build

settings.register_profile("build-ci", max_examples=400, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("build-long", max_examples=5_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
PROFILE = "build-long" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "build-ci"

HOSTILE = ["<b>", "</i>", "<img src=x>", "&bogus;", "a<b", "<a href=\"javascript:alert(1)\">x</a>", "Q&A <live>",
           "**", "*", "{{ '{{' }}", "ë é ‘ ’ – …", "🙂", "漢字", "x" * 120, "\u200b", "\t", "line\nbreak", "%s %(x)s", "\\"]
word = st.one_of(st.sampled_from(HOSTILE), st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12))
text = st.lists(word, min_size=1, max_size=8).map(" ".join).filter(lambda s: s.strip() and "{" not in s.replace("{{ '{{' }}", ""))
short = text.map(lambda s: s[:80].strip() or "x")
items = st.lists(short, min_size=1, max_size=5)
numbers = st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=2, max_size=2)


def slide_strategies():
    return st.one_of(
        st.builds(lambda t, b: {"kind": "bullets", "title": t, "bullets": b}, short, items),
        st.builds(lambda t: {"kind": "statement", "text": t}, text),
        st.builds(lambda t, b: {"kind": "quote", "text": t, "by": b}, text, short),
        st.builds(lambda t, a, b: {"kind": "compare", "title": t, "left": {"heading": "L", "points": a},
                                   "right": {"heading": "R", "points": b}}, short, items, items),
        st.builds(lambda v, l: {"kind": "stat", "value": v[:20], "label": l}, short, text),
        st.builds(lambda t, kind, v: {"kind": "chart", "title": t, "chart": {"type": kind, "categories": ["a", "b"],
                                      "series": [{"name": "s", "values": [str(x) for x in v]}]}},
                  short, st.sampled_from(["bar", "column", "pie", "line"]), numbers),
        st.builds(lambda t, r: {"kind": "table", "title": t, "header": ["A", "B"], "rows": [[c, c] for c in r]}, short, items),
        st.builds(lambda t, s: {"kind": "steps", "title": t, "steps": s}, short, items),
        st.builds(lambda q, o: {"kind": "quiz", "question": q, "options": o[:4] + ["x"], "answer": "a"},
                  text, st.lists(short, min_size=1, max_size=4)),
        st.builds(lambda t, s, m: {"kind": "exercise", "title": t, "duration": "10m", "steps": s, "materials": m,
                                   "worksheet": s[:2]}, short, items, items),
        st.builds(lambda t: {"kind": "closing", "takeaways": [t]}, short),
        st.just({"kind": "break", "duration": "5m"}),
    ).map(lambda s: {**s, "notes": "notitie <b>&amp;</b>"})


@st.composite
def outline(draw):
    sections = [
        {"title": draw(short), "slides": draw(st.lists(slide_strategies(), min_size=1, max_size=3))}
        for _ in range(draw(st.integers(1, 2)))
    ]
    meta = {"title": draw(short), "client": draw(short), "language": "nl", "date": draw(short)}
    return {"workshop": meta, "sections": sections}


@pytest.mark.slow
@settings.get_profile(PROFILE)
@given(outline())
def test_random_outlines_build_or_fail_cleanly(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("p")
    path = folder / "o.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run_build(Job(path, folder / "out"))
    if result.ok:
        assert len(result.written) == 3 and all(p.stat().st_size > 0 for p in result.written)
    else:
        assert result.error and "Traceback" not in result.error
        assert str(path) in result.error or "limit" in result.error
