"""Workshop model → DeckPlan: the order, timing and layout of every slide."""

from __future__ import annotations

from dataclasses import replace

from workshop.brand.model import Brand
from workshop.brand.settings import MAX_FOOTER
from workshop.errors import Finding, Location, Severity
from workshop.kinds import KINDS
from workshop.language import LANGUAGES, language_for, supported
from workshop.model import Workshop
from workshop.model.durations import format_clock
from workshop.model.slides import AgendaSlide, Audience, BreakSlide, QuizSlide, SectionSlide, SlideBase
from workshop.plan.back import back_cover
from workshop.plan.fit import fit_deck
from workshop.plan.model import AgendaRow, DeckPlan, PlannedSlide, Source
from workshop.plan.timing import time_section
from workshop.safety.formats import bounded_format


class _Where:
    """Looks up outline positions; works without a source map (e.g. specimen decks)."""

    def __init__(self, outline_path: str, sources: dict | None) -> None:
        self.path = outline_path
        self.sources = sources or {}

    def __call__(self, *parts: str | int) -> Location:
        path = tuple(parts)
        while path and path not in self.sources:
            path = path[:-1]
        return self.sources.get(path) or Location(self.path)


def make_plan(
    workshop: Workshop,
    brand: Brand,
    *,
    name: str,
    outline_path: str = "",
    sources: dict | None = None,
) -> DeckPlan:
    where = _Where(outline_path, sources)
    meta = workshop.meta
    rate = brand.settings.minutes_per_slide
    planned: list[PlannedSlide] = []
    findings: list[Finding] = []
    clock = meta.start

    def add(slide: SlideBase, *, section: int | None, start: int, minutes: int, audience: Audience,
            path: tuple, generated: bool = False, answer: bool = False) -> None:
        kind = slide.kind  # type: ignore[attr-defined]
        planned.append(
            PlannedSlide(
                kind=kind, slide=slide, section=section,
                start=start, minutes=minutes, audience=audience, location=where(*path),
                generated=generated, quiz_answer=answer, source_path=path,
            )
        )

    for index, slide in enumerate(workshop.opening):
        add(slide, section=None, start=clock, minutes=slide.duration or 0,
            audience=slide.audience, path=("opening", index))
        clock += slide.duration or 0

    agenda: list[AgendaRow] = []
    for s_index, section in enumerate(workshop.sections):
        timing = time_section(section, rate)
        start = clock
        section_audience = section.audience
        if timing.overrun:
            findings.append(Finding(
                "time-overrun",
                f"the slides of section '{section.title}' take {timing.overrun} minutes more "
                f"than its duration of {timing.minutes} minutes",
                where("sections", s_index, "duration"),
            ))
        first = section.slides[0]
        only_breaks = all(isinstance(s, BreakSlide) for s in section.slides)
        if section.divider and not only_breaks and not isinstance(first, SectionSlide):
            divider = SectionSlide(kind="section", title=section.title, subtitle=section.subtitle,
                                   notes=section.notes)
            add(divider, section=s_index, start=start, minutes=0, audience=section_audience,
                path=("sections", s_index), generated=True)
        slide_clock = start
        for i_slide, (slide, minutes) in enumerate(zip(section.slides, timing.slide_minutes, strict=False)):
            audience = Audience.FACILITATOR if section_audience is Audience.FACILITATOR else slide.audience
            path = ("sections", s_index, "slides", i_slide)
            add(slide, section=s_index, start=slide_clock, minutes=minutes, audience=audience, path=path)
            if isinstance(slide, QuizSlide) and slide.reveal.value == "next":
                add(slide, section=s_index, start=slide_clock + minutes, minutes=0,
                    audience=audience, path=path, generated=True, answer=True)
            slide_clock += minutes
        clock = start + timing.minutes
        if section_audience is Audience.ALL:
            agenda.append(AgendaRow(
                title=section.title, start=start, end=clock, minutes=timing.minutes,
                section=s_index, is_break=all(isinstance(s, BreakSlide) for s in section.slides),
            ))

    lang = language_for(meta.language)
    if not supported(meta.language):
        findings.append(Finding(
            "language-fallback",
            f"the outputs have no words for language '{meta.language}'; their labels, durations and dates "
            f"are in English (supported: {', '.join(LANGUAGES)})",
            where("workshop", "language"), severity=Severity.INFO,
        ))
    date = lang.date(meta.date)
    footer = footer_text(workshop, brand, date)
    planned = _number_sections(planned, agenda)
    fitted, notes = fit_deck(planned, brand, meta, agenda, footer)
    numbered = _number(fitted)
    fit_findings = tuple(
        Finding(note.code, note.message, where(*note.path) if note.path else item.location, slide=item.number,
                details={"shape": note.shape} if note.shape else {})
        for item, said in zip(numbered, notes, strict=False) for note in said
    )
    if meta.duration is not None and clock - meta.start != meta.duration:
        findings.append(Finding(
            "time-budget",
            f"the sections add up to {clock - meta.start} minutes but workshop.duration is "
            f"{meta.duration} minutes",
            where("workshop", "duration"),
        ))
    return DeckPlan(
        workshop=workshop, name=name, slides=tuple(numbered), agenda=tuple(agenda),
        start=meta.start, end=clock, footer=footer, date=date,
        sources=tuple(_sources(numbered)), findings=tuple(findings), fit_findings=fit_findings,
        back=back_cover(meta, brand),
    )


def _number_sections(planned: list[PlannedSlide], agenda: list[AgendaRow]) -> list[PlannedSlide]:
    """Sections are numbered by their place on the agenda, breaks not counted (01, 02…).

    A section that is not on the agenda (facilitator-only) and the opening
    count by their place in the outline instead.
    """
    numbers = {row.section: n for n, row in enumerate((r for r in agenda if not r.is_break), start=1)}
    out = []
    for item in planned:
        number = numbers[item.section] if item.section in numbers else (item.section or 0) + 1
        out.append(replace(item, section_number=number))
    return out


def _number(planned: list[PlannedSlide]) -> list[PlannedSlide]:
    result, number = [], 0
    for item in planned:
        if item.audience is Audience.ALL:
            number += 1
            item = replace(item, number=number)
        result.append(item)
    return result


def footer_text(workshop: Workshop, brand: Brand, date: str | None = None) -> str:
    """The footer: the outline's own, else the brand's pattern, else client · date."""
    meta = workshop.meta
    if meta.footer:
        return meta.footer
    values = {"client": meta.client or "", "date": date or "", "title": meta.title}
    if brand.settings.footer:
        try:
            return bounded_format(brand.settings.footer, MAX_FOOTER, **values).strip(" ·|-–")
        except (KeyError, IndexError, ValueError):  # FormatLimit too: a value made it too long
            return brand.settings.footer
    return " · ".join(v for v in (meta.client, date) if v)


def _sources(planned: list[PlannedSlide]) -> list[Source]:
    seen: dict[str, Source] = {}
    for item in planned:
        if not item.for_participants or item.quiz_answer:
            continue
        for text in KINDS[item.kind].sources(item.slide):
            seen.setdefault(text, Source(text, item.number))
    return list(seen.values())


def agenda_lines(plan: DeckPlan) -> list[tuple[str, str]]:
    """(``09:30–09:50``, title) pairs, for renderers that want plain text."""
    return [(f"{format_clock(r.start)}–{format_clock(r.end)}", r.title) for r in plan.agenda]


__all__ = ["make_plan", "footer_text", "agenda_lines", "AgendaSlide"]
