"""A ``TemplateReport`` as lines of plain text for the terminal (the CLI prints them)."""

from __future__ import annotations

import textwrap

from workshop.findings import Severity
from workshop.templatecheck.contract import type_word
from workshop.templatecheck.report import Problem, TemplateReport, cm

WIDTH = 100
_LABEL = {Severity.ERROR: "Problems", Severity.WARNING: "Warnings", Severity.INFO: "Notes"}


def format_report(report: TemplateReport) -> list[str]:
    """The whole report: inventory, mapping, problems with fixes, and the verdict."""
    lines = _heading(report)
    lines += [""] + _inventory(report)
    lines += [""] + _mapping(report)
    for severity in Severity:
        found = report.of(severity)
        if found:
            lines += ["", f"{_LABEL[severity]} ({len(found)}):"]
            for number, problem in enumerate(found, start=1):
                lines += _problem(number, problem)
    lines += ["", verdict(report)]
    return lines


def format_problems(report: TemplateReport) -> list[str]:
    """Only what blocks a kind (for --quiet)."""
    lines = []
    for number, problem in enumerate(report.errors, start=1):
        lines += _problem(number, problem)
    return lines + [verdict(report)] if lines else []


def verdict(report: TemplateReport) -> str:
    broken = report.broken_kinds
    if broken:
        return (f"Result: {len(broken)} of {len(report.kinds)} slide kinds cannot be drawn as designed: "
                + ", ".join(broken) + ".")
    warnings = len(report.of(Severity.WARNING))
    extra = f" ({warnings} warning{'s' if warnings != 1 else ''} above)" if warnings else ""
    return f"Result: all {len(report.kinds)} slide kinds can be drawn as designed{extra}."


def _heading(report: TemplateReport) -> list[str]:
    geometry = report.geometry
    size = geometry.size
    masters = len({layout.master for layout in geometry.layouts}) or 1
    if report.generated:
        first = (f"Template: {report.source} (it names no template.pptx; this is what "
                 f"`workshop template export --brand {report.brand}` writes)")
    else:
        first = f"Template: {report.source} (layout names of brand '{report.brand}')"
    return [
        first,
        f"Slide size {cm(size.width)} × {cm(size.height)} cm, {len(geometry.layouts)} layouts, "
        f"{masters} slide master{'s' if masters != 1 else ''}.",
    ]


def _inventory(report: TemplateReport) -> list[str]:
    lines = ["Layouts and their placeholders (name in the Selection Pane, type, position left/top and size "
             "width × height in cm, as in Format Shape › Size & Position):"]
    layouts = report.geometry.layouts
    name_width = max([len(ph.name) for ly in layouts for ph in ly.placeholders] + [12])
    type_width = max([len(type_word(ph.type)) for ly in layouts for ph in ly.placeholders] + [10])
    for layout in layouts:
        kinds = report.kinds_on(layout)
        if kinds:
            used = "slide kind " + ", ".join(kinds) if len(kinds) == 1 else "slide kinds " + ", ".join(kinds)
        elif layout.name == report.blank and any(k.layout is None for k in report.kinds):
            used = "used for kinds whose layout is missing"
        elif layout.name == report.blank:
            used = "used for kinds whose layout is missing (none are)"
        else:
            used = "not used by any slide kind"
        lines.append(f"  Layout '{layout.name}' — {used}")
        if not layout.placeholders:
            lines.append("      (no placeholders)")
        for ph in layout.placeholders:
            where = (f"{cm(ph.box.x):>6} {cm(ph.box.y):>6}   {cm(ph.box.w):>6} × {cm(ph.box.h):<6}"
                     if ph.box is not None else "no position (unusable)".ljust(31))
            uses = report.uses_of(layout, ph)
            tail = f"  ← {', '.join(uses)}" if uses else ""
            lines.append(f"      {ph.name:<{name_width}}  {type_word(ph.type):<{type_width}}  {where}{tail}".rstrip())
    return lines


def _mapping(report: TemplateReport) -> list[str]:
    lines = ["Slide kinds and their layouts:"]
    kind_width = max(len(k.kind) for k in report.kinds)
    name_width = max(len(k.layout_name) for k in report.kinds) + 2
    for kind in report.kinds:
        name = f"'{kind.layout_name}'"
        if kind.layout is None:
            state = f"MISSING, drawn on '{kind.fallback}' with default positions" if kind.fallback else "MISSING"
        else:
            missing = [s.name for s in kind.shapes if s.how == "missing"]
            required = [n for n in missing if next(s for s in kind.shapes if s.name == n).required]
            optional = [n for n in missing if n not in required]
            parts = []
            if required:
                parts.append("MISSING " + ", ".join(required))
            if optional:
                parts.append("no " + ", ".join(optional) + " (optional)")
            by_type = [f"{s.name} → '{s.placeholder.name}'" for s in kind.shapes
                       if s.how == "type" and s.placeholder is not None]
            if by_type:
                parts.append("by type: " + ", ".join(by_type))
            if kind.moved:
                parts.append("placed by you: " + ", ".join(kind.moved))
            state = ("ok" if kind.ok else "cannot be drawn as designed") + (f"; {'; '.join(parts)}" if parts else "")
        lines.append(f"  {kind.kind:<{kind_width}}  → {name:<{name_width}}  {state}")
    return lines


def _problem(number: int, problem: Problem) -> list[str]:
    lead = f"  {number}. "
    body = textwrap.wrap(problem.message, WIDTH - len(lead), break_on_hyphens=False)
    lines = [lead + body[0]] + [" " * len(lead) + line for line in body[1:]]
    if problem.fix:
        fix = textwrap.wrap("Fix: " + problem.fix, WIDTH - len(lead), break_on_hyphens=False)
        lines += [" " * len(lead) + line for line in fix]
    return lines
