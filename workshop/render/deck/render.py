"""Plan → .pptx bytes: open the master, paint each planned slide, add notes and properties."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop.errors import WorkshopError
from workshop.kinds import KINDS
from workshop.language import language_for
from workshop.layouts import layouts_for
from workshop.layouts.specimens import LABEL_PREFIX, SPECIMEN_MARK
from workshop.render.deck.canvas import Canvas
from workshop.render.deck.colors import Palette
from workshop.render.deck.deck import Deck, generated_deck, template_deck
from workshop.render.deck.embed import embed_brand_fonts
from workshop.render.deck.language import language_tag
from workshop.render.deck.notes import write_notes
from workshop.render.deck.properties import set_master_properties, set_properties
from workshop.render.deck.records import Recorder, tag_deck

if TYPE_CHECKING:
    from workshop.assets import Assets
    from workshop.brand.model import Brand
    from workshop.edits.diff import EditReport
    from workshop.edits.records import Listed
    from workshop.plan.model import DeckPlan


def open_deck(brand: Brand, lang: str, client_color: str | None = None) -> Deck:
    """The brand's master: the designer's template when the brand names one, else generated."""
    specs = layouts_for(brand)
    template = brand.settings.template
    if template is not None:
        path = Path(template)
        if not path.is_absolute():
            path = Path(brand.folder) / path
        if not path.is_file():
            raise WorkshopError(f"the brand's template '{path}' does not exist")
        from workshop.safety.templates import read_template as read_checked_template

        palette = Palette(brand, client_color, scheme=False)
        return template_deck(read_checked_template(path), brand, specs, palette, lang)
    return generated_deck(brand, specs, Palette(brand, client_color), lang)


def refuse_overflow(plan: DeckPlan, brand: Brand) -> None:
    """With ``overflow: error`` in the brand, text that does not fit stops the deck (check lists it all)."""
    if brand.settings.overflow != "error":
        return
    overflows = [f for f in plan.fit_findings if f.code == "text-overflow"]
    if overflows:
        first = overflows[0]
        where = f" (slide {first.slide})" if first.slide else ""
        raise WorkshopError(
            f"{first.message}{where}" + (f"; and {len(overflows) - 1} more" if len(overflows) > 1 else ""),
            first.location,
            hint="the brand sets `overflow: error`, so the deck is not built until the text fits; "
                 "`workshop check` lists every place",
        )


def render_deck(plan: DeckPlan, brand: Brand, assets: Assets) -> bytes:
    """The deck for ``plan`` as .pptx bytes (the same plan gives the same bytes).

    Each slide is recorded and finished (deflated, its trees dropped) as soon
    as it is painted, so memory does not grow with the slide count.
    """
    from workshop.edits.identity import deck_identities

    names = deck_identities(plan)
    listed: list[Listed] = []
    recorder: Recorder | None = None

    def finish(deck: Deck, index: int, slide: Any) -> None:
        nonlocal recorder
        recorder = recorder or Recorder(deck)
        listed.append(recorder.record(slide, *names[index]))
        deck.finish(slide)

    deck, painted, notes = _paint(plan, brand, assets, finish)
    tag_deck(deck, listed)
    set_properties(deck.prs, plan, brand, deck.lang, len(painted), notes)
    _embed(deck, brand)
    return deck.save()


def render_deck_keeping(plan: DeckPlan, brand: Brand, assets: Assets, previous: bytes, report: EditReport
                        ) -> tuple[bytes, tuple[str, ...]]:
    """The deck for ``plan`` with the hand edits of ``previous`` (described by ``report``) carried over."""
    from workshop.render.deck.keep import keep_edits

    deck, painted, _ = _paint(plan, brand, assets)
    slides, summary = keep_edits(deck, painted, plan, previous, report)
    notes = sum(1 for slide in slides if slide.has_notes_slide)
    set_properties(deck.prs, plan, brand, deck.lang, len(slides), notes)
    _embed(deck, brand)
    return deck.save(), summary


def _embed(deck: Deck, brand: Brand) -> None:
    """The brand faces the finished deck uses, in the deck (unless the brand turns it off)."""
    if brand.settings.embed_fonts:
        embed_brand_fonts(deck)


def _paint(plan: DeckPlan, brand: Brand, assets: Assets,
           finish: Callable[[Deck, int, Any], None] | None = None) -> tuple[Deck, list[Any], int]:
    """A deck with every planned slide painted; its slides and how many have notes.

    With ``finish``, ``finish(deck, index, slide)`` is called on each slide once it is
    painted, and the list holds ``None`` for it (the slide is no longer held).
    """
    refuse_overflow(plan, brand)
    meta = plan.meta
    lang = language_tag(meta.language)
    labels = language_for(meta.language)
    deck = open_deck(brand, lang, meta.client_color)
    notes = 0
    painted: list[Any] = []
    for planned in plan.deck_slides:
        placement = deck.placements[planned.kind]
        resolved = planned.layout
        if resolved is None:
            raise WorkshopError(f"slide {planned.number} was not laid out before rendering", planned.location)
        slide = deck.add_slide(placement.layout)
        canvas = Canvas(deck, slide, placement, resolved, planned, plan=plan, assets=assets, lang=labels)
        KINDS[planned.kind].painter.load()(canvas, planned)
        if resolved.spec.footer:
            canvas.footer(plan.footer, planned.number)
            if meta.client_footer:
                canvas.client_footer_logo()
        notes += write_notes(deck, slide, planned, labels)
        if finish is None:
            painted.append(slide)
        else:
            finish(deck, len(painted), slide)
            painted.append(None)
    return deck, painted, notes


def build_master(brand: Brand, language: str = "en", specimens: bool = False) -> bytes:
    """The generated master, for designers to restyle in PowerPoint.

    With ``specimens`` every layout gets one sample slide (its placeholders and
    a label naming the layout). LibreOffice drops the layouts no slide uses when
    it saves a .pptx, so a master without slides loses them all there; the
    sample slides keep each layout's design through such a save. Decks built
    on the template leave these slides out.
    """
    deck = generated_deck(brand, layouts_for(brand), Palette(brand), language_tag(language))
    if specimens:
        _add_specimens(deck)
    set_master_properties(deck.prs, brand)
    return deck.save()


def _add_specimens(deck: Deck) -> None:
    from pptx.util import Emu, Pt

    for layout in deck.prs.slide_layouts:
        slide = deck.add_slide(layout)
        slide.shapes.clone_layout_placeholders(layout)
        label = slide.shapes.add_textbox(Emu(0), Emu(0), Emu(deck.prs.slide_width // 3), Emu(Pt(18)))
        label.name = SPECIMEN_MARK
        label.text_frame.text = f"{LABEL_PREFIX}{layout.name}"
        label.text_frame.paragraphs[0].runs[0].font.size = Pt(9)
