"""Text that always fits: the largest size each text role can take on each slide.

For every slide in the deck, every text block (``workshop.plan.texts``)
is measured in the box the renderer draws it in (the designer's placeholder
when a template gives one), with the brand's real font files, the same
bullets, margins, spacing and line height. Roles that appear together in
one box (a step's title and text) shrink together; a role used by several
boxes (both compare columns, every agenda row) gets the size that fits all
of them. Sizes go down from the brand's maximum in 2 pt steps, then 1 pt
near the minimum; a binary search over that ladder tries few sizes, and
each try is arithmetic on widths measured once.

What does not fit at the minimum continues on follow-up slides when the
brand says ``overflow: continue`` and the slide has a list to split
(``continue_split``); otherwise it is reported with its place in the outline.
The chosen sizes are written into ``PlannedSlide.fit``; the renderer writes
them on every run, so no office suite needs to autofit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from types import MappingProxyType

from workshop.brand.model import Brand
from workshop.kinds import KINDS
from workshop.language import language_for
from workshop.layouts import MASTER, ResolvedLayout
from workshop.layouts.paragraphs import Line
from workshop.layouts.resolve import footer_frames
from workshop.lazyclass import lazy_dataclass
from workshop.model import Meta
from workshop.model.slides import Audience
from workshop.plan.balance import balance
from workshop.plan.fit_blocks import Fonts, Measure, SlideFit, TableMeasure, TextMeasure
from workshop.plan.fit_geometry import deck_geometry
from workshop.plan.fit_words import describe, model_path
from workshop.plan.model import AgendaRow, PlannedSlide
from workshop.plan.texts import Context, TableBlock, blocks_for


def ladder(max_pt: float, min_pt: float) -> list[float]:
    """Sizes to try, largest first: 2 pt steps, then 1 pt steps in the last 4 pt above the minimum."""
    sizes: list[float] = []
    size = float(max_pt)
    while size > min_pt + 1e-9:
        sizes.append(size)
        size -= 2 if size - min_pt > 4 + 1e-9 else 1
    sizes.append(float(min_pt))
    return sizes


@lazy_dataclass(frozen=True)
class Note:
    """Something the fit has to say about one slide; becomes a ``Finding`` once slides are numbered."""

    code: str
    message: str
    path: tuple[str | int, ...] | None = None  # model path for the location; None: the slide's own
    shape: str | None = None  # the text block (shape name) it is about


class Fitter:
    """Fits the slides of one deck: brand fonts, geometry and size ranges loaded once."""

    def __init__(self, brand: Brand, meta: Meta, agenda: Iterable[AgendaRow], footer: str = "",
                 substitutes: bool = True) -> None:
        self.brand = brand
        self.geometry = deck_geometry(brand)
        self.fonts = Fonts(brand, substitutes)
        self._meta, self._agenda, self._footer = meta, agenda, footer
        self._face_only: Fitter | None = None
        self.lang = language_for(meta.language)
        self.context = Context(meta, tuple(agenda), self.lang)
        self.policy = brand.settings.overflow
        self.footer_text = footer
        self._candidates: dict[frozenset[str], list[dict[str, float]]] = {}
        self._footers: dict[tuple[object, ...], tuple[float, float]] = {}
        self._resolved: dict[tuple[str, str | None], ResolvedLayout] = {}
        self.footer_overflow = 0.0

    def face_only(self) -> Fitter:
        """The same fit measured with the brand faces alone, not their substitutes."""
        if self._face_only is None:
            self._face_only = Fitter(self.brand, self._meta, self._agenda, self._footer, substitutes=False)
        return self._face_only

    # -- measuring -------------------------------------------------------------------------

    def resolved(self, item: PlannedSlide) -> ResolvedLayout:
        key = (item.kind, KINDS[item.kind].variant(item.shown, item.quiz_answer))
        found = self._resolved.get(key)
        if found is None:
            found = self._resolved[key] = self.geometry.layouts[item.kind].variant(key[1])
        return found

    def measures(self, item: PlannedSlide, only: Callable[[str], bool] | None = None) -> list[Measure]:
        """Every text block of ``item`` in its frame (``only``: just the blocks it names)."""
        resolved = self.resolved(item)
        spec = resolved.spec
        out: list[Measure] = []
        for block in blocks_for(item, spec, self.context):
            if only is not None and not only(block.name):
                continue
            if isinstance(block, TableBlock):
                out.append(TableMeasure(block.name, block.header, block.rows, spec.box(block.name), self.fonts))
            elif block.box is not None and block.style is not None:  # a label with its own box and style
                out.append(TextMeasure(block.name, block.lines, block.style, block.box, block.insets, self.fonts,
                                       block.linked))
            else:
                frame = resolved.frame(block.name)
                out.append(TextMeasure(block.name, block.lines, frame.style, frame.box, frame.insets, self.fonts))
        return out

    # -- choosing sizes --------------------------------------------------------------------

    def candidates(self, roles: frozenset[str]) -> list[dict[str, float]]:
        """Size sets to try for roles that shrink together, largest first."""
        found = self._candidates.get(roles)
        if found is None:
            ranges = {role: self.brand.size(role) for role in roles}
            lead = max(sorted(roles), key=lambda r: ranges[r].max_pt - ranges[r].min_pt)
            top = ranges[lead].max_pt
            found = []
            for size in ladder(top, ranges[lead].min_pt):
                down = top - size
                found.append({r: max(ranges[r].min_pt, ranges[r].max_pt - down) for r in roles})
            last = {r: ranges[r].min_pt for r in roles}
            if found[-1] != last:
                found.append(last)
            self._candidates[roles] = found
        return found

    def fit_measures(self, measures: Sequence[Measure]) -> SlideFit:
        """The largest sizes at which every block fits, role group by role group."""
        result = SlideFit({})
        broken: list[str] = []
        for roles, members in _groups(measures):
            candidates = self.candidates(roles)

            def fits(index: int, candidates: list[dict[str, float]] = candidates,
                     members: list[Measure] = members) -> bool:
                return all(m.trial(candidates[index]).fits for m in members)

            last = len(candidates) - 1
            if fits(0):
                result.sizes.update(candidates[0])
                continue
            if last > 0 and fits(last):
                low, high = 1, last
                while low < high:
                    middle = (low + high) // 2
                    if fits(middle):
                        high = middle
                    else:
                        low = middle + 1
                result.sizes.update(candidates[high])
                continue
            result.sizes.update(candidates[last])
            for member in members:
                trial = member.trial(candidates[last])
                if not trial.fits_broken:
                    result.overflow[member.name] = trial.excess
                elif trial.overlong:
                    broken.append(member.name)
        result.broken = tuple(broken)
        return result

    def fit_slide(self, item: PlannedSlide) -> SlideFit:
        return self.fit_measures(self.measures(item))

    def footer(self, item: PlannedSlide) -> float | None:
        """The footer role's size on ``item`` (footer text and slide number), or None without a footer."""
        resolved = self.resolved(item)
        if not resolved.spec.footer:
            return None
        frames = footer_frames(resolved, self.geometry.geometry, MASTER)
        key = tuple((f.box, f.insets) for f, _ in frames.values())
        found = self._footers.get(key)
        if found is None:
            members: list[Measure] = []
            for (frame, _), text in ((frames["ftr"], self.footer_text), (frames["sldNum"], "8888")):
                if text:
                    members.append(TextMeasure("Footer", (Line(text, markup=False),), frame.style, frame.box,
                                               frame.insets, self.fonts))
            fitted = self.fit_measures(members)
            found = self._footers[key] = (fitted.sizes.get("footer", self.brand.size("footer").max_pt),
                                          max(fitted.overflow.values(), default=0.0))
            self.footer_overflow = max(self.footer_overflow, found[1])
        return found[0]


