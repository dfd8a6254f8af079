"""The deck for ``--keep-edits``: the new build, with the edited deck's slides carried in by the merge's rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.edits.identity import deck_identities
from workshop.edits.merge import New, plan_merge
from workshop.edits.records import GENERATED, Listed, SlideRecord
from workshop.render.deck.carry import Carrier, add_note
from workshop.render.deck.records import slide_views, tag_deck, tag_slide

if TYPE_CHECKING:
    from pptx.slide import Slide

    from workshop.edits import EditReport
    from workshop.plan.model import DeckPlan
    from workshop.render.deck.deck import Deck


def keep_edits(deck: Deck, painted: list[Slide], plan: DeckPlan, previous: bytes,
               report: EditReport) -> tuple[list[Slide], tuple[str, ...]]:
    """Merge the edited deck into ``deck`` (whose generated slides are ``painted``); its slides and a summary."""
    names = deck_identities(plan)
    views = slide_views(deck.package, painted)
    generated = [Listed(identity, view.facts.fingerprint, view.title or label)
                 for (identity, label), view in zip(names, views, strict=True)]
    merge = plan_merge(report, generated)
    carrier = Carrier(deck, previous)
    final: list[Slide] = []
    for item in merge.items:
        if isinstance(item, New):
            slide = painted[item.index]
            tag_slide(deck, slide, SlideRecord(generated[item.index].identity, views[item.index].facts, GENERATED))
        else:
            slide = carrier.carry(item.number)
            if item.record is not None:
                tag_slide(deck, slide, item.record)
            if item.note:
                add_note(deck, slide, item.note)
        final.append(slide)
    deck.arrange(final)
    tag_deck(deck, list(merge.listed))
    return final, merge.summary
