"""Templates a designer might hand in: our exported master, changed with python-pptx."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from workshop.brand.load import load_brand


@pytest.fixture(scope="session")
def house():
    return load_brand("default")


@pytest.fixture(scope="session")
def master_bytes(house) -> bytes:
    from workshop.render.deck import build_master

    return build_master(house)


def remove(shape) -> None:
    shape._element.getparent().remove(shape._element)


@pytest.fixture
def designed(master_bytes, tmp_path) -> Callable[..., Path]:
    """``designed(change)`` saves the master after ``change(presentation)`` and returns its path."""

    def make(change, name: str = "template.pptx") -> Path:
        from pptx import Presentation

        prs = Presentation(io.BytesIO(master_bytes))
        change(prs)
        path = tmp_path / name
        prs.save(path)
        return path

    return make


def layout(prs, name: str):
    return next(ly for ly in prs.slide_layouts if ly.name == name)


def placeholder(layout_, name: str):
    return next(s for s in layout_.placeholders if s.name == name)


def rename_quote_and_drop_left_heading(prs) -> None:
    """The two mistakes of the issue: a renamed layout and a deleted placeholder."""
    layout(prs, "Quote").name = "Citaat"
    remove(placeholder(layout(prs, "Compare"), "Left Heading"))


@pytest.fixture(scope="session")
def edit():
    """What a designer does, as functions: find a layout or placeholder, remove a shape."""
    return SimpleNamespace(layout=layout, placeholder=placeholder, remove=remove,
                           two_mistakes=rename_quote_and_drop_left_heading)


@pytest.fixture
def cli():
    from workshop.cli import app

    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args), catch_exceptions=False)

    return invoke
