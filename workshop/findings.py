"""Every finding code the tool reports, declared once: its severity and what it means.

Users of ``--strict`` and scripts that read the output depend on these codes,
so they are a published list (``docs/findings.md``, checked against this
table by a test). A ``Finding`` takes its severity from here; a finding with
an undeclared code, or with a severity other than its code's, is a bug.

One severity vocabulary for everything the tool reports: ``error`` stops the
build (or, in ``workshop template check``, keeps a slide kind from being drawn
as designed), ``warning`` builds but needs a look (``--strict`` makes it an
error), ``info`` tells what the tool decided for you.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Code(NamedTuple):
    """One finding code: what it is called, how serious it is, what it means (one line).

    A named tuple, not a dataclass: the table below is made as ``errors`` is
    imported, by every command, and 36 tuples cost nothing where a dataclass
    costs its methods' code on first use (about 1 ms of a shell completion).
    """

    code: str
    severity: Severity
    meaning: str
    area: str  # the heading it is listed under in docs/findings.md


_W, _I = Severity.WARNING, Severity.INFO
_TIME, _TEXT, _FONTS, _A11Y = "Timing", "Text fit", "Fonts and characters", "Accessibility"
_BRAND, _TEMPLATE, _DECK = "Brand", "Template", "Existing decks"

CODES: dict[str, Code] = {c.code: c for c in (
    Code("time-overrun", _W, "a section's slides take longer than the section's `duration`", _TIME),
    Code("time-budget", _W, "the sections do not add up to `workshop.duration`", _TIME),
    Code("time-crowded", _W, "a section has more slides than its minutes allow at the brand's pace", _TIME),
    Code("time-no-break", _W, "longer without a break than the brand allows", _TIME),
    Code("text-overflow", _W, "text does not fit its box even at the brand's smallest size", _TEXT),
    Code("text-substitution-overflow", _W,
         "text fits in the brand fonts but not in the font a viewer without them substitutes", _TEXT),
    Code("text-word-break", _I, "a word wider than its box breaks inside the word", _TEXT),
    Code("text-continued", _I, "a list too long for one slide continues on follow-up slides", _TEXT),
    Code("text-shrunk", _I, "text is set smaller than the brand's size so it fits its box", _TEXT),
    Code("font-missing-glyph", _W, "no font, not even the fallback, can draw a character; it prints as a box",
         _FONTS),
    Code("font-fallback", _I, "the brand fonts lack a character; the PDFs draw it with the fallback font", _FONTS),
    Code("font-not-embedded", _W, "a brand font cannot be embedded in the deck; other computers show a substitute",
         _FONTS),
    Code("font-embedding-off", _I, "the brand turns font embedding off; the deck only names its fonts", _FONTS),
    Code("language-fallback", _I, "the outputs have no words for the outline's language; they use English",
         _TEXT),
    Code("a11y-alt-text", _W, "an image's alt text does not describe it (empty, a file name, 'image')", _A11Y),
    Code("a11y-duplicate-title", _W, "two slides have the same title, which confuses screen-reader navigation",
         _A11Y),
    Code("a11y-contrast", _W, "text and its background have less contrast than WCAG AA asks", _A11Y),
    Code("a11y-language", _W, "the outline does not say its language", _A11Y),
    Code("brand-unknown-key", _W, "a brand.yml key looks like a typo of one the tool uses", _BRAND),
    Code("brand-ignored-key", _I, "a brand.yml key the tool does not use is ignored", _BRAND),
    Code("brand-ignored", _I, "brand.yml typography settings for the web that slides and handouts do not use",
         _BRAND),
    Code("brand-font-default", _I, "the brand names no body font; the house default is used", _BRAND),
    Code("brand-font-missing", _W, "a font the brand uses is not installed; another one stands in", _BRAND),
    Code("brand-font-unused", _I, "a font listed in typography.fonts is not installed, and nothing uses it",
         _BRAND),
    Code("brand-font-name", _W, "a font file's own family name differs from the brand's name for it", _BRAND),
    Code("brand-font-variable", _W, "a variable font: the PDFs show only its default instance", _BRAND),
    Code("brand-font-style", _W, "a font family lacks a style (bold, italic); the regular face stands in", _BRAND),
    Code("brand-font-skipped", _W, "a font file is skipped (not TrueType, or a web address)", _BRAND),
    Code("brand-line-height", _I, "a line height with a unit is ignored; only plain numbers are used", _BRAND),
    Code("brand-logo-alt", _I, "a logo has no alt text; one is made from the brand's name", _BRAND),
    Code("brand-logo-skipped", _W, "a logo file cannot be used and is left out", _BRAND),
    Code("brand-logo-missing", _W, "a logo file is missing; the brand's name stands in as a wordmark", _BRAND),
    Code("template-layout-missing", _W, "the brand's template has no layout for a slide kind; a generated one is "
         "drawn on its blank layout", _TEMPLATE),
    Code("template-layout-standard", _I, "a slide kind uses a standard PowerPoint or LibreOffice layout of the "
         "template", _TEMPLATE),
    Code("deck-edited", _W, "the deck to be replaced has hand edits made in PowerPoint", _DECK),
)}

AREAS = (_TIME, _TEXT, _FONTS, _A11Y, _BRAND, _TEMPLATE, _DECK)


def declared(code: str) -> Code:
    """The declaration of ``code``; an undeclared code is a bug in the tool, said plainly."""
    try:
        return CODES[code]
    except KeyError:
        raise ValueError(f"finding code '{code}' is not declared in workshop/findings.py") from None


def markdown_table(area: str) -> str:
    """The table of ``area``'s codes as docs/findings.md lists them."""
    rows = ["| code | severity | meaning |", "| --- | --- | --- |"]
    rows += [f"| `{c.code}` | {c.severity.value} | {c.meaning} |" for c in CODES.values() if c.area == area]
    return "\n".join(rows)
