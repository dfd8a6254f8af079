"""The generated default master: 16:9, one layout per slide kind.

All positions share one grid: 0.75 in side margins, the title band at the
top, content from 1.95 in to 6.55 in, and a footer band below a thin rule.
Text boxes have no left/right inset, so text lines up with bars and rules on
the margin. Change a number here and both the deck and the text fit follow.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from workshop.kinds import KINDS
from workshop.layouts.geometry import WIDESCREEN, Box, Insets, inch
from workshop.layouts.spec import Decoration, LayoutSpec, LogoSpec, MasterSpec, ShapeSpec, TextStyle

SIZE = WIDESCREEN
MARGIN = 0.75
WIDTH = 13.333 - 2 * MARGIN  # 11.833 in of content width
CONTENT_TOP = 1.95
CONTENT_BOTTOM = 6.55
GAP = 0.45  # between columns
QUIZ_OPTIONS_W = 7.45  # the quiz options' column; the answer panel takes the rest

NO_SIDE = Insets(0, inch(0.05), 0, inch(0.05))
CARD = Insets.even(0.25, 0.18)


def _b(x: float, y: float, w: float, h: float) -> Box:
    return Box.inches(x, y, w, h)


# --- text styles -----------------------------------------------------------------------

TITLE = TextStyle("title", font="heading", bold=True, color="heading", anchor="bottom", line_spacing=0.95)
BODY = TextStyle("body", line_spacing=1.05, space_before=10)
BULLETS = TextStyle(
    "body", line_spacing=1.05, space_before=10, bullets="bullet", indent=inch(0.38), level_indent=inch(0.42),
)
NUMBERED = TextStyle(
    "body", line_spacing=1.05, space_before=10, bullets="number", indent=inch(0.5), level_indent=inch(0.42),
)
SOURCE = TextStyle("caption", color="muted", anchor="bottom")
RIGHT_SOURCE = TextStyle("caption", color="muted", anchor="top", align="right")
FOOTER = TextStyle("footer", color="muted", anchor="middle")
NUMBER = TextStyle("footer", color="muted", anchor="middle", align="right")

# --- shared shapes ---------------------------------------------------------------------

TITLE_BOX = _b(MARGIN, 0.4, WIDTH, 1.15)
CONTENT_BOX = _b(MARGIN, CONTENT_TOP, WIDTH, CONTENT_BOTTOM - CONTENT_TOP)
ACCENT_BAR = Decoration("Accent Bar", "rect", _b(MARGIN, 1.66, 0.8, 0.07), "secondary")


def _title(box: Box = TITLE_BOX, style: TextStyle = TITLE) -> ShapeSpec:
    return ShapeSpec("Title", "text", box, "title", style, NO_SIDE, prompt="Slide title")


def _text(name: str, box: Box, style: TextStyle, prompt: str = "", *, insets: Insets = NO_SIDE,
          fill: str | None = None) -> ShapeSpec:
    return ShapeSpec(name, "text", box, "body", style, insets, fill=fill, prompt=prompt or name)


def _area(name: str, box: Box, kind: str, placeholder: str, prompt: str) -> ShapeSpec:
    return ShapeSpec(name, kind, box, placeholder, None, NO_SIDE, prompt=prompt)  # type: ignore[arg-type]


def _source(box: Box = _b(MARGIN, 6.12, WIDTH, 0.4)) -> ShapeSpec:
    return _text("Source", box, SOURCE, "Source")


# --- master ----------------------------------------------------------------------------

MASTER = MasterSpec(
    size=SIZE,
    title=_title(),
    body=ShapeSpec("Body", "text", CONTENT_BOX, "body", BULLETS, NO_SIDE, prompt="Body text"),
    footer=ShapeSpec("Footer", "text", _b(MARGIN, 6.9, 7.6, 0.32), "ftr", FOOTER, NO_SIDE, prompt="Footer"),
    slide_number=ShapeSpec(
        "Slide Number", "text", _b(13.333 - MARGIN - 0.9, 6.9, 0.9, 0.32), "sldNum", NUMBER, NO_SIDE,
        prompt="‹#›",
    ),
    logo=LogoSpec(_b(9.0, 6.86, 2.25, 0.4), align="right"),
    decorations=(Decoration("Footer Rule", "line", _b(MARGIN, 6.78, WIDTH, 0), "rule"),),
)

# --- one layout per kind ---------------------------------------------------------------


def title_layout(name: str) -> LayoutSpec:
    return LayoutSpec(
        "title", name,
        shapes=(
            _title(_b(MARGIN, 1.75, 9.0, 2.45), TextStyle(
                "statement", font="heading", bold=True, color="heading", anchor="bottom", line_spacing=0.92)),
            ShapeSpec("Subtitle", "text", _b(MARGIN, 4.62, 9.0, 1.2), "subTitle",
                      TextStyle("subtitle", color="foreground", line_spacing=1.05), NO_SIDE, prompt="Subtitle"),
            _text("Details", _b(MARGIN, 6.05, 9.0, 0.55),
                  TextStyle("attribution", color="muted", anchor="bottom"), "Client · date · facilitator"),
            _area("Client Logo", _b(4.4, 0.55, 5.35, 0.85), "picture", "pic", "Client logo (co-branding)"),
        ),
        decorations=(
            Decoration("Band", "rect", _b(10.55, 0, 2.783, 7.5), "primary"),
            Decoration("Band Accent", "rect", _b(10.55, 5.85, 2.783, 1.65), "secondary"),
            Decoration("Accent Bar", "rect", _b(MARGIN, 4.38, 1.2, 0.09), "secondary"),
        ),
        logo=LogoSpec(_b(MARGIN, 0.55, 3.2, 0.85)),
        show_master=False, footer=False,
    )


def agenda_layout(name: str) -> LayoutSpec:
    return LayoutSpec("agenda", name, shapes=(
        _title(), _area("Agenda", CONTENT_BOX, "area", "body", "Agenda rows with clock times are drawn here"),
    ), decorations=(ACCENT_BAR,))


def section_layout(name: str) -> LayoutSpec:
    on = "on-primary"
    return LayoutSpec(
        "section", name,
        shapes=(
            _text("Number", _b(MARGIN, 0.75, 5.0, 2.3),
                  # Single spacing: below 1.0 an office suite draws the digits' line past the shape.
                  TextStyle("stat", font="heading", bold=True, color="tint-primary", anchor="bottom",
                            line_spacing=1.0), "01"),
            _title(_b(MARGIN, 3.5, 11.0, 1.9), TextStyle(  # top-anchored: below 1.0 the first line pokes out
                "statement", font="heading", bold=True, color=on, anchor="top", line_spacing=1.0)),
            _text("Subtitle", _b(MARGIN, 5.45, 11.0, 1.0), TextStyle("subtitle", color=on), "Subtitle"),
        ),
        decorations=(Decoration("Accent Bar", "rect", _b(MARGIN, 3.25, 1.2, 0.09), "secondary"),),
        background="primary", logo=LogoSpec(_b(10.08, 6.6, 2.5, 0.5), align="right"),
        show_master=False, footer=False,
    )


def bullets_layout(name: str) -> LayoutSpec:
    return LayoutSpec("bullets", name, shapes=(
        _title(), _text("Body", CONTENT_BOX, BULLETS, "Bullet points (two levels)"),
    ), decorations=(ACCENT_BAR,))


def statement_layout(name: str) -> LayoutSpec:
    return LayoutSpec(
        "statement", name,
        shapes=(
            _title(_b(1.35, 1.0, 10.5, 0.6), TextStyle(
                "subtitle", font="heading", bold=True, color="primary", anchor="bottom")),
            _text("Statement", _b(1.35, 1.75, 10.9, 4.45), TextStyle(
                "statement", font="heading", color="dark", anchor="middle", line_spacing=1.0), "Statement"),
        ),
        decorations=(Decoration("Accent Bar", "rect", _b(MARGIN, 1.1, 0.14, 5.1), "secondary"),),
        background="light",
    )


def quote_layout(name: str) -> LayoutSpec:
    mark = TextStyle("quote", font="heading", bold=True, color="secondary")
    return LayoutSpec(
        "quote", name,
        shapes=(
            _text("Quote", _b(2.0, 1.2, 10.1, 3.95), TextStyle(
                "quote", font="heading", italic=True, color="dark", anchor="middle", line_spacing=1.05), "Quote"),
            _text("Attribution", _b(2.0, 5.35, 10.1, 0.95), TextStyle(
                "attribution", bold=True, color="primary"), "— Who said it, where"),
        ),
        decorations=(
            Decoration("Quote Mark", "rect", _b(0.55, 0.45, 1.6, 2.2), "none", "\u201c", mark, 200),
            Decoration("Accent Bar", "rect", _b(2.0, 5.18, 0.8, 0.07), "secondary"),
        ),
    )


def compare_layout(name: str) -> LayoutSpec:
    left, right = _b(MARGIN, CONTENT_TOP, WIDTH, 0).columns(2, inch(GAP))
    head = lambda color: TextStyle("subtitle", font="heading", bold=True, color=f"on-{color}", anchor="middle")  # noqa: E731
    col = TextStyle("body", line_spacing=1.05, space_before=10, bullets="bullet", indent=inch(0.38),
                    level_indent=inch(0.42))
    top, body_top = CONTENT_TOP, CONTENT_TOP + 0.85
    return LayoutSpec("compare", name, shapes=(
        _title(),
        _text("Left Heading", Box(left.x, inch(top), left.w, inch(0.78)), head("primary"), "Left heading",
              insets=Insets.even(0.25, 0.06), fill="primary"),
        _text("Left", Box(left.x, inch(body_top), left.w, inch(CONTENT_BOTTOM - body_top)), col, "Left points",
              insets=CARD, fill="light"),
        _text("Right Heading", Box(right.x, inch(top), right.w, inch(0.78)), head("secondary"), "Right heading",
              insets=Insets.even(0.25, 0.06), fill="secondary"),
        _text("Right", Box(right.x, inch(body_top), right.w, inch(CONTENT_BOTTOM - body_top)), col,
              "Right points", insets=CARD, fill="light"),
    ), decorations=(ACCENT_BAR,))


def stat_layout(name: str) -> LayoutSpec:
    value = TextStyle("stat", font="heading", bold=True, color="primary", anchor="bottom", line_spacing=0.9)
    half = 5.6
    return LayoutSpec(
        "stat", name,
        shapes=(
            _title(),
            _text("Value", _b(MARGIN, 1.75, WIDTH, 2.45), value, "21%"),
            _text("Label", _b(MARGIN, 4.55, 9.6, 1.5), TextStyle("label", color="foreground"), "What the number means"),
            _area("Chart", _b(MARGIN + half + 0.6, CONTENT_TOP, WIDTH - half - 0.6, 4.1), "chart", "chart",
                  "Optional chart beside the number"),
            _source(),
        ),
        decorations=(Decoration("Accent Bar", "rect", _b(MARGIN, 4.34, 1.2, 0.09), "secondary"),),
        variants=MappingProxyType({
            "chart": MappingProxyType({
                "Value": _b(MARGIN, 1.75, half, 2.45),
                "Label": _b(MARGIN, 4.55, half, 1.5),
            }),
        }),
    )


def chart_layout(name: str) -> LayoutSpec:
    return LayoutSpec("chart", name, shapes=(
        _title(),
        _area("Chart", _b(MARGIN, CONTENT_TOP, WIDTH, 3.95), "chart", "chart", "Chart"),
        _text("Caption", _b(MARGIN, 6.0, 8.2, 0.55), TextStyle("caption", italic=True), "Caption"),
        _text("Source", _b(MARGIN + 8.4, 6.0, WIDTH - 8.4, 0.55), RIGHT_SOURCE, "Source"),
    ), decorations=(ACCENT_BAR,))


def table_layout(name: str) -> LayoutSpec:
    return LayoutSpec("table", name, shapes=(
        _title(), _area("Table", _b(MARGIN, CONTENT_TOP, WIDTH, 4.05), "table", "tbl", "Table"), _source(),
    ), decorations=(ACCENT_BAR,))


def image_layout(name: str) -> LayoutSpec:
    return LayoutSpec(
        "image", name,
        shapes=(
            _title(),
            _area("Picture", _b(MARGIN, CONTENT_TOP, WIDTH, 3.9), "picture", "pic",
                  "Picture (fitted, never stretched)"),
            _text("Caption", _b(MARGIN, 5.95, 8.2, 0.6), TextStyle("caption", italic=True, anchor="top"), "Caption"),
            _text("Source", _b(MARGIN + 8.4, 5.95, WIDTH - 8.4, 0.6), RIGHT_SOURCE, "Source"),
        ),
        title_marks=(ACCENT_BAR,),
        variants=MappingProxyType({
            "untitled": MappingProxyType({"Picture": _b(MARGIN, 0.55, WIDTH, 5.3)}),
        }),
    )


def steps_layout(name: str) -> LayoutSpec:
    return LayoutSpec("steps", name, shapes=(
        _title(), _area("Steps", _b(MARGIN, 2.05, WIDTH, 4.5), "area", "body", "Numbered steps are drawn here"),
    ), decorations=(ACCENT_BAR,))


def quiz_layout(name: str) -> LayoutSpec:
    """Options on the left, the answer panel on the right: the reveal is this slide with the answer lit.

    The question slide and its answer slide share every position (no variant
    for the answer), so nothing moves when the answer shows; the panel holds a
    question mark first, then the explanation. Without an explanation the
    options take the full width (variant ``wide``) on both slides.
    """
    panel_x = MARGIN + QUIZ_OPTIONS_W + GAP
    options_top, options_h = 3.25, CONTENT_BOTTOM - 3.25
    return LayoutSpec(
        "quiz", name,
        shapes=(
            _title(),
            _text("Question", _b(MARGIN, CONTENT_TOP, WIDTH, 1.15), TextStyle(
                "subtitle", font="heading", bold=True, color="dark", line_spacing=1.05), "Question"),
            _area("Options", _b(MARGIN, options_top, QUIZ_OPTIONS_W, options_h), "area", "body",
                  "Lettered options are drawn here"),
            _text("Explanation", _b(panel_x, options_top, 13.333 - MARGIN - panel_x, options_h),
                  TextStyle("attribution", line_spacing=1.1), "Explanation (answer slide)", insets=CARD, fill="light"),
        ),
        decorations=(ACCENT_BAR,),
        variants=MappingProxyType({"wide": MappingProxyType({"Options": _b(MARGIN, options_top, WIDTH, options_h)})}),
    )


def exercise_layout(name: str) -> LayoutSpec:
    panel_x, panel_w = MARGIN + 8.05, WIDTH - 8.05
    inner_x, inner_w = panel_x + 0.3, panel_w - 0.6
    return LayoutSpec(
        "exercise", name,
        shapes=(
            _title(),
            _text("Goal", _b(MARGIN, CONTENT_TOP - 0.1, 7.6, 0.8), TextStyle(
                "subtitle", italic=True, color="primary", line_spacing=1.0), "Goal of the exercise"),
            _text("Instructions", _b(MARGIN, 2.85, 7.6, 3.7), NUMBERED, "Instructions, in order"),
            _text("Duration", _b(inner_x, 2.1, inner_w, 1.0), TextStyle(
                "label", font="heading", bold=True, color="primary", anchor="bottom"), "15 min"),
            _text("Details", _b(inner_x, 3.25, inner_w, 3.1), TextStyle(
                "attribution", line_spacing=1.05, space_before=4, indent=inch(0.25)), "Group size and materials"),
        ),
        decorations=(
            ACCENT_BAR,
            Decoration("Panel", "rect", _b(panel_x, CONTENT_TOP - 0.1, panel_w, CONTENT_BOTTOM - CONTENT_TOP + 0.1),
                       "light"),
            Decoration("Panel Bar", "rect", _b(panel_x, CONTENT_TOP - 0.1, panel_w, 0.09), "primary"),
        ),
    )


def break_layout(name: str) -> LayoutSpec:
    """A calm page in the brand's light colour: its own text colours, circles echoing the accents.

    Not a section divider's full-bleed primary (a break is not a new topic),
    and not the tertiary colour, which appears nowhere else; text colours are
    made readable on the fill by the renderer and the logo variant follows
    the fill's lightness.
    """
    return LayoutSpec(
        "break", name,
        shapes=(
            _title(_b(MARGIN, 1.7, WIDTH, 1.6), TextStyle(
                "statement", font="heading", bold=True, color="heading", anchor="bottom", align="center")),
            _text("Duration", _b(MARGIN, 3.55, WIDTH, 1.0), TextStyle(
                "label", font="heading", bold=True, color="primary", align="center", anchor="middle"), "15 min"),
            _text("Text", _b(1.9, 4.75, 9.533, 1.5), TextStyle(
                "subtitle", color="foreground", align="center", line_spacing=1.1), "Back at 10:45"),
        ),
        decorations=(
            Decoration("Circle", "ellipse", _b(10.4, -1.9, 4.6, 4.6), "secondary"),
            Decoration("Small Circle", "ellipse", _b(-1.0, 5.6, 2.6, 2.6), "primary"),
            Decoration("Accent Bar", "rect", _b(6.067, 3.42, 1.2, 0.09), "secondary"),
        ),
        background="light", logo=LogoSpec(_b(10.08, 6.6, 2.5, 0.5), align="right"),
        show_master=False, footer=False,
    )


def closing_layout(name: str) -> LayoutSpec:
    side_x = MARGIN + 6.85
    side_w = WIDTH - 6.85
    return LayoutSpec(
        "closing", name,
        shapes=(
            _title(),
            _text("Takeaways", _b(MARGIN, CONTENT_TOP, 6.4, CONTENT_BOTTOM - CONTENT_TOP), BULLETS, "Takeaways"),
            _text("Action", _b(side_x, CONTENT_TOP, side_w, 2.15), TextStyle(
                "subtitle", font="heading", bold=True, color="on-primary", anchor="middle", line_spacing=1.05),
                  "Call to action", insets=CARD, fill="primary"),
            _text("Question", _b(side_x, CONTENT_TOP + 2.4, side_w, CONTENT_BOTTOM - CONTENT_TOP - 2.4), TextStyle(
                "subtitle", italic=True, color="dark", anchor="middle", line_spacing=1.05),
                  "Discussion question", insets=CARD, fill="light"),
        ),
        decorations=(ACCENT_BAR,),
    )


#: An empty layout (master shapes, footer and number only): for designers, and the
#: page a kind is drawn on when a designer's template lacks that kind's layout.
BLANK = LayoutSpec("blank", "Blank", shapes=())


def default_layout(kind: str, name: str | None = None) -> LayoutSpec:
    """The generated layout for ``kind``, named ``name`` (the brand's layout name)."""
    record = KINDS[kind]
    return record.layout.load()(name or record.layout_name)


def default_layouts(names: Mapping[str, str] | None = None) -> dict[str, LayoutSpec]:
    """Every kind's generated layout; ``names`` maps kind → layout name (e.g. ``brand.layout_name``)."""
    names = names or {}
    return {kind: default_layout(kind, names.get(kind)) for kind in KINDS}
