"""Flags into values, and what ``build`` and ``check`` do with them: no typer here.

The typer commands (``cli.build``) and the quick start (``cli.quick``) both
call these, so a command does the same whichever way its flags were read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workshop.console import Console, shown
from workshop.errors import UsageError

if TYPE_CHECKING:
    from workshop.config import Project
    from workshop.edits.guard import EditPolicy


def parse_only(values: list[str]) -> tuple[str, ...]:
    """``--only deck,guide`` (repeatable) → the outputs in build order; none given: all three."""
    from workshop.pipeline import OUTPUTS

    if not values:
        return OUTPUTS
    chosen: list[str] = []
    for value in values:
        for part in value.split(","):
            part = part.strip().lower()
            if part not in OUTPUTS:
                raise UsageError(f"--only takes deck, handout or guide, not '{part}'")
            if part not in chosen:
                chosen.append(part)
    return tuple(o for o in OUTPUTS if o in chosen)


def profiles(project: Project, vars_files: list[str], clients: list[str]) -> list[Path]:
    """Client profiles from ``--vars FILE`` and ``--client NAME`` (looked up in the client folders)."""
    from workshop.config import client_file

    for vars_file in vars_files:
        if not Path(vars_file).is_file():
            raise UsageError(f"{vars_file}: client file not found", hint="give the path of a .yaml file")
    found = [Path(shown(client_file(project, name))) for name in clients]
    return [Path(v) for v in vars_files] + found


def edit_policy(keep: bool, overwrite: bool) -> EditPolicy:
    from workshop.edits.guard import EditPolicy

    if keep and overwrite:
        raise UsageError("--keep-edits and --overwrite exclude each other", hint="choose one")
    return EditPolicy.KEEP if keep else EditPolicy.OVERWRITE if overwrite else EditPolicy.REFUSE




def build_command(console: Console, paths: list[str], brand: str | None, vars_files: list[str],
                  clients: list[str], assignments: list[str], out: str | None, only: list[str],
                  jobs: int | None, strict: bool, keep_edits: bool, overwrite: bool) -> int:
    """``workshop build``: the exit status."""
    from workshop.cli.run import jobs_for, run
    from workshop.config import load_project

    def start() -> int:
        where = load_project()
        chosen = profiles(where, vars_files, clients)
        job_list = jobs_for(where, paths, brand, chosen, assignments, out, parse_only(only),
                            edit_policy(keep_edits, overwrite))
        return run(console, job_list, where.jobs if jobs is None else jobs, strict, False)

    return console.guarded(start)


def check_command(console: Console, paths: list[str], brand: str | None, vars_files: list[str],
                  clients: list[str], assignments: list[str], jobs: int | None, strict: bool,
                  out: str | None) -> int:
    """``workshop check``: the exit status."""
    from workshop.cli.run import check_brand_alone, jobs_for, run
    from workshop.config import load_project

    def start() -> int:
        where = load_project()
        if brand and not paths and not where.decks.is_dir():
            return check_brand_alone(console, brand, strict)
        chosen = profiles(where, vars_files, clients)
        job_list = jobs_for(where, paths, brand, chosen, assignments, out, ("deck",))
        return run(console, job_list, where.jobs if jobs is None else jobs, strict, True)

    return console.guarded(start)
