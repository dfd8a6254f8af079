"""Shared test support for the renderers, loaded by path once (pytest runs in importlib mode).

``pdf_support`` (outlines and PDF readers) and ``deck_office`` (LibreOffice with
the brand fonts visible) become importable by those names in every render test.
"""

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(name: str, path: Path):
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


_load("deck_office", HERE / "deck" / "office.py")
_s = _load("pdf_support", HERE / "pdf" / "pdf_support.py")
every_kind, handout_pdf, guide_pdf = _s.every_kind, _s.handout_pdf, _s.guide_pdf
sample_handouts, sample_pages = _s.sample_handouts, _s.sample_pages  # every sample outline × both brands × with and without Acme
