"""``--keep-edits``: which slides the new deck gets, in which order, and what to tell the consultant.

Pure planning over identities and fingerprints; the deck renderer carries
the old slides over. The rules, per outline slide:

- edited by hand, source unchanged (what would be generated now is what was
  generated then): the edited slide is kept;
- edited by hand and its source changed: a conflict. The new slide is
  generated and the edited one is kept right after it, marked as kept and
  with a note in its speaker notes;
- deleted by hand: stays deleted while its source is unchanged, comes back
  when it changed;
- edited by hand and gone from the outline: kept, with a note.

Slides added by hand (and slides moved by hand) stay after the same
neighbour they had in the edited deck.
"""

from __future__ import annotations

from collections import defaultdict

from workshop.edits.diff import Change, EditReport
from workshop.edits.records import KEPT, DeckSlide, Listed, SlideRecord
from workshop.lazyclass import lazy_dataclass


@lazy_dataclass(frozen=True)
class New:
    """The freshly generated slide ``index`` (into the new deck's generated slides)."""

    index: int


@lazy_dataclass(frozen=True)
class Carried:
    """Slide ``number`` of the edited deck, carried over with ``record`` (None: no record, a hand slide)."""

    number: int
    record: SlideRecord | None
    note: str | None = None  # appended to its speaker notes


Item = New | Carried


@lazy_dataclass(frozen=True)
class Merge:
    items: tuple[Item, ...]  # the new deck, in order
    listed: tuple[Listed, ...]  # the generated slides the new deck stands for (its records' list)
    summary: tuple[str, ...]  # what happened, in plain words, with the new deck's slide numbers


def _conflict_note(title: str) -> str:
    return (f"workshop: this is your edited version of '{title}'. The outline changed this slide, so the slide "
            "before this one is the newly generated version. Copy over what you want to keep, then delete the "
            "slide you do not need.")


def _removed_note(title: str) -> str:
    return (f"workshop: this is your edited version of '{title}', a slide that is no longer in the outline. It "
            "was kept because you had edited it; delete it when you do not need it.")


Line = tuple[Item | None, str]  # an item (None: nothing, just said) and its summary line ("{n}": its number)


def plan_merge(report: EditReport, generated: list[Listed]) -> Merge:
    """The new deck for ``generated`` with the edits of ``report`` carried over."""
    by_change: dict[Change, set] = defaultdict(set)
    for edit in report.edits:
        by_change[edit.change].add(edit.number if edit.change in _BY_NUMBER else edit.identity)
    originals = {s.record.identity: s for s in report.slides
                 if s.record is not None and s.number not in by_change[Change.COPIED] | by_change[Change.KEPT]}
    listed = {entry.identity: entry for entry in report.listed}

    def named(slide: DeckSlide) -> str:
        """A slide's title, else the label it was listed with (a quote has no title)."""
        entry = listed.get(slide.record.identity) if slide.record is not None else None
        return slide.title or (entry.title if entry is not None else "")

    groups = {index: _group(index, slide, originals.get(slide.identity), by_change, listed)
              for index, slide in enumerate(generated)}
    position = {slide.identity: index for index, slide in enumerate(generated)}
    moved = by_change[Change.MOVED]
    # Slides placed by hand go after the slide they followed in the edited deck.
    attached: dict[int | None, list[Line]] = defaultdict(list)
    anchor: int | None = None
    for slide in report.slides:
        record = slide.record
        original = record is not None and originals.get(record.identity) is slide
        if record is not None and original and record.identity in position:
            if record.identity in moved:  # moved by hand: its slides go where it was put
                attached[anchor] += groups.pop(position[record.identity])
            else:
                anchor = position[record.identity]
        elif record is not None and original:  # gone from the outline: kept only when edited
            if record.identity in by_change[Change.EDITED]:
                kept = SlideRecord(record.identity, record.facts, KEPT)
                attached[anchor].append((
                    Carried(slide.number, kept, _removed_note(named(slide))),
                    f"slide {{n}} '{named(slide)}': kept as you edited it, though it is no longer in the outline "
                    "(see its notes)"))
        elif slide.number in by_change[Change.KEPT]:
            attached[anchor].append((Carried(slide.number, record),
                                     f"slide {{n}} '{named(slide)}': kept from an earlier --keep-edits build"))
        else:  # added or copied by hand
            quoted = f" '{slide.title}'" if slide.title else ""
            attached[anchor].append((Carried(slide.number, None), f"slide {{n}}{quoted}: added by hand, kept"))
    ordered: list[Line] = list(attached.pop(None, []))
    for index in range(len(generated)):
        ordered += groups.get(index, [])
        ordered += attached.pop(index, [])
    for rest in attached.values():
        ordered += rest
    items: list[Item] = []
    summary: list[str] = []
    for item, line in ordered:
        if item is not None:
            items.append(item)
        if line:
            summary.append(line.replace("{n}", str(len(items))))
    entries = tuple(generated)
    return Merge(tuple(items), entries, tuple(summary))


_BY_NUMBER = (Change.ADDED, Change.COPIED, Change.KEPT)


def _group(index: int, slide: Listed, old: DeckSlide | None, by_change: dict[Change, set],
           listed: dict[str, Listed]) -> list[Line]:
    """The new deck's slides for one generated slide, by the rules above."""
    identity, title = slide.identity, slide.title
    if old is not None and old.record is not None and identity in by_change[Change.EDITED]:
        recorded = old.record.facts.fingerprint if old.record.facts else None
        if recorded == slide.fingerprint:
            return [(Carried(old.number, old.record), f"slide {{n}} '{old.title or title}': kept as you edited it")]
        kept = SlideRecord(identity, old.record.facts, KEPT)
        return [
            (New(index), f"slide {{n}} '{title}': conflict: the outline changed a slide you had edited; "
                         "this is the new version"),
            (Carried(old.number, kept, _conflict_note(title)),
             "slide {n}: your edited version of it, kept right after it (see its notes)"),
        ]
    if old is None and identity in by_change[Change.DELETED]:
        if listed[identity].fingerprint == slide.fingerprint:
            return [(None, f"'{title}' stays deleted, as you deleted it")]
        return [(New(index), f"slide {{n}} '{title}': back, though you had deleted it: its source in the "
                             "outline changed")]
    return [(New(index), "")]
