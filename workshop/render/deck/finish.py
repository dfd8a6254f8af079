"""Finished slides leave memory: their parts deflated into zip entries, their lxml trees dropped.

A painted slide, its notes page, its charts (with their workbooks) and its
tags part belong to that slide alone. Once the slide is complete (painted,
noted, recorded) ``Finisher.finish`` deflates each of them into the entries
the archive will hold (``zipstream``), and the presentation's relationship to
the slide is pointed at a bytes-less stand-in with the same name and content
type, so nothing refers to the trees any more. Memory then grows by the few
KiB of deflated bytes a slide adds to the file, not by the ~150 KiB its trees
held; the archive is assembled from the entries at the end in the same order,
with the same bytes, as before.

Parts a finished slide shares with others (its layout, images, the notes
master) stay live; the ones the package might no longer reach (an image only
finished slides use) are kept here and written with the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workshop.render.deck.package import (
    RT,
    Written,
    element_of,
    internal_targets,
    part_entries,
    retarget,
    stand_in,
)

#: relationships to parts that belong to the part relating to them (and go with it)
OWNED = frozenset({
    RT.NOTES_SLIDE, RT.CHART, RT.TAGS, RT.PACKAGE, RT.CHART_COLOR_STYLE, RT.CHART_USER_SHAPES,
    "http://schemas.microsoft.com/office/2011/relationships/chartStyle",
})
#: relationships to parts the presentation or a master always reaches (no need to keep them)
_REACHED = frozenset({RT.SLIDE, RT.SLIDE_LAYOUT, RT.NOTES_MASTER})

Visit = Callable[[str, Any], None]


class Finisher:
    """The parts written so far (by name) and the shared parts they need kept."""

    def __init__(self) -> None:
        self.written: dict[str, Written] = {}
        self.kept: dict[str, Any] = {}

    def finish(self, owner: Any, rid: str, part: Any, visit: Visit | None = None) -> None:
        """Write ``part`` (which ``owner`` relates to as ``rid``) and the parts it owns.

        ``visit(name, tree)`` sees each XML part's tree before it goes.
        """
        for member in self._owned(part):
            name = str(member.partname)
            tree = element_of(member)
            if visit is not None and tree is not None:
                visit(name, tree)
            self.written[name] = Written(member.partname, member.content_type, part_entries(member))
        retarget(owner, rid, stand_in(part))

    def _owned(self, part: Any) -> list[Any]:
        group = {id(part): part}
        stack = [part]
        while stack:
            for _, reltype, target in internal_targets(stack.pop()):
                if id(target) in group:
                    continue
                if reltype in OWNED:
                    group[id(target)] = target
                    stack.append(target)
                elif reltype not in _REACHED:
                    self.kept.setdefault(str(target.partname), target)
        return list(group.values())
