"""The designer's contract in words: what each slide kind is, what each named shape holds.

Positions and placeholder types come from ``workshop.layouts`` (the generated
master); each kind's record (``workshop.kinds``) adds what a designer needs
to read: a sentence per slide kind, what goes into each shape, and whether
every slide of the kind fills it (*required*) or only slides that have that
content (*optional*). This module adds PowerPoint's words for placeholder
types. ``docs/brand-templates.md`` is written from the same records, and a
test keeps both in step with the layouts.
"""

from __future__ import annotations

from workshop.kinds import KINDS, ShapeRole

#: What PowerPoint calls each placeholder type (Slide Master › Insert Placeholder).
TYPE_WORDS = {
    "title": "Title", "ctrTitle": "Centered Title", "subTitle": "Subtitle", "body": "Text", "obj": "Content",
    "pic": "Picture", "chart": "Chart", "tbl": "Table", "ftr": "Footer", "sldNum": "Slide Number",
    "dt": "Date", "hdr": "Header", "media": "Media", "clipArt": "Online Image", "dgm": "SmartArt",
    "sldImg": "Slide Image",
}

#: Placeholder types that cannot hold the tool's text.
NOT_FOR_TEXT = ("pic", "chart", "tbl", "media", "clipArt", "dgm", "sldImg")


def type_word(type_: str) -> str:
    """``body`` → ``Text (body)``: PowerPoint's menu word with the file's type name."""
    word = TYPE_WORDS.get(type_)
    return f"{word} ({type_})" if word else type_


def kind_purpose(kind: str) -> str:
    return KINDS[kind].purpose


def shape_role(kind: str, name: str) -> ShapeRole:
    """The role of ``name`` in ``kind``'s layout (a neutral one for shapes not in the contract)."""
    return KINDS[kind].shapes.get(name) or ShapeRole(name.lower())
