"""What ``workshop template check`` found, as values: problems with fixes, and what each kind uses.

The checks (``templatecheck.check`` for the template as a whole, ``templatecheck.shapes``
for one slide kind's layout and placeholders) make these; ``templatecheck.text`` words them.
"""

from __future__ import annotations

from typing import Literal

from workshop.findings import Severity
from workshop.layouts.template import PlaceholderGeometry, TemplateGeometry, TemplateLayout
from workshop.lazyclass import lazy_dataclass

How = Literal["name", "type", "missing"]

EMU_PER_CM = 360_000


@lazy_dataclass(frozen=True)
class Problem:
    """One thing a designer should know, in plain words, with the fix."""

    severity: Severity
    message: str
    fix: str = ""
    kind: str | None = None
    layout: str | None = None
    shape: str | None = None


@lazy_dataclass(frozen=True)
class ShapeUse:
    """One named shape of a slide kind and the placeholder it will use."""

    name: str  # the name the tool looks for
    type: str  # the placeholder type of the generated master
    what: str  # what goes in it
    required: bool
    how: How  # found by name, by type, or missing (drawn as a text box at the default position)
    placeholder: PlaceholderGeometry | None = None
    moved: bool = False  # the template puts it elsewhere than the generated master


@lazy_dataclass(frozen=True)
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


@lazy_dataclass(frozen=True)
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


def cm(emu: int) -> str:
    """EMU as centimetres with two decimals, as PowerPoint's Size & Position pane shows them."""
    return f"{emu / EMU_PER_CM:.2f}"


_cm = cm
