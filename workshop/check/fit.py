"""Text fit: what does not fit its box, what was set smaller, what continues on a next slide.

The plan decides (``workshop.plan.fit``) and keeps what it found; this check
reports it, so ``workshop check`` says before any build what the deck will
look like: overflows are warnings (``--strict`` fails on them), shrinks and
continuations are information.
"""

from __future__ import annotations

from workshop.errors import Finding


def check_fit(plan, brand, outline) -> list[Finding]:
    return list(plan.fit_findings)
