"""Make the designer's PowerPoint master of the shipped brand ``noord``, reproducibly.

Run from the repository root:  python assets/brands/make_templates.py

This does in code what a designer does in PowerPoint, so the shipped
template can be re-made after the generated master changes:

1. start from the master the tool generates for the brand (what
   ``workshop template export --brand noord -o template.pptx`` writes);
2. change it in View › Slide Master: move and restyle placeholders, remove and
   add decorative shapes (see ``restyle_noord``);
3. save it as ``assets/brands/noord/template.pptx``, which ``_brand.yml`` names
   under ``defaults: workshop: template``.

Shape names stay as the tool expects them (see docs/brand-templates.md), so
``workshop template check --brand noord`` passes. The file is byte-identical
on every run: fixed zip timestamps and part order, fixed shape ids.
"""

from __future__ import annotations

import io
import re
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from lxml import etree  # noqa: E402
from pptx import Presentation  # noqa: E402
from pptx.dml.color import RGBColor  # noqa: E402
from pptx.oxml.ns import qn  # noqa: E402
from pptx.oxml.shapes.autoshape import CT_Shape  # noqa: E402
from pptx.shapes.autoshape import Shape  # noqa: E402

from workshop.brand.load import BRAND_FILE, load_brand  # noqa: E402
from workshop.render.deck import build_master  # noqa: E402
from workshop.render.deck.package import write_package  # noqa: E402

EMU_PER_CM = 360_000
SLIDE_W, SLIDE_H = 33.867, 19.05  # cm, the generated master's 16:9


def cm(value: float) -> int:
    return round(value * EMU_PER_CM)


# -- what a designer does with the mouse ------------------------------------------------------


def layout(prs, name: str):
    return next(ly for ly in prs.slide_layouts if ly.name == name)


def shape(container, name: str):
    return next(s for s in container.shapes if s.name == name)


def place(target, x: float, y: float, w: float, h: float) -> None:
    """Format Shape › Size & Position, in cm."""
    target.left, target.top, target.width, target.height = cm(x), cm(y), cm(w), cm(h)


def delete(target) -> None:
    target._element.getparent().remove(target._element)


def add_shape(container, name: str, geometry: str, box: tuple[float, float, float, float], color: str):
    """Insert › Shapes: a filled shape without outline, behind the placeholders."""
    tree = container.shapes._spTree
    next_id = max(int(e.get("id")) for e in tree.iter(qn("p:cNvPr"))) + 1
    x, y, w, h = (cm(v) for v in box)
    sp = CT_Shape.new_autoshape_sp(next_id, name, geometry, x, y, w, h)
    sp.remove(sp.find(qn("p:style")))  # no theme shadow or outline from the shape style
    sp.remove(sp.find(qn("p:txBody")))
    tree.insert(2, sp)  # just after the tree's own properties: at the back
    added = Shape(sp, container.shapes)
    added.fill.solid()
    added.fill.fore_color.rgb = RGBColor.from_string(color.lstrip("#"))
    added.line.fill.background()
    return added


def fill(target, color: str, geometry: str = "rect", corner: int | None = None) -> None:
    """Shape Format › Shape Fill, and Edit Shape › Change Shape."""
    sp_pr = target._element.spPr
    if sp_pr.find(qn("a:prstGeom")) is None:
        geom = etree.SubElement(sp_pr, qn("a:prstGeom"), prst=geometry)
        av = etree.SubElement(geom, qn("a:avLst"))
        if corner is not None:
            etree.SubElement(av, qn("a:gd"), name="adj", fmla=f"val {corner}")
    target.fill.solid()
    target.fill.fore_color.rgb = RGBColor.from_string(color.lstrip("#"))


def restyle(target, *, color: str | None = None, align: str | None = None, anchor: str | None = None,
            insets: tuple[float, float, float, float] | None = None) -> None:
    """Home › Font Colour / Align Text / Align Text (vertical) / Text Box margins, for every level."""
    tx = target._element.txBody
    body_pr = tx.find(qn("a:bodyPr"))
    if anchor:
        body_pr.set("anchor", anchor)
    if insets:
        for key, value in zip(("lIns", "tIns", "rIns", "bIns"), insets):
            body_pr.set(key, str(cm(value)))
    for ppr in tx.iter(qn("a:lvl1pPr"), qn("a:lvl2pPr"), qn("a:pPr")):
        if align:
            ppr.set("algn", align)
    if color:
        for rpr in tx.iter(qn("a:defRPr"), qn("a:rPr"), qn("a:endParaRPr")):
            for old in rpr.findall(qn("a:solidFill")):
                rpr.remove(old)
            solid = etree.Element(qn("a:solidFill"))
            etree.SubElement(solid, qn("a:srgbClr"), val=color.lstrip("#").upper())
            line = rpr.find(qn("a:ln"))
            if line is not None:
                line.addnext(solid)
            else:
                rpr.insert(0, solid)


