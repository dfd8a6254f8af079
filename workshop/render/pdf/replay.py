"""The canvas calls a drawing makes, recorded as plain data and played back on another canvas.

A chart's drawing (reportlab.graphics) is built from widgets that import a
dozen modules and lay themselves out in Python each time they are drawn; what
reaches the PDF is only the canvas calls its renderer makes: colours, line
widths, paths, strings. :class:`Recorder` stands in for the canvas while a
drawing is drawn: every call goes on to the real canvas, so the page is what
it would have been, and is also written down, with the canvas's state as the
drawing found it (:func:`state_of`: its ``STATE_ATTRIBUTES`` but the
position on the page, which no call here writes out). :func:`play` makes the
same calls again on a canvas in that same state, which then writes the same
bytes: a canvas is a state machine, the same calls from the same state give
the same operators, and the document behind it (font subsets, graphics
states) sees the same requests in the same order. A canvas in another state
is not played on (:func:`play` returns False before drawing anything).

Only calls whose arguments are plain values are recorded: numbers, text,
``None``, tuples and lists of those, colours of the exact class
``reportlab.lib.colors.Color`` and the paths the same drawing began. Anything
else (an image, another colour class, a call that returns an object, a read
of a canvas value other than its font) spoils the recording: :attr:`Recorder.recording`
is then None and nothing is kept; what was drawn is still right. A recording
is tuples for ``marshal`` (never pickle: the user cache folder is not a
place to load code from).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

#: ``(state, calls)``; a call is ("c", method, args, kwargs), ("b", path), ("p", path, method, args) or
#: ("s", attribute, value)
Recording = tuple[Any, tuple[tuple[Any, ...], ...]]

#: canvas methods a drawing may call and still be played back (renderPDF's, reportlab 4.x)
CANVAS_METHODS = frozenset({
    "saveState", "restoreState", "transform", "translate", "scale", "rotate",
    "setStrokeColor", "setFillColor", "setLineWidth", "setLineCap", "setLineJoin", "setMiterLimit",
    "setDash", "setFont", "setFillAlpha", "setStrokeAlpha", "setFillOverprint", "setStrokeOverprint",
    "setOverprintMask", "rect", "roundRect", "line", "circle", "ellipse", "wedge", "drawString",
    "drawRightString", "drawCentredString", "drawPath", "clipPath",
})
PATH_METHODS = frozenset({"moveTo", "lineTo", "curveTo", "arc", "arcTo", "rect", "ellipse", "circle",
                          "roundRect", "close"})
READABLE = frozenset({"_fontname", "_fontsize"})  # renderPDF reads the font back (set by the same calls)
SETTABLE = frozenset({"_fillMode"})
#: what a call's operators may depend on: the canvas's saved state, without the matrix (no call writes it out)
STATE = tuple(name for name in Canvas.STATE_ATTRIBUTES if name != "_currentMatrix")


class Spoiled(Exception):
    """A value a recording cannot hold."""


def to_plain(value: Any) -> Any:
    """``value`` as marshal data (every tuple tagged, so none is mistaken for another), or raise :class:`Spoiled`."""
    if value is None or type(value) in (bool, int, float, str):  # exactly: marshal gives subclasses back as these
        return value
    if type(value) is Color:
        return ("#color", value.red, value.green, value.blue, value.alpha)
    if isinstance(value, _RecordedPath):
        return ("#path", value._number)
    if type(value) in (tuple, list):
        return ("#list" if type(value) is list else "#tuple", *(to_plain(v) for v in value))
    raise Spoiled(type(value).__name__)


def from_plain(data: Any, paths: dict[int, PDFPathObject] | None = None) -> Any:
    """The value :func:`to_plain` wrote down (``paths``: those begun on the canvas it is played on)."""
    if not isinstance(data, tuple):
        return data
    tag, rest = data[0], data[1:]
    if tag == "#color":
        return Color(*rest)
    if tag == "#path":
        return paths[rest[0]] if paths is not None else None
    if tag not in ("#list", "#tuple"):
        raise ValueError(f"not a value to_plain writes: {tag!r}")
    items = [from_plain(item, paths) for item in rest]
    return items if tag == "#list" else tuple(items)


def state_of(canvas: Canvas) -> Any:
    """The canvas's state, as :func:`to_plain` data (raises :class:`Spoiled` for a value it cannot hold)."""
    values = []
    for name in STATE:
        value = canvas.__dict__.get(name)
        if name == "_extgstate":
            value = (sorted(value._d.items()), sorted(value._c.items()))
        values.append(value)
    return to_plain(values)


