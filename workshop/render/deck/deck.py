"""A presentation being built: its master (generated or the designer's), layouts, slides, notes.

Slides and notes are added here rather than through python-pptx's
``slides.add_slide`` so part names and relationship ids come from counters
(see ``package``): adding the 3,000th slide costs what adding the first did.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from copy import deepcopy
from typing import TYPE_CHECKING, Any

from workshop.layouts import BLANK, MASTER, LayoutSpec, ResolvedLayout, TemplateGeometry, resolve_layout
from workshop.layouts.specimens import SPECIMEN_MARK
from workshop.layouts.template import PlaceholderGeometry, generated_geometry, read_template
from workshop.lazyclass import lazy_dataclass
from workshop.render.deck.colors import Palette
from workshop.render.deck.drawing import Painter, ShapeIds
from workshop.render.deck.embed import Faces, faces_in
from workshop.render.deck.finish import Finisher
from workshop.render.deck.master import generate, strip_extras
from workshop.render.deck.master_cache import cached_master, master_key
from workshop.render.deck.ooxml import Element, el, qn, sub
from workshop.render.deck.package import (
    CT,
    RT,
    CT_NotesSlide,
    CT_Slide,
    Linker,
    NotesSlidePart,
    Part,
    PartNames,
    SlidePart,
    Written,
    all_parts,
    drop_relationship,
    element,
    write_package,
)
from workshop.render.deck.restyle import MasterPlaceholders, restyle
from workshop.render.deck.text import Typesetter
from workshop.render.deck.theme import brand_theme_part
from workshop.render.deck.zipstream import Entry, read_entries

if TYPE_CHECKING:
    from workshop.brand.model import Brand
    from workshop.plan.fit_blocks import Fonts

#: a python-pptx object (presentation, part, layout, slide): typed by python-pptx, reached through the adapter
Pptx = Any

FIRST_SLIDE_ID = 256


@lazy_dataclass(frozen=True)
class Placement:
    """Where a kind's slides go: the PowerPoint layout and the geometry resolved for it."""

    layout: object  # pptx SlideLayout
    resolved: ResolvedLayout
    fallback: bool  # True: the layout is missing; the renderer draws the generated one on the slide


