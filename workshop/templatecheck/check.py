"""Check a PowerPoint master against the slide kinds: a report value, nothing printed.

The template is read the way the renderer reads it: the bytes pass the safety
checks first (``workshop.safety.templates``), the layouts package parses the
geometry without python-pptx (``workshop.layouts.read_template``) and
``resolve_layout`` decides, per slide kind, which layout and which
placeholders the deck will use. This module only turns that decision into
findings a designer can act on; it never decides differently from the
renderer.
"""

from __future__ import annotations

import difflib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from workshop.brand.model import DEFAULT_LAYOUT_NAMES
from workshop.errors import Location, WorkshopError
from workshop.findings import Severity
from workshop.kinds import KINDS
from workshop.layouts import layouts_for, read_template, resolve_layout
from workshop.layouts.geometry import EMU_PER_PT, Box, SlideSize
from workshop.layouts.resolve import STAND_INS
from workshop.layouts.spec import ShapeSpec
from workshop.layouts.template import PlaceholderGeometry, TemplateGeometry, TemplateLayout
from workshop.templatecheck.bytype import found_by_type
from workshop.templatecheck.contract import NOT_FOR_TEXT, TYPE_WORDS, shape_role, type_word
from workshop.templatecheck.resaved import lost_layouts

How = Literal["name", "type", "missing"]

EMU_PER_CM = 360_000
SMALL_AREA = EMU_PER_CM  # areas narrower or lower than 1 cm are reported
_SLIDE_PART = re.compile(r"^ppt/slides/slide\d+\.xml$")
_MENU = {  # where PowerPoint's Slide Master tab makes a placeholder of this type
    "title": "tick 'Title' on the Slide Master tab",
    "ctrTitle": "tick 'Title' on the Slide Master tab",
}
_SELECTION_PANE = "Home › Arrange › Selection Pane; double-click a name to change it"


@dataclass(frozen=True)
class Problem:
    """One thing a designer should know, in plain words, with the fix."""

    severity: Severity
    message: str
    fix: str = ""
    kind: str | None = None
    layout: str | None = None
    shape: str | None = None


@dataclass(frozen=True)
class ShapeUse:
    """One named shape of a slide kind and the placeholder it will use."""

    name: str  # the name the tool looks for
    type: str  # the placeholder type of the generated master
    what: str  # what goes in it
    required: bool
    how: How  # found by name, by type, or missing (drawn as a text box at the default position)
    placeholder: PlaceholderGeometry | None = None
    moved: bool = False  # the template puts it elsewhere than the generated master


@dataclass(frozen=True)
class KindUse:
    """Which layout a slide kind maps to and what it found there."""

    kind: str
    layout_name: str  # the layout name the brand asks for
    layout: str | None  # the template's layout used; None: missing, drawn on ``fallback``
    fallback: str | None
    shapes: tuple[ShapeUse, ...] = ()
    errors: int = 0
    footer: PlaceholderGeometry | None = None  # the layout's footer placeholder, when slides of the kind have one
    slide_number: PlaceholderGeometry | None = None

    @property
    def ok(self) -> bool:
        return self.errors == 0

    @property
    def moved(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.shapes if s.moved)


@dataclass(frozen=True)
class TemplateReport:
    source: str  # what was checked, for the heading
    brand: str
    generated: bool  # the brand has no template: its generated master was checked
    geometry: TemplateGeometry
    kinds: tuple[KindUse, ...]
    problems: tuple[Problem, ...]
    blank: str | None  # the layout missing kinds are drawn on
    slides: int = 0  # sample slides in the file (left out of every deck)

    def of(self, severity: Severity) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == severity)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return self.of(Severity.ERROR)

    @property
    def broken_kinds(self) -> tuple[str, ...]:
        return tuple(k.kind for k in self.kinds if not k.ok)

    @property
    def ok(self) -> bool:
        return not self.errors

    def kinds_on(self, layout: TemplateLayout) -> tuple[str, ...]:
        return tuple(k.kind for k in self.kinds if k.layout == layout.name)

    def uses_of(self, layout: TemplateLayout, placeholder: PlaceholderGeometry) -> tuple[str, ...]:
        """``kind: shape`` entries that use ``placeholder`` of ``layout``."""
        uses = []
        for k in self.kinds:
            if k.layout != layout.name:
                continue
            uses += [f"{k.kind}: {s.name}" for s in k.shapes if s.placeholder is placeholder]
            if placeholder is k.footer:
                uses.append(f"{k.kind}: footer text")
            if placeholder is k.slide_number:
                uses.append(f"{k.kind}: slide number")
        return tuple(uses)


