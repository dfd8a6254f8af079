"""Tiny helpers to build DrawingML/PresentationML elements with python-pptx's element classes.

Shapes are written as XML directly: it is faster than python-pptx's object
layer for thousands of slides, and it lets us set what that layer does not
expose (shape names designers see, alt text, explicit run properties).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, TypeAlias

from lxml.etree import SubElement

from workshop.layouts.paragraphs import clean
from workshop.render.deck.package import NAMESPACES, nsdecls, oxml_parser, parse_xml, qn

if TYPE_CHECKING:
    from lxml.etree import _Element

#: an OOXML element (python-pptx's element classes are lxml elements)
Element: TypeAlias = "_Element"
#: attribute values by ``prefix:name`` or plain name; None leaves the attribute out
Attrs = Mapping[str, object]

__all__ = ["el", "sub", "qn", "clean", "parse", "NSDECLS"]

NSDECLS = nsdecls("a", "p", "r")


@cache
def _name(tag: str) -> tuple[str, dict[str, str]]:
    prefix, local = tag.split(":")
    return f"{{{NAMESPACES[prefix]}}}{local}", {prefix: NAMESPACES[prefix]}


@cache
def _attr(key: str) -> str:
    return qn(key) if ":" in key else key


def el(tag: str, attrs: Attrs | None = None, *children: Element | None) -> Element:
    """A new element ``tag`` (``a:rPr``) with string attributes and children."""
    name, nsmap = _name(tag)
    return _fill(oxml_parser.makeelement(name, nsmap=nsmap), attrs, children)


def sub(parent: Element, tag: str, attrs: Attrs | None = None, *children: Element | None) -> Element:
    """Append ``el(tag, attrs, *children)`` to ``parent`` and return it.

    Made in ``parent``'s document (``SubElement``) rather than as a new root and
    moved: the same element, class and bytes (lxml declares the prefix only
    where no ancestor does), without a throwaway document per element. An
    attribute in a namespace (``r:id``) goes the old way: where no ancestor
    declares its prefix, lxml numbers a made-up one (``ns0``) per document.
    """
    if attrs and any(":" in key for key in attrs):
        child = el(tag, attrs, *children)
        parent.append(child)
        return child
    name, nsmap = _name(tag)
    return _fill(SubElement(parent, name, nsmap=nsmap), attrs, children)


def _fill(element: Element, attrs: Attrs | None, children: tuple[Element | None, ...]) -> Element:
    if attrs:
        for key, value in attrs.items():
            if value is not None:
                element.set(_attr(key), str(value))
    for child in children:
        if child is not None:
            element.append(child)
    return element


def parse(xml: str) -> Element:
    """Parse an XML string with python-pptx's element classes (namespaces a, p, r declared)."""
    return parse_xml(xml)
