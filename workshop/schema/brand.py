"""The brand file's JSON Schema (draft-07): Posit's brand.yml, plus our ``defaults: workshop:``.

Written by us from the brand.yml specification (meta, logo, color, typography,
defaults), so that a designer editing ``_brand.yml`` in VS Code gets
completion and checks for the whole file. Other tools' sections under
``defaults`` (Quarto, Shiny, Bootstrap…) stay open; ours is closed, with
every setting the tool reads (a test compares it with the reader's keys).
"""

from __future__ import annotations

from typing import Any

from workshop import __version__
from workshop.brand.model import DEFAULT_SIZES, TEXT_ROLES
from workshop.kinds import KINDS
from workshop.schema.draft07 import DRAFT_07

SCHEMA_ID = f"urn:workshop:schema:brand:{__version__}"

_THEME_COLORS = ("foreground", "background", "primary", "secondary", "tertiary", "success", "info",
                 "warning", "danger", "light", "dark", "link")
_COLOR_MEANING = {
    "foreground": "Text colour.",
    "background": "Page and slide background.",
    "primary": "The main accent colour: headings, bands, links unless `link` is set.",
    "secondary": "The second accent colour.",
    "tertiary": "A third, usually lighter accent colour.",
    "success": "Positive information, e.g. the right quiz answer.",
    "info": "Neutral information.",
    "warning": "Caution, e.g. facilitator-only marks in the guide.",
    "danger": "Errors and negative information.",
    "light": "A light colour: text on dark areas, or a soft background.",
    "dark": "A dark colour: text on light areas, or a strong background.",
    "link": "Hyperlinks; defaults to `primary`.",
}
_WEIGHTS = [100, 200, 300, 400, 500, 600, 700, 800, 900, "thin", "extra-light", "ultra-light", "light",
            "normal", "regular", "medium", "semi-bold", "demi-bold", "bold", "extra-bold", "ultra-bold",
            "black"]


def _text(description: str, **extra: Any) -> dict[str, Any]:
    return {"type": "string", "description": description, **extra}


def _closed(description: str, properties: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"type": "object", "description": description, "properties": properties,
            "additionalProperties": False, **extra}


def _color(description: str) -> dict[str, Any]:
    return {"allOf": [{"$ref": "#/definitions/color"}], "description": description}


def _typography_options(description: str, fields: tuple[str, ...]) -> dict[str, Any]:
    known: dict[str, Any] = {
        "family": _text("Font family name, e.g. Lato."),
        "size": _text("CSS font size, e.g. 1rem (used by web outputs; our sizes are under defaults.workshop)."),
        "weight": {"allOf": [{"$ref": "#/definitions/weight"}], "description": "Font weight."},
        "style": {"enum": ["normal", "italic", "oblique"], "description": "Font style."},
        "color": _color("Text colour: a colour name from the palette or theme, or a hex value."),
        "background-color": _color("Background colour."),
        "line-height": {"type": ["number", "string"], "description": "Line height, e.g. 1.3."},
        "decoration": _text("CSS text decoration, e.g. underline."),
    }
    return {
        "description": description,
        "if": {"type": "object"},
        "then": _closed(description, {name: known[name] for name in fields}),
        "else": _text(description + " A text alone names the font family."),
    }


def _font_source() -> dict[str, Any]:
    file_entry = {
        "if": {"type": "object"},
        "then": _closed("A font file with its weight and style.", {
            "path": _text("Path to a TrueType file, relative to _brand.yml."),
            "weight": {"allOf": [{"$ref": "#/definitions/weight"}], "description": "The file's weight."},
            "style": {"enum": ["normal", "italic", "oblique"], "description": "The file's style."},
        }, required=["path"]),
        "else": _text("Path to a TrueType file, relative to _brand.yml."),
    }
    common = {
        "family": _text("The font family name."),
        "source": {"enum": ["file", "google", "bunny", "system"],
                   "description": "Where the font comes from. We never download: `google`, `bunny` and `system` "
                                  "fonts must be installed (e.g. from PyPI's font packages) or in the brand folder."},
        "weight": {"description": "Weights to include.", "anyOf": [
            {"$ref": "#/definitions/weight"}, {"type": "array", "items": {"$ref": "#/definitions/weight"}}]},
        "style": {"description": "Styles to include.", "anyOf": [
            {"enum": ["normal", "italic", "oblique"]},
            {"type": "array", "items": {"enum": ["normal", "italic", "oblique"]}}]},
        "display": {"enum": ["auto", "block", "swap", "fallback", "optional"],
                    "description": "How web outputs show the font while it loads (not used here)."},
        "files": {"type": "array", "description": "With `source: file`: the font files.", "items": file_entry},
    }
    return _closed("A font family and where its files come from.", common, required=["family"])


