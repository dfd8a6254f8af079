"""Property tests: random and hostile outlines end in a model or a clean, located error.

Each property runs twice: a quick share of examples in the inner loop (``-m "not slow"``) and
the profile's full count in the whole suite. Run longer with
``HYPOTHESIS_PROFILE=long pytest tests/outline/test_properties.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.errors import WorkshopError
from workshop.model import SLIDE_KINDS
from workshop.outline.load import load_outline
from workshop.yamltree.reader import read_yaml_bytes

REPO = Path(__file__).resolve().parents[2]
SAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((REPO / "decks").glob("*.yaml"))]

settings.register_profile("ci", max_examples=600, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("long", max_examples=20_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

#: examples per property in the inner loop; the whole suite also runs the profile's count
QUICK = 60
SIZES = [pytest.param(QUICK, id="quick"), pytest.param(None, id="full", marks=pytest.mark.slow)]


def run_property(examples: int | None, strategy: st.SearchStrategy, check) -> None:
    """``check`` for ``examples`` drawn values (None: as many as the profile says)."""
    test = given(strategy)(check)
    (settings(max_examples=examples)(test) if examples else test)()


def assert_clean(error: WorkshopError) -> None:
    """A clean error: a message, and a location or a stated limit."""
    assert error.message
    assert error.location is not None or "limit" in error.message
    assert "Traceback" not in str(error)


def load_text(tmp_path: Path, text: str | bytes) -> None:
    path = tmp_path / "o.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    try:
        load_outline(path)
    except WorkshopError as error:
        assert_clean(error)


@pytest.mark.parametrize("examples", SIZES)
def test_random_bytes_read_cleanly(examples):
    def check(data: bytes) -> None:
        try:
            read_yaml_bytes(data, "r.yaml")
        except WorkshopError as error:
            assert_clean(error)

    run_property(examples, st.binary(max_size=2_000), check)


@st.composite
def mutated_sample(draw):
    lines = draw(st.sampled_from(SAMPLE_TEXTS)).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "garble", "swap", "value"]))
        line = lines[index]
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "indent":
            lines[index] = "  " + line
        elif action == "dedent":
            lines[index] = line[2:]
        elif action == "garble":
            junk = draw(st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%@`\t ,?{{}}") + ["ë", "\\", "x"]), max_size=6))
            cut = draw(st.integers(0, len(line)))
            lines[index] = line[:cut] + junk + line[cut:]
        elif action == "swap" and index + 1 < len(lines):
            lines[index], lines[index + 1] = lines[index + 1], line
        elif action == "value" and ":" in line:
            key = line.split(":", 1)[0]
            lines[index] = key + ": " + draw(st.sampled_from(["", "no", "1:30", "-5", "0", "[]", "{}", "~", "9" * 30, "'{{ x }}'", "qoute"]))
        if not lines:
            lines = [""]
    return "\n".join(lines)


@pytest.mark.parametrize("examples", SIZES)
def test_mutated_samples_load_or_fail_cleanly(tmp_path_factory, examples):
    run_property(examples, mutated_sample(), lambda text: load_text(tmp_path_factory.mktemp("m"), text))


printable = st.text(st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=40)


@st.composite
def random_slide(draw):
    kind = draw(st.sampled_from(sorted(SLIDE_KINDS)))
    fields = [n for n in SLIDE_KINDS[kind].model_fields if n != "kind"]
    slide = {"kind": kind}
    for name in draw(st.lists(st.sampled_from(fields), max_size=6, unique=True)):
        slide[name] = draw(st.one_of(printable, st.lists(printable, max_size=4),
                                     st.dictionaries(st.sampled_from(["text", "name", "values", "heading", "points", "title", "lines"]), printable, max_size=3)))
    return slide


@st.composite
def random_outline(draw):
    meta = {"title": draw(printable)}
    for key in draw(st.lists(st.sampled_from(["subtitle", "client", "date", "start", "duration", "language", "facilitator"]), unique=True, max_size=4)):
        meta[key] = draw(printable)
    sections = [
        {"title": draw(printable), "duration": draw(st.sampled_from(["10m", "1h", "0", "x", "90"])),
         "slides": draw(st.lists(random_slide(), min_size=0, max_size=4))}
        for _ in range(draw(st.integers(0, 3)))
    ]
    return yaml.safe_dump({"workshop": meta, "sections": sections}, allow_unicode=True)


@pytest.mark.parametrize("examples", SIZES)
def test_schema_shaped_random_outlines_load_or_fail_cleanly(tmp_path_factory, examples):
    run_property(examples, random_outline(), lambda text: load_text(tmp_path_factory.mktemp("r"), text))
