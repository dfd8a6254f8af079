"""Writing the records that let a rebuild find hand edits (see ``workshop.edits``).

After every slide is painted, each slide's facts are read back with the same
standard-library reader ``workshop check`` uses, so what is recorded is
exactly what a later read of the file will compare against. The records are
slide tags, the presentation's tags and one custom document property; none
of them is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from lxml import etree

from workshop.edits.facts import Inheritance, SlideView, read_slide
from workshop.edits.package import Rel, parse_xml
from workshop.edits.records import (
    GENERATED,
    Listed,
    SlideRecord,
    custom_properties_xml,
    deck_tags,
    slide_tags,
    tags_xml,
)
from workshop.render.deck.ooxml import qn, sub
from workshop.render.deck.package import (
    RT,
    PackURI,
    Part,
    element,
    has_element,
    internal_targets,
    package_relationships,
    set_blob,
)

if TYPE_CHECKING:
    from pptx.slide import Slide

    from workshop.render.deck.deck import Deck
    from workshop.render.deck.package import OpcPackage

CT_TAGS = "application/vnd.openxmlformats-officedocument.presentationml.tags+xml"
CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
# p:presentation's children that come after p:custDataLst (ECMA-376 Part 1, §19.2.1.26)
_AFTER_CUSTDATA = ("p:kinsoku", "p:defaultTextStyle", "p:modifyVerifier", "p:extLst")
# p:cSld's children after p:custDataLst (§19.3.1.16)
_AFTER_CUSTDATA_SLIDE = ("p:controls", "p:extLst")


class PptxParts:
    """python-pptx's package seen through the reader's ``Parts`` interface."""

    def __init__(self, package: OpcPackage) -> None:
        self.package = package
        self._parts = {str(p.partname): p for p in package.iter_parts()}
        # each part's relationships as the reader sees them, made once: a slide's are asked for three
        # times while it is recorded, and every slide on a layout asks for the layout's
        self._rels: dict[str, dict[str, Rel]] = {}

    def learn(self, part: Any) -> list[str]:
        """Know ``part`` and what it relates to (a slide painted after this view was made); the names added."""
        added: list[str] = []
        self._rels.pop(str(part.partname), None)  # known already or not, its relationships are read anew
        stack = [part]
        while stack:
            current = stack.pop()
            name = str(current.partname)
            if self._parts.get(name) is current:
                continue
            self._parts[name] = current
            self._rels.pop(name, None)
            added.append(name)
            stack += [target for _, _, target in internal_targets(current)]
        return added

    def forget(self, names: Sequence[str]) -> None:
        """Let go of parts ``learn`` added (so a finished slide's trees can go)."""
        for name in names:
            self._parts.pop(name, None)
            self._rels.pop(name, None)

    def blob(self, name: str) -> bytes | None:
        part = self._parts.get(name)
        return part.blob if part is not None else None

    def xml(self, name: str) -> etree._Element | None:
        """The part's lxml tree as is (no serialising); lxml answers ElementTree's calls."""
        part = self._parts.get(name)
        if part is None:
            return None
        if has_element(part):
            return element(part)
        return parse_xml(part.blob, name) if part.blob else None

    def rels(self, name: str) -> dict[str, Rel]:
        """``name``'s relationships, read once for a part (they do not change while it is recorded);
        the package's (``/``) each time."""
        found = self._rels.get(name)
        if found is None:
            rels = package_relationships(self.package) if name == "/" else self._parts[name].rels
            found = {
                rid: Rel(rel.reltype, rel.target_ref, True) if rel.is_external
                else Rel(rel.reltype, str(rel.target_part.partname))
                for rid, rel in rels.items()
            }
            if name != "/":
                self._rels[name] = found
        return found


def slide_views(package: OpcPackage, slides: Sequence[Slide]) -> list[SlideView]:
    """The facts of ``slides`` (python-pptx slides) as the reader will see them in the file."""
    parts = PptxParts(package)
    inheritance = Inheritance(parts)
    return [read_slide(parts, str(slide.part.partname), inheritance) for slide in slides]


def tag_slide(deck: Deck, slide: Slide, record: SlideRecord) -> None:
    """Give ``slide`` a tags part holding ``record`` (replacing any it had)."""
    part = slide.part
    c_sld = element(part).find(qn("p:cSld"))
    for old in c_sld.findall(qn("p:custDataLst")):
        for tags in old.findall(qn("p:tags")):
            part.drop_rel(tags.get(qn("r:id")))
        c_sld.remove(old)
    rid = part.relate_to(_tags_part(deck, slide_tags(record)), RT.TAGS)
    listing = _insert(c_sld, "p:custDataLst", _AFTER_CUSTDATA_SLIDE)
    sub(listing, "p:tags", {"r:id": rid})


def tag_deck(deck: Deck, listed: list[Listed]) -> None:
    """The presentation's list of generated slides, and the custom property saying records exist."""
    root = element(deck.prs.part)
    rid = deck.links.relate(_tags_part(deck, deck_tags(listed)), RT.TAGS)
    listing = _insert(root, "p:custDataLst", _AFTER_CUSTDATA)
    sub(listing, "p:tags", {"r:id": rid})
    package = deck.package
    for rel in package_relationships(package).values():
        if rel.reltype == RT.CUSTOM_PROPERTIES:
            set_blob(rel.target_part, custom_properties_xml())
            return
    package.relate_to(Part(PackURI("/docProps/custom.xml"), CT_CUSTOM, package, custom_properties_xml()),
                      RT.CUSTOM_PROPERTIES)


class Recorder:
    """Tags generated slides one at a time, as each is finished, with their identity and facts."""

    def __init__(self, deck: Deck) -> None:
        self.deck = deck
        self.parts = PptxParts(deck.package)
        self.inheritance = Inheritance(self.parts)

    def record(self, slide: Slide, identity: str, label: str) -> Listed:
        """Tag ``slide``; its line in the deck's list. ``label`` names a slide without a title."""
        learned = self.parts.learn(slide.part)
        view = read_slide(self.parts, str(slide.part.partname), self.inheritance)
        self.parts.forget(learned)
        tag_slide(self.deck, slide, SlideRecord(identity, view.facts, GENERATED))
        return Listed(identity, view.facts.fingerprint, view.title or label)


def _tags_part(deck: Deck, values: dict[str, str]) -> Part:
    return Part(deck.names.next_partname("/ppt/tags/tag%d.xml"), CT_TAGS, deck.package, tags_xml(values))


def _insert(parent: etree._Element, tag: str, before: tuple[str, ...]) -> etree._Element:
    """A new ``tag`` child of ``parent``, placed before the first of ``before`` (schema order)."""
    for name in before:
        following = parent.find(qn(name))
        if following is not None:
            element = sub(parent, tag)
            following.addprevious(element)
            return element
    return sub(parent, tag)
