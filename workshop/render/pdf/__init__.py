"""Shared pieces of the two PDF renderers: safe markup, fonts, styles, pages, charts.

Importing this package pins reportlab's global configuration (``settings``)
before any of its modules imports reportlab: a package's ``__init__`` runs
before its modules, so no import order inside a module can get ahead of it.
It then imports reportlab's paragraph module with its URL pattern's stand-in
(``patterns``).
"""

from __future__ import annotations

from workshop.render.pdf.patterns import url_pattern_deferred
from workshop.render.pdf.settings import pin

pin()  # reportlab's settings, before any module of this package imports reportlab (see settings.py)
with url_pattern_deferred():  # reportlab's costliest pattern, compiled only for a word with :// (patterns.py)
    import reportlab.platypus.paragraph  # noqa: F401, E402 - every PDF renderer imports it
