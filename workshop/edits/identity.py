"""Which outline slide a deck slide came from, as a name that survives edits to the outline.

A slide's identity is, in order of preference:

- ``id:<id>`` when the outline gives the slide an ``id:``;
- else ``<kind>:<slug>``: its kind and the first words of its heading (or of
  its main text when it has no heading), with ``#2``, ``#3``… for the second
  and later slides of the same kind and words. Inserting, removing or moving
  other slides leaves it alone; rewording its own title gives a new identity,
  which is what ``id:`` is for.

Slides the plan generates take their source's identity: a section divider is
``divider:<section title slug>``, a quiz's answer slide ``<quiz>/answer``, and
part 2 of a slide continued over several is ``<slide>~2``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from workshop.text.inline import plain

if TYPE_CHECKING:
    from workshop.model import Workshop
    from workshop.plan.model import DeckPlan, PlannedSlide

_ANCHORS = ("title", "text", "question", "value", "label", "image")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 48


def slug(text: str) -> str:
    """'Visser of vis?' → 'visser-of-vis'; accents folded, at most 48 characters."""
    folded = unicodedata.normalize("NFKD", plain(text)).encode("ascii", "ignore").decode("ascii").lower()
    words = _NOT_WORD.sub("-", folded).strip("-")
    return words[:MAX_SLUG].rstrip("-")


def _anchor(slide: object) -> str:
    for name in _ANCHORS:
        value = getattr(slide, name, None)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def source_identities(workshop: Workshop) -> dict[tuple, str]:
    """Every outline slide's (and section divider's) identity, by its model path."""
    found: dict[tuple, str] = {}
    seen: Counter[str] = Counter()

    def name(path: tuple, base: str) -> None:
        seen[base] += 1
        found[path] = base if seen[base] == 1 else f"{base}#{seen[base]}"

    def slides(prefix: tuple, items: Iterable[object]) -> None:
        for index, slide in enumerate(items):
            explicit = getattr(slide, "id", None)
            if explicit:
                found[prefix + (index,)] = f"id:{explicit}"
            else:
                kind = getattr(slide, "kind", "slide")
                words = slug(_anchor(slide))
                name(prefix + (index,), f"{kind}:{words}" if words else kind)

    slides(("opening",), workshop.opening)
    for s_index, section in enumerate(workshop.sections):
        name(("sections", s_index), f"divider:{slug(section.title)}" if slug(section.title) else "divider")
        slides(("sections", s_index, "slides"), section.slides)
    return found


def slide_label(planned: PlannedSlide, limit: int = 40) -> str:
    """A short name for a slide in messages: its heading, else the first words of its main text."""
    text = " ".join(plain(planned.slide.heading or _anchor(planned.slide)).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def slide_identity(sources: dict[tuple, str], planned: PlannedSlide) -> str:
    """The identity of one planned slide (its source's, plus answer or part marks)."""
    path = tuple(planned.source_path)
    base = sources.get(path) or "slide:" + "/".join(map(str, path))
    if planned.quiz_answer:
        base += "/answer"
    part = planned.part[0]
    return base if part == 1 else f"{base}~{part}"


def deck_identities(plan: DeckPlan) -> list[tuple[str, str]]:
    """(identity, label) of the slides in the deck, in deck order."""
    sources = source_identities(plan.workshop)
    return [(slide_identity(sources, planned), slide_label(planned)) for planned in plan.deck_slides]
