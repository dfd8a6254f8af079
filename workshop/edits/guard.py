"""Before a build replaces a deck: was it edited, and what does the chosen policy do about it?

``refuse`` (the default) stops the build with the list of edits; ``keep``
carries them into the new deck; ``overwrite`` replaces the deck and keeps the
edited one beside it as ``<name>.edited-<n>.pptx``. Nothing here writes.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.errors import Location, WorkshopError
from workshop.lazyclass import lazy_dataclass

if TYPE_CHECKING:
    from workshop.edits.diff import EditReport

MAX_BACKUPS = 10_000


class EditPolicy(StrEnum):
    REFUSE = "refuse"
    KEEP = "keep"
    OVERWRITE = "overwrite"


@lazy_dataclass(frozen=True)
class Guard:
    """What the build does about the deck it is about to replace."""

    target: Path
    report: EditReport | None = None  # None: no deck there, or one without edits
    backup: Path | None = None  # where the edited deck goes (overwrite, or keep on a deck not ours)
    previous: bytes | None = None  # the edited deck, for --keep-edits to carry slides from


def decks_in(path: Path) -> list[Path]:
    """``path`` itself, or for a folder the decks in it and its client folders (backups left out)."""
    if not path.is_dir():
        return [path]
    return sorted(p for p in path.rglob("*.pptx") if ".edited-" not in p.name and not p.name.startswith("."))


def backup_path(target: Path) -> Path:
    """The first free ``<name>.edited-<n>.pptx`` beside ``target``."""
    for number in range(1, MAX_BACKUPS):
        candidate = target.with_name(f"{target.stem}.edited-{number}{target.suffix}")
        if not candidate.exists():
            return candidate
    raise WorkshopError(f"{target.parent} already holds {MAX_BACKUPS} edited copies of {target.name}",
                        Location(str(target)), hint="move the old *.edited-*.pptx files away")


def refusal(report: EditReport, target: Path) -> WorkshopError:
    """The error a plain build stops with: every edit in plain words, and the two ways on."""
    from workshop.edits.diff import DeckState

    lines = report.lines()
    if report.state is DeckState.OURS:
        head = "the deck was edited after workshop wrote it; nothing was written. Edits:"
    else:
        head = "this deck cannot be checked for hand edits, so it counts as edited as a whole; nothing was written."
    body = "\n".join(f"  {line}" for line in lines)
    keep = ("`--keep-edits` to carry the edits over into the new deck"
            if report.state is DeckState.OURS else
            "`--keep-edits` to write the new deck and keep this one as it is beside it")
    hint = (f"rebuild with {keep}, or with `--overwrite` to replace it (the edited deck is moved to "
            f"{backup_path(target).name}); `workshop edits {target}` lists the edits again")
    return WorkshopError(f"{head}\n{body}", Location(str(target)), hint=hint)


def guard_deck(target: Path, policy: EditPolicy) -> Guard:
    """Inspect the deck at ``target``; raise the refusal when the policy is to refuse."""
    from workshop.edits import inspect_deck

    report = inspect_deck(target)
    if report is None or not report.edited:
        return Guard(target)
    from workshop.edits.diff import DeckState

    if policy is EditPolicy.REFUSE:
        raise refusal(report, target)
    if policy is EditPolicy.KEEP and report.state is DeckState.OURS:
        return Guard(target, report, previous=target.read_bytes())
    return Guard(target, report, backup=backup_path(target))