def _workshop_settings() -> dict[str, Any]:
    layouts = {record.name: record.layout_name for record in KINDS.records()}
    size = _closed("Largest and smallest size in points; text shrinks from max towards min to fit.", {
        "max": {"type": "number", "minimum": 4, "maximum": 400, "description": "Size in points when text fits."},
        "min": {"type": "number", "minimum": 4, "maximum": 400, "description": "Smallest size text may shrink to."},
    })
    return _closed("Settings of the workshop tool; every other tool ignores them.", {
        "template": _text("The designer's PowerPoint master (.pptx) in the brand folder; without one a master "
                          "is generated from this file.", pattern=r"\.[pP][pP][tT][xX]$",
                          examples=["template.pptx"]),
        "layouts": _closed("Layout names in the template, per slide kind, when they differ from ours.",
                           {kind: _text(f"The layout for `{kind}` slides (default: {name}).")
                            for kind, name in layouts.items()}),
        "paper": {"enum": ["A4", "a4", "letter", "Letter"], "description": "Paper size of the PDFs."},
        "footer": _text("Footer pattern for slides and PDFs, with {client}, {date} and {title}.",
                        examples=["{title} · {client}"],
                        markdownDescription="Footer pattern for slides and PDFs. Placeholders: `{client}`, "
                                            "`{date}`, `{title}`; e.g. `\"{title} · {client}\"`."),
        "sizes": _closed("Font size ranges per text role, in points.", {
            role: {**size, "description": f"Sizes for {role} text (default: max {DEFAULT_SIZES[role].max_pt:g}, "
                                          f"min {DEFAULT_SIZES[role].min_pt:g})."} for role in TEXT_ROLES}),
        "overflow": {"enum": ["continue", "error"],
                     "description": "Text that does not fit at the smallest size: `continue` on follow-up slides, "
                                    "or `error` to stop the build."},
        "minutes_per_slide": {"type": "number", "minimum": 0.1, "maximum": 60,
                              "description": "Minutes an untimed slide takes when a section has no duration."},
        "max_minutes_without_break": {"type": "integer", "minimum": 10, "maximum": 600,
                                      "description": "`check` warns when this long passes without a break."},
        "embed_fonts": {"type": "boolean",
                        "description": "Put the heading and body fonts inside the .pptx (default true, where "
                                       "the font's licence allows); false makes the deck about 1 MB smaller."},
        "contact": {"oneOf": [{"type": "string", "minLength": 1, "maxLength": 200},
                              {"type": "array", "maxItems": 8,
                               "items": {"type": "string", "minLength": 1, "maxLength": 200}}],
                    "description": "Lines of contact details on the handout's back cover (name, e-mail, phone, "
                                   "address); an outline's `workshop.handout.contact` replaces them."},
    })


