"""Draw a spec's decorations, logo and text boxes onto any shape tree (layout or slide).

The generated layouts use these, and so does the fallback for a kind whose
layout a designer's template lacks: the same bands and bars, drawn on the
slide itself.
"""

from __future__ import annotations

from workshop.brand.model import Brand, Logo
from workshop.layouts.geometry import Box, Insets
from workshop.layouts.spec import Decoration, LogoSpec, ShapeSpec, TextStyle
from workshop.lazyclass import lazy_dataclass
from workshop.render.deck import shapes
from workshop.render.deck.colors import Palette
from workshop.render.deck.ooxml import Element
from workshop.render.deck.text import Para, Typesetter, para
from workshop.safety.images import ImageFile, check_image

_NO_INSETS = Insets(0, 0, 0, 0)
EMU_PER_PT = 12_700


class ShapeIds:
    """Shape ids for one shape tree (``1`` is the tree itself)."""

    def __init__(self, start: int = 2) -> None:
        self.value = start

    def __call__(self) -> int:
        self.value += 1
        return self.value - 1


@lazy_dataclass
class Painter:
    """What drawing needs: colours, type, and a counter of shape ids."""

    palette: Palette
    type: Typesetter
    ids: ShapeIds

    def decoration(self, dec: Decoration) -> Element:
        fill = self.palette.fill(dec.fill)
        body = None
        box = dec.box
        if dec.text and dec.text_style:
            behind = dec.fill if dec.fill and dec.fill != "none" else self.type.behind
            fixed = Typesetter(self.type.brand, self.palette, self.type.lang, lambda role: dec.size, behind,
                               self.type.made)  # the same brand, palette and language: its made properties fit
            body = fixed.body([para(dec.text, markup=False)], dec.text_style, _NO_INSETS, explicit=True)
            box = glyph_box(dec, self.type.brand)
        box = shapes.line_box(box) if dec.geometry == "line" else box
        geometry = "rect" if dec.geometry == "line" else dec.geometry
        return shapes.shape(self.ids(), dec.name, box, geometry=geometry, fill=fill, text_body=body)

    def text_box(self, spec: ShapeSpec, paras: list[Para], box: Box | None = None, fill: str | None = None,
                 behind: str | None = None) -> Element:
        """A text box with the spec's look written out (no layout to inherit from)."""
        role = fill if fill is not None else spec.fill
        if spec.text is None:
            raise ValueError(f"the shape '{spec.name}' has no text style")
        body = self.type.on(role or behind).body(paras, spec.text, spec.insets, explicit=True)
        return shapes.shape(self.ids(), spec.name, box or spec.box, fill=self.palette.fill(role),
                            text_body=body, text_box=role is None)

    def picture(self, name: str, box: Box, rid: str, alt: str,
                crop: tuple[float, float, float, float] | None = None) -> Element:
        return shapes.picture(self.ids(), name, box, rid, alt, crop)

    def wordmark(self, spec: LogoSpec, text: str, background: str | None) -> Element:
        """The brand's name as bold heading text where its logo would go (no usable logo)."""
        name = " ".join(text.split())[:60]
        height_pt = spec.box.h / EMU_PER_PT
        # Sized to fit the slot's width at a generous average advance (0.6 em), no wrapping.
        size = round(min(28.0, height_pt * 0.6, spec.box.w / EMU_PER_PT / (0.6 * max(len(name), 1))), 1)
        style = TextStyle("label", font="heading", bold=True, align=spec.align, anchor="middle",
                          color=f"on-{background}" if background else "primary")
        return self.decoration(Decoration("Logo", "rect", spec.box, fill="none", text=name,
                                          text_style=style, size=size))


def glyph_box(dec: Decoration, brand: Brand) -> Box:
    """A decoration glyph's shape, as tall as its line: the font's ascent plus descent at its size.

    A 200 pt quotation mark needs 200 pt times (ascent + descent) / em of height, not 200 pt:
    an office suite lays the line out in full and draws past a shorter shape. Measured with
    the widest of the brand face and its substitute, as the text fit does.
    """
    from workshop.plan.fit_blocks import Fonts

    style = dec.text_style
    assert style is not None
    heading = style.font == "heading"
    headings = brand.typography.headings
    bold = headings.bold if heading and style.bold else style.bold
    metrics = Fonts(brand).metrics(heading, bold, style.italic or (heading and headings.italic))
    height = round(dec.size * metrics.line_factor * max(1.0, style.line_spacing) * EMU_PER_PT)
    width = round(metrics.width(dec.text or "", dec.size) * EMU_PER_PT)
    return Box(dec.box.x, dec.box.y, max(dec.box.w, width), max(dec.box.h, height))


def logo_image(logo: Logo | None) -> ImageFile | None:
    """The logo's checked bytes and pixel size (read from its file if the brand did not)."""
    if logo is None:
        return None
    data = logo.data or (logo.path.read_bytes() if logo.path and logo.path.is_file() else b"")
    if not data:
        return None
    return check_image(str(logo.path), data)


def is_dark(palette: Palette, role: str) -> bool:
    """Does white read better than black on the fill in ``role``? Then the brand's dark logo goes there."""
    from workshop.brand.colors import contrast_ratio

    fill = palette.hex(role)
    return contrast_ratio("#FFFFFF", fill) > contrast_ratio("#000000", fill)


def logo_box(spec: LogoSpec, image: ImageFile) -> Box:
    """The logo fitted into its slot, undistorted, aligned as the slot says."""
    return spec.box.fit(image.aspect, align=spec.align, anchor="middle")