# -- entry points -------------------------------------------------------------------------


def check_brand(brand) -> TemplateReport:
    """The brand's own template, or the master it generates when it names none."""
    from workshop.safety.templates import check_template_bytes
    from workshop.safety.templates import read_template as read_checked

    template = brand.settings.template
    if template is None:
        from workshop.render.deck import build_master

        data = build_master(brand)
        label = f"the master generated for brand '{brand.name}'"
        check_template_bytes(data, label)
        return check_template(data, brand, label, generated=True)
    path = Path(template)
    if not path.is_absolute():
        path = Path(brand.folder) / path
    if not path.is_file():
        raise WorkshopError(f"the brand's template '{path}' does not exist", Location(str(path)))
    return check_template(read_checked(path), brand, _shown(path))


def check_template_file(path: str | Path, brand) -> TemplateReport:
    """A template file, with ``brand``'s layout names; safety-checked before it is parsed."""
    from workshop.safety.templates import read_template as read_checked

    path = Path(path)
    if not path.is_file():
        what = "is a folder, not a .pptx file" if path.is_dir() else "does not exist"
        raise WorkshopError(f"the template '{path}' {what}", Location(str(path)),
                            hint="give the path of a PowerPoint file (.pptx), or use --brand NAME")
    return check_template(read_checked(path), brand, _shown(path))


def _shown(path: Path) -> str:
    """The path as given, or relative to the working folder when it lies inside it."""
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def check_template(data: bytes, brand, source: str, *, generated: bool = False) -> TemplateReport:
    """Check template bytes that already passed the safety checks."""
    geometry = read_template(data)
    specs = layouts_for(brand)
    blank_layout = geometry.blank()
    blank = blank_layout.name if blank_layout is not None else None
    problems: list[Problem] = []
    kinds: list[KindUse] = []
    resolved_all = {kind: resolve_layout(specs[kind], geometry) for kind in KINDS}
    used_names = {r.layout for r in resolved_all.values() if r.layout is not None}
    unused = [ly.name for ly in geometry.layouts if ly.name not in used_names and ly is not blank_layout]

    if not geometry.layouts:
        problems.append(Problem(
            Severity.ERROR, "The template has no slide layouts at all, so no slide kind can use it.",
            "start from the master the tool makes: workshop template export --brand default -o master.pptx",
        ))
    lost = lost_layouts(geometry, specs, brand)
    if lost is not None:
        problems.append(lost)
    for kind in KINDS:
        spec = specs[kind]
        found: list[Problem] = []
        resolved = resolved_all[kind]
        if resolved.layout is None:
            found.append(_missing_layout(kind, spec.name, blank, unused, brand))
            kinds.append(KindUse(kind, spec.name, None, blank, (), 1))
            problems += found
            continue
        layout = geometry.layout(resolved.layout)
        uses = []
        for shape in spec.shapes:
            if not shape.placeholder:
                continue
            use, shape_problems = _shape(kind, shape, layout, resolved, brand, geometry.size)
            uses.append(use)
            found += shape_problems
        errors = sum(1 for p in found if p.severity == Severity.ERROR)
        footer = (resolved.footer, resolved.slide_number) if spec.footer else (None, None)
        kinds.append(KindUse(kind, spec.name, layout.name, None, tuple(uses), errors, *footer))
        problems += found

    problems += found_by_type(kinds, geometry, _SELECTION_PANE)
    problems += _layout_notes(geometry, specs, kinds, unused, blank, brand)
    slides = _slide_count(data)
    if slides:
        problems.append(Problem(
            Severity.INFO, f"The file holds {slides} slide{'s' if slides != 1 else ''}; "
            f"{'they are' if slides != 1 else 'it is'} left out of every deck (only the master and its layouts "
            "are used).",
        ))
    return TemplateReport(source, brand.name, generated, geometry, tuple(kinds), tuple(problems), blank, slides)


# -- one slide kind -----------------------------------------------------------------------


def _missing_layout(kind: str, name: str, blank: str | None, unused: list[str], brand) -> Problem:
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


