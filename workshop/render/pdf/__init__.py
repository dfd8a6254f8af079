"""Shared pieces of the two PDF renderers: safe markup, fonts, styles, pages, charts.

Importing this package pins reportlab's global configuration (``settings``)
before any of its modules imports reportlab: a package's ``__init__`` runs
before its modules, so no import order inside a module can get ahead of it.
"""

from __future__ import annotations

from workshop.render.pdf.settings import pin

pin()  # reportlab's settings, before any module of this package imports reportlab (see settings.py)
