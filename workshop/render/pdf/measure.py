"""Shorten one line of decoration text (headers, chart labels) to a width, in log time.

Used only where a single line must fit (running header, axis labels, the
time column); body text always wraps instead. A binary search keeps a
2,000-character title from costing millions of width measurements.
"""

from __future__ import annotations

from workshop.render.pdf import settings  # noqa: F401  (pins reportlab before it loads)

from workshop.render.pdf.fallback import string_width as stringWidth


def shorten(text: str, font: str, size: float, width: float, ellipsis: str = "…") -> str:
    """``text`` cut to ``width`` (measured with the per-character fallback it is drawn with)."""
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)  # text[:low] + ellipsis fits; text[:high] + ellipsis does not
    while high - low > 1:
        middle = (low + high) // 2
        if stringWidth(text[:middle] + ellipsis, font, size) <= width:
            low = middle
        else:
            high = middle
    head = text[:low].rstrip()
    return head + ellipsis if head else ""
