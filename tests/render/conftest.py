"""The renderers' shared fixtures, from ``pdf_support`` (loaded by path in tests/conftest.py).

``pdf_support`` (outlines and PDF readers) and ``deck_office`` (LibreOffice with
the brand fonts visible) are importable by those names in every test.
"""

import sys

_s = sys.modules["pdf_support"]
every_kind, handout_pdf, guide_pdf = _s.every_kind, _s.handout_pdf, _s.guide_pdf
sample_handouts, sample_pages = _s.sample_handouts, _s.sample_pages  # every sample outline × both brands × with and without Acme
