"""Property tests: random and hostile outlines end in a model or a clean, located error.

Run longer with ``HYPOTHESIS_PROFILE=long pytest tests/outline/test_properties.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

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


@given(st.binary(max_size=2_000))
def test_random_bytes_read_cleanly(data):
    try:
        read_yaml_bytes(data, "r.yaml")
    except WorkshopError as error:
        assert_clean(error)


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


@given(mutated_sample())
def test_mutated_samples_load_or_fail_cleanly(tmp_path_factory, text):
    load_text(tmp_path_factory.mktemp("m"), text)


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


@given(random_outline())
def test_schema_shaped_random_outlines_load_or_fail_cleanly(tmp_path_factory, text):
    load_text(tmp_path_factory.mktemp("r"), text)
