"""Slides that are mostly words: bullets, statement, quote, compare.

Their text comes from ``workshop.plan.texts`` (what the fit measured);
these slides have nothing else to draw.
"""

from __future__ import annotations


def bullets(c, planned) -> None:
    c.put_all()


def statement(c, planned) -> None:
    c.put_all()


def quote(c, planned) -> None:
    c.put_all()


def compare(c, planned) -> None:
    c.put_all()