def _groups(measures: Sequence[Measure]) -> list[tuple[frozenset[str], list[Measure]]]:
    """Blocks grouped by roles that must shrink together (roles sharing a box are linked)."""
    parent: dict[str, str] = {}

    def find(role: str) -> str:
        while parent.setdefault(role, role) != role:
            parent[role] = parent[parent[role]]
            role = parent[role]
        return role

    for measure in measures:
        roles = sorted(measure.roles)
        for role in roles[1:]:
            parent[find(role)] = find(roles[0])
        find(roles[0])
    groups: dict[str, list[Measure]] = {}
    for measure in measures:
        groups.setdefault(find(next(iter(measure.roles))), []).append(measure)
    return [(frozenset(r for m in members for r in m.roles), members) for members in groups.values()]


# --- the whole deck ----------------------------------------------------------------------


def fit_deck(planned: Iterable[PlannedSlide], brand: Brand, meta: Meta, agenda: Iterable[AgendaRow], footer: str = ""
             ) -> tuple[list[PlannedSlide], list[list[Note]]]:
    """Fit every deck slide of ``planned``; continuations are inserted after the slide they continue.

    Returns the new slide list and, index for index, what the fit has to say
    about each slide (turned into findings once the slides are numbered).
    """
    fitter = Fitter(brand, meta, agenda, footer)
    items: list[PlannedSlide] = []
    fits: list[SlideFit | None] = []
    for item in planned:
        if item.audience is not Audience.ALL:
            items.append(item)
            fits.append(None)
            continue
        fitted = fitter.fit_slide(item)
        relievable = [n for n in fitted.overflow if relieves(item, n)]
        if relievable and fitter.policy == "continue":
            from workshop.plan.continue_split import split  # only a slide that runs over

            parts = split(fitter, item, relievable)
            if parts is not None:
                for part, part_fit in parts:
                    items.append(part)
                    fits.append(part_fit)
                continue
        fitted.refused = bool(relievable)
        items.append(item)
        fits.append(fitted)
    _same_options_on_the_answer_slide(items, fits)
    out: list[PlannedSlide] = []
    notes: list[list[Note]] = []
    for item, found in zip(items, fits, strict=False):
        if found is None:
            out.append(item)
            notes.append([])
            continue
        sizes = dict(found.sizes)
        size = fitter.footer(item)
        if size is not None:
            sizes["footer"] = size
        layout = balance(item, fitter.resolved(item), fitter, sizes)
        out.append(replace(item, fit=MappingProxyType(sizes), layout=layout))
        notes.append(list(_notes(item, found, brand, fitter)))
    if fitter.footer_overflow and notes:
        first = next((i for i, it in enumerate(out) if it.audience is Audience.ALL), 0)
        notes[first].append(Note(
            "text-overflow",
            f"the footer text does not fit the footer box even at {brand.size('footer').min_pt:g} pt "
            f"({fitter.footer_overflow:.0f} pt too tall); shorten `footer`",
            ("workshop", "footer"),
        ))
    return out, notes


