"""How a paragraph is set: the rules the deck renderer writes and the text fit measures.

One ``Line`` is one paragraph as the deck draws it (text plus what differs
from its shape's ``TextStyle``). The functions below decide its bullet,
margins, spacing, size and typeface; ``render.deck.text`` writes exactly
these into the XML and ``plan.fit`` measures exactly these, so the two
cannot disagree about where a line wraps or how tall a box's text is.
"""

from __future__ import annotations

import re

from workshop.layouts.spec import TextStyle
from workshop.lazyclass import lazy_dataclass
from workshop.text.inline import Run, parse_inline

#: Single line spacing is 1.2 × the font size whatever the font: PowerPoint sets text this
#: way, and LibreOffice does the same for .pptx files (font-independent line spacing).
LINE_HEIGHT = 1.2

_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """Text safe for XML 1.0: control characters a user may paste are dropped."""
    return _INVALID.sub("", text)


@lazy_dataclass(frozen=True)
class Line:
    """One paragraph to draw: its text and what differs from the shape's style."""

    text: str
    markup: bool = True  # **bold** and *italic* in the text become runs
    level: int = 0
    bold: bool | None = None
    italic: bool | None = None
    color: str | None = None  # colour role (always written)
    role: str | None = None  # take the size of another role
    bullet: bool | None = None  # None: as the style says
    align: str | None = None
    space_before: float | None = None  # points
    font: str | None = None  # "heading" | "body"
    start_at: int | None = None  # numbered lists: the number the list starts at (a continuation keeps counting)


def runs(line: Line) -> tuple[Run, ...]:
    """The runs a line is written as (never empty: an empty paragraph still has a line)."""
    text = clean(line.text)
    found = tuple(parse_inline(text)) if line.markup else (Run(text),)
    return found or (Run(""),)


def role_of(line: Line, style: TextStyle) -> str:
    return line.role or style.role


def scale_of(line: Line, style: TextStyle) -> float:
    """The paragraph's size relative to its role's size (second-level bullets are smaller)."""
    return style.sub_scale if line.level > 0 and style.bullets != "none" else 1.0


def bullets_of(line: Line, style: TextStyle) -> str:
    """"none", "bullet" or "number" for this paragraph."""
    bullets = style.bullets if line.bullet is not False else "none"
    if line.bullet is True and bullets == "none":
        bullets = "bullet"
    return bullets


def margins(line: Line, style: TextStyle) -> tuple[int, int]:
    """(left margin, first-line indent) in EMU; the text of every line starts at the left margin."""
    if bullets_of(line, style) == "none":
        return 0, 0
    left = style.indent + line.level * style.level_indent
    return left, -(style.indent if line.level == 0 else style.level_indent)


def space_before(line: Line, style: TextStyle, first: bool) -> float:
    """Points before the paragraph (none before a box's first unless the line asks)."""
    before = line.space_before if line.space_before is not None else (0 if first else style.space_before)
    if line.level > 0 and line.space_before is None and not first:
        before = style.space_before / 2
    return before


def face(line: Line, style: TextStyle, run: Run | None, *, heading_bold: bool, heading_italic: bool
         ) -> tuple[bool, bool, bool]:
    """(heading family?, bold, italic) of a run: the brand's heading weight decides bold headings."""
    heading = (line.font or style.font) == "heading"
    bold = line.bold if line.bold is not None else style.bold
    italic = line.italic if line.italic is not None else style.italic
    if heading and bold and line.bold is None:
        bold = heading_bold
    italic = italic or (heading and heading_italic)
    return heading, bold or bool(run and run.bold), italic or bool(run and run.italic)
