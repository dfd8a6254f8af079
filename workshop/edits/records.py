"""Where a deck keeps its records, and reading them back.

Each generated slide carries PowerPoint *slide tags* (ECMA-376 Part 1,
§19.3.1.13 ``custDataLst`` and §13.3.12 the User Defined Tags part): the
mechanism add-ins use, kept by PowerPoint when it saves, travelling with a
slide when it is moved, copied or duplicated. The tags hold the slide's
identity and the facts of what was generated. The presentation carries tags
too: the list of every generated slide, in order, with its fingerprint and
title, so deleted and reordered slides are found. A custom document property
(``docProps/custom.xml``) says that the deck has records: LibreOffice keeps
custom properties but drops slide tags when it saves a .pptx, and this
property is how a deck whose records were dropped is told apart from a file
that was never ours.
"""

from __future__ import annotations

import json

from workshop.edits.facts import Inheritance, SlideFacts, SlideView, read_slide
from workshop.edits.package import (
    NS,
    RT_CUSTOM,
    RT_TAGS,
    DeckUnreadable,
    Parts,
    main_part,
    q,
    related,
    slide_parts,
)
from workshop.lazyclass import lazy_dataclass

FORMAT = 1
TAG_SLIDE = "WORKSHOP.SLIDE"
TAG_FACTS = "WORKSHOP.FACTS"
TAG_ROLE = "WORKSHOP.ROLE"
TAG_DECK = "WORKSHOP.DECK"
PROPERTY = "workshop"
PROPERTY_TEXT = "Built by workshop; slide tags record where each slide came from (format 1)"
_ESCAPES = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"}


def escape(text: str, entities: dict[str, str] | None = None) -> str:
    """XML character data, as ``xml.sax.saxutils.escape`` (whose import pulls in urllib and http)."""
    table = dict(_ESCAPES)
    for char, entity in (entities or {}).items():
        table[ord(char)] = entity
    return text.translate(table)
GENERATED, KEPT = "generated", "kept"


@lazy_dataclass(frozen=True)
class SlideRecord:
    """What a slide's tags say: which outline slide it is and what was generated for it."""

    identity: str
    facts: SlideFacts | None
    role: str = GENERATED  # "kept": an edited slide kept beside its regenerated version


@lazy_dataclass(frozen=True)
class Listed:
    """One generated slide in the deck's list: identity, fingerprint of its facts, title."""

    identity: str
    fingerprint: str
    title: str


@lazy_dataclass(frozen=True)
class DeckSlide:
    number: int  # 1-based, in the deck as it is now
    part: str
    view: SlideView
    record: SlideRecord | None

    @property
    def title(self) -> str:
        return self.view.title


@lazy_dataclass(frozen=True)
class DeckRecords:
    slides: tuple[DeckSlide, ...]
    listed: tuple[Listed, ...] | None  # None: the presentation's list is missing
    marked: bool  # the custom property says records were written


def tags_xml(values: dict[str, str]) -> bytes:
    """A tags part (``p:tagLst``) holding ``values``."""
    tags = "".join(f'<p:tag name="{escape(k)}" val="{escape(v, {chr(34): "&quot;"})}"/>' for k, v in values.items())
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:tagLst xmlns:p="{NS["p"]}">'
            f"{tags}</p:tagLst>").encode()


def slide_tags(record: SlideRecord) -> dict[str, str]:
    values = {TAG_SLIDE: record.identity}
    if record.facts is not None:
        values[TAG_FACTS] = record.facts.encode()
    if record.role != GENERATED:
        values[TAG_ROLE] = record.role
    return values


def deck_tags(listed: list[Listed]) -> dict[str, str]:
    entries = [[entry.identity, entry.fingerprint, entry.title] for entry in listed]
    return {TAG_DECK: json.dumps({"format": FORMAT, "slides": entries}, ensure_ascii=False, separators=(",", ":"))}


def custom_properties_xml() -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{NS["cp"]}" xmlns:vt="{NS["vt"]}">'
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="{PROPERTY}">'
        f"<vt:lpwstr>{escape(PROPERTY_TEXT)}</vt:lpwstr></property></Properties>"
    ).encode()


def _tags(parts: Parts, owner: str) -> dict[str, str]:
    """The tags of ``owner`` (a slide or the presentation), names upper-cased as PowerPoint does."""
    found: dict[str, str] = {}
    for rel in parts.rels(owner).values():
        if rel.type != RT_TAGS or rel.external:
            continue
        root = parts.xml(rel.target)
        for tag in root.iter(q("p:tag")) if root is not None else ():
            found.setdefault(tag.get("name", "").upper(), tag.get("val", ""))
    return found


def _record(tags: dict[str, str]) -> SlideRecord | None:
    identity = tags.get(TAG_SLIDE)
    if not identity:
        return None
    facts = SlideFacts.decode(tags[TAG_FACTS]) if TAG_FACTS in tags else None
    return SlideRecord(identity, facts, tags.get(TAG_ROLE, GENERATED).lower())


def _listed(tags: dict[str, str]) -> tuple[Listed, ...] | None:
    text = tags.get(TAG_DECK)
    if not text:
        return None
    try:
        data = json.loads(text)
        return tuple(Listed(str(i), str(f), str(t)) for i, f, t in data["slides"])
    except (ValueError, KeyError, TypeError):
        return None


def _marked(parts: Parts) -> bool:
    custom = related(parts, "/", RT_CUSTOM)
    root = parts.xml(custom) if custom else None
    return root is not None and any(p.get("name") == PROPERTY for p in root.iter(q("cp:property")))


def read_records(parts: Parts) -> DeckRecords:
    """Every slide with its facts and record, the presentation's list, and the marker."""
    presentation = main_part(parts)
    inheritance = Inheritance(parts)
    slides = tuple(
        DeckSlide(number, name, read_slide(parts, name, inheritance), _record(_tags(parts, name)))
        for number, name in enumerate(slide_parts(parts, presentation), start=1)
    )
    return DeckRecords(slides, _listed(_tags(parts, presentation)), _marked(parts))


__all__ = ["DeckUnreadable", "read_records", "SlideRecord", "Listed", "DeckRecords", "DeckSlide"]
