"""Child lookups for the slide readers (``facts``), on lxml and ElementTree trees alike.

The facts of every slide a build makes are read from its lxml tree as it is
recorded (``render.deck.records``), so these lookups run for every shape.
lxml's ``find`` goes through its path machinery in Python even for one tag;
a loop over the children finds the same element about twice as fast there,
and as fast as ``find`` on ElementTree's trees (a deck read back by ``check``).
Each function is the ``find`` it replaces, matches in the same document order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.edits.package import NS

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

#: Clark names, made once
A, P = (f"{{{NS[prefix]}}}" for prefix in ("a", "p"))
C_SLD, SP_TREE, SP, NV_SP_PR, NV_PR, PH, SP_PR = (P + n for n in (
    "cSld", "spTree", "sp", "nvSpPr", "nvPr", "ph", "spPr"))
C_NV_PR, TX_BODY, GRP_SP_PR, P_XFRM, BLIP_FILL = (P + n for n in (
    "cNvPr", "txBody", "grpSpPr", "xfrm", "blipFill"))
XFRM, OFF, EXT, PRST_GEOM, SOLID_FILL, PARA, P_PR, R_PR, T, LATIN = (
    A + n for n in ("xfrm", "off", "ext", "prstGeom", "solidFill", "p", "pPr", "rPr", "t", "latin"))


def child(element: ET.Element, tag: str) -> ET.Element | None:
    """``find(tag)``: the first child ``tag`` of ``element``."""
    for found in element:
        if found.tag == tag:
            return found
    return None


def grandchild(element: ET.Element, tag: str, inner: str) -> ET.Element | None:
    """``find("tag/inner")``: the first ``inner`` child of any ``tag`` child, in document order."""
    for outer in element:
        if outer.tag == tag:
            for found in outer:
                if found.tag == inner:
                    return found
    return None


def placeholder(shape: ET.Element, non_visual: str) -> ET.Element | None:
    """``find("nv…Pr/p:nvPr/p:ph")``: the shape's placeholder mark, if it has one."""
    for props in shape:
        if props.tag == non_visual:
            found = grandchild(props, NV_PR, PH)
            if found is not None:
                return found
    return None
