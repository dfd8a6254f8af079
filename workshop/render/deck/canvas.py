"""One slide being painted, addressed by the shape names of its layout.

Painters say *what* goes into "Title" or "Body"; the canvas knows *where*:
into a placeholder cloned from the layout (position, fill and colours
inherited, so the designer's template wins), or — when the template lacks
that placeholder or the whole layout — into a text box at the generated
geometry with the look written out.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from workshop.language import Language
from workshop.layouts.default import MASTER
from workshop.layouts.geometry import Align, Anchor, Box, Insets
from workshop.layouts.resolve import ResolvedLayout, TextFrame, footer_frames
from workshop.layouts.spec import ShapeSpec, TextStyle
from workshop.plan.texts import Context, TableBlock, blocks_for
from workshop.render.deck import shapes
from workshop.render.deck.deck import Deck, Placement, Pptx
from workshop.render.deck.drawing import is_dark, logo_box, logo_image
from workshop.render.deck.ooxml import Element, el, qn
from workshop.render.deck.package import shape_tree
from workshop.render.deck.text import Para, para
from workshop.safety.images import ImageFile

CLIENT_GAP = 228_600  # 0.25 in between the client's footer logo and ours

if TYPE_CHECKING:
    from workshop.assets import Assets
    from workshop.layouts.template import PlaceholderGeometry
    from workshop.plan.model import DeckPlan, PlannedSlide


class Canvas:
    def __init__(self, deck: Deck, slide: Pptx, placement: Placement, resolved: ResolvedLayout,
                 planned: PlannedSlide, *, plan: DeckPlan, assets: Assets, lang: Language) -> None:
        self.deck = deck
        self.plan = plan
        self.assets = assets
        self.lang = lang
        self.slide = slide
        self.planned = planned
        self.placement = placement
        self.resolved = resolved
        self.spec = resolved.spec
        self.tree = shape_tree(slide)
        fit = planned.fit

        def size(role: str) -> float:
            return float(fit[role]) if role in fit else deck.brand.size(role).max_pt

        self.size = size
        self.painter = deck.painter(self.size, behind=self.spec.background)
        self.palette = deck.palette
        self.type = self.painter.type
        self._under: list[tuple[Box, str]] = []  # filled shapes drawn on the slide so far
        self.last_table = None  # the table drawn last (its frame), for painters that mark it
        self._blocks = {b.name: b for b in blocks_for(planned, self.spec, Context(plan.meta, plan.agenda, lang))}
        if placement.fallback:
            self._draw_layout()

    # -- geometry -------------------------------------------------------------------------

    def box(self, name: str) -> Box:
        return self.spec.box(name)

    def shape_spec(self, name: str) -> ShapeSpec:
        spec = self.spec.shape(name)
        if spec is None:
            raise KeyError(f"layout '{self.spec.name}' has no shape '{name}'")
        return spec

    # -- text -----------------------------------------------------------------------------

    def has(self, name: str) -> bool:
        """Is there (still) text for the shape ``name`` on this slide?"""
        return name in self._blocks

    def put(self, name: str) -> Element | Pptx:
        """Draw the text block ``name`` (from ``workshop.plan.texts``, what the fit measured)."""
        block = self._blocks.pop(name)
        if isinstance(block, TableBlock):
            from workshop.render.deck.tables import add_table

            self.last_table = add_table(self, block.name, self.box(block.name), list(block.header),
                                        [list(r) for r in block.rows])
            return self.last_table
        if block.box is not None and block.style is not None:  # a label with its own box and style
            return self.label(block.name, block.box, list(block.lines), block.style, insets=block.insets)
        return self.text(block.name, list(block.lines))

    def put_all(self) -> None:
        """Draw every text block not drawn yet, in order."""
        for name in list(self._blocks):
            self.put(name)

    def text(self, name: str, paras: list[Para], *, fill: str | None = None) -> Element:
        """Fill the shape called ``name`` with ``paras``."""
        spec = self.shape_spec(name)
        match = self.resolved.matches.get(name)
        if match is not None and not self.placement.fallback and fill is None:
            moved = spec.box if spec.box != match.box else None  # a variant moved it
            box = moved if match.inherits else spec.box  # the layout does not hold it: say where it goes
            body = self.type.on(spec.fill or self.behind(spec.box)).body(paras, _style(spec), spec.insets,
                                                                         explicit=False)
            element = shapes.placeholder(
                self.painter.ids(), match.name, match.type, match.idx, box=box, text_body=body,
                fill=self.palette.fill(spec.fill) if moved is not None and spec.fill else None,
            )
            self.deck.restyle(self.placement, match, element)
        else:
            element = self.painter.text_box(spec, paras, fill=fill, behind=self.behind(spec.box))
        self.tree.append(element)
        if name == "Title" and (self.deck.generated or self.placement.fallback):
            for mark in self.spec.title_marks:
                self.tree.append(self.painter.decoration(mark))
        return element

    def label(self, name: str, box: Box, paras: list[Para], style: TextStyle, *, fill: str | None = None,
              geometry: str = "rect", insets: Insets = Insets(0, 0, 0, 0), line: str | None = None) -> Element:
        """A slide-level shape with text (agenda rows, step titles, option letters)."""
        body = self.type.on(fill or self.behind(box)).body(paras, style, insets, explicit=True)
        element = shapes.shape(
            self.painter.ids(), name, box, geometry=geometry, fill=self.palette.fill(fill),
            line=el("a:solidFill", None, self.palette.color(line)) if line else None,
            text_body=body, text_box=fill is None and geometry == "rect",
        )
        if line:
            element.find(".//" + el("a:ln").tag).set("w", "19050")
        self.tree.append(element)
        return element

    def rect(self, name: str, box: Box, fill: str, geometry: str = "rect") -> Element:
        """A plain filled shape (bands, bars, connectors)."""
        element = shapes.shape(self.painter.ids(), name, box, geometry=geometry, fill=self.palette.fill(fill))
        self.tree.append(element)
        self._under.append((box, fill))
        return element

    def behind(self, box: Box) -> str:
        """The colour role under ``box`` on this slide."""
        x, y = box.x + box.w // 2, box.y + box.h // 2
        for under, fill in reversed(self._under):
            if fill != "none" and under.x <= x <= under.x + under.w and under.y <= y <= under.y + under.h:
                return fill
        drawn_from_spec = self.deck.generated or self.placement.fallback  # the spec's bands are there
        return (self.spec.fill_under(box) if drawn_from_spec else None) or self.type.behind

    # -- pictures -------------------------------------------------------------------------

    def picture(self, name: str, image: ImageFile, box: Box, alt: str, align: Align = "center",
                anchor: Anchor = "middle", cover: tuple[float, float] | None = None) -> Box:
        """``image`` in ``box`` without distortion, with alt text; returns where it went.

        Fitted whole (aligned as asked), or with ``cover`` (the focus) filling
        the box, cropped around the focus.
        """
        placed = box if cover is not None else box.fit(image.aspect, align=align, anchor=anchor)
        crop = box.crop(image.aspect, cover) if cover is not None else None
        rid = self.deck.image_rid(self.slide.part, image.data, image.format)
        self.tree.append(self.painter.picture(name, placed, rid, alt, crop))
        return placed

    def move(self, boxes: dict[str, Box]) -> None:
        """Move shapes of this slide's layout before they are drawn (a caption under its picture)."""
        self.spec = self.spec.with_boxes(boxes)

    def sync_ids(self, shape_id: int) -> None:
        """After python-pptx added a shape (chart, table), continue numbering after it."""
        self.painter.ids.value = max(self.painter.ids.value, shape_id + 1)

    # -- fallback ---------------------------------------------------------------------------

    def _draw_layout(self) -> None:
        """Draw the generated layout's background, decorations and logo on the slide itself."""
        spec = self.spec
        if spec.background:
            c_sld = self.tree.getparent()
            bg = el("p:bg", None, el("p:bgPr", None, self.palette.fill(spec.background), el("a:effectLst")))
            c_sld.insert(0, bg)
        for dec in spec.decorations:
            self.tree.append(self.painter.decoration(dec))
        if spec.logo is not None:
            brand = self.deck.brand
            logo = brand.logos.get("large" if spec.kind == "title" else "small",
                                   dark=is_dark(self.palette, spec.behind_logo))
            image = logo_image(logo)
            if image is not None and logo is not None:
                rid = self.deck.image_rid(self.slide.part, image.data, image.format)
                self.tree.append(self.painter.picture("Logo", logo_box(spec.logo, image), rid, logo.alt))
            elif spec.kind == "title":
                self.tree.append(self.painter.wordmark(spec.logo, brand.logos.wordmark, spec.background))

    # -- footer -----------------------------------------------------------------------------

    def footer(self, text: str, number: int | None) -> None:
        """Footer text and the slide number, in the layout's placeholders when it has them."""
        frames = footer_frames(self.resolved, self.deck.geometry, MASTER, fallback=self.placement.fallback)
        resolved = self.resolved
        if text:
            self.tree.append(self._footer_shape(frames["ftr"], resolved.footer, "ftr", MASTER.footer, text))
        if number is None:
            return
        element = self._footer_shape(frames["sldNum"], resolved.slide_number, "sldNum", MASTER.slide_number,
                                     str(number))
        _as_slide_number_field(element)
        self.tree.append(element)

    def client_footer_logo(self) -> None:
        """Co-branding: the client's logo in the footer band, just before our logo, as tall as ours."""
        client = self.assets.client_logo
        if client is None:
            return
        ours = logo_image(self.deck.brand.logos.get("small"))
        slot = MASTER.logo.box
        right = logo_box(MASTER.logo, ours).x if ours is not None else slot.right
        height = slot.h * 4 // 5
        width = min(round(height * client.aspect), right - slot.x - CLIENT_GAP)
        if width <= 0:
            return
        box = Box(right - CLIENT_GAP - width, slot.y + (slot.h - height) // 2, width, height)
        name = self.plan.meta.client
        alt = self.lang.word("logo_of", client=name) if name else self.lang.word("client_logo")
        self.picture("Client Footer Logo", client, box, alt, align="right")

    def _footer_shape(self, framed: tuple[TextFrame, bool], placeholder: PlaceholderGeometry | None, type_: str,
                      default: ShapeSpec, text: str) -> Element:
        frame, in_placeholder = framed
        paras = [para(text, markup=False)]
        if in_placeholder and placeholder is not None:
            body = self.type.body(paras, _style(default), default.insets, explicit=False)
            box = None if placeholder.inherits else placeholder.box  # recovered layouts hold no position
            return shapes.placeholder(self.painter.ids(), placeholder.name, type_, placeholder.idx, box=box,
                                      text_body=body)
        return self.painter.text_box(replace(default, box=frame.box), paras)


def _style(spec: ShapeSpec) -> TextStyle:
    if spec.text is None:
        raise ValueError(f"the shape '{spec.name}' has no text style")
    return spec.text


_RUN = qn("a:r")


def _as_slide_number_field(element: Element) -> None:
    """Turn the number's run into a ``slidenum`` field so PowerPoint keeps it current."""
    run = next(element.iter(_RUN), None)  # the first run in document order, as find(".//a:r") gives it
    if run is None:
        return
    field = el("a:fld", {"id": "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", "type": "slidenum"})
    for child in list(run):
        field.append(child)
    run.getparent().replace(run, field)
