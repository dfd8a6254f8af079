"""One painter per slide kind, grouped by what the slides do.

A painter gets a ``Canvas`` (the slide, addressed by shape names) and the
``PlannedSlide``; it writes content only, never positions of its own except
inside composite areas, whose split comes from ``workshop.layouts.grids``.
"""

from __future__ import annotations

from workshop.render.deck.kinds import activity, data, opening, text

PAINTERS = {
    "title": opening.title, "agenda": opening.agenda, "section": opening.section,
    "break": opening.pause, "closing": opening.closing,
    "bullets": text.bullets, "statement": text.statement, "quote": text.quote, "compare": text.compare,
    "stat": data.stat, "chart": data.chart, "table": data.table, "image": data.image,
    "steps": activity.steps, "quiz": activity.quiz, "exercise": activity.exercise,
}