def relieves(item: PlannedSlide, name: str) -> bool:
    """Can a continuation relieve the overflow of block ``name`` on ``item``?"""
    continues = KINDS[item.kind].continues
    return continues is not None and continues.relieves(name)


def _same_options_on_the_answer_slide(items: list[PlannedSlide], fits: list[SlideFit | None]) -> None:
    """A quiz and its answer slide share sizes, so the options do not jump when the answer shows."""
    for index in range(len(items) - 1):
        question, answer = items[index], items[index + 1]
        if (question.kind == "quiz" and answer.quiz_answer and not question.quiz_answer
                and question.source_path == answer.source_path):
            first, second = fits[index], fits[index + 1]
            if first is None or second is None:
                continue
            a, b = first.sizes, second.sizes
            for role in set(a) & set(b):
                a[role] = b[role] = min(a[role], b[role])


# --- what the fit says -------------------------------------------------------------------

_PLURAL = {"bullets", "instructions", "takeaways", "group and materials", "agenda rows"}

def _substitution_note(item: PlannedSlide, name: str, what: str, excess: float, smallest: str, heading: bool,
                       brand: Brand) -> Note:
    """Text that fits in the brand fonts but not in the font a viewer without them draws with."""
    from workshop.plan.substitutes import is_serif, role_stack, substitute_family

    family = (brand.typography.headings if heading else brand.typography.base).family
    stack = role_stack(brand, heading)
    stand_in = substitute_family(stack, is_serif(str(family.regular))).replace("Liberation", "Liberation ")
    plural = what in _PLURAL
    them, fit = ("them", "fit") if plural else ("it", "fits")
    return Note(
        "text-substitution-overflow",
        f"the {what} {fit} in {family.name}, but not in {stand_in}, the font a viewer without "
        f"{family.name} draws with (from the stack '{', '.join(stack)}'), even at the brand's smallest size "
        f"({smallest}): {excess:.0f} pt too tall — LibreOffice and several viewers ignore embedded fonts; "
        f"shorten {them} so that {them} {fit} everywhere",
        model_path(item, name), shape=name,
    )


