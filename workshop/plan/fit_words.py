"""What the fit calls a text block in a finding: the user's word for it and its place in the outline.

Shape names (``Left Heading``, ``Option Text B``) are the template's; a finding
speaks of "left heading" or "option B" and points at the outline field it came from.
"""

from __future__ import annotations

from workshop.kinds import KINDS
from workshop.plan.model import PlannedSlide

_NAMES = {
    "Title": ("title", ("title",)), "Subtitle": ("subtitle", ("subtitle",)), "Details": ("details line", ()),
    "Body": ("bullets", ("bullets",)), "Statement": ("statement", ("text",)), "Quote": ("quote", ("text",)),
    "Attribution": ("attribution", ("by",)), "Left Heading": ("left heading", ("left", "heading")),
    "Left": ("left column", ("left", "points")), "Right Heading": ("right heading", ("right", "heading")),
    "Right": ("right column", ("right", "points")), "Value": ("figure", ("value",)),
    "Label": ("label", ("label",)), "Source": ("source", ("source",)), "Caption": ("caption", ("caption",)),
    "Table": ("table", ("rows",)), "Question": ("question", ("question",)),
    "Explanation": ("explanation", ("explanation",)), "Goal": ("goal", ("goal",)),
    "Instructions": ("instructions", ("steps",)), "Duration": ("duration", ("duration",)),
    "Takeaways": ("takeaways", ("takeaways",)), "Action": ("call to action", ("action",)),
    "Text": ("text", ("text",)), "Number": ("section number", ()),
}


def describe(item: PlannedSlide, name: str) -> tuple[str, tuple[str | int, ...]]:
    """(what the user calls block ``name``, its path in the model under the slide)."""
    if name.startswith("Step "):
        number = int(name.split()[1])
        return f"step {number}", ("steps", number - 1)
    if name.startswith("Option Text "):
        letter = name.rsplit(" ", 1)[1]
        return f"option {letter}", ("options", ord(letter) - ord("A"))
    if name.startswith("Agenda "):
        return "agenda", ()
    own = KINDS[item.kind].shape_words
    if name in own:
        return own[name]
    return _NAMES.get(name, (name.lower(), ()))


def model_path(item: PlannedSlide, name: str) -> tuple[str | int, ...]:
    """Where block ``name`` of ``item`` comes from in the outline (for a finding's line and column)."""
    _, field_path = describe(item, name)
    if item.kind == "title" and name in ("Title", "Subtitle") and not getattr(item.slide, name.lower(), None):
        return ("workshop", name.lower())
    if item.kind == "title" and name == "Details":
        return ("workshop",)
    return (*item.source_path, *field_path)
