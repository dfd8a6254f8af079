"""The options several commands share (turning flags into values: ``commands``; completion: ``completion``)."""

from __future__ import annotations

import typer

from workshop.cli.completion import complete_brand, complete_client

PathsArg = typer.Argument(None, help="Outline files or folders (default: the project's decks/).")
BrandOpt = typer.Option(None, "--brand", "-b", autocompletion=complete_brand,
                        help="A brand name (`workshop brands` lists them) or a brand folder; default: the "
                             "project's brand, else 'default'.")
VarsOpt = typer.Option(None, "--vars", help="Client profile (YAML); repeat for one build per client.")
ClientOpt = typer.Option(None, "--client", "-c", metavar="NAME", autocompletion=complete_client,
                         help="Client profile NAME.yaml from the project's client folders; repeatable.")
SetOpt = typer.Option(None, "--set", help="Set a variable: key=value (dotted keys allowed).")
StrictOpt = typer.Option(False, "--strict", help="Warnings make the exit code non-zero (3).")
JobsOpt = typer.Option(None, "--jobs", "-j", min=0, help="Parallel builds (default: the project's, else one per core).")
OutOpt = typer.Option(None, "--out", "-o", help="Output folder (default: the project's, else build/).")
OnlyOpt = typer.Option(None, "--only", help="deck, handout or guide (repeat or comma-separate).")
KeepOpt = typer.Option(False, "--keep-edits", help="Carry slides edited in PowerPoint over into the new deck.")
OverwriteOpt = typer.Option(False, "--overwrite",
                            help="Replace a deck edited in PowerPoint; the edited one is kept as NAME.edited-N.pptx.")
