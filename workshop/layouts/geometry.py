"""Lengths and boxes in EMU, the unit PowerPoint stores, as plain integers.

Everything that places text (the renderer) or measures it (the text fit) works
on these boxes, so both agree to the EMU on where a line can go.
"""

from __future__ import annotations

from typing import Literal

from workshop.lazyclass import lazy_dataclass

EMU_PER_INCH = 914_400
EMU_PER_PT = 12_700

Align = Literal["left", "center", "right"]
Anchor = Literal["top", "middle", "bottom"]


def inch(value: float) -> int:
    """Inches → EMU (rounded to whole EMU)."""
    return round(value * EMU_PER_INCH)


def pt(value: float) -> int:
    """Points → EMU."""
    return round(value * EMU_PER_PT)


def to_pt(emu: int) -> float:
    """EMU → points, for measuring text in the units fonts use."""
    return emu / EMU_PER_PT


@lazy_dataclass(frozen=True)
class Insets:
    """Space between a text box's edge and its text (PowerPoint's lIns/tIns/rIns/bIns)."""

    left: int = 91_440
    top: int = 45_720
    right: int = 91_440
    bottom: int = 45_720

    @classmethod
    def even(cls, horizontal: float, vertical: float) -> Insets:
        """Insets from inches: the same left/right and the same top/bottom."""
        return cls(inch(horizontal), inch(vertical), inch(horizontal), inch(vertical))


@lazy_dataclass(frozen=True)
class Box:
    """A rectangle on the slide: top-left corner and size, in EMU."""

    x: int
    y: int
    w: int
    h: int

    @classmethod
    def inches(cls, x: float, y: float, w: float, h: float) -> Box:
        return cls(inch(x), inch(y), inch(w), inch(h))

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h

    def inner(self, insets: Insets) -> Box:
        """The area text may use inside this box."""
        return Box(
            self.x + insets.left, self.y + insets.top,
            max(0, self.w - insets.left - insets.right), max(0, self.h - insets.top - insets.bottom),
        )

    def scaled(self, sx: float, sy: float) -> Box:
        """This box on a slide of another size (a designer's 4:3 template, say)."""
        return Box(round(self.x * sx), round(self.y * sy), round(self.w * sx), round(self.h * sy))

    def columns(self, count: int, gap: int) -> tuple[Box, ...]:
        """``count`` equal columns side by side with ``gap`` between them."""
        if count <= 0:
            return ()
        width = (self.w - gap * (count - 1)) // count
        return tuple(Box(self.x + i * (width + gap), self.y, width, self.h) for i in range(count))

    def rows(self, count: int, gap: int) -> tuple[Box, ...]:
        """``count`` equal rows stacked with ``gap`` between them."""
        if count <= 0:
            return ()
        height = (self.h - gap * (count - 1)) // count
        return tuple(Box(self.x, self.y + i * (height + gap), self.w, height) for i in range(count))

    def fit(self, aspect: float, align: Align = "center", anchor: Anchor = "middle") -> Box:
        """The largest box of ``aspect`` (width / height) inside this one: no distortion."""
        if aspect <= 0:
            return self
        w, h = self.w, round(self.w / aspect)
        if h > self.h:
            w, h = round(self.h * aspect), self.h
        x = {"left": self.x, "center": self.x + (self.w - w) // 2, "right": self.right - w}[align]
        y = {"top": self.y, "middle": self.y + (self.h - h) // 2, "bottom": self.bottom - h}[anchor]
        return Box(x, y, w, h)

    def crop(self, aspect: float, focus: tuple[float, float] = (0.5, 0.5)) -> tuple[float, float, float, float]:
        """What to cut off an image of ``aspect`` so it fills this box: (left, top, right, bottom) fractions.

        The kept window is as large as the image allows and centred on
        ``focus`` (fractions of the image from its top left), shifted inwards
        where it would leave the image.
        """
        if aspect <= 0 or self.h <= 0 or self.w <= 0:
            return 0.0, 0.0, 0.0, 0.0
        target = self.w / self.h
        if abs(aspect - target) < 1e-6:
            return 0.0, 0.0, 0.0, 0.0
        if aspect > target:  # too wide: keep a vertical window
            kept = target / aspect
            start = min(max(focus[0] - kept / 2, 0.0), 1.0 - kept)
            return start, 0.0, 1.0 - kept - start, 0.0
        kept = aspect / target
        start = min(max(focus[1] - kept / 2, 0.0), 1.0 - kept)
        return 0.0, start, 0.0, 1.0 - kept - start

    def contains(self, other: Box, tolerance: int = 0) -> bool:
        return (
            other.x >= self.x - tolerance and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance and other.bottom <= self.bottom + tolerance
        )

    def overlaps(self, other: Box) -> bool:
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom


@lazy_dataclass(frozen=True)
class SlideSize:
    width: int
    height: int

    @property
    def box(self) -> Box:
        return Box(0, 0, self.width, self.height)


WIDESCREEN = SlideSize(12_192_000, 6_858_000)  # 13.333 × 7.5 in, PowerPoint's 16:9
