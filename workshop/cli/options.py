"""The options several commands share, their shell completion, and turning flags into values."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from workshop.console import shown
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


def _complete_brand(incomplete: str) -> list[str]:
    """Shell completion for --brand: the names ``workshop brands`` lists."""
    from workshop.brand.lookup import available_brands

    try:
        return [name for name in available_brands() if name.startswith(incomplete)]
    except Exception:  # a broken config must not break the user's shell
        return []


def _complete_client(incomplete: str) -> list[str]:
    """Shell completion for --client: the profiles in the project's client folders."""
    from workshop.config import CLIENT_SUFFIXES, load_project

    try:
        folders = [f for f in load_project().clients if f.is_dir()]
        names = {p.stem for f in folders for p in f.iterdir() if p.suffix in CLIENT_SUFFIXES}
    except Exception:  # a broken config must not break the user's shell
        return []
    return sorted(n for n in names if n.startswith(incomplete))


PathsArg = typer.Argument(None, help="Outline files or folders (default: the project's decks/).")
BrandOpt = typer.Option(None, "--brand", "-b", autocompletion=_complete_brand,
                        help="A brand name (`workshop brands` lists them) or a brand folder; default: the "
                             "project's brand, else 'default'.")
VarsOpt = typer.Option(None, "--vars", help="Client profile (YAML); repeat for one build per client.")
ClientOpt = typer.Option(None, "--client", "-c", metavar="NAME", autocompletion=_complete_client,
                         help="Client profile NAME.yaml from the project's client folders; repeatable.")
SetOpt = typer.Option(None, "--set", help="Set a variable: key=value (dotted keys allowed).")
StrictOpt = typer.Option(False, "--strict", help="Warnings make the exit code non-zero (3).")
JobsOpt = typer.Option(None, "--jobs", "-j", min=0, help="Parallel builds (default: the project's, else one per core).")
OutOpt = typer.Option(None, "--out", "-o", help="Output folder (default: the project's, else build/).")
OnlyOpt = typer.Option(None, "--only", help="deck, handout or guide (repeat or comma-separate).")
KeepOpt = typer.Option(False, "--keep-edits", help="Carry slides edited in PowerPoint over into the new deck.")
OverwriteOpt = typer.Option(False, "--overwrite",
                            help="Replace a deck edited in PowerPoint; the edited one is kept as NAME.edited-N.pptx.")
