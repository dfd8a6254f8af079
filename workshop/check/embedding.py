"""Brand faces the deck cannot carry, said before the build.

The deck embeds the brand's heading and body faces (``render.deck.embed``)
unless the brand turns it off. A face is left out when its licence (OS/2
``fsType``) forbids embedding or when it has CFF outlines, which Embedded
OpenType cannot hold; such a deck shows a substitute font wherever the face is
not installed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workshop.brand.eot import NotEmbeddable, embedding_problem, header_of
from workshop.errors import Finding, Location, Severity

_STYLES = (("Regular", False, False), ("Bold", True, False), ("Italic", False, True),
           ("Bold Italic", True, True))


def check_embedding(plan: Any, brand: Any, outline: Any) -> list[Finding]:
    where = Location(str(Path(brand.folder) / "_brand.yml"))
    if not brand.settings.embed_fonts:
        return [Finding(
            "font-embedding-off",
            f"embed_fonts is off in the brand: the deck names {brand.typography.headings.family.name} and "
            f"{brand.typography.base.family.name} "
            "without carrying them, so computers without them show a substitute font",
            where, severity=Severity.INFO,
        )]
    findings = []
    seen: set[str] = set()
    for family in dict.fromkeys((brand.typography.headings.family, brand.typography.base.family)):
        for style, bold, italic in _STYLES:
            path = Path(family.file(bold=bold, italic=italic))
            if str(path) in seen:
                continue
            seen.add(str(path))
            try:
                problem = embedding_problem(header_of(path))
            except (NotEmbeddable, OSError) as exc:
                problem = str(exc)
            if problem:
                findings.append(Finding(
                    "font-not-embedded",
                    f"{family.name} {style} ({path.name}) is not embedded in the deck: it {problem}; "
                    "computers without it show a substitute font",
                    where, details={"family": family.name, "file": str(path),
                                    "hint": "use a TrueType build of the font whose licence allows "
                                            "embedding, or set embed_fonts: false to silence this"},
                ))
    return findings
