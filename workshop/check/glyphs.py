"""Characters the brand fonts cannot draw, found before building."""

from __future__ import annotations

from workshop.errors import Finding
from workshop.model.texts import slide_texts
from workshop.plan.measure import metrics_for


def check_glyphs(plan, brand, outline) -> list[Finding]:
    body = metrics_for(str(brand.typography.base.family.regular))
    heading = metrics_for(str(brand.typography.headings.family.regular))
    findings: list[Finding] = []
    seen: set[tuple] = set()
    meta_texts = [(("workshop", k), v) for k, v in plan.meta.model_dump().items() if isinstance(v, str)]
    items = [(None, None, meta_texts)]
    for item in plan.slides:
        if item.generated:
            continue
        items.append((item, item.location, list(slide_texts(item.slide))))
    for item, location, texts in items:
        for path, text in texts:
            missing = sorted(set(body.missing(text)) | set(heading.missing(text)))
            if not missing:
                continue
            key = (location, path, tuple(missing))
            if key in seen:
                continue
            seen.add(key)
            where = outline.where(*path) if item is None else outline.where(*item.source_path, *path)
            shown = " ".join(f"'{c}' (U+{ord(c):04X})" for c in missing[:6])
            findings.append(Finding(
                "font-missing-glyph",
                f"the brand fonts ({brand.typography.headings.family.name}, {brand.typography.base.family.name}) cannot draw {shown} in "
                f"'{'.'.join(str(p) for p in path)}'; it would show as an empty box",
                where, slide=item.number if item else None,
            ))
    return findings
