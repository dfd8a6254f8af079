"""A .pptx read with ``zipfile`` and the standard library's XML parser: parts and relationships.

``workshop check`` and ``workshop edits`` read decks without python-pptx (it
costs a quarter of a second to import). The deck may be any file that happens
to carry the deck's name, so the archive is bounded before anything is read
and XML that declares entities is refused.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from functools import cache
from typing import TYPE_CHECKING, Protocol

from workshop.lazyclass import lazy_dataclass

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

MAX_DECK_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 50_000
MAX_RATIO = 200
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "cp": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
}
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_SLIDE = _RELS + "slide"
RT_LAYOUT = _RELS + "slideLayout"
RT_MASTER = _RELS + "slideMaster"
RT_NOTES = _RELS + "notesSlide"
RT_TAGS = _RELS + "tags"
RT_CHART = _RELS + "chart"
RT_CUSTOM = _RELS + "custom-properties"
RT_DOCUMENT = _RELS + "officeDocument"


@cache
def q(name: str) -> str:
    """``a:t`` → ``{http://…/main}t`` (ElementTree's Clark notation)."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


class DeckUnreadable(Exception):
    """The file is not a PowerPoint package this module can read; the message says why."""


@lazy_dataclass(frozen=True)
class Rel:
    type: str
    target: str  # an absolute part name (/ppt/media/image1.png) or, for external links, the URL
    external: bool = False


class Parts(Protocol):
    """What the readers need from a package: part bytes, parsed XML and relationships by part name."""

    def blob(self, name: str) -> bytes | None: ...

    def xml(self, name: str) -> ET.Element | None: ...

    def rels(self, name: str) -> dict[str, Rel]: ...


def rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def parse_rels(data: bytes | None, part: str) -> dict[str, Rel]:
    """A ``.rels`` part as ``{rId: Rel}`` with targets resolved against ``part``'s folder."""
    if not data:
        return {}
    root = parse_xml(data, rels_name(part))
    folder = posixpath.dirname(part)
    found: dict[str, Rel] = {}
    for rel in root.iter(q("rel:Relationship")):
        target = rel.get("Target", "")
        external = rel.get("TargetMode") == "External"
        if not external:
            target = target if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            target = "/" + target.lstrip("/")
        found[rel.get("Id", "")] = Rel(rel.get("Type", ""), target, external)
    return found


def parse_xml(data: bytes, name: str) -> ET.Element:
    import xml.etree.ElementTree as ET  # only reading a deck back pays for it

    if _DOCTYPE.search(data[:4096]) or _DOCTYPE.search(data):
        raise DeckUnreadable(f"'{name}' declares XML entities or a DOCTYPE")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise DeckUnreadable(f"'{name}' is not well-formed XML ({exc})") from None


class ZipParts:
    """The parts of a .pptx file held in memory, read lazily and bounded."""

    def __init__(self, data: bytes, name: str):
        self.name = name
        if not data.startswith(b"PK\x03\x04"):
            raise DeckUnreadable("it is not a PowerPoint file (a .pptx is a zip archive; this is not one)")
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            members = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise DeckUnreadable(f"it is a damaged zip archive ({exc})") from None
        total = sum(m.file_size for m in members)
        if len(members) > MAX_MEMBERS or total > MAX_DECK_BYTES or total / max(1, len(data)) > MAX_RATIO:
            raise DeckUnreadable("it unpacks to more than a deck can hold; that looks like a zip bomb")
        self._members = {"/" + m.filename: m for m in members}
        self._rels: dict[str, dict[str, Rel]] = {}

    def blob(self, name: str) -> bytes | None:
        member = self._members.get(name)
        if member is None:
            return None
        try:
            return self._zip.read(member)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
            raise DeckUnreadable(f"'{name}' cannot be read ({exc})") from None

    def xml(self, name: str) -> ET.Element | None:
        data = self.blob(name)
        return parse_xml(data, name) if data else None

    def rels(self, name: str) -> dict[str, Rel]:
        if name not in self._rels:
            self._rels[name] = parse_rels(self.blob(rels_name(name)), name)
        return self._rels[name]


def main_part(parts: Parts) -> str:
    """The presentation part's name (``/ppt/presentation.xml`` in every deck seen so far)."""
    for rel in parts.rels("/").values():
        if rel.type == RT_DOCUMENT:
            return rel.target
    raise DeckUnreadable("it has no presentation part; it is not a PowerPoint deck")


def slide_parts(parts: Parts, presentation: str) -> list[str]:
    """The slides' part names in the order the deck shows them."""
    root = parts.xml(presentation)
    if root is None:
        raise DeckUnreadable(f"its presentation part '{presentation}' is missing")
    rels = parts.rels(presentation)
    order: list[str] = []
    listing = root.find(q("p:sldIdLst"))
    for entry in listing if listing is not None else ():
        rel = rels.get(entry.get(q("r:id"), ""))
        if rel is not None and rel.type == RT_SLIDE:
            order.append(rel.target)
    return order


def related(parts: Parts, part: str, reltype: str) -> str | None:
    """The first part ``part`` relates to with ``reltype``."""
    for rel in parts.rels(part).values():
        if rel.type == reltype and not rel.external:
            return rel.target
    return None
