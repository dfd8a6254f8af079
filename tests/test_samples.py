"""Every sample outline and every documented example is checked (and built in the render tests)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sample_builds import every_sample

from workshop.errors import Severity
from workshop.pipeline import Job, run_check

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "decks").glob("*.yaml"))
EXAMPLES = sorted((REPO / "docs" / "examples").glob("*.yaml"))
DOC = REPO / "docs" / "outline-format.md"


def test_there_are_seven_samples_and_many_examples():
    assert len(SAMPLES) == 7  # four in Dutch, one each in English, German and French
    assert len(EXAMPLES) >= 16


@pytest.mark.parametrize("path", SAMPLES + EXAMPLES, ids=lambda p: p.name)
def test_outline_checks_clean(path, monkeypatch):
    monkeypatch.chdir(REPO)
    result = run_check(Job(path.relative_to(REPO)))
    assert result.ok, result.error
    warnings = [f for f in result.findings if f.severity is Severity.WARNING]
    assert not warnings, "\n".join(map(str, warnings))


def test_samples_use_every_slide_kind():
    from workshop.model import SLIDE_KINDS
    from workshop.outline.load import load_outline

    used = set()
    for path in SAMPLES:
        workshop = load_outline(path).workshop
        used |= {s.kind for s in workshop.opening}
        used |= {s.kind for section in workshop.sections for s in section.slides}
    assert used == set(SLIDE_KINDS)


def test_every_yaml_snippet_in_the_docs_is_an_example_file():
    text = DOC.read_text(encoding="utf-8")
    pattern = re.compile(r"\[`docs/examples/([\w.-]+\.yaml)`\]\([^)]*\)\s*\n+```yaml\n(.*?)```", re.S)
    pairs = pattern.findall(text)
    assert len(pairs) >= 16
    for name, snippet in pairs:
        content = (REPO / "docs" / "examples" / name).read_text(encoding="utf-8")
        assert snippet.strip() in content, f"docs snippet for {name} differs from the file"
    blocks = re.findall(r"```yaml\n", text)
    assert len(blocks) == len(pairs), "every ```yaml block must be preceded by its example file link"


@pytest.mark.parametrize("path", every_sample())
def test_outline_builds_all_three_outputs(path, sample_build):
    """``workshop build`` in the checkout (the build is shared with the render tests: tests/sample_builds.py)."""
    from pptx import Presentation

    result = sample_build(path).result
    assert result.ok, result.error
    deck, handout, guide = result.written  # in the order deck, handout, guide
    assert deck.suffix == ".pptx" and handout.name.endswith("-handout.pdf") and guide.name.endswith("-guide.pdf")
    assert len(Presentation(deck).slides) == result.slides
    assert handout.read_bytes().startswith(b"%PDF-") and guide.read_bytes().startswith(b"%PDF-")