class Deck:
    def __init__(self, prs: Pptx, names: PartNames, geometry: TemplateGeometry,
                 specs: dict[str, LayoutSpec], brand: Brand, palette: Palette, lang: str,
                 generated: bool = False) -> None:
        self.prs = prs
        self.package = prs.part.package
        self.names = names
        self.geometry = geometry
        self.brand = brand
        self.palette = palette
        self.lang = lang
        self.generated = generated  # our own master (not a designer's template)
        by_name: dict[str, object] = {}
        by_part: dict[str, object] = {}
        for master in prs.slide_masters:
            for layout in master.slide_layouts:
                by_name.setdefault(layout.name, layout)
                by_part[str(layout.part.partname).lstrip("/")] = layout
        # a layout recovered from its sample slide (layouts.specimens) is known by its part, not its name
        for recovered in geometry.layouts:
            if recovered.part in by_part:
                by_name.setdefault(recovered.name, by_part[recovered.part])
        self._layouts = by_name
        blank = geometry.blank()
        self._blank = by_name.get(blank.name) if blank else next(iter(by_name.values()))
        self.placements: dict[str, Placement] = {}
        for kind, spec in specs.items():
            resolved = resolve_layout(spec, geometry)
            layout = by_name.get(resolved.layout) if resolved.layout is not None else None
            self.placements[kind] = Placement(layout or self._blank, resolved, layout is None)
        self._slide_list = element(prs.part).get_or_add_sldIdLst()
        self._count = len(self._slide_list)
        self._notes_master_part = self._notes_master(prs)  # before counting ids
        self._links = Linker(prs.part)
        self._notes_template: Any = None  # the first notes page's XML, copied for the others
        self._fonts: Fonts | None = None
        self._masters: dict[str, MasterPlaceholders] = {}  # per recovered layout: its master's placeholders
        self.samples: dict[str, Any] = {}  # layout part → the template's sample slide on it
        self._finisher = Finisher()
        self.known: dict[str, Entry] = {}  # the cached master's members, deflated (reused where unchanged)
        self._slide_rids: dict[int, str] = {}  # id(slide part) → the presentation's relationship to it
        self.faces: Faces = set()  # the faces finished parts set text in (see embed.faces_used)
        self.made: dict[tuple[object, ...], Element] = {}  # properties its typesetters made (text.Typesetter)

    @property
    def links(self) -> Linker:
        """Counted relationship ids on the presentation part (slides, tags)."""
        return self._links

    @property
    def fonts(self) -> Fonts:
        """The brand's font metrics, as the text fit measured with them (tables size rows by them)."""
        if self._fonts is None:
            from workshop.plan.fit_blocks import Fonts

            self._fonts = Fonts(self.brand)
        return self._fonts

    def _notes_master(self, prs: Pptx) -> Pptx:
        """The notes master, created (in brand colours and fonts) when the master has none."""
        had = any(rel.reltype == RT.NOTES_MASTER for rel in prs.part.rels.values())
        part = prs.part.notes_master_part
        if not had:
            theme = part.part_related_by(RT.THEME)
            brand_theme_part(theme, self.brand)
            root = element(prs.part)
            if root.find(qn("p:notesMasterIdLst")) is None:
                rid = next(r for r, rel in prs.part.rels.items() if rel.reltype == RT.NOTES_MASTER)
                entry = el("p:notesMasterIdLst", None, el("p:notesMasterId", {"r:id": rid}))
                root.find(qn("p:sldMasterIdLst")).addnext(entry)
        for default in element(prs.part).iterfind(f"{qn('p:defaultTextStyle')}/{qn('a:defPPr')}/{qn('a:defRPr')}"):
            default.set("lang", self.lang)
        return part

    # -- building ------------------------------------------------------------------------

    def add_slide(self, layout: Pptx) -> Pptx:
        """A new empty slide on ``layout`` (no placeholders: painters add what they fill)."""
        self._count += 1
        partname = self.names.next_partname("/ppt/slides/slide%d.xml")
        part = SlidePart(partname, CT.PML_SLIDE, self.package, CT_Slide.new())
        part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        rid = self._links.relate(part, RT.SLIDE)
        self._slide_rids[id(part)] = rid
        sub(self._slide_list, "p:sldId", {"id": FIRST_SLIDE_ID + self._count - 1, "r:id": rid})
        return part.slide

    def finish(self, slide: Pptx) -> None:
        """``slide`` is complete: deflate it with its notes, charts and tags, and drop their trees.

        Nothing may change the slide afterwards; the deck's bytes stay what they
        would have been had it been kept (see ``finish``).
        """
        rid = self._slide_rids.pop(id(slide.part))
        self._finisher.finish(self.prs.part, rid, slide.part, lambda name, tree: faces_in(name, tree, self.faces))

    def live_parts(self) -> list[Pptx]:
        """Every part not finished yet (masters, layouts, images, the presentation…)."""
        written = self._finisher.written
        return [p for p in all_parts(self.package, self._finisher.kept.values()) if str(p.partname) not in written]

    def append_slide(self, part: Pptx) -> None:
        """List a slide part made elsewhere (a slide carried from an edited deck) at the end."""
        self._count += 1
        rid = self._links.relate(part, RT.SLIDE)
        sub(self._slide_list, "p:sldId", {"id": FIRST_SLIDE_ID + self._count - 1, "r:id": rid})

    def arrange(self, slides: Iterable[Pptx]) -> None:
        """Make ``slides`` the deck's slides, in that order; any other slide is dropped (not written)."""
        entries = {}
        for entry in list(self._slide_list):
            entries[self.prs.part.rels[entry.get(qn("r:id"))].target_part] = entry
            self._slide_list.remove(entry)
        for slide in slides:
            self._slide_list.append(entries.pop(slide.part))
        for entry in entries.values():
            drop_relationship(self.prs.part, entry.get(qn("r:id")))

    def layout_named(self, name: str) -> Pptx:
        """The layout called ``name`` in this deck's master, else the blank layout."""
        return self._layouts.get(name) or self._blank

    @property
    def notes_master_part(self) -> Pptx:
        return self._notes_master_part

    def add_notes_slide(self, slide: Pptx) -> Pptx:
        """A notes page for ``slide`` with the notes master's placeholders."""
        partname = self.names.next_partname("/ppt/notesSlides/notesSlide%d.xml")
        first = self._notes_template is None
        xml = CT_NotesSlide.new() if first else self._notes_template.__copy__()  # lxml's deepcopy, undispatched
        part = NotesSlidePart(partname, CT.PML_NOTES_SLIDE, self.package, xml)
        part.relate_to(self._notes_master_part, RT.NOTES_MASTER)
        part.relate_to(slide.part, RT.SLIDE)
        slide.part.relate_to(part, RT.NOTES_SLIDE)
        notes = part.notes_slide
        if first:  # python-pptx clones the master's placeholders once; later pages copy the result
            notes.clone_master_placeholders(self._notes_master_part.notes_master)
            self._notes_template = deepcopy(element(part))
        return notes

    def restyle(self, placement: Placement, match: PlaceholderGeometry, element: Pptx) -> None:
        """Copy onto ``element`` the look a LibreOffice save left on the master's placeholder (``restyle``)."""
        if match.inherits or placement.fallback:
            return  # the layout holds the placeholder, and slides inherit its look
        layout: Pptx = placement.layout
        part = str(layout.part.partname)
        shapes = self._masters.get(part)
        if shapes is None:  # the master's placeholders first, then those only the sample slide has
            sources = [layout.slide_master.element, self.samples.get(part)]
            shapes = self._masters[part] = MasterPlaceholders([s for s in sources if s is not None])
        source = shapes.at(match.box)
        if source is not None:
            restyle(element, source)

    def add_written(self, partname: Pptx, content_type: str, entry: Entry) -> Pptx:
        """A part already deflated (an embedded face, from the cache): written as ``entry``, with a
        bytes-less stand-in for relationships to point at (``finish``)."""
        named = Entry(partname.membername, entry.crc, entry.size, entry.data)
        self._finisher.written[str(partname)] = Written(partname, content_type, (named,))
        return Part(partname, content_type, self.package, b"")

    def relate(self, part: Pptx, reltype: str) -> str:
        """Relate the presentation part to ``part`` (a font, say), with a counted id."""
        return self._links.relate(part, reltype)

    def image_rid(self, slide_part: Pptx, data: bytes, fmt: str) -> str:
        """Relate ``slide_part`` to the (shared) image part holding ``data``."""
        return slide_part.relate_to(self.names.image_part(data, fmt), RT.IMAGE)

    def painter(self, size: Callable[[str], float], behind: str | None = None) -> Painter:
        """Colours, brand type at sizes ``size(role)`` on ``behind``, and a fresh shape-id counter."""
        return Painter(self.palette, Typesetter(self.brand, self.palette, self.lang, size,
                                                behind or "background", self.made), ShapeIds())

    def save(self) -> bytes:
        return write_package(self.package, self._finisher.written, self._finisher.kept.values(), self.known)


