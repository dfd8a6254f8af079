"""The generated default master, built in code from python-pptx's blank template.

We keep the template's package skeleton (presentation, master, theme, view
and table-style parts), make it 16:9, put the brand into the theme, replace
the master's shapes and text styles, drop the eleven stock layouts and add one
named layout per slide kind from ``workshop.layouts``. Nothing binary is
copied from anywhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from pptx import Presentation
from pptx.util import Emu

from workshop.layouts import BLANK, MASTER, LayoutSpec, MasterSpec, TextStyle
from workshop.layouts.template import placeholder_index
from workshop.render.deck import shapes
from workshop.render.deck.drawing import Painter, ShapeIds, is_dark, logo_box, logo_image
from workshop.render.deck.ooxml import NSDECLS, Element, el, parse, sub
from workshop.render.deck.package import CT, RT, PartNames, SlideLayoutPart, element, package_relationships, set_element
from workshop.render.deck.theme import brand_theme_part
from workshop.safety.images import ImageFile

if TYPE_CHECKING:
    from workshop.brand.model import Brand
    from workshop.layouts.spec import ShapeSpec

FIRST_LAYOUT_ID = 2_147_483_649
_CLR_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2", **{f"accent{i}": f"accent{i}" for i in range(1, 7)},
            "hlink": "hlink", "folHlink": "folHlink"}


def strip_extras(prs: Any) -> None:  # a python-pptx presentation
    """Drop the stock thumbnail and printer settings (leftovers of the template's author)."""
    package = prs.part.package
    for rels, kind in ((package_relationships(package), RT.THUMBNAIL), (prs.part.rels, RT.PRINTER_SETTINGS)):
        for rid in [r for r, rel in rels.items() if rel.reltype == kind]:
            rels.pop(rid)


def generate(brand: Brand, specs: dict[str, LayoutSpec], painter_for: Callable[[ShapeIds], Painter]
             ) -> tuple[Any, PartNames]:
    """A new presentation holding only the generated master and its layouts.

    ``painter_for(ids)`` makes a ``Painter`` (palette, typesetter) for a fresh shape tree.
    Returns ``(presentation, part_names)``.
    """
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(MASTER.size.width), Emu(MASTER.size.height)
    size = element(prs.part).find(el("p:sldSz").tag)
    size.attrib.pop("type", None)  # the stock template says 4:3
    strip_extras(prs)
    master_part = prs.slide_masters[0].part
    theme = master_part.part_related_by(RT.THEME)
    brand_theme_part(theme, brand)
    for rid in [r for r, rel in master_part.rels.items() if rel.reltype == RT.SLIDE_LAYOUT]:
        master_part.rels.pop(rid)
    names = PartNames(prs.part.package).install()

    palette = painter_for(ShapeIds()).palette
    small_logo = brand.logos.get("small", dark=is_dark(palette, "background"))
    small = logo_image(small_logo)
    logo_rid = master_part.relate_to(names.image_part(small.data, small.format), RT.IMAGE) if small else None
    _replace_children(element(master_part), _master_element(MASTER, painter_for(ShapeIds()), small, logo_rid,
                                                               small_logo.alt if small and small_logo else ""))

    id_list = element(master_part).find(el("p:sldLayoutIdLst").tag)
    for number, spec in enumerate([*specs.values(), BLANK]):
        part = SlideLayoutPart(
            names.next_partname("/ppt/slideLayouts/slideLayout%d.xml"), CT.PML_SLIDE_LAYOUT, prs.part.package,
            parse(f"<p:sldLayout {NSDECLS}/>"),
        )
        part.relate_to(master_part, RT.SLIDE_MASTER)
        size = "large" if spec.kind == "title" else "small"
        brand_logo = brand.logos.get(size, dark=is_dark(palette, spec.behind_logo)) if spec.logo else None
        logo = logo_image(brand_logo)
        image_rid = part.relate_to(names.image_part(logo.data, logo.format), RT.IMAGE) if logo else None
        wordmark = brand.logos.wordmark if spec.logo and spec.kind == "title" and logo is None else ""
        set_element(part, layout_element(spec, MASTER, painter_for(ShapeIds()), logo, image_rid,
                                         brand_logo.alt if logo and brand_logo else "", wordmark))
        rid = master_part.relate_to(part, RT.SLIDE_LAYOUT)
        sub(id_list, "p:sldLayoutId", {"id": FIRST_LAYOUT_ID + number, "r:id": rid})
    return prs, names


def _replace_children(target: Element, source: Element) -> None:
    """Swap an element's content in place (python-pptx objects keep pointing at ``target``)."""
    for child in list(target):
        target.remove(child)
    for key, value in source.attrib.items():
        target.set(key, value)
    for child in list(source):
        target.append(child)


def _tree(background: Element | None = None) -> tuple[Element, Element]:
    c_sld = el("p:cSld")
    if background is not None:
        c_sld.append(background)
    tree = sub(c_sld, "p:spTree")
    nv = sub(tree, "p:nvGrpSpPr")
    sub(nv, "p:cNvPr", {"id": 1, "name": ""})
    sub(nv, "p:cNvGrpSpPr")
    sub(nv, "p:nvPr")
    grp = sub(tree, "p:grpSpPr")
    grp.append(el("a:xfrm", None, el("a:off", {"x": 0, "y": 0}), el("a:ext", {"cx": 0, "cy": 0}),
                  el("a:chOff", {"x": 0, "y": 0}), el("a:chExt", {"cx": 0, "cy": 0})))
    return c_sld, tree


def _background(painter: Painter, role: str) -> Element:
    return el("p:bg", None, el("p:bgPr", None, painter.palette.fill(role), el("a:effectLst")))


def _placeholder(painter: Painter, spec: ShapeSpec, idx: int) -> Element:
    type_ = painter.type.on(spec.fill)
    body = type_.list_style(spec.text, spec.insets, spec.prompt) if spec.text else \
        type_.list_style(_PROMPT_STYLE, spec.insets, spec.prompt)
    fill = painter.palette.fill(spec.fill) if spec.fill else None
    return shapes.placeholder(painter.ids(), spec.name, spec.placeholder or "body", idx, box=spec.box, fill=fill,
                              text_body=body, has_custom_prompt=True)


def _footer_shapes(painter: Painter, master: MasterSpec, tree: Element) -> None:
    tree.append(_placeholder(painter, master.footer, 11))
    number = _placeholder(painter, master.slide_number, 12)
    p = number.find(".//" + el("a:p").tag)
    first_run = p.find(el("a:r").tag)
    field = el("a:fld", {"id": "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", "type": "slidenum"})
    field.append(first_run.find(el("a:rPr").tag))
    sub(field, "a:t").text = "‹#›"
    p.replace(first_run, field)
    tree.append(number)


def _master_element(master: MasterSpec, painter: Painter, logo: ImageFile | None, logo_rid: str | None,
                    alt: str) -> Element:
    root = parse(f"<p:sldMaster {NSDECLS}/>")
    c_sld, tree = _tree(_background(painter, "background"))
    root.append(c_sld)
    for dec in master.decorations:
        tree.append(painter.decoration(dec))
    tree.append(_placeholder(painter, master.title, 0))
    tree.append(_placeholder(painter, master.body, 1))
    _footer_shapes(painter, master, tree)
    if logo is not None and logo_rid is not None:
        tree.append(painter.picture("Logo", logo_box(master.logo, logo), logo_rid, alt))
    sub(root, "p:clrMap", _CLR_MAP)
    sub(root, "p:sldLayoutIdLst")
    styles = sub(root, "p:txStyles")
    title = sub(styles, "p:titleStyle")
    title.append(painter.type.level_props(master.title.text or _PROMPT_STYLE, 0))
    body = sub(styles, "p:bodyStyle")
    for level in (0, 1):
        body.append(painter.type.level_props(master.body.text or _PROMPT_STYLE, level))
    other = sub(styles, "p:otherStyle")
    sub(other, "a:defPPr", None, el("a:defRPr", {"lang": painter.type.lang}))
    return root


def layout_element(spec: LayoutSpec, master: MasterSpec, painter: Painter, logo: ImageFile | None,
                   logo_rid: str | None, alt: str = "", wordmark: str = "") -> Element:
    """A ``p:sldLayout`` for ``spec``: background, decorations, logo (or wordmark), placeholders."""
    painter = replace(painter, type=painter.type.on(spec.background))  # text colours readable on it
    root = parse(f'<p:sldLayout {NSDECLS} preserve="1" userDrawn="1"/>')
    if not spec.show_master:
        root.set("showMasterSp", "0")
    c_sld, tree = _tree(_background(painter, spec.background) if spec.background else None)
    c_sld.set("name", spec.name)
    root.append(c_sld)
    for dec in spec.decorations:
        tree.append(painter.decoration(dec))
    if logo is not None and logo_rid is not None and spec.logo is not None:
        tree.append(painter.picture("Logo", logo_box(spec.logo, logo), logo_rid, alt))
    elif wordmark and spec.logo is not None:
        tree.append(painter.wordmark(spec.logo, wordmark, spec.background))
    for position, shape in enumerate(spec.shapes):
        if shape.placeholder:
            on = replace(painter, type=painter.type.on(spec.fill_under(shape.box)))
            tree.append(_placeholder(on, shape, placeholder_index(shape, position)))
    if spec.footer:
        _footer_shapes(painter, master, tree)
    sub(root, "p:clrMapOvr", None, el("a:masterClrMapping"))
    return root


_PROMPT_STYLE = TextStyle("caption", color="muted", anchor="middle", align="center")
