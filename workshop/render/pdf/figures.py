"""Charts in the PDFs, drawn from a recording of their canvas calls when the user cache holds one.

Drawing a chart with reportlab.graphics costs a cold PDF worker about 25 ms of
a handout with one chart: importing the chart widgets (bar, line and pie
charts, axes, legends, markers), building the drawing and letting the widgets
lay themselves out while they draw. What reaches the page is a short list of
canvas calls (``replay``). So a :class:`Figure` is drawn once as before,
through a :class:`~workshop.render.pdf.replay.Recorder`, and its calls are
kept in ``<user cache>/figures/``; a later build plays them back on the page
and never imports the widgets. The bytes are the same either way
(``replay``: same calls from the same canvas state), so the cache changes no
output; ``WORKSHOP_CACHE=off`` draws every chart.

An entry is keyed by everything the drawing is made from: the chart as the
outline gives it, its size, the palette, the fonts with the digest of each
face's file (labels are measured, shortened and split by font with them),
the language (number format), reportlab's version and this tool's code. A
figure that finds its page in another state than the recording's draws the
chart instead, and records it again.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable

from workshop.render.pdf.fonts import Family, digest_of, register_family
from workshop.render.pdf.replay import Recorder, Recording, play

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

CACHE_FOLDER = "figures"
MAX_ENTRY_BYTES = 4 * 1024 * 1024  # a chart of many series is some thousands of calls; beyond this, not kept


def figure_key(parts: Sequence[object], fonts: Sequence[str], chain: Sequence[Family]) -> str:
    """The entry's key: ``parts`` by their repr, each face by its name and its file's digest.

    The faces are ``fonts`` and those of ``chain`` and of the shipped fallback family, which labels
    fall back to for a character the brand's fonts lack.
    """
    from workshop.brand.shipped_fonts import FALLBACK_FAMILY
    from workshop.render.pdf.ondemand import code_version

    every = (*chain, register_family(FALLBACK_FAMILY))  # registered by the first label or paragraph anyway
    faces = [*fonts, *(face for family in every for face in (family.regular, family.bold, family.italic,
                                                               family.bold_italic))]
    text = "\n".join([code_version(), "figure 2", *map(repr, parts),
                      *(f"{face}:{digest_of(face)}" for face in faces)])
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


class Figure(Flowable):
    """A ``width`` × ``height`` drawing, played from its recording or made by ``make`` and recorded.

    Platypus sees what it saw of the ``Drawing``: its size, no split, aligned left.
    """

    def __init__(self, width: float, height: float, key: str, make: Callable[[], Drawing]) -> None:
        super().__init__()
        self.width, self.height = width, height
        self._key, self._make = key, make

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        return self.width, self.height

    def draw(self) -> None:
        recording = _recorded(self._key)
        if recording is not None and play(self.canv, recording):
            return
        from reportlab.graphics import renderPDF

        recorder = Recorder(self.canv)
        renderPDF.draw(self._make(), recorder, 0, 0)  # what Drawing.draw does, through the recorder
        if recorder.recording is not None:
            _remember(self._key, recorder.recording)


def _path(key: str) -> Any:
    from workshop.cache import area

    return area(CACHE_FOLDER) / f"{key}.calls"


def _recorded(key: str) -> Recording | None:
    from workshop.cache import enabled, read_entry

    if not enabled():
        return None
    payload = read_entry(_path(key), key)
    if payload is None:
        return None
    try:
        state, calls = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return (state, calls) if isinstance(calls, tuple) and all(isinstance(c, tuple) and c for c in calls) else None


def _remember(key: str, recording: Recording) -> None:
    from workshop.cache import enabled, write_entry

    if not enabled():
        return
    try:
        payload = marshal.dumps(recording)
    except ValueError:
        return
    if len(payload) <= MAX_ENTRY_BYTES:
        write_entry(_path(key), key, payload)
