"""Text fit: what does not fit its box, what was set smaller, what continues on a next slide.

The plan decides (``workshop.plan.fit``) and keeps what it found; this check
reports it, so ``workshop check`` says before any build what the deck will
look like: overflows are warnings (``--strict`` fails on them), shrinks and
continuations are information.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.errors import Finding

if TYPE_CHECKING:
    from workshop.brand.model import Brand
    from workshop.outline.load import Outline
    from workshop.plan.model import DeckPlan


def check_fit(plan: DeckPlan, brand: Brand, outline: Outline) -> list[Finding]:
    return list(plan.fit_findings)
