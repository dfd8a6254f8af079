"""The options several commands share and their shell completion (turning flags into values: ``commands``)."""

from __future__ import annotations

import typer


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
