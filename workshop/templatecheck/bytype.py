"""Placeholders found by their type rather than their name: one note per layout, or one per template.

A placeholder the designer left unnamed ("Text Placeholder 7") still works:
the check finds it by type and place. Saying so once per placeholder drowned
everything else after a LibreOffice save, which renames every placeholder
"PlaceHolder N" (56 notes for the exported master). So the check says it once
per layout, listing each rename, and once for the whole template where the
layouts were recovered from a LibreOffice save, where nothing needs doing.
"""

from __future__ import annotations

from collections.abc import Sequence

from workshop.errors import Severity
from workshop.layouts.template import TemplateGeometry
from workshop.templatecheck.report import KindUse, Problem

_SHOWN = 2  # renames listed in the template-wide note


def found_by_type(kinds: Sequence[KindUse], geometry: TemplateGeometry, selection_pane: str) -> list[Problem]:
    """The notes for placeholders found by type: per layout, and one for the recovered layouts."""
    renames: dict[str, dict[str, tuple[str, str]]] = {}  # layout → placeholder → (name wanted, what it takes)
    for use in kinds:
        for shape in use.shapes:
            if use.layout is not None and shape.how == "type" and shape.placeholder is not None:
                renames.setdefault(use.layout, {}).setdefault(shape.placeholder.name, (shape.name, shape.what))
    recovered = {ly.name for ly in geometry.layouts if any(not ph.inherits for ph in ly.placeholders)}
    notes: list[Problem] = []
    resaved = {name: found for name, found in renames.items() if name in recovered}
    if resaved:
        count = sum(len(found) for found in resaved.values())
        examples = [f"'{old}' takes {what} (as '{new}')" for found in resaved.values()
                    for old, (new, what) in found.items()][:_SHOWN]
        notes.append(Problem(
            Severity.INFO,
            f"{count} placeholders on {len(resaved)} layouts are found by their type and place, as expected after "
            "a LibreOffice save, which names them all 'PlaceHolder 1', 'PlaceHolder 2', …; each is drawn where "
            f"the master puts it. For example: {'; '.join(examples)}. The table above shows them all "
            "(\"← title: Subtitle\": that placeholder takes the title slide's Subtitle).",
            "nothing is needed. To make the names certain again, rename each placeholder in PowerPoint's "
            f"Selection Pane ({selection_pane}) to the name the table gives after the kind",
        ))
    for layout, found in renames.items():
        if layout in resaved:
            continue
        listed = "; ".join(f"'{old}' takes {what} (name it '{new}')" for old, (new, what) in found.items())
        many = len(found) > 1
        notes.append(Problem(
            Severity.INFO,
            f"On layout '{layout}', {len(found)} placeholder{'s are' if many else ' is'} found by type, because "
            f"none is named as the tool expects: {listed}.",
            f"to be sure, rename {'them' if many else 'it'} in the Selection Pane ({selection_pane}).",
            layout=layout,
            shape=next(iter(found.values()))[0] if not many else None,
        ))
    return notes