def _shape(kind: str, shape: ShapeSpec, layout: TemplateLayout, resolved, brand,
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
    words = [type_word(t) for t in stand_ins]
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


def _geometry_problems(kind, shape: ShapeSpec, match: PlaceholderGeometry, layout: TemplateLayout,
                       slide: SlideSize, brand, what: str) -> list[Problem]:
    problems = []
    box: Box = match.box
    label = f"The placeholder '{match.name}' on layout '{layout.name}'"
    if box.w <= 0 or box.h <= 0:
        return [Problem(
            Severity.ERROR, f"{label} has no size ({_cm(box.w)} × {_cm(box.h)} cm), so {what} cannot show.",
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
                f"{label} is too small for {what}: inside its margins it is {_cm(inner.w)} × {_cm(inner.h)} cm, "
                f"less than one line of text at the smallest size allowed ({smallest:g} pt).",
                "make it larger in View › Slide Master, or make its inner margins smaller "
                "(Format Shape › Text Options › Text Box).",
                kind, layout.name, shape.name,
            ))
    elif box.w < SMALL_AREA or box.h < SMALL_AREA:
        problems.append(Problem(
            Severity.WARNING, f"{label} is only {_cm(box.w)} × {_cm(box.h)} cm; {what} will be tiny.",
            "make it larger in View › Slide Master.", kind, layout.name, shape.name,
        ))
    if not slide.box.contains(box, tolerance=EMU_PER_CM // 10):
        problems.append(Problem(
            Severity.WARNING,
            f"{label} reaches past the edge of the slide; part of {what} will be cut off in the show.",
            "move it back onto the slide in View › Slide Master.", kind, layout.name, shape.name,
        ))
    return problems


# -- the template as a whole --------------------------------------------------------------


def _layout_notes(geometry: TemplateGeometry, specs, kinds: list[KindUse], unused: list[str], blank, brand):
    problems: list[Problem] = []
    seen: dict[str, list[str]] = {}
    for layout in geometry.layouts:
        seen.setdefault(layout.name.casefold().strip(), []).append(layout.name)
    for kind in kinds:
        names = seen.get(kind.layout_name.casefold().strip(), [])
        if len(names) > 1:
            problems.append(Problem(
                Severity.WARNING,
                f"{len(names)} layouts are called '{kind.layout_name}'; slides of kind {kind.kind} use "
                "the first one (in the order of View › Slide Master).",
                "delete the extra layouts or give them other names.", kind.kind, kind.layout_name,
            ))
    without = []
    for kind in kinds:
        if kind.layout is None or not specs[kind.kind].footer:
            continue
        layout = geometry.layout(kind.layout)
        if not layout.of_type("ftr") or not layout.of_type("sldNum"):
            without.append(kind.layout)
    if without:
        problems.append(Problem(
            Severity.INFO, "These layouts have no footer or slide number placeholder, so the tool draws the footer and "
            "the number where the slide master has them: " + ", ".join(f"'{n}'" for n in dict.fromkeys(without)) + ".",
            "to place them yourself, tick 'Footers' on the Slide Master tab for those layouts.",
        ))
    if unused:
        problems.append(Problem(
            Severity.INFO, "Layouts no slide kind uses (they stay in the file, unused): "
            + ", ".join(f"'{u}'" for u in unused) + ".",
        ))
    width, height = geometry.size.width, geometry.size.height
    if height and abs(width / height - 16 / 9) > 0.01:
        problems.append(Problem(
            Severity.INFO, f"The slides are {_cm(width)} × {_cm(height)} cm, not 16:9; where your template has no "
            "placeholder, the tool's own positions are stretched to this size.",
        ))
    masters = len({layout.master for layout in geometry.layouts})
    if masters > 1:
        problems.append(Problem(
            Severity.INFO, f"The template has {masters} slide masters; layouts are found by name in all of them "
            "(the first of two equal names wins).",
        ))
    return problems


def _slide_count(data: bytes) -> int:
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:  # pragma: no cover - read_template refused it already
        return 0
    return sum(1 for n in names if _SLIDE_PART.match(n))


def cm(emu: int) -> str:
    """EMU as centimetres with two decimals, as PowerPoint's Size & Position pane shows them."""
    return f"{emu / EMU_PER_CM:.2f}"


_cm = cm


__all__ = ["Problem", "ShapeUse", "KindUse", "TemplateReport", "check_brand", "check_template",
           "check_template_file", "cm"]