def _named(name: str) -> Callable[[str], bool]:
    return lambda block: block == name


def _notes(item: PlannedSlide, fitted: SlideFit, brand: Brand, fitter: Fitter) -> Iterable[Note]:
    for name, excess in fitted.overflow.items():
        what, _ = describe(item, name)
        roles = sorted({r for m in fitter.measures(item, _named(name)) for r in m.roles})
        smallest = ", ".join(f"{brand.size(r).min_pt:g} pt" for r in roles) or "its smallest size"
        if fitted.refused and relieves(item, name):
            advice = ("the brand sets `overflow: error`, so it is not continued on a next slide; shorten it "
                      "or split the slide in two")
        elif relieves(item, name):
            advice = "even one item alone is too long for a slide; shorten it"
        else:
            subject = f"these {what}" if what in _PLURAL else f"this {what}"
            advice = f"{subject} cannot continue on a next slide; shorten {'them' if what in _PLURAL else 'it'}"
        verb = "do" if what in _PLURAL else "does"
        if name not in fitter.face_only().fit_slide(item).overflow:
            heading = any(isinstance(m, TextMeasure) and m.style.font == "heading"
                          for m in fitter.measures(item, _named(name)))
            yield _substitution_note(item, name, what, excess, smallest, heading, brand)
            continue
        yield Note(
            "text-overflow",
            f"the {what} {verb} not fit its box even at the brand's smallest size ({smallest}): "
            f"{excess:.0f} pt too tall — {advice}",
            model_path(item, name), shape=name,
        )
    for name in fitted.broken:
        what, _ = describe(item, name)
        yield Note("text-word-break", f"a word in the {what} is wider than its box even at the smallest size "
                                      "and breaks inside the word", model_path(item, name), name)
    if fitted.continued is not None:
        name, count, parts = fitted.continued
        mark = fitter.lang.word("continued", title="").strip()
        more = "1 more slide" if parts == 2 else f"{parts - 1} more slides"
        listed = KINDS[item.kind].continues
        assert listed is not None  # only a kind with a list to continue is continued
        yield Note("text-continued",
                   f"the {listed.noun} ({count}) do not fit one slide; they continue on {more} "
                   f"marked '{mark}'", (*item.source_path, *listed.path), name)
    overflowing = {r for name in fitted.overflow for m in fitter.measures(item, _named(name))
                   for r in m.roles}
    shrunk = [(role, size) for role, size in sorted(fitted.sizes.items())
              if size < brand.size(role).max_pt - 1e-9 and role not in overflowing]
    if shrunk:
        said = ", ".join(f"{role} {size:g} pt (brand {brand.size(role).max_pt:g} pt)" for role, size in shrunk)
        yield Note("text-shrunk", f"text set smaller to fit its box: {said}", None)
