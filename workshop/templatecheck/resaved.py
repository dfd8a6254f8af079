"""Masters that lost their layouts: re-saved by LibreOffice, or left with a single layout.

A master without slides that LibreOffice saves comes back with only its stock
layouts; one with a slide on every layout (what ``template export`` writes)
comes back from LibreOffice 7.4 as one slide master per layout, with the
placeholder names gone. The second is taken back from its labelled sample
slides when they are still there (``workshop.layouts.specimens``); otherwise
no slide kind finds its layout, and the per-kind problems alone would not say
why: this says what happened and how to get the layouts back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from workshop.findings import Severity
from workshop.layouts.names import saved_by_libreoffice
from workshop.layouts.spec import LayoutSpec
from workshop.layouts.template import TemplateGeometry
from workshop.templatecheck.report import Problem

if TYPE_CHECKING:
    from workshop.brand.model import Brand


def lost_layouts(geometry: TemplateGeometry, specs: Mapping[str, LayoutSpec], brand: Brand) -> Problem | None:
    """A master re-saved by LibreOffice, or one left with a single layout: say what was lost."""
    names = [ly.name for ly in geometry.layouts]
    own = {spec.name.casefold().strip() for spec in specs.values()}
    if not names or any(n.casefold().strip() in own for n in names):
        return None
    masters = len({ly.master for ly in geometry.layouts})
    if saved_by_libreoffice(names):
        distinct = list(dict.fromkeys(names))
        shown = ", ".join(f"'{n}'" for n in distinct[:4]) + (", …" if len(distinct) > 4 else "")
        what = (f"This master was saved by LibreOffice: its {len(names)} layouts carry LibreOffice's names "
                f"({shown}) and none of the slide kinds' own layouts is left.")
        if masters > 1:
            what += (f" LibreOffice turned each layout that a slide used into a slide master of its own "
                     f"({masters} masters): the designs are there, but the layout and placeholder names "
                     "are not ('PlaceHolder 1', 'PlaceHolder 2', …), so no slide kind can find its layout.")
        else:
            what += " LibreOffice keeps only the layouts that a slide uses; a master without slides loses them all."
    elif len(names) == 1:
        what = (f"The master has a single layout ('{names[0]}'): the slide kinds' own layouts are gone, "
                "as happens when an application that keeps only the layouts in use re-saves a master "
                "without slides.")
    else:
        return None
    return Problem(
        Severity.WARNING, what,
        f"start again from the master the tool makes (`workshop template export --brand {brand.name} -o "
        "master.pptx`), make your changes in PowerPoint and save from there; or, in LibreOffice, name the "
        "layouts (or masters) you want each slide kind to use in _brand.yml under defaults: workshop: "
        "layouts:. docs/brand-templates.md explains what a LibreOffice save keeps",
    )
