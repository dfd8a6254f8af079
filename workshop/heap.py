"""The garbage collector for a command's start: paused while modules load, on for the work.

Importing python-pptx and reportlab creates a few hundred thousand
long-lived objects (classes, functions, module dicts), and the collector
would walk them again and again while they load: about a tenth of a cold
build's CPU time. The CLI pauses the collector at its start; the first
build or check, once its inputs are read and planned, moves everything alive
into the permanent generation (``gc.freeze``) and turns the collector back
on, so the work itself is collected as usual. A library caller that never
paused it sees no change.
"""

from __future__ import annotations

import gc


def pause_for_start() -> None:
    """Called once, first thing in ``workshop.cli.main``."""
    gc.disable()


def start_work() -> None:
    """The modules a build needs are loaded: keep them out of every later collection, collect the rest."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