def generated_deck(brand: Brand, specs: dict[str, LayoutSpec], palette: Palette, lang: str) -> Deck:
    """A deck on the master generated from the brand."""

    def maximum(role: str) -> float:
        return brand.size(role).max_pt

    typesetter = Typesetter(brand, palette, lang, maximum)
    key = master_key(brand, f"{lang} scheme={palette.scheme}", palette.client)
    prs, names, known = cached_master(
        key, lambda: (*generate(brand, specs, lambda ids: Painter(palette, typesetter, ids)), {}),
        lambda made: write_package(made[0].part.package), _open_generated)
    geometry = generated_geometry(MASTER, {**specs, "blank": BLANK})
    deck = Deck(prs, names, geometry, specs, brand, palette, lang, generated=True)
    deck.known = known
    return deck


def _open_generated(data: bytes) -> tuple[Pptx, PartNames, dict[str, Entry]]:
    """A generated master saved by the cache, opened as ``generate`` would have returned it.

    Also its members as deflated: the deck writes a master part still as it was
    (its layouts, the theme, the logo) with those bytes instead of deflating it
    again, about 2.5 ms of a cold build (``part_entries`` checks each is unchanged).
    """
    from pptx import Presentation

    prs = Presentation(io.BytesIO(data))
    names = PartNames(prs.part.package).install()
    names.adopt_images()  # the master's logo: a slide showing it again shares the part, as when generated
    return prs, names, read_entries(data)


def template_deck(data: bytes, brand: Brand, specs: dict[str, LayoutSpec], palette: Palette, lang: str) -> Deck:
    """A deck on a designer's template (its slides, if any, removed)."""
    from pptx import Presentation

    geometry = read_template(data)
    prs = Presentation(io.BytesIO(data))
    slide_list = element(prs.part).get_or_add_sldIdLst()
    samples: dict[str, Pptx] = {}  # layout part → its labelled sample slide (``restyle``)
    for entry in list(slide_list):
        target: Pptx = prs.part.rels[entry.rId].target_part
        slide = target.slide
        if any(shape.name == SPECIMEN_MARK for shape in slide.shapes):
            samples.setdefault(str(slide.slide_layout.part.partname), slide.element)
        prs.part.rels.pop(entry.rId)
        slide_list.remove(entry)
    strip_extras(prs)
    names = PartNames(prs.part.package).install()
    deck = Deck(prs, names, geometry, specs, brand, palette, lang)
    deck.samples = samples
    return deck
