"""Characters no font can draw, found before building, with their place.

Every drawn field is looked at: the workshop's own fields, section titles,
subtitles and notes (dividers, agenda, guide), every slide's text including
what only the handout or the guide shows, and the brand's footer. Alt text is
never drawn, and invisible format characters (variation selectors, joiners)
need no glyph, so neither is reported.

The PDFs fall back per character: the brand's heading and body fonts, then
the shipped Noto Sans (``render.pdf.fallback``). So a character is lost only
when none of them has it (``font-missing-glyph``, a warning: it prints as an
empty box); a character only Noto Sans has is drawn, but not in the brand's
face, which is said once per outline (``font-fallback``, information).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from workshop.brand.shipped_fonts import FALLBACK_FAMILY
from workshop.errors import Finding, Location
from workshop.model.texts import slide_texts
from workshop.plan.measure import FontMetrics, metrics_for
from workshop.text.glyphs import needs_glyph

_NEVER_DRAWN = {"alt"}  # field names whose text is never drawn
_MAX_SHOWN = 6


def check_glyphs(plan: Any, brand: Any, outline: Any) -> list[Finding]:
    brand_fonts = _faces(brand.typography.headings.family, brand.typography.base.family)
    fallback: list[FontMetrics] = []  # read at the first character the brand fonts lack (1.6 ms otherwise)
    findings: list[Finding] = []
    fallback_chars: dict[str, Location] = {}
    drawn: set[str] = set()  # characters a brand font draws, or that need no glyph
    fallback_only: dict[str, bool] = {}  # the others: True when the fallback font draws it
    for where, field, slide, text in _drawn_texts(plan, outline, brand):
        if drawn.issuperset(text):  # nearly every text: one set operation, no call per character
            continue
        lost: dict[str, int] = {}
        for column, char in enumerate(text):
            if char in drawn:
                continue
            in_fallback = fallback_only.get(char)
            if in_fallback is None:
                if not needs_glyph(char) or _has(brand_fonts, char):
                    drawn.add(char)
                    continue
                fallback = fallback or _faces(FALLBACK_FAMILY)
                in_fallback = fallback_only[char] = _has(fallback, char)
            if in_fallback:
                fallback_chars.setdefault(char, where)
            else:
                lost.setdefault(char, column + 1)
        if lost:
            shown = ", ".join(f"'{c}' (U+{ord(c):04X}, character {n})" for c, n in list(lost.items())[:_MAX_SHOWN])
            more = f" and {len(lost) - _MAX_SHOWN} more" if len(lost) > _MAX_SHOWN else ""
            findings.append(Finding(
                "font-missing-glyph",
                f"no font can draw {shown}{more} in '{field}': the brand fonts "
                f"({brand.typography.headings.family.name}, {brand.typography.base.family.name}) "
                f"and the fallback {FALLBACK_FAMILY.name} lack "
                + ("it, so it prints as an empty box; leave it out or use a brand font that has it"
                   if len(lost) == 1 else
                   "them, so they print as empty boxes; leave them out or use a brand font that has them"),
                where, slide=slide,
            ))
    if fallback_chars:
        fonts = f"{brand.typography.headings.family.name}, {brand.typography.base.family.name}"
        chars = sorted(fallback_chars)
        first = fallback_chars[chars[0]]
        shown = " ".join(f"'{c}' (U+{ord(c):04X})" for c in chars[:12])
        more = f" and {len(chars) - 12} more" if len(chars) > 12 else ""
        findings.append(Finding(
            "font-fallback",
            f"the brand fonts ({fonts}) cannot draw {shown}{more}; the "
            f"PDFs draw them with {FALLBACK_FAMILY.name}, PowerPoint with a font of its own choice",
            first, details={"characters": "".join(chars)},
        ))
    return findings


def _faces(*families: Any) -> list[FontMetrics]:
    return [metrics_for(str(path)) for family in families
            for path in dict.fromkeys((family.regular, family.bold, family.italic, family.bold_italic))]


def _has(faces: list[FontMetrics], char: str) -> bool:
    """Drawn by one of ``faces`` (the regular face decides for a family's styles, as PDFs pick by style)."""
    return any(face.has(char) for face in faces)


def _drawn_texts(plan: Any, outline: Any, brand: Any) -> Iterator[tuple[Location, str, int | None, str]]:
    """(where, field name, slide number, text) of every text an output draws, each once."""
    seen: set[tuple[Location, str]] = set()

    def emit(where: Location, field: str, slide: int | None, text: str) -> Iterable:
        if (where, text) in seen:
            return ()
        seen.add((where, text))
        return ((where, field, slide, text),)

    for key, value in plan.meta.model_dump().items():
        if isinstance(value, str):
            yield from emit(outline.where("workshop", key), f"workshop.{key}", None, value)
    footer = getattr(brand.settings, "footer", None)
    if footer:
        yield from emit(Location(str(brand.folder / "_brand.yml")), "defaults.workshop.footer", None, footer)
    for index, section in enumerate(outline.workshop.sections):
        for name in ("title", "subtitle", "notes"):
            value = getattr(section, name, None)
            if value:
                yield from emit(outline.where("sections", index, name), f"sections[{index + 1}].{name}",
                                None, value)
    for item in plan.slides:
        if item.generated:
            continue
        for path, text in slide_texts(item.slide):
            if any(part in _NEVER_DRAWN for part in path):
                continue
            field = ".".join(str(p) for p in path)
            yield from emit(outline.where(*item.source_path, *path), field, item.number, text)
