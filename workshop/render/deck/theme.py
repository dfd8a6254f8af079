"""The theme part: brand colours as the theme palette, brand fonts as major/minor fonts.

A designer who opens the exported master sees the brand under Design →
Variants → Colours/Fonts, and every scheme colour in the layouts follows it.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from workshop.brand.colors import mix, parse_color
from workshop.brand.model import Brand
from workshop.render.deck.package import has_element, parse_xml, set_blob, set_element

A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _q(tag: str) -> str:
    return f"{{{A}}}{tag}"


def theme_colors(brand: Brand) -> dict[str, str]:
    """Theme slot → ``RRGGBB`` (dk1/lt1 text and background, accents in chart order)."""
    c = brand.colors
    series = [parse_color(x) for x in c.series()]
    link = parse_color(brand.typography.link_color)
    slots = {
        "dk1": parse_color(c.foreground), "lt1": parse_color(c.background),
        "dk2": parse_color(c.dark), "lt2": parse_color(c.light),
        **{f"accent{i + 1}": series[i] for i in range(6)},
        "hlink": link, "folHlink": mix(link, parse_color(c.foreground), 0.4),
    }
    return {k: v[1:].upper() for k, v in slots.items()}


def brand_theme(blob: bytes, brand: Brand) -> bytes:
    """The theme XML ``blob`` with the brand's colours, fonts and name."""
    root = etree.fromstring(blob)
    name = brand.meta.name
    root.set("name", name)
    scheme = root.find(f"{_q('themeElements')}/{_q('clrScheme')}")
    scheme.set("name", name)
    for slot, value in theme_colors(brand).items():
        holder = scheme.find(_q(slot))
        for child in list(holder):
            holder.remove(child)
        etree.SubElement(holder, _q("srgbClr"), val=value)
    fonts = root.find(f"{_q('themeElements')}/{_q('fontScheme')}")
    fonts.set("name", name)
    for which, family in (("majorFont", brand.typography.headings.family), ("minorFont", brand.typography.base.family)):
        fonts.find(f"{_q(which)}/{_q('latin')}").set("typeface", family.name)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def brand_theme_part(part: Any, brand: Brand) -> None:  # a python-pptx theme part
    """Put the brand into a theme part, whether python-pptx holds it as XML or as bytes."""
    data = brand_theme(part.blob, brand)
    if has_element(part):
        set_element(part, parse_xml(data))
    else:
        set_blob(part, data)
