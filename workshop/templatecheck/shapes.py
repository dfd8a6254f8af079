"""One slide kind against the template: its layout, each named placeholder, and their sizes.

``resolve_layout`` has already decided which layout and placeholders the deck
uses; this turns each decision into problems a designer can act on (what is
missing, found by type instead of name, too small, off the slide), each with
the clicks in PowerPoint that fix it.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from workshop.brand.model import DEFAULT_LAYOUT_NAMES
from workshop.findings import Severity
from workshop.layouts.geometry import EMU_PER_PT, SlideSize
from workshop.layouts.resolve import STAND_INS, ResolvedLayout
from workshop.layouts.spec import ShapeSpec
from workshop.layouts.template import PlaceholderGeometry, TemplateLayout
from workshop.templatecheck.contract import NOT_FOR_TEXT, TYPE_WORDS, shape_role, type_word
from workshop.templatecheck.report import EMU_PER_CM, How, Problem, ShapeUse, cm

if TYPE_CHECKING:
    from workshop.brand.model import Brand

SMALL_AREA = EMU_PER_CM  # areas narrower or lower than 1 cm are reported
_MENU = {  # where PowerPoint's Slide Master tab makes a placeholder of this type
    "title": "tick 'Title' on the Slide Master tab",
    "ctrTitle": "tick 'Title' on the Slide Master tab",
}
_SELECTION_PANE = "Home › Arrange › Selection Pane; double-click a name to change it"


def missing_layout(kind: str, name: str, blank: str | None, unused: list[str], brand: Brand) -> Problem:
    where = f"on the '{blank}' layout" if blank else "on a layout of the template"
    message = (f"Layout '{name}' is missing: slides of kind {kind} will be drawn {where} with default "
               "positions, in the tool's own style.")
    fix = (f"in PowerPoint, View › Slide Master, duplicate a layout and rename it to '{name}' "
           "(right-click › Rename Layout).")
    close = difflib.get_close_matches(name.casefold(), [u.casefold() for u in unused], n=1, cutoff=0.6)
    if close:
        similar = next(u for u in unused if u.casefold() == close[0])
        fix += f" The layout '{similar}' looks like a misspelling: rename it to '{name}'."
    elif unused:
        listed = ", ".join(f"'{u}'" for u in unused[:6]) + (" …" if len(unused) > 6 else "")
        fix += (f" If one of the layouts no slide kind uses ({listed}) is meant for {kind} slides, rename it to "
                f"'{name}', or name it in _brand.yml: defaults: workshop: layouts: {kind}: <its name>.")
    if brand.settings.layouts[kind] != DEFAULT_LAYOUT_NAMES[kind]:
        fix += f" ('{name}' is the name _brand.yml gives under defaults: workshop: layouts: {kind}.)"
    return Problem(Severity.ERROR, message, fix, kind=kind, layout=name)


def shape_use(kind: str, shape: ShapeSpec, layout: TemplateLayout, resolved: ResolvedLayout, brand: Brand,
              slide: SlideSize) -> tuple[ShapeUse, list[Problem]]:
    role = shape_role(kind, shape.name)
    match = resolved.matches.get(shape.name)
    named = layout.placeholder(shape.name)
    how: How = "missing" if match is None else ("name" if match is named else "type")
    use = ShapeUse(shape.name, shape.placeholder or "", role.what, role.required, how, match,
                   shape.name in resolved.moved)
    problems: list[Problem] = []
    severity: Severity = Severity.ERROR if role.required else Severity.WARNING
    when = f"on {kind} slides" if role.required else f"on {kind} slides that have it"
    fallback = (f"{when}, {role.what} will be drawn as a plain text box at the default position, in the "
                "tool's own style")
    if shape.kind != "text":
        fallback = f"{when}, {role.what} will go where the tool's own master puts it"
    stand_ins = STAND_INS.get(shape.placeholder or "", (shape.placeholder,))
    words = [type_word(t) for t in stand_ins if t is not None]
    types = ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else words[0]
    where = f"layout '{layout.name}'"

    if named is not None and named.box is None:
        problems.append(Problem(
            severity if match is None else Severity.WARNING,
            f"Layout '{layout.name}' has a placeholder named '{shape.name}', but it has no position of its own and "
            f"the slide master has no {TYPE_WORDS.get(named.type, named.type)} placeholder to take one from, so it "
            "cannot be used" + (f": {fallback}." if match is None else f"; '{match.name}' is used instead."),
            f"in View › Slide Master, select the placeholder '{shape.name}' on {where} and move it a little "
            "(PowerPoint then stores its position).",
            kind, layout.name, shape.name,
        ))
    elif match is None:
        problems.append(Problem(
            severity,
            f"Layout '{layout.name}' has no placeholder named '{shape.name}' (and no placeholder of type "
            f"{types} to use instead): {fallback}.",
            _insert_fix(shape, where, role.what),
            kind, layout.name, shape.name,
        ))
    elif how == "type":
        problems.append(Problem(
            Severity.INFO,
            f"On layout '{layout.name}', {role.what} goes into the placeholder '{match.name}' "
            f"(found by its type, {type_word(match.type)}, because none is named '{shape.name}').",
            f"to be sure, rename '{match.name}' to '{shape.name}' in the Selection Pane ({_SELECTION_PANE}).",
            kind, layout.name, shape.name,
        ))
    if match is not None and match.box is not None:
        problems += _geometry_problems(kind, shape, match, layout, slide, brand, role.what)
    return use, problems


def _insert_fix(shape: ShapeSpec, where: str, what: str) -> str:
    type_ = shape.placeholder or "body"
    if type_ in _MENU:
        make = _MENU[type_]
    else:
        make = f"Insert Placeholder › {TYPE_WORDS.get(type_, 'Text')}, draw it where it should go"
    return (f"in PowerPoint, View › Slide Master, select {where}, {make}, then name it '{shape.name}' in the "
            f"Selection Pane ({_SELECTION_PANE}).")


def _geometry_problems(kind: str, shape: ShapeSpec, match: PlaceholderGeometry, layout: TemplateLayout,
                       slide: SlideSize, brand: Brand, what: str) -> list[Problem]:
    problems: list[Problem] = []
    box = match.box
    assert box is not None  # only placed placeholders are measured
    label = f"The placeholder '{match.name}' on layout '{layout.name}'"
    if box.w <= 0 or box.h <= 0:
        return [Problem(
            Severity.ERROR, f"{label} has no size ({cm(box.w)} × {cm(box.h)} cm), so {what} cannot show.",
            "in View › Slide Master, drag its handles to give it a width and a height.",
            kind, layout.name, shape.name,
        )]
    if shape.kind == "text" and shape.text is not None:
        if match.type in NOT_FOR_TEXT:
            problems.append(Problem(
                Severity.WARNING,
                f"{label} is a {TYPE_WORDS.get(match.type, match.type)} placeholder, but it gets {what}, which is "
                "text; PowerPoint may not show text in it.",
                f"delete it and use Insert Placeholder › Text instead, named '{shape.name}'.",
                kind, layout.name, shape.name,
            ))
        smallest = brand.size(shape.text.role).min_pt
        inner = box.inner(match.insets)
        line = smallest * 1.2 * max(shape.text.line_spacing, 0.8) * EMU_PER_PT
        if inner.h < line or inner.w < 2 * smallest * EMU_PER_PT:
            problems.append(Problem(
                Severity.ERROR,
                f"{label} is too small for {what}: inside its margins it is {cm(inner.w)} × {cm(inner.h)} cm, "
                f"less than one line of text at the smallest size allowed ({smallest:g} pt).",
                "make it larger in View › Slide Master, or make its inner margins smaller "
                "(Format Shape › Text Options › Text Box).",
                kind, layout.name, shape.name,
            ))
    elif box.w < SMALL_AREA or box.h < SMALL_AREA:
        problems.append(Problem(
            Severity.WARNING, f"{label} is only {cm(box.w)} × {cm(box.h)} cm; {what} will be tiny.",
            "make it larger in View › Slide Master.", kind, layout.name, shape.name,
        ))
    if not slide.box.contains(box, tolerance=EMU_PER_CM // 10):
        problems.append(Problem(
            Severity.WARNING,
            f"{label} reaches past the edge of the slide; part of {what} will be cut off in the show.",
            "move it back onto the slide in View › Slide Master.", kind, layout.name, shape.name,
        ))
    return problems


