"""Finishing or undoing what a crashed build left in a folder (the recovery of ``workshop.output``).

The names and the journal format are shared with the writer in
``workshop.output``, whose docstring gives the steps and why each is safe to
interrupt. Only names matching these exact patterns are ever touched.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import field
from pathlib import Path

from workshop import platforms
from workshop.lazyclass import lazy_dataclass

_TOKEN = "[0-9a-f]{12}"
_TEMP = re.compile(rf"\.(?P<name>.*)\.ws-(?P<token>{_TOKEN})\.(?P<kind>new|old)")
_JOURNAL = re.compile(rf"\.workshop-(?P<token>{_TOKEN})\.(?P<kind>journal|undo|journal\.tmp)")
# Left by versions before generations: ".<name>.<8 random>.tmp" and ".<name>.<pid>.bak".
_LEGACY = re.compile(r"\.(?P<name>.+\.(?:pptx|pdf|json))\.(?:[a-z0-9_]{8}\.tmp|[0-9]+\.bak)")
JOURNAL_VERSION = 1


@lazy_dataclass
class Recovery:
    """What :func:`recover` did in one folder."""

    finished: int = 0  # committed generations completed
    undone: int = 0  # generations rolled back
    removed: list[str] = field(default_factory=list)  # stray temporaries deleted


@lazy_dataclass(frozen=True)
class Entry:
    target: str
    new: str
    old: str | None  # None: there was no file to keep


def journal_path(folder: Path, token: str, kind: str = "journal") -> Path:
    """The journal of a generation: ``journal`` while it goes forward, ``undo`` once it goes back."""
    return folder / f".workshop-{token}.{kind}"


def _read_journal(path: Path, token: str) -> list[Entry] | None:
    """A journal's entries, or None when it is not one of ours (then it is left alone)."""
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        entries = [Entry(e["target"], e["new"], e["old"]) for e in payload["entries"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if payload.get("version") != JOURNAL_VERSION:
        return None
    for entry in entries:  # a tampered journal must not rename anything but our own temporaries
        names = [entry.target, entry.new] + ([entry.old] if entry.old else [])
        if any(not isinstance(n, str) or n in ("", ".", "..") or "/" in n or "\\" in n for n in names):
            return None
        kinds = [(entry.new, "new")] + ([(entry.old, "old")] if entry.old else [])
        for name, kind in kinds:
            match = _TEMP.fullmatch(name)
            if not match or match["token"] != token or match["kind"] != kind:
                return None
    return entries


def _forward(folder: Path, entries: list[Entry]) -> None:
    """Finish a committed generation (idempotent): every .new becomes its target."""
    for entry in entries:
        new = folder / entry.new
        if new.exists():
            os.replace(new, folder / entry.target)
    platforms.fsync_folder(folder)
    for entry in entries:
        if entry.old:
            (folder / entry.old).unlink(missing_ok=True)


def undo_generation(folder: Path, entries: list[Entry]) -> None:
    """Undo a committed generation (idempotent): every kept .old returns, every new file goes."""
    for entry in entries:
        new, target = folder / entry.new, folder / entry.target
        old = folder / entry.old if entry.old else None
        if new.exists():  # never moved in: the target is untouched, or was renamed to .old
            if old is not None and old.exists() and not target.exists():
                os.replace(old, target)
            new.unlink()
            if old is not None:
                old.unlink(missing_ok=True)
        elif old is None:
            target.unlink(missing_ok=True)  # this generation created it
        elif old.exists():
            os.replace(old, target)
    platforms.fsync_folder(folder)


def recover_locked(folder: Path) -> Recovery:
    report = Recovery()
    try:
        names = os.listdir(folder)
    except OSError:
        return report
    for name in sorted(names):
        match = _JOURNAL.fullmatch(name)
        if not match or match["kind"] == "journal.tmp":
            continue
        entries = _read_journal(folder / name, match["token"])
        if entries is None:
            continue
        if match["kind"] == "journal":
            _forward(folder, entries)
            report.finished += 1
        else:
            undo_generation(folder, entries)
            report.undone += 1
        (folder / name).unlink(missing_ok=True)
    for name in sorted(os.listdir(folder)):
        temp, journal = _TEMP.fullmatch(name), _JOURNAL.fullmatch(name)
        legacy = _LEGACY.fullmatch(name)
        live = temp is not None and any(journal_path(folder, temp["token"], k).exists() for k in ("journal", "undo"))
        stray = (temp is not None and not live) or (journal is not None and journal["kind"] == "journal.tmp") or (
            legacy is not None and (folder / legacy["name"]).is_file())
        if stray and (folder / name).is_file() and not (folder / name).is_symlink():
            (folder / name).unlink(missing_ok=True)
            report.removed.append(name)
    return report


def recover(folder: Path) -> Recovery:
    """Complete or undo any generation a crashed build left in ``folder``; remove its strays."""
    if not folder.is_dir():
        return Recovery()
    with platforms.folder_lock(folder):
        return recover_locked(folder)


def recover_tree(out_dir: Path) -> Recovery:
    """:func:`recover` in ``out_dir`` and its direct subfolders (one per client profile)."""
    total = Recovery()
    if not out_dir.is_dir():
        return total
    folders = [out_dir] + sorted(p for p in out_dir.iterdir() if p.is_dir() and not p.is_symlink())
    for folder in folders:
        done = recover(folder)
        total.finished += done.finished
        total.undone += done.undone
        total.removed += [str(Path(folder.name) / n) if folder != out_dir else n for n in done.removed]
    return total
