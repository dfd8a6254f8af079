"""A deck as it is now against what was generated: which slides were edited, added, deleted or moved.

The result is data (``EditReport``) with plain-words descriptions; the CLI
prints it, the build refuses on it, and ``--keep-edits`` plans from it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import field
from enum import StrEnum

from workshop.edits.facts import ShapeFacts, SlideFacts
from workshop.edits.records import GENERATED, DeckRecords, DeckSlide, Listed
from workshop.lazyclass import lazy_dataclass


class DeckState(StrEnum):
    OURS = "ours"  # records intact: edits are known slide by slide
    RECORDS_GONE = "records-gone"  # built by workshop, but another program dropped the slide tags
    NOT_OURS = "not-ours"  # no records at all: another file under the deck's name
    UNREADABLE = "unreadable"  # not a PowerPoint file that can be read


class Change(StrEnum):
    EDITED = "edited"
    ADDED = "added"  # by hand (no record)
    COPIED = "copied"  # a duplicate of a generated slide
    KEPT = "kept"  # an edited slide an earlier --keep-edits build kept beside its new version
    DELETED = "deleted"
    MOVED = "moved"


@lazy_dataclass(frozen=True)
class SlideEdit:
    change: Change
    number: int | None  # in the deck as it is now; None for a deleted slide
    title: str
    identity: str | None
    details: tuple[str, ...] = ()
    was: int | None = None  # the slide's number when it was generated (moved, deleted)

    def describe(self) -> str:
        named = f" '{self.title}'" if self.title else ""
        if self.change is Change.DELETED:
            return f"slide{named} deleted by hand (was slide {self.was})"
        where = f"slide {self.number}{named}"
        if self.change is Change.ADDED:
            return f"{where} added by hand"
        if self.change is Change.COPIED:
            return f"{where} is a copy added by hand"
        if self.change is Change.KEPT:
            return f"{where} kept by an earlier --keep-edits build (an edited version)"
        if self.change is Change.MOVED:
            return f"{where} moved (was slide {self.was})"
        return f"{where}: " + ", ".join(self.details)


@lazy_dataclass(frozen=True)
class EditReport:
    path: str
    state: DeckState
    reason: str = ""  # why the deck is not readable as ours
    edits: tuple[SlideEdit, ...] = ()
    slides: tuple[DeckSlide, ...] = field(default=(), compare=False, repr=False)
    listed: tuple[Listed, ...] = field(default=(), compare=False, repr=False)

    @property
    def edited(self) -> bool:
        return self.state is not DeckState.OURS or bool(self.edits)

    def lines(self) -> list[str]:
        """The edits in plain words, one line each, in deck order (deleted slides last)."""
        if self.state is not DeckState.OURS:
            return [self.reason]
        return [e.describe() for e in self.edits]

    def summary(self, limit: int = 8) -> str:
        """One line: '; '-joined descriptions, the rest counted."""
        lines = self.lines()
        text = "; ".join(lines[:limit])
        return text + (f"; and {len(lines) - limit} more" if len(lines) > limit else "")


def compare(path: str, records: DeckRecords) -> EditReport:
    """What changed in the deck since workshop wrote it."""
    recorded = [s for s in records.slides if s.record is not None]
    if records.listed is None or not recorded and records.slides:
        if records.marked:
            return EditReport(path, DeckState.RECORDS_GONE, (
                "the deck was built by workshop, but its records are gone: it was saved by a program that "
                "drops slide tags (LibreOffice does), so which slides were edited cannot be told"))
        return EditReport(path, DeckState.NOT_OURS,
                          "the file was not written by workshop (it has none of workshop's records)")
    edits: list[SlideEdit] = []
    originals = _originals(recorded)
    present: list[str] = []
    labels = {entry.identity: entry.title for entry in records.listed}

    def title(slide: DeckSlide) -> str:
        return slide.title or (labels.get(slide.record.identity, "") if slide.record else "")

    for slide in records.slides:
        record = slide.record
        if record is None:
            edits.append(SlideEdit(Change.ADDED, slide.number, slide.title, None))
        elif record.role != GENERATED:
            edits.append(SlideEdit(Change.KEPT, slide.number, title(slide), record.identity))
        elif originals.get(record.identity) is not slide:
            edits.append(SlideEdit(Change.COPIED, slide.number, title(slide), record.identity))
        else:
            present.append(record.identity)
            details = describe_changes(record.facts, slide.view.facts)
            if details:
                edits.append(SlideEdit(Change.EDITED, slide.number, title(slide), record.identity, details))
    position = {entry.identity: index for index, entry in enumerate(records.listed, start=1)}
    for identity in moved(list(records.listed), present):
        slide = originals[identity]
        edits.append(SlideEdit(Change.MOVED, slide.number, title(slide), identity, was=position.get(identity)))
    for index, entry in enumerate(records.listed, start=1):
        if entry.identity not in originals:
            edits.append(SlideEdit(Change.DELETED, None, entry.title, entry.identity, was=index))
    edits.sort(key=lambda e: (e.number is None, e.number or e.was or 0))
    return EditReport(path, DeckState.OURS, edits=tuple(edits), slides=records.slides, listed=records.listed)


def _originals(recorded: list[DeckSlide]) -> dict[str, DeckSlide]:
    """Per identity, the slide that is the generated one (a duplicate's twin is a copy)."""
    groups: dict[str, list[DeckSlide]] = defaultdict(list)
    for slide in recorded:
        if slide.record is not None and slide.record.role == GENERATED:
            groups[slide.record.identity].append(slide)
    chosen: dict[str, DeckSlide] = {}
    for identity, slides in groups.items():
        untouched = [s for s in slides if s.record is not None and s.record.facts == s.view.facts]
        chosen[identity] = (untouched or slides)[0]
    return chosen


def moved(listed: list[Listed], present: list[str]) -> list[str]:
    """Identities that left the generated order: those outside the longest common run."""
    expected = [entry.identity for entry in listed if entry.identity in set(present)]
    if expected == present:  # the usual rebuild: nothing moved, and difflib (2 ms to load) is not needed
        return []
    import difflib

    matcher = difflib.SequenceMatcher(None, expected, present, autojunk=False)
    kept = {present[j + k] for _, j, size in matcher.get_matching_blocks() for k in range(size)}
    return [identity for identity in present if identity not in kept]


_CHANGED = {"shape": "text changed", "picture": "picture replaced", "table": "table changed",
            "chart": "chart data changed", "group": "group changed", "frame": "object changed",
            "line": "line changed", "ink": "ink changed"}


def describe_changes(before: SlideFacts | None, after: SlideFacts) -> tuple[str, ...]:
    """Plain words for the difference between two slides' facts ('text changed', '1 shape added')."""
    if before is None:
        return ("its records are damaged",)
    if before == after:
        return ()
    said: list[str] = []
    pending: dict[tuple[str, str], list[ShapeFacts]] = defaultdict(list)
    for shape in before.shapes:
        pending[shape.key].append(shape)
    added = 0
    counts: Counter[str] = Counter()
    for shape in after.shapes:
        twins = pending.get(shape.key)
        if not twins:
            added += 1
            continue
        old = twins.pop(0)
        if old.content != shape.content:
            counts[_CHANGED[shape.kind]] += 1
        if old.look != shape.look:
            counts["look changed"] += 1
        if old.place != shape.place and old.size != shape.size:
            counts["moved and resized"] += 1
        elif old.place != shape.place:
            counts["moved"] += 1
        elif old.size != shape.size:
            counts["resized"] += 1
    deleted = sum(len(rest) for rest in pending.values())
    for words in ("text changed", "picture replaced", "table changed", "chart data changed", "group changed",
                  "object changed", "line changed", "ink changed", "look changed"):
        if counts[words]:
            said.append(words)
    for words in ("moved and resized", "moved", "resized"):
        if counts[words]:
            said.append(f"{_shapes(counts[words])} {words}")
    if added:
        said.append(f"{_shapes(added)} added")
    if deleted:
        said.append(f"{_shapes(deleted)} deleted")
    if before.notes != after.notes:
        said.append("notes changed")
    if before.layout != after.layout:
        said.append("layout changed")
    if not said:
        said.append("shapes reordered")
    return tuple(said)


def _shapes(count: int) -> str:
    return f"{count} shape" + ("" if count == 1 else "s")
