"""The sample decks, built once per test session for each brand (and with the Acme client profile)."""

from __future__ import annotations

import functools
import io
import tempfile
from pathlib import Path

from pptx import Presentation

from workshop.pipeline import Job, run_build

REPO = Path(__file__).resolve().parents[3]
SAMPLES = sorted((REPO / "decks").glob("*.yaml"))
ACME = REPO / "decks" / "clients" / "acme.yaml"
DARK = REPO / "tests" / "data" / "brands" / "real" / "posit-dark"
BRANDS = ("default", "noord")


@functools.cache
def deck_bytes(outline: Path, brand: str = "default", client: bool = False) -> bytes:
    """The built deck of one sample outline (``client``: with the Acme profile); no file is left behind."""
    with tempfile.TemporaryDirectory(prefix="workshop-samples-") as out:
        result = run_build(Job(outline, Path(out), brand, vars_file=ACME if client else None, only=("deck",)))
        assert result.ok, result.error
        return next(p for p in result.written if p.suffix == ".pptx").read_bytes()


def presentation(outline: Path, brand: str = "default", client: bool = False):
    return Presentation(io.BytesIO(deck_bytes(outline, brand, client)))
