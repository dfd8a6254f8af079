"""``workshop template check``: what a PowerPoint master offers each slide kind, in a designer's words.

- ``check_brand(brand)`` / ``check_template_file(path, brand)`` / ``check_template(bytes, brand, label)``
  return a ``TemplateReport`` (layouts, placeholders, which kind maps where, problems with fixes);
- ``format_report(report)`` turns it into lines of text; only the CLI prints them;
- ``contract`` holds what each kind and each named shape is for (also the source of
  ``docs/brand-templates.md``).
"""

from workshop.templatecheck.check import (
    KindUse,
    Problem,
    ShapeUse,
    TemplateReport,
    check_brand,
    check_template,
    check_template_file,
)
from workshop.templatecheck.text import format_problems, format_report, verdict

__all__ = [
    "KindUse", "Problem", "ShapeUse", "TemplateReport", "check_brand", "check_template", "check_template_file",
    "format_problems", "format_report", "verdict",
]
