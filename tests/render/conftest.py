"""Loads the shared PDF test support by path (pytest runs in importlib mode) and its fixtures."""

import importlib.util
import sys
from pathlib import Path


def _support():
    if "pdf_support" not in sys.modules:
        path = Path(__file__).resolve().parent / "pdf" / "pdf_support.py"
        spec = importlib.util.spec_from_file_location("pdf_support", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["pdf_support"] = module
        spec.loader.exec_module(module)
    return sys.modules["pdf_support"]


_s = _support()
every_kind, handout_pdf, guide_pdf = _s.every_kind, _s.handout_pdf, _s.guide_pdf
