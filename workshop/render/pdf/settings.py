"""Pin reportlab's global settings to safe, reproducible values before it runs.

reportlab reads its settings at import time from four places we do not control:
``reportlab.local_rl_settings``, a module ``reportlab_settings`` anywhere on
``sys.path`` (the working folder counts, so a client's project folder could
ship one), ``~/.reportlab_settings`` (exec'ed), and ``RL_<name>`` environment
variables. Any of them could trust remote hosts for ``<img src=http…>``,
enable expression evaluation in colour strings, add font search folders,
print to stdout or change layout (so the same input would no longer give the
same bytes). :func:`pin` makes the first import ignore all of them and then
sets every setting from reportlab's own shipped defaults plus our overrides.

Checked against reportlab 4.x/5.x ``rl_settings.py``; settings named in older
advice (``allowShortPatterns``) no longer exist. We never use ``FontFinder``
(its pickle cache in the temp folder is a known risk) nor ``extformat``.

:func:`pin` runs before any other reportlab module is imported: the
``__init__`` of each package whose modules import reportlab
(``workshop.render.pdf``, ``.handout``, ``.guide``) calls it, so no import
sort can move it below a reportlab import. It runs again at the start of each
render, which is cheap and undoes any change made by other code in the same
process.
"""

from __future__ import annotations

import copy
import os
import sys
import types
from collections.abc import Callable

# Our overrides on top of reportlab's shipped defaults, each with the reason.
SAFE: dict[str, object] = {
    # No host is trusted: reportlab refuses every URL (http, ftp, file:, data:)
    # it would otherwise fetch for images or fonts (CVE-2020-28463, SSRF).
    "trustedHosts": None,
    "trustedSchemes": [],
    # Colour strings are never evaluated as Python (CVE-2023-33733 lived in
    # toColor); None disables both the safe_eval and the literal_eval paths.
    "toColorCanUse": None,
    # Fonts come only from the absolute paths the brand names; no search in
    # ~/fonts, ./fonts or system folders for a name we did not give.
    "T1SearchPath": [],
    "TTFSearchPath": [],
    "CMapSearchPath": [],
    # Byte-identical output: fixed timestamps and document ID, compressed
    # binary streams (no ASCII85 so the files are smaller).
    "invariant": 1,
    "pageCompression": 1,
    "useA85": 0,
    "pdfComments": 0,
    # Renderers never print: the CLI is the only place that talks to the user.
    "verbose": 0,
    "debug": 0,
    "warnOnMissingFontGlyphs": 0,
    # Layout must not change with the environment.
    "showBoundary": 0,
    "canvas_basefontname": "Helvetica",
    "canvas_baseColor": None,
    "documentLang": None,  # set per document from the outline's language
    # Ragged-right typography without hyphenation (see styles.py).
    "hyphenationLang": "",
    "embeddedHyphenation": 0,
    "uriWasteReduce": 0,
    # No cache files written next to images; no font-licence overrides.
    "defaultImageCaching": 0,
    "allowTTFSubsetting": [],
    "autoGenerateMissingTTFName": 0,
    "unShapedFontGlob": [],
    "std14Embed": False,
}

_defaults: dict | None = None  # reportlab's own defaults, computed without env or files


def _empty_settings_module() -> types.ModuleType:
    module = types.ModuleType("reportlab_settings")
    module.__doc__ = "Placeholder installed by workshop: reportlab settings files are not read."
    module.__dict__["__all__"] = []
    return module


def _without_rl_environment(action: Callable[[], object]) -> None:
    hidden = {k: os.environ.pop(k) for k in [k for k in os.environ if k.startswith("RL_")]}
    try:
        action()
    finally:
        os.environ.update(hidden)


def _reportlab_defaults() -> dict:
    """Import ``reportlab.rl_config`` with settings files and RL_* variables hidden."""
    global _defaults
    if _defaults is None:
        if "reportlab.rl_config" in sys.modules:
            # Imported before us: recompute its values with the environment hidden.
            from reportlab import rl_config

            _without_rl_environment(rl_config._startUp)
        else:
            # A module already in sys.modules is used as is: no reportlab_settings.py
            # on sys.path is imported, and since that import succeeds,
            # ~/.reportlab_settings is never exec'ed.
            sys.modules.setdefault("reportlab_settings", _empty_settings_module())
            _without_rl_environment(lambda: __import__("reportlab.rl_config"))
        from reportlab import rl_config, rl_settings

        # Only reportlab's own setting names: a settings module imported before
        # us may have added arbitrary names (even modules) to rl_config.
        _defaults = {name: copy.deepcopy(getattr(rl_config, name)) for name in rl_settings.__all__}
    return _defaults


def pin() -> None:
    """Set every ``rl_config`` value to reportlab's default or our safe override."""
    defaults = _reportlab_defaults()  # first: it decides how reportlab is imported
    from reportlab import rl_config

    for name, default in defaults.items():
        setattr(rl_config, name, copy.deepcopy(SAFE.get(name, default)))
    # Read by reportlab's TrueType reader but missing from its settings (4.x): without it, a font
    # without a PostScript name raises AttributeError instead of reportlab's own TTFError.
    rl_config.autoGenerateTTFMissingTTFName = False


def check_source_date_epoch() -> None:
    """reportlab honours ``SOURCE_DATE_EPOCH`` itself; a malformed value would crash it."""
    from workshop.errors import UsageError

    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value and not value.isdigit():
        raise UsageError(
            f"SOURCE_DATE_EPOCH is '{value}'; it must be a whole number of seconds since 1970",
            hint="unset it to use the fixed document date",
        )
