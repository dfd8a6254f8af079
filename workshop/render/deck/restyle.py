"""The styling a LibreOffice save leaves on a master's placeholders, written onto the slide's own.

LibreOffice 7.4 turns each used layout of an exported master into a slide
master of its own (``workshop.layouts.specimens`` takes the layouts back).
There it keeps what the layout's placeholders looked like, but not where a
slide inherits it from: the fill and outline sit on the master's shape, the
insets and anchor on its text frame, and the colour, weight and alignment only
on the prompt text ("Left heading"), not in a list style. A slide placeholder
is then drawn in the master's body style, with the first body placeholder's
fill or none: compare headings lose their fill, section numbers their colour,
the break slide its centring.

So on a recovered layout each placeholder a slide fills takes that styling
from the master's placeholder at its place: the shape's geometry, fill and
line, the text frame's attributes, and a list style made from the prompt's
paragraph and run properties (sizes and typefaces stay ours: the fit measured
them). What a designer changed in LibreOffice's master view comes along.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from workshop.layouts.geometry import Box
from workshop.layouts.specimens import near
from workshop.render.deck.ooxml import qn

_FILLS = frozenset(qn(f"a:{tag}") for tag in ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill"))
_FRAME = ("wrap", "lIns", "tIns", "rIns", "bIns", "anchor", "anchorCtr", "vert", "rtlCol")
_RUN_ATTRS = ("b", "i", "u", "strike", "cap", "baseline")  # sizes and spacing are the fit's: not copied
_LEVELS = 2  # the deck writes two paragraph levels


class MasterPlaceholders:
    """The placeholder shapes of a slide master (and of the sample slide on a layout), found by place.

    LibreOffice keeps a subtitle only on the sample slide, styled there.
    """

    def __init__(self, parts: list[Any]) -> None:
        self._shapes: list[tuple[Box, Any]] = []
        for part in parts:
            for sp in part.iterfind(f"{qn('p:cSld')}/{qn('p:spTree')}/{qn('p:sp')}"):
                if sp.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}") is None:
                    continue
                box = _box(sp)
                if box is not None:
                    self._shapes.append((box, sp))

    def at(self, box: Box | None) -> Any | None:
        """The master's placeholder at ``box`` (give or take LibreOffice's rounding), if any."""
        if box is None:
            return None
        return next((sp for here, sp in self._shapes if near(here, box)), None)


def restyle(sp: Any, source: Any) -> None:
    """Give the slide placeholder ``sp`` the look of the master placeholder ``source``."""
    _shape_properties(sp, source)
    body, own = source.find(qn("p:txBody")), sp.find(qn("p:txBody"))
    if body is None or own is None:
        return
    _frame(own, body)
    _list_style(own, body)


def _shape_properties(sp: Any, source: Any) -> None:
    own, theirs = sp.find(qn("p:spPr")), source.find(qn("p:spPr"))
    if own is None or theirs is None or any(child.tag in _FILLS for child in own):
        return  # a fill of our own (a variant that moved the shape) wins
    for child in list(own):
        if child.tag != qn("a:xfrm"):
            own.remove(child)
    for child in theirs:
        if child.tag != qn("a:xfrm"):
            own.append(deepcopy(child))


def _frame(own: Any, body: Any) -> None:
    theirs, mine = body.find(qn("a:bodyPr")), own.find(qn("a:bodyPr"))
    if theirs is None or mine is None:
        return
    for name in _FRAME:
        value = theirs.get(name)
        if value is not None and mine.get(name) is None:
            mine.set(name, value)


def _list_style(own: Any, body: Any) -> None:
    """``a:lstStyle`` levels from the prompt's first paragraph: its alignment, colour and weight."""
    first = body.find(qn("a:p"))
    style = own.find(qn("a:lstStyle"))
    if first is None or style is None or len(style):
        return
    ppr = first.find(qn("a:pPr"))
    rpr = first.find(f"{qn('a:r')}/{qn('a:rPr')}")
    if rpr is None:
        rpr = first.find(qn("a:endParaRPr"))
    for level in range(1, _LEVELS + 1):
        lvl = style.makeelement(qn(f"a:lvl{level}pPr"), {})
        if ppr is not None and ppr.get("algn") is not None:
            lvl.set("algn", ppr.get("algn"))
        if rpr is not None:
            lvl.append(_run_defaults(rpr))
        style.append(lvl)


def _run_defaults(rpr: Any) -> Any:
    """``a:defRPr`` with the run's colour and weight (not its size, spacing, language or typeface)."""
    defaults = rpr.makeelement(qn("a:defRPr"), {k: rpr.get(k) for k in _RUN_ATTRS if rpr.get(k) is not None})
    for child in rpr:
        if child.tag in _FILLS:
            defaults.append(deepcopy(child))
    return defaults


def _box(sp: Any) -> Box | None:
    off = sp.find(f"{qn('p:spPr')}/{qn('a:xfrm')}/{qn('a:off')}")
    ext = sp.find(f"{qn('p:spPr')}/{qn('a:xfrm')}/{qn('a:ext')}")
    if off is None or ext is None:
        return None
    try:
        return Box(int(off.get("x", 0)), int(off.get("y", 0)), int(ext.get("cx", 0)), int(ext.get("cy", 0)))
    except ValueError:
        return None