def brand_schema() -> dict[str, Any]:
    """The ``_brand.yml`` schema as a dict, ready for ``json.dumps``."""
    logo_pair = {
        "if": {"type": "object"},
        "then": _closed("Light and dark versions.", {
            "light": _text("Logo on light backgrounds: a name from `images` or a path."),
            "dark": _text("Logo on dark backgrounds: a name from `images` or a path."),
        }),
        "else": _text("A name from `images`, or a path to the logo."),
    }
    return {
        "$schema": DRAFT_07,
        "$id": SCHEMA_ID,
        "title": "_brand.yml (brand.yml with workshop settings)",
        "description": "A brand in Posit's brand.yml format; our settings are under `defaults: workshop:`. "
                       "See docs/brand.md.",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "meta": {
                "type": "object", "description": "The brand's name and links.",
                "properties": {
                    "name": {"description": "The brand name, or its full and short forms.",
                             "if": {"type": "object"},
                             "then": _closed("The brand's names.", {
                                 "full": _text("The full, official name."),
                                 "short": _text("The short, everyday name.")}),
                             "else": _text("The brand name.")},
                    "link": {"description": "The home page, or a mapping of named links (home, github, linkedin…).",
                             "if": {"type": "object"},
                             "then": {"type": "object", "description": "Named links.",
                                      "additionalProperties": {"type": "string"},
                                      "properties": {name: _text(f"The brand's {name} link.") for name in
                                                     ("home", "mastodon", "bluesky", "github", "linkedin",
                                                      "twitter", "facebook")}},
                             "else": _text("The brand's home page.")},
                },
            },
            "logo": {
                "description": "Logo files, by name and by size.",
                "if": {"type": "object"},
                "then": _closed("Logo files, by name and by size.", {
                    "images": {"type": "object", "description": "Named logo files.",
                               "additionalProperties": {
                                   "if": {"type": "object"},
                                   "then": _closed("A logo file with its alternative text.", {
                                       "path": _text("Path to a PNG or JPEG, relative to _brand.yml."),
                                       "alt": _text("Alternative text for screen readers."),
                                   }, required=["path"]),
                                   "else": _text("Path to a PNG or JPEG, relative to _brand.yml."),
                               }},
                    "small": {**logo_pair, "description": "Small logo or icon (light and dark)."},
                    "medium": {**logo_pair, "description": "Medium logo (light and dark)."},
                    "large": {**logo_pair, "description": "Large or full logo (light and dark)."},
                }),
                "else": _text("Path to the one logo."),
            },
            "color": _closed("The palette and the theme colours that use it.", {
                "palette": {"type": "object", "description": "Named colours; the theme colours may refer to them.",
                            "additionalProperties": {"$ref": "#/definitions/color"}},
                **{name: _color(_COLOR_MEANING[name]) for name in _THEME_COLORS},
            }),
            "typography": _closed("Fonts and how text uses them.", {
                "fonts": {"type": "array", "description": "Font families and where their files come from.",
                          "items": _font_source()},
                "base": _typography_options("Body text.", ("family", "size", "weight", "line-height")),
                "headings": _typography_options("Headings and slide titles.",
                                                ("family", "weight", "style", "color", "line-height")),
                "monospace": _typography_options("Monospaced text.",
                                                 ("family", "size", "weight", "color", "background-color")),
                "monospace-inline": _typography_options(
                    "Inline monospaced text.", ("family", "size", "weight", "color", "background-color")),
                "monospace-block": _typography_options(
                    "Monospaced blocks.", ("family", "size", "weight", "color", "background-color", "line-height")),
                "link": _typography_options("Links.", ("weight", "color", "background-color", "decoration")),
            }),
            "defaults": {
                "type": "object",
                "description": "Settings per tool: ours under `workshop`, Quarto's, Shiny's… under theirs.",
                "properties": {"workshop": _workshop_settings()},
            },
        },
        "definitions": {
            "color": {
                "description": "A colour: \"#RRGGBB\" (quoted: # starts a YAML comment), rgb(…), hsl(…), a CSS "
                               "name, a palette name or a theme colour name; or light and dark versions.",
                "examples": ["#14305A", "navy", "primary"],
                "if": {"type": "object"},
                "then": _closed("Light and dark versions; decks and handouts use the light one.", {
                    "light": {"type": "string", "description": "The colour on light documents (used here)."},
                    "dark": {"type": "string", "description": "The colour in dark mode."},
                }),
                "else": {"type": "string"},
            },
            "weight": {"enum": _WEIGHTS, "description": "A font weight: 100–900 or a name such as bold."},
        },
    }