# -- the noord master -------------------------------------------------------------------------


def restyle_noord(prs, brand) -> None:
    c = brand.colors
    forest, ochre, paper = c.primary, c.secondary, c.background

    # Slide master: a forest edge down the left of every content slide.
    master = prs.slide_masters[0]
    add_shape(master, "Noord Edge", "rect", (0, 0, 0.42, SLIDE_H), forest)

    # Title: the band moves from the right edge to the bottom, with the details in it;
    # a north arrow (the logo's mark) top right; title and subtitle get the full width.
    title = layout(prs, "Title")
    delete(shape(title, "Band"))
    delete(shape(title, "Band Accent"))
    add_shape(title, "Bottom Band", "rect", (0, 15.2, SLIDE_W, SLIDE_H - 15.2), forest)
    add_shape(title, "Band Rule", "rect", (0, 14.95, SLIDE_W, 0.25), ochre)
    add_shape(title, "North Arrow", "triangle", (29.6, 1.4, 2.4, 3.0), ochre)
    place(shape(title, "Title"), 1.91, 3.9, 26.5, 6.6)
    place(shape(title, "Subtitle"), 1.91, 11.7, 26.5, 2.9)
    details = shape(title, "Details")
    place(details, 1.91, 16.1, 24.0, 2.0)
    restyle(details, color=paper, anchor="ctr")

    # Quote: the quotation on a rounded forest card in paper-white type, the quotation
    # mark beside it in ochre, the attribution right-aligned under the card's edge.
    quote = layout(prs, "Quote")
    card = shape(quote, "Quote")
    place(card, 1.91, 1.6, 24.2, 12.2)
    fill(card, forest)
    restyle(card, color=paper, anchor="ctr", insets=(1.6, 0.9, 1.6, 0.9))
    place(shape(quote, "Quote Mark"), 26.9, 0.6, 5.0, 6.4)
    place(shape(quote, "Accent Bar"), 24.07, 14.25, 2.03, 0.18)
    attribution = shape(quote, "Attribution")
    place(attribution, 1.91, 14.6, 24.2, 2.2)
    restyle(attribution, align="r")

    # Section dividers: the accent bar becomes a full-height ochre stripe at the right.
    section = layout(prs, "Section")
    delete(shape(section, "Accent Bar"))
    add_shape(section, "Ochre Stripe", "rect", (SLIDE_W - 1.2, 0, 1.2, SLIDE_H), ochre)


# -- making the file --------------------------------------------------------------------------


TEMPLATES = {"noord": restyle_noord}
_TEMPLATE_SETTING = re.compile(r"^\s*template:.*$\n?", re.MULTILINE)


def generated_brand(folder: Path, scratch: Path):
    """The brand as the tool sees it *without* its template (the master is made from that)."""
    copy = scratch / folder.name
    shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("template.pptx", "*.pptx"))
    text = (copy / BRAND_FILE).read_text(encoding="utf-8")
    (copy / BRAND_FILE).write_text(_TEMPLATE_SETTING.sub("", text), encoding="utf-8")
    return load_brand(copy)


def build(name: str) -> bytes:
    """The brand's template as bytes: its generated master, restyled."""
    with tempfile.TemporaryDirectory() as scratch:
        brand = generated_brand(HERE / name, Path(scratch))
        prs = Presentation(io.BytesIO(build_master(brand)))
        TEMPLATES[name](prs, brand)
        return write_package(prs.part.package)


def make(name: str) -> Path:
    out = HERE / name / "template.pptx"
    out.write_bytes(build(name))
    return out


def main() -> None:
    for name in TEMPLATES:
        path = make(name)
        print(f"wrote {path.relative_to(HERE.parents[1])}")


if __name__ == "__main__":
    main()
