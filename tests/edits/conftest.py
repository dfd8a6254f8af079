"""A project with the hand-edit test outline, built once per test, and the edits people make."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "edits"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A tmp project folder (the working directory) holding ``werkplaats.yaml`` and its image."""
    shutil.copy(DATA / "werkplaats.yaml", tmp_path / "werkplaats.yaml")
    shutil.copytree(REPO / "decks" / "images", tmp_path / "images")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def build(project):
    """Build the outline (or ``outline``) into ``build/``; returns the JobResult."""
    from workshop.pipeline import Job, run_build

    def run(outline: str = "werkplaats.yaml", **options):
        return run_build(Job(Path(outline), Path("build"), **options))

    return run