class _RecordedPath:
    """A path the drawing began: its calls go to the real path and into the recording."""

    def __init__(self, recorder: Recorder, real: PDFPathObject, number: int) -> None:
        self._recorder, self._real, self._number = recorder, real, number

    def __getattr__(self, name: str) -> Callable[..., None]:
        method = getattr(self._real, name)
        if name not in PATH_METHODS:
            self._recorder.spoil(f"path.{name}")
            return method

        def recorded(*args: Any) -> None:
            self._recorder.note("p", self._number, name, args)
            if method(*args) is not None:
                self._recorder.spoil(f"path.{name} returned a value")

        return recorded


class Recorder:
    """Stands in for ``canvas`` while a drawing draws on it; :attr:`recording` is what it did."""

    def __init__(self, canvas: Canvas) -> None:
        vars(self).update(_canvas=canvas, _calls=[], _paths=0, spoiled=None, _state=None)
        try:
            vars(self)["_state"] = state_of(canvas)
        except Spoiled as exc:
            self.spoil(f"state: {exc}")

    @property
    def recording(self) -> Recording | None:
        """The state and the calls, or None when the drawing did something a recording cannot hold."""
        return None if self.spoiled else (self._state, tuple(self._calls))

    def spoil(self, why: str) -> None:
        if self.spoiled is None:
            vars(self)["spoiled"] = why

    def note(self, kind: str, *parts: Any) -> None:
        if self.spoiled is None:
            try:
                self._calls.append((kind, *(to_plain(p) if isinstance(p, (tuple, list)) else p for p in parts)))
            except Spoiled as exc:
                self.spoil(str(exc))

    def beginPath(self) -> _RecordedPath:  # noqa: N802 - reportlab's name
        number = self._paths
        vars(self)["_paths"] = number + 1
        self.note("b", number)
        return _RecordedPath(self, self._canvas.beginPath(), number)

    def __getattr__(self, name: str) -> Any:  # only for names not set on the recorder itself
        value = getattr(self._canvas, name)
        if name in READABLE:
            return value
        if name not in CANVAS_METHODS:
            self.spoil(name)
            return value

        def recorded(*args: Any, **kwargs: Any) -> None:
            self.note("c", name, args, tuple(sorted(kwargs.items())))
            real = [a._real if isinstance(a, _RecordedPath) else a for a in args]
            named = {k: v._real if isinstance(v, _RecordedPath) else v for k, v in kwargs.items()}
            if value(*real, **named) is not None:
                self.spoil(f"{name} returned a value")

        return recorded

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in SETTABLE:
            self.spoil(f"set {name}")
        self.note("s", name, (value,))
        setattr(self._canvas, name, value)


def play(canvas: Canvas, recording: Recording) -> bool:
    """Make the recorded calls on ``canvas``; False (and nothing drawn) when it is not in the recorded state."""
    state, calls = recording
    try:
        if state_of(canvas) != state:
            return False
    except Spoiled:
        return False
    if not all(_valid(call) for call in calls):
        return False
    paths: dict[int, PDFPathObject] = {}
    for call in calls:
        kind = call[0]
        if kind == "c":
            _, name, args, kwargs = call
            getattr(canvas, name)(*from_plain(args, paths), **dict(from_plain(kwargs, paths)))
        elif kind == "p":
            _, number, name, args = call
            getattr(paths[number], name)(*from_plain(args, paths))
        elif kind == "b":
            paths[call[1]] = canvas.beginPath()
        else:
            setattr(canvas, call[1], *from_plain(call[2], paths))
    return True


def _valid(call: tuple[Any, ...]) -> bool:
    """Whether ``call`` is one :class:`Recorder` writes (checked before anything is drawn)."""
    try:
        for part in call[2:]:
            from_plain(part)
    except (ValueError, TypeError):
        return False
    kind = call[0]
    if kind == "c" and len(call) == 4 and call[1] == "setFont":  # a face this process has not registered: draw
        args = from_plain(call[2])
        return bool(args) and args[0] in pdfmetrics.getRegisteredFontNames()
    if kind == "c":
        return len(call) == 4 and call[1] in CANVAS_METHODS
    if kind == "p":
        return len(call) == 4 and call[2] in PATH_METHODS and isinstance(call[1], int)
    if kind == "b":
        return len(call) == 2 and isinstance(call[1], int)
    return kind == "s" and len(call) == 3 and call[1] in SETTABLE
