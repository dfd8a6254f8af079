"""Check a PowerPoint master against the slide kinds: a report value, nothing printed.

The template is read the way the renderer reads it: the bytes pass the safety
checks first (``workshop.safety.templates``), the layouts package parses the
geometry without python-pptx (``workshop.layouts.read_template``) and
``resolve_layout`` decides, per slide kind, which layout and which
placeholders the deck will use. This module checks the template as a whole and
runs ``templatecheck.shapes`` per slide kind; both only turn that decision
into findings a designer can act on, never deciding differently from the
renderer. The findings are values (``templatecheck.report``).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.errors import Location, WorkshopError
from workshop.findings import Severity
from workshop.kinds import KINDS
from workshop.layouts import layouts_for, read_template, resolve_layout
from workshop.layouts.spec import LayoutSpec
from workshop.layouts.template import TemplateGeometry
from workshop.templatecheck.report import KindUse, Problem, ShapeUse, TemplateReport, cm
from workshop.templatecheck.resaved import lost_layouts
from workshop.templatecheck.shapes import missing_layout, shape_use

if TYPE_CHECKING:
    from workshop.brand.model import Brand

_SLIDE_PART = re.compile(r"^ppt/slides/slide\d+\.xml$")


# -- entry points -------------------------------------------------------------------------


def check_brand(brand: Brand) -> TemplateReport:
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


def check_template_file(path: str | Path, brand: Brand) -> TemplateReport:
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


def check_template(data: bytes, brand: Brand, source: str, *, generated: bool = False) -> TemplateReport:
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
            found.append(missing_layout(kind, spec.name, blank, unused, brand))
            kinds.append(KindUse(kind, spec.name, None, blank, (), 1))
            problems += found
            continue
        layout = geometry.layout(resolved.layout)
        assert layout is not None  # resolve_layout chose it from the template
        uses = []
        for shape in spec.shapes:
            if not shape.placeholder:
                continue
            use, shape_problems = shape_use(kind, shape, layout, resolved, brand, geometry.size)
            uses.append(use)
            found += shape_problems
        errors = sum(1 for p in found if p.severity == Severity.ERROR)
        footer = (resolved.footer, resolved.slide_number) if spec.footer else (None, None)
        kinds.append(KindUse(kind, spec.name, layout.name, None, tuple(uses), errors, *footer))
        problems += found

    problems += _layout_notes(geometry, specs, kinds, unused, blank, brand)
    slides = _slide_count(data)
    if slides:
        problems.append(Problem(
            Severity.INFO, f"The file holds {slides} slide{'s' if slides != 1 else ''}; "
            f"{'they are' if slides != 1 else 'it is'} left out of every deck (only the master and its layouts "
            "are used).",
        ))
    return TemplateReport(source, brand.name, generated, geometry, tuple(kinds), tuple(problems), blank, slides)


# -- the template as a whole --------------------------------------------------------------


def _layout_notes(geometry: TemplateGeometry, specs: Mapping[str, LayoutSpec], kinds: list[KindUse], unused: list[str],
                  blank: str | None, brand: Brand) -> list[Problem]:
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
        used = geometry.layout(kind.layout)
        if used is not None and (not used.of_type("ftr") or not used.of_type("sldNum")):
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
            Severity.INFO, f"The slides are {cm(width)} × {cm(height)} cm, not 16:9; where your template has no "
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


__all__ = ["Problem", "ShapeUse", "KindUse", "TemplateReport", "check_brand", "check_template",
           "check_template_file", "cm"]
