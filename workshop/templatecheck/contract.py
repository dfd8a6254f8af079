"""The designer's contract in words: what each slide kind is, what each named shape holds.

Positions and placeholder types come from ``workshop.layouts`` (the generated
master); this module only adds what a designer needs to read: a sentence per
slide kind, what goes into each shape, and whether every slide of the kind
fills it (*required*) or only slides that have that content (*optional*).
``docs/brand-templates.md`` is written from the same table, and a test keeps
both in step with the layouts.
"""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class ShapeRole:
    what: str  # what goes in it, in a designer's words
    required: bool = True  # every slide of the kind fills it


_TITLE = ShapeRole("the slide title")

#: slide kind → (what the kind is for, {shape name: role}) in layout order.
CONTRACT: dict[str, tuple[str, dict[str, ShapeRole]]] = {
    "title": ("the opening slide of the deck", {
        "Title": ShapeRole("the workshop title"),
        "Subtitle": ShapeRole("the subtitle", required=False),
        "Details": ShapeRole("client · date · facilitator", required=False),
        "Client Logo": ShapeRole("the client's logo, next to yours (co-branding)", required=False),
    }),
    "agenda": ("the programme with clock times", {
        "Title": _TITLE,
        "Agenda": ShapeRole("the agenda rows (time, section, minutes); the tool draws them inside this area"),
    }),
    "section": ("the divider that opens a section", {
        "Number": ShapeRole("the section number (01, 02, …)"),
        "Title": ShapeRole("the section title"),
        "Subtitle": ShapeRole("the section subtitle", required=False),
    }),
    "bullets": ("a title with bullet points", {
        "Title": _TITLE,
        "Body": ShapeRole("the bullet points, two levels"),
    }),
    "statement": ("one big sentence", {
        "Title": ShapeRole("a small heading above the statement", required=False),
        "Statement": ShapeRole("the statement"),
    }),
    "quote": ("a quotation", {
        "Quote": ShapeRole("the quotation"),
        "Attribution": ShapeRole("who said it, and where"),
    }),
    "compare": ("two columns side by side", {
        "Title": _TITLE,
        "Left Heading": ShapeRole("the heading of the left column"),
        "Left": ShapeRole("the points of the left column"),
        "Right Heading": ShapeRole("the heading of the right column"),
        "Right": ShapeRole("the points of the right column"),
    }),
    "stat": ("one big number", {
        "Title": ShapeRole("a small title", required=False),
        "Value": ShapeRole("the big number"),
        "Label": ShapeRole("what the number means"),
        "Chart": ShapeRole("a small chart beside the number; the tool draws it inside this area", required=False),
        "Source": ShapeRole("where the number comes from", required=False),
    }),
    "chart": ("a chart", {
        "Title": _TITLE,
        "Chart": ShapeRole("the chart; the tool draws it inside this area"),
        "Caption": ShapeRole("a caption under the chart", required=False),
        "Source": ShapeRole("where the data comes from", required=False),
    }),
    "table": ("a table", {
        "Title": _TITLE,
        "Table": ShapeRole("the table; the tool draws it inside this area"),
        "Source": ShapeRole("where the data comes from", required=False),
    }),
    "image": ("a picture", {
        "Title": ShapeRole("the slide title", required=False),
        "Picture": ShapeRole("the picture, fitted inside this area without stretching"),
        "Caption": ShapeRole("a caption under the picture", required=False),
        "Source": ShapeRole("the picture credit", required=False),
    }),
    "steps": ("numbered steps in a row", {
        "Title": _TITLE,
        "Steps": ShapeRole("the numbered steps; the tool draws them inside this area"),
    }),
    "quiz": ("a question with lettered options (and its answer slide)", {
        "Title": _TITLE,
        "Question": ShapeRole("the question"),
        "Options": ShapeRole("the options A, B, C…; the tool draws them inside this area"),
        "Explanation": ShapeRole("the explanation of the answer (answer slide only)", required=False),
    }),
    "exercise": ("an exercise for the group", {
        "Title": _TITLE,
        "Goal": ShapeRole("the goal of the exercise", required=False),
        "Instructions": ShapeRole("the numbered instructions"),
        "Duration": ShapeRole("how long it takes (15 min)"),
        "Details": ShapeRole("group size and materials", required=False),
    }),
    "break": ("a break", {
        "Title": ShapeRole("the name of the break"),
        "Duration": ShapeRole("how long it takes (15 min)"),
        "Text": ShapeRole("a short note and the time to be back"),
    }),
    "closing": ("the last slide", {
        "Title": _TITLE,
        "Takeaways": ShapeRole("the takeaways, as bullet points", required=False),
        "Action": ShapeRole("the call to action", required=False),
        "Question": ShapeRole("a question to discuss", required=False),
    }),
}


def kind_purpose(kind: str) -> str:
    return CONTRACT[kind][0]


def shape_role(kind: str, name: str) -> ShapeRole:
    """The role of ``name`` in ``kind``'s layout (a neutral one for shapes not in the table)."""
    return CONTRACT.get(kind, ("", {}))[1].get(name) or ShapeRole(name.lower())
