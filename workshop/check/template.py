"""A designer's template: which slide kinds of this outline fall back to the generated layout.

A kind whose layout the template lacks (by our name, by its standard
PowerPoint name in English, Dutch, German or French, or by its LibreOffice
name) is drawn on the template's blank layout with the generated geometry:
readable, but not the designer's design. Each such kind is one warning per
build, naming its slides, so nobody ships a deck that quietly ignores the
master. ``workshop template check`` gives the full picture.
"""

from __future__ import annotations

from typing import Any

from workshop.errors import Finding, Location, Severity
from workshop.plan.fit_geometry import deck_geometry, template_path


def check_template(plan: Any, brand: Any, outline: Any) -> list[Finding]:
    path = template_path(brand)
    if path is None:
        return []
    layouts = deck_geometry(brand).layouts
    slides: dict[str, list[int]] = {}
    for item in plan.deck_slides:
        slides.setdefault(item.kind, []).append(item.number)
    where = Location(str(path))
    findings = []
    for kind, numbers in slides.items():
        resolved = layouts[kind]
        shown = ("slides " if len(numbers) > 1 else "slide ") + ", ".join(map(str, numbers[:6])) + (
            " …" if len(numbers) > 6 else "")
        if resolved.fallback:
            findings.append(Finding(
                "template-layout-missing",
                f"the template has no layout for {kind} slides ({shown}): they use the generated "
                f"'{brand.layout_name(kind)}' layout on the template's blank one. Add a layout named "
                f"'{brand.layout_name(kind)}' (or name yours in _brand.yml, defaults: workshop: layouts: {kind}); "
                "`workshop template check` lists what is missing",
                where, details={"kind": kind, "slides": numbers},
            ))
        elif resolved.matched != "name":
            findings.append(Finding(
                "template-layout-standard",
                f"{kind} slides use the template's layout '{resolved.layout}' (a standard "
                f"{'PowerPoint' if resolved.matched == 'office' else 'LibreOffice'} layout); name a layout "
                f"'{brand.layout_name(kind)}' to give them their own",
                where, severity=Severity.INFO, details={"kind": kind},
            ))
    return findings
