"""Shared fixtures: outlines written to tmp files, and brands."""

from __future__ import annotations

import importlib.util
import textwrap
from pathlib import Path

import pytest

from workshop.brand.model import Brand, Colors, FontFamily, Meta, Typography

REPO = Path(__file__).resolve().parents[1]
DECKS = REPO / "decks"


def _lato() -> FontFamily:
    spec = importlib.util.find_spec("font_lato")
    folder = Path(next(iter(spec.submodule_search_locations)))
    files = {p.stem: p for p in folder.rglob("*.ttf")}
    return FontFamily("Lato", files["Lato-Regular"], files["Lato-Bold"], files["Lato-Italic"], files["Lato-BoldItalic"])


@pytest.fixture(scope="session")
def plain_brand() -> Brand:
    """A brand built in code, for tests of stages that do not load brand files."""
    lato = _lato()
    colors = Colors()
    return Brand(name="test", folder=REPO, meta=Meta("Test", "Test"), colors=colors,
                 typography=Typography.of(lato, colors))


@pytest.fixture
def write_outline(tmp_path):
    """Write YAML text (dedented) to a tmp outline file and return its path."""

    def write(text: str, name: str = "outline.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write
