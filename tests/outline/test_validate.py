"""Validation keeps text as typed; its errors (line, field, likely fix) are outline cases in tests/data/outlines."""

from __future__ import annotations

from workshop.outline.load import load_outline

HEAD = """
workshop:
  title: Test
sections:
  - title: Een
    duration: 20m
    slides:
"""


def test_literal_text_survives_validation(write_outline):
    slides = "      - kind: table\n        title: T\n        header: [a, b, c]\n        rows: [[no, '1:30', 3.10]]\n"
    path = write_outline(HEAD + slides)
    table = load_outline(path).workshop.sections[0].slides[0]
    assert table.rows == [["no", "1:30", "3.10"]]
