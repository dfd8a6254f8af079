"""Which layout of a designer's master a slide kind uses, when the master does not use our names.

Corporate masters, pandoc's reference decks and python-pptx's own template
name their layouts the way PowerPoint does, in the language of the
PowerPoint that made them; a file re-saved by LibreOffice has LibreOffice's
names. A kind looks for its layout in this order:

1. the name ``_brand.yml`` gives it (``defaults: workshop: layouts:``), else
   our own name for the kind ("Quote");
2. the PowerPoint layouts that have the same structure, by their English,
   Dutch, German and French names (one table, ``OFFICE``);
3. the names LibreOffice gives its layouts (``LIBREOFFICE``).

Kinds without a matching standard layout (a quote, a big number, a quiz…)
have no entry: they fall back to the generated layout, and ``build`` and
``template check`` say so. docs/brand-templates.md shows the same table.
"""

from __future__ import annotations

from typing import Literal

#: Standard PowerPoint layout names per language, by the kind of layout they are.
_TITLE = ("Title Slide", "Titeldia", "Titelfolie", "Diapositive de titre")
_CONTENT = ("Title and Content", "Titel en object", "Titel und Inhalt", "Titre et contenu")
_SECTION = ("Section Header", "Sectiekop", "Abschnittsüberschrift", "En-tête de section")
_TWO = ("Two Content", "Twee objecten", "Zwei Inhalte", "Deux contenus")
_COMPARISON = ("Comparison", "Vergelijking", "Vergleich", "Comparaison")
_TITLE_ONLY = ("Title Only", "Alleen titel", "Nur Titel", "Titre seul")
_PICTURE = ("Picture with Caption", "Afbeelding met bijschrift", "Bild mit Überschrift", "Image avec légende")
_BLANK = ("Blank", "Leeg", "Leer", "Vide")

#: kind → PowerPoint layout names that suit it, best first (English, Dutch, German, French).
OFFICE: dict[str, tuple[str, ...]] = {
    "title": _TITLE,
    "agenda": _CONTENT,
    "section": _SECTION,
    "bullets": _CONTENT,
    "statement": _TITLE_ONLY,
    "compare": _COMPARISON + _TWO,
    "chart": _CONTENT,
    "table": _CONTENT,
    "image": _PICTURE,
    "break": _SECTION,
}

#: kind → the layout names LibreOffice Impress gives (and writes when it saves a .pptx).
LIBREOFFICE: dict[str, tuple[str, ...]] = {
    "title": ("Title Slide",),
    "agenda": ("Title, Content",),
    "section": ("Title Slide",),
    "bullets": ("Title, Content",),
    "statement": ("Title Only", "Centered Text"),
    "compare": ("Title, 2 Content",),
    "chart": ("Title, Content",),
    "table": ("Title, Content",),
    "break": ("Centered Text",),
}

#: Every layout name LibreOffice uses: a master whose layouts are all among these was saved by it.
LIBREOFFICE_LAYOUTS = frozenset({
    "Blank Slide", "Title Slide", "Title, Content", "Title, 2 Content", "Title Only", "Centered Text",
    "Title, 2 Content and Content", "Title Content and 2 Content", "Title, 2 Content over Content",
    "Title, Content over Content", "Title, 4 Content", "Title, 6 Content", "Title, Vertical Text",
    "Title, Vertical Text, Clipart", "Vertical Title, Text, Chart", "Vertical Title, Vertical Text",
})

BLANK_NAMES = _BLANK + ("Blank Slide", "Empty")

Match = Literal["name", "office", "libreoffice"]


def candidates(kind: str, name: str) -> list[tuple[str, Match]]:
    """The layout names ``kind`` accepts, in order, with how each one matches."""
    found: list[tuple[str, Match]] = [(name, "name")]
    found += [(n, "office") for n in OFFICE.get(kind, ())]
    found += [(n, "libreoffice") for n in LIBREOFFICE.get(kind, ())]
    return found


def saved_by_libreoffice(layout_names: list[str]) -> bool:
    """Do these layout names look like a LibreOffice save (every one of them one of its names)?"""
    return bool(layout_names) and all(n in LIBREOFFICE_LAYOUTS for n in layout_names)
