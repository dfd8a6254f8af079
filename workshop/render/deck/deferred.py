"""Modules python-pptx imports that a deck build never uses, run only when something does use them.

python-pptx imports Pillow's ``PIL.Image`` at start (its ``add_picture``
reads an image's size and resolution with it; the deck sizes pictures
itself), ``PIL.ImageFont`` with FreeType (for ``fit_text``; the plan fits
text with the brand's metrics) and, through ``xml.sax.saxutils``, ``urllib.request`` with
``http.client``, ``email``, ``ssl`` and ``socket`` (saxutils fetches XML
sources with it; python-pptx only calls its ``escape``). That is about
20 ms of every cold deck, an eighth of the import floor.

``defer(name)`` puts a stand-in module under the real name in
``sys.modules`` (and on its parent package), carrying the real module's
spec. Importing it again, ``from PIL import Image`` included, finds the
stand-in and runs nothing; the first use of any name in it runs the real
module's code in the stand-in itself, once, so whoever uses it (reportlab
reading an image, the assets scaling a large one, a test) gets the real
module, the same object everywhere. A module already imported is left as
it is. ``importlib.util.LazyLoader`` does not do this on Python 3.11: the
import system reads ``__spec__`` of a module it finds in ``sys.modules``,
and that read alone runs a lazily loaded module.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types
from typing import Any

#: what the deck build defers, and why nothing on its way uses it
DEFERRED: tuple[tuple[str, str], ...] = (
    ("PIL.Image", "python-pptx's pptx.parts.image imports it for add_picture's image sizes; "
                  "the deck places pictures at sizes it computed itself"),
    ("PIL.ImageFont", "python-pptx's pptx.text.layout imports it (and FreeType) for TextFrame.fit_text; "
                      "the deck fits text with the brand's own metrics (plan.fit)"),
    ("urllib.request", "xml.sax.saxutils imports it (with http.client, email, ssl) for prepare_input_source; "
                       "python-pptx only uses saxutils.escape"),
)

_SPEC = "__deferred_spec__"
_LOCK = threading.RLock()


class _Deferred(types.ModuleType):
    """A module whose code has not run yet; the first name asked of it runs it."""

    def __getattr__(self, name: str) -> Any:
        with _LOCK:
            spec = self.__dict__.pop(_SPEC, None)
            if spec is not None:
                _run(self, spec)
        try:
            return self.__dict__[name]
        except KeyError:
            return types.ModuleType.__getattribute__(self, name)  # the module's own __getattr__, or the error


def _run(module: types.ModuleType, spec: Any) -> None:
    module.__class__ = types.ModuleType
    try:
        spec.loader.exec_module(module)
    except BaseException:
        _forget(spec.name)  # as a failed import: the next import tries again from the start
        raise


def _forget(name: str) -> None:
    sys.modules.pop(name, None)
    parent, _, child = name.rpartition(".")
    if parent and parent in sys.modules:
        sys.modules[parent].__dict__.pop(child, None)


def defer(name: str) -> None:
    """Stand in for the module ``name`` until one of its names is used (nothing when already imported)."""
    if name in sys.modules:
        return
    parent, _, child = name.rpartition(".")
    try:
        spec = importlib.util.find_spec(name)  # imports the parent package, which is small in each case
    except ImportError:
        return  # not installed: whoever imports it gets the usual error
    if spec is None or spec.loader is None or name in sys.modules:
        return
    module = importlib.util.module_from_spec(spec)
    if type(module) is not types.ModuleType:
        return  # an extension module or a custom loader's type: import it normally when used
    module.__class__ = _Deferred
    module.__dict__[_SPEC] = spec
    sys.modules[name] = module
    if parent:
        setattr(sys.modules[parent], child, module)


def defer_unused() -> None:
    """Defer every module in ``DEFERRED``: called before the deck renderer first imports python-pptx."""
    for name, _ in DEFERRED:
        defer(name)


def deferred(name: str) -> bool:
    """Is ``name`` imported but its code not run yet?"""
    module = sys.modules.get(name)
    return module is not None and _SPEC in module.__dict__
