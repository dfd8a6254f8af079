"""Document properties: what file browsers, search and screen readers show about the deck.

Title, author, subject, language and keywords come from the outline; dates
are fixed (the outline's ISO date, else 2000-01-01) and the revision is 1, so
the same outline always gives the same file. Nothing of the library that
wrote it (python-pptx's own description, author or application) is left.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from workshop.render.deck.ooxml import clean
from workshop.render.deck.package import CT, RT, PackURI, Part, package_relationships, set_blob
from workshop.text.inline import plain

if TYPE_CHECKING:
    from pptx.presentation import Presentation as PptxPresentation

    from workshop.brand.model import Brand
    from workshop.plan.model import DeckPlan

FIXED_DATE = dt.datetime(2000, 1, 1, 0, 0, 0)


def document_date(date_text: str | None) -> dt.datetime:
    """The outline's date when it is an ISO date (2027-03-12), else the fixed date."""
    if date_text:
        try:
            return dt.datetime.combine(dt.date.fromisoformat(date_text.strip()), dt.time())
        except ValueError:
            pass
    return FIXED_DATE


def _text(value: str | None) -> str:
    """Property text: no markup, no control characters, within the 255 characters Office allows."""
    return clean(plain(value))[:255] if value else ""


def keywords(plan: DeckPlan) -> str:
    meta = plan.meta
    words = ["workshop"] + [w for w in (meta.client,) if w] + [r.title for r in plan.agenda if not r.is_break]
    return _text("; ".join(dict.fromkeys(words)))


def set_properties(prs: PptxPresentation, plan: DeckPlan, brand: Brand, lang: str, slides: int, notes: int) -> None:
    meta = plan.meta
    author = _text(meta.author or meta.facilitator or brand.meta.name)
    core = prs.core_properties
    core.title = _text(meta.title)
    core.subject = _text(meta.subtitle)
    core.author = author
    core.last_modified_by = author
    core.keywords = keywords(plan)
    core.language = lang
    core.category = "Workshop"
    core.comments = _text(meta.subtitle)
    core.revision = 1
    date = document_date(meta.date)
    core.created = date
    core.modified = date
    _app_properties(prs, brand, slides, notes)


def set_master_properties(prs: PptxPresentation, brand: Brand) -> None:
    """Properties of the exported master: the brand's name, nothing else of ours or python-pptx's."""
    core = prs.core_properties
    name = _text(brand.meta.name)
    core.title = _text(f"{name} – master")
    core.author = core.last_modified_by = name
    core.subject = core.keywords = core.comments = ""
    core.category = "Template"
    core.revision = 1
    core.created = core.modified = FIXED_DATE
    _app_properties(prs, brand, 0, 0)


def _app_properties(prs: PptxPresentation, brand: Brand, slides: int, notes: int) -> None:
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<TotalTime>0</TotalTime><Application>workshop</Application>"
        f"<PresentationFormat>{_format(prs)}</PresentationFormat><Slides>{slides}</Slides>"
        f"<Notes>{notes}</Notes><HiddenSlides>0</HiddenSlides><ScaleCrop>false</ScaleCrop>"
        f"<Company>{escape(_text(brand.meta.name))}</Company><LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()
    package = prs.part.package
    for rel in package_relationships(package).values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            set_blob(rel.target_part, xml)
            return
    part = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, package, xml)
    package.relate_to(part, RT.EXTENDED_PROPERTIES)


def _format(prs: PptxPresentation) -> str:
    ratio = prs.slide_width / prs.slide_height if prs.slide_height else 0
    if abs(ratio - 16 / 9) < 0.01:
        return "Widescreen"
    if abs(ratio - 4 / 3) < 0.01:
        return "On-screen Show (4:3)"
    return "Custom"
