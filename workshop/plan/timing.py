"""Clock times: each section starts when the previous one ends.

Slides with their own duration keep it; the rest of a section's minutes are
shared over its untimed participant slides, so the run sheet always adds up.
"""

from __future__ import annotations

from workshop.lazyclass import lazy_dataclass
from workshop.model import Section
from workshop.model.slides import Audience, SectionSlide, SlideBase


@lazy_dataclass(frozen=True)
class SectionTiming:
    minutes: int
    slide_minutes: tuple[int, ...]  # per slide in section.slides
    overrun: int  # minutes the timed slides exceed the section's duration (0 if fine)


def section_minutes(section: Section, minutes_per_slide: float) -> int:
    if section.duration is not None:
        return section.duration
    timed = sum(s.duration or 0 for s in section.slides)
    if timed:
        return timed
    return max(1, round(len(section.slides) * minutes_per_slide))


def _shares(slide: SlideBase, section: Section) -> bool:
    """Does an untimed slide take a share of the section's remaining minutes?"""
    facilitator = section.audience is Audience.FACILITATOR or slide.audience is Audience.FACILITATOR
    return not facilitator and not isinstance(slide, SectionSlide)


def time_section(section: Section, minutes_per_slide: float) -> SectionTiming:
    total = section_minutes(section, minutes_per_slide)
    fixed = sum(s.duration or 0 for s in section.slides)
    sharing = [i for i, s in enumerate(section.slides) if s.duration is None and _shares(s, section)]
    rest = max(0, total - fixed)
    minutes = [s.duration or 0 for s in section.slides]
    if sharing and rest:
        base, extra = divmod(rest, len(sharing))
        for n, index in enumerate(sharing):
            minutes[index] = base + (1 if n < extra else 0)
    return SectionTiming(total, tuple(minutes), max(0, fixed - total))
