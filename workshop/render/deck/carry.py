"""``--keep-edits``: slides of the edited deck carried into the new one, with everything they use.

A carried slide keeps its shapes as edited, its pictures (shared image parts
are shared again), its charts with their embedded workbooks, its notes and
its hyperlinks. Its layout is the new deck's layout of the same name (the
blank layout when the new master has none by that name). Relationship ids
stay as they were, so the slide's XML needs no rewriting; only part names
are new. Comments are not carried: their authors are listed by the
presentation, which is rebuilt. Which slides go where is decided by
``workshop.edits.merge``.
"""

from __future__ import annotations

import io
import re
from copy import deepcopy
from typing import TYPE_CHECKING

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.parts.slide import NotesSlidePart, SlidePart

from workshop.errors import WorkshopError
from workshop.render.deck.ooxml import qn
from workshop.render.deck.package import element_of, relate_as

if TYPE_CHECKING:
    from pptx.slide import Slide

    from workshop.render.deck.deck import Deck

_NUMBER = re.compile(r"(\d*)(\.[^./]+)$")
_IMAGES = {"image/png": "png", "image/jpeg": "jpeg"}


class Carrier:
    """Copies slides of one old deck into ``deck``, each part once."""

    def __init__(self, deck: Deck, previous: bytes):
        from pptx import Presentation

        self.deck = deck
        try:
            self.old = Presentation(io.BytesIO(previous))
        except Exception as exc:  # python-pptx raises many kinds on a deck it cannot model
            raise WorkshopError(
                f"the edited deck cannot be opened to carry its slides over ({type(exc).__name__}: {exc})",
                hint="rebuild with --overwrite: the new deck is written and the edited one kept beside it",
            ) from None
        self.old_slides = list(self.old.slides)
        self._copies: dict[str, Part] = {}
        self._slides: dict[str, SlidePart] = {}

    def carry(self, number: int) -> Slide:
        """Slide ``number`` (1-based) of the old deck, as a new slide of ``deck`` (appended)."""
        old_part = self.old_slides[number - 1].part
        element = deepcopy(element_of(old_part))
        c_sld = element.find(qn("p:cSld"))
        for records in c_sld.findall(qn("p:custDataLst")):
            c_sld.remove(records)  # tags are written afresh (see render/deck/records)
        part = SlidePart(self.deck.names.next_partname("/ppt/slides/slide%d.xml"), CT.PML_SLIDE,
                         self.deck.package, element)
        self._slides[str(old_part.partname)] = part
        for rid, rel in old_part.rels.items():
            if rel.reltype == RT.TAGS or rel.reltype.endswith("/comments"):
                continue
            if rel.is_external:
                relate_as(part, rid, rel.reltype, rel.target_ref, external=True)
            elif rel.reltype == RT.SLIDE_LAYOUT:
                relate_as(part, rid, rel.reltype, self.deck.layout_named(rel.target_part.slide_layout.name).part)
            elif rel.reltype == RT.NOTES_SLIDE:
                relate_as(part, rid, rel.reltype, self._notes(rel.target_part, part))
            elif rel.reltype == RT.SLIDE:
                target = self._slides.get(str(rel.target_part.partname), part)
                relate_as(part, rid, rel.reltype, target)
            else:
                relate_as(part, rid, rel.reltype, self._copy(rel.target_part))
        self.deck.append_slide(part)
        return part.slide

    def _notes(self, old: NotesSlidePart, slide: SlidePart) -> NotesSlidePart:
        element = deepcopy(element_of(old))
        part = NotesSlidePart(self.deck.names.next_partname("/ppt/notesSlides/notesSlide%d.xml"),
                              CT.PML_NOTES_SLIDE, self.deck.package, element)
        for rid, rel in old.rels.items():
            if rel.is_external:
                relate_as(part, rid, rel.reltype, rel.target_ref, external=True)
            elif rel.reltype == RT.NOTES_MASTER:
                relate_as(part, rid, rel.reltype, self.deck.notes_master_part)
            elif rel.reltype == RT.SLIDE:
                relate_as(part, rid, rel.reltype, slide)
            else:
                relate_as(part, rid, rel.reltype, self._copy(rel.target_part))
        return part

    def _copy(self, old: Part) -> Part:
        """A copy of ``old`` and of everything it relates to (a chart's workbook), made once."""
        key = str(old.partname)
        if key in self._copies:
            return self._copies[key]
        if old.content_type in _IMAGES:
            image = self.deck.names.image_part(old.blob, _IMAGES[old.content_type])
            self._copies[key] = image
            return image
        part = Part(self.deck.names.next_partname(_template(key)), old.content_type, self.deck.package, old.blob)
        self._copies[key] = part
        for rid, rel in old.rels.items():
            if rel.is_external:
                relate_as(part, rid, rel.reltype, rel.target_ref, external=True)
            else:
                relate_as(part, rid, rel.reltype, self._copy(rel.target_part))
        return part


def _template(partname: str) -> str:
    """'/ppt/charts/chart3.xml' → '/ppt/charts/chart%d.xml' (a number is added when there is none)."""
    return _NUMBER.sub(lambda m: "%d" + m.group(2), partname.replace("%", ""), count=1)


def add_note(deck: Deck, slide: Slide, text: str) -> None:
    """Append ``text`` as a paragraph to ``slide``'s speaker notes (adding a notes page when it has none)."""
    notes = slide.notes_slide if slide.has_notes_slide else deck.add_notes_slide(slide)
    placeholder = notes.notes_placeholder
    if placeholder is None:
        return
    placeholder.text_frame.add_paragraph().add_run().text = text
