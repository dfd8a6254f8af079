"""The parts of an Office package (OPC), read as XML before any library trusts them.

A template is a zip of XML parts tied together by relationship parts
(``_rels/*.rels``) and typed by ``[Content_Types].xml``. python-pptx trusts
all of it: a garbage relationship, a part without a content type or a
dangling reference is a crash deep inside it, and an external target is a
link the client's deck would carry to a stranger's server (on Windows,
opening a ``file:`` or UNC link can leak the user's password hash).

So every XML part is decoded and parsed here, with entities, DTDs and the
network off; every relationship is read as XML, not matched as bytes; and
the package must hang together: a main document, a content type for every
part, an existing target for every internal relationship and an existing
relationship for every reference. The only external targets allowed are
ordinary hyperlinks (http, https, mailto) clicked in text.
"""

from __future__ import annotations

import codecs
import posixpath
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote, urlsplit

from workshop.errors import Location, WorkshopError
from workshop.lazyclass import lazy_dataclass
from workshop.safety.values import check_values

MAX_XML_DEPTH = 256  # libxml2's own limit without XML_PARSE_HUGE; PowerPoint's parts stay under 30
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_OFFICE_DOCUMENT = {_R + "/officeDocument", "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"}
_R_ID = f"{{{_R}}}id"
_HYPERLINK = _R + "/hyperlink"
_HYPERLINK_USES = {f"{{{_A}}}hlinkClick", f"{{{_A}}}hlinkHover"}
_HYPERLINK_SCHEMES = ("http", "https", "mailto")
_TEXT_PARTS = re.compile(r"^ppt/(slides|slideLayouts|slideMasters|notesSlides|notesMasters)/[^/]+\.xml$")
_DECLARATION = re.compile(rb"^<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_DTD = re.compile(r"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_DTD_BYTES = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


@lazy_dataclass(frozen=True)
class Relationship:
    id: str
    type: str
    target: str  # as written
    external: bool
    part: str | None  # the internal target's part name, resolved


def check_package(read: Callable[[str], bytes], names: list[str], label: str) -> None:
    """Refuse a package whose XML, relationships or structure would break or betray a reader."""
    where = Location(label)
    xml_parts = [n for n in names if n.lower().endswith((".xml", ".rels", ".vml"))]
    trees = {name: parse_part(read(name), name, label) for name in xml_parts}
    if "[Content_Types].xml" not in trees:
        raise WorkshopError("the template has no [Content_Types].xml; it is not an Office file", where)
    content_type = _check_content_types(trees["[Content_Types].xml"], names, label)
    relationships = {
        name: _relationships(name, tree, set(names), label)
        for name, tree in trees.items() if name.endswith(".rels")
    }
    for rels_name, found in relationships.items():
        for relationship in found:
            _check_target_type(rels_name, relationship, content_type, label)
    for name, tree in trees.items():
        root_tag = _ROOTS.get(content_type(name))
        if root_tag is not None and tree.tag != root_tag:
            raise WorkshopError(
                f"the part '{name}' should hold a {_ROOT_WORDS[root_tag]}, but its XML starts with "
                f"'{tree.tag}'", Location(label), hint="the file is damaged; open it in PowerPoint and save it again")
    main = [r for r in relationships.get("_rels/.rels", []) if r.type in _OFFICE_DOCUMENT and not r.external]
    if not main or main[0].part not in trees:
        raise WorkshopError("the template has no main document (no officeDocument relationship in '_rels/.rels')",
                            where, hint="open it in PowerPoint and save it again as .pptx")
    _check_reachable(names, relationships, label)
    for name, tree in trees.items():
        if name.endswith(".rels") or name == "[Content_Types].xml":
            continue
        _check_references(name, tree, relationships.get(_rels_of(name), []), label)
        if name.startswith("ppt/"):
            check_values(tree, name, label)


def _check_reachable(names: list[str], relationships: dict[str, list[Relationship]], label: str) -> None:
    """Every part hangs from the package's relationships: an orphan means a relationship was lost.

    PowerPoint drops unused parts when it saves; python-pptx would write a new
    part under an orphan's name, giving a deck with two files of one name.
    """
    reached, queue = set(), ["_rels/.rels"]
    while queue:
        rels = queue.pop()
        for relationship in relationships.get(rels, []):
            if relationship.part is not None and relationship.part not in reached:
                reached.add(relationship.part)
                queue.append(_rels_of(relationship.part))
    for name in names:
        if name.endswith(("/", ".rels")) or name == "[Content_Types].xml" or name in reached:
            continue
        raise WorkshopError(
            f"the part '{name}' is in the file, but no relationship leads to it", Location(label),
            hint="the file is damaged; open it in PowerPoint and save it again")


def parse_part(data: bytes, name: str, label: str) -> Any:
    """Decode and parse one XML part; refuse DOCTYPE and entity declarations in any encoding."""
    from lxml import etree

    where = Location(label)
    encoding = _encoding(data)
    if encoding.lower().replace("-", "").replace("_", "") in ("utf8", "ascii", "usascii"):
        declares = b"<!" in data and _DTD_BYTES.search(data) is not None  # the same test, without a decoded copy
    else:
        declares = _DTD.search(_decode(data, encoding, name, label)) is not None
    if declares:
        raise WorkshopError(f"the part '{name}' declares XML entities or a DOCTYPE; refused", where,
                            hint="Office never writes these; save the template again from PowerPoint")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise WorkshopError(f"the part '{name}' is not well-formed XML: {_xml_problem(exc)}", where,
                            hint="the file is damaged; open it in PowerPoint and save it again") from None
    if root is None:
        raise WorkshopError(f"the part '{name}' is empty", where)
    if root.getroottree().docinfo.doctype:
        raise WorkshopError(f"the part '{name}' declares a DOCTYPE; refused", where)
    return root


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _encoding(data: bytes) -> str:
    """The part's encoding as an XML parser finds it: the BOM, then the declaration, else UTF-8."""
    by_bom = next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)
    if by_bom is not None:
        return by_bom
    if data.startswith(b"<\x00?\x00"):
        return "utf-16-le"
    if data.startswith(b"\x00<\x00?"):
        return "utf-16-be"
    declared = _DECLARATION.match(data)
    return declared.group(1).decode("ascii") if declared else "utf-8"


def _decode(data: bytes, encoding: str, name: str, label: str) -> str:
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError) as exc:
        raise WorkshopError(f"the part '{name}' is not valid {encoding} text ({exc.__class__.__name__})",
                            Location(label), hint="the file is damaged; save it again from PowerPoint") from None


def _xml_problem(exc: Any) -> str:
    message = str(exc.msg if getattr(exc, "msg", None) else exc)
    if "Excessive depth" in message:
        return f"it nests elements more than {MAX_XML_DEPTH} levels deep"
    line = getattr(exc, "lineno", None)
    return f"{message} (line {line})" if line and "line" not in message else message


def _check_content_types(root: Any, names: list[str], label: str) -> Callable[[str], str]:
    """Every part has a content type; returns the lookup: part name → its content type."""
    if root.tag != f"{{{_CONTENT_TYPES}}}Types":
        raise WorkshopError("[Content_Types].xml is not a content-type list", Location(label))
    defaults = {(e.get("Extension") or "").lower(): e.get("ContentType") or ""
                for e in root if e.tag == f"{{{_CONTENT_TYPES}}}Default"}
    overrides = {(e.get("PartName") or "").lower(): e.get("ContentType") or ""
                 for e in root if e.tag == f"{{{_CONTENT_TYPES}}}Override"}

    def of(name: str) -> str:
        found = overrides.get("/" + name.lower())
        return found if found is not None else defaults.get(posixpath.splitext(name)[1][1:].lower(), "")

    for name in names:
        if name == "[Content_Types].xml" or name.endswith(("/", ".rels")):
            continue
        if not of(name):
            raise WorkshopError(
                f"the part '{name}' has no content type in [Content_Types].xml", Location(label),
                hint="the file is damaged; open it in PowerPoint and save it again")
    return of


_PML = "application/vnd.openxmlformats-officedocument.presentationml."
_EXPECTED_TYPES = {  # relationship type → the content types its target may have
    _R + "/officeDocument": tuple(_PML + kind + ".main+xml" for kind in ("presentation", "template", "slideshow")),
    _R + "/slideMaster": (_PML + "slideMaster+xml",),
    _R + "/slideLayout": (_PML + "slideLayout+xml",),
    _R + "/slide": (_PML + "slide+xml",),
    _R + "/notesMaster": (_PML + "notesMaster+xml",),
    _R + "/notesSlide": (_PML + "notesSlide+xml",),
    _R + "/handoutMaster": (_PML + "handoutMaster+xml",),
    _R + "/theme": ("application/vnd.openxmlformats-officedocument.theme+xml",),
    _PKG_RELS + "/metadata/core-properties": ("application/vnd.openxmlformats-package.core-properties+xml",),
    _R + "/extended-properties": ("application/vnd.openxmlformats-officedocument.extended-properties+xml",),
}
_P_NS = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_ROOTS = {  # content type → the root element its part must have
    **{_PML + kind + ".main+xml": _P_NS + "presentation" for kind in ("presentation", "template", "slideshow")},
    _PML + "slideMaster+xml": _P_NS + "sldMaster",
    _PML + "slideLayout+xml": _P_NS + "sldLayout",
    _PML + "slide+xml": _P_NS + "sld",
    _PML + "notesMaster+xml": _P_NS + "notesMaster",
    _PML + "notesSlide+xml": _P_NS + "notes",
    _PML + "handoutMaster+xml": _P_NS + "handoutMaster",
    "application/vnd.openxmlformats-officedocument.theme+xml": f"{{{_A}}}theme",
    "application/vnd.openxmlformats-package.core-properties+xml":
        "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}coreProperties",
    "application/vnd.openxmlformats-officedocument.extended-properties+xml":
        "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Properties",
}
_ROOT_WORDS = {tag: tag.rsplit("}", 1)[-1] for tag in _ROOTS.values()}
_RELATIONSHIP_FOR = {content: type_ for type_, contents in _EXPECTED_TYPES.items() for content in contents}


def _check_target_type(rels: str, relationship: Relationship, content_type: Callable[[str], str],
                       label: str) -> None:
    """A layout must be typed as a layout (and so on): readers choose their code by the content type."""
    if relationship.external or relationship.part is None:
        return
    found = content_type(relationship.part)
    needed = _RELATIONSHIP_FOR.get(found)
    if needed is not None and needed != relationship.type and not (
            needed == _R + "/officeDocument" and relationship.type in _OFFICE_DOCUMENT):
        raise WorkshopError(
            f"'{rels}' relates the part '{relationship.part}' (a {needed.rsplit('/', 1)[-1]}) with the unknown "
            f"type '{relationship.type}'", Location(label),
            hint="the file is damaged; open it in PowerPoint and save it again")
    expected = _EXPECTED_TYPES.get(relationship.type)
    if expected is None:
        return
    if found not in expected:
        raise WorkshopError(
            f"the part '{relationship.part}' has the content type '{found}' in [Content_Types].xml, but "
            f"'{rels}' uses it as a {relationship.type.rsplit('/', 1)[-1]} (content type '{expected[0]}'); "
            "an Override entry is missing or wrong", Location(label),
            hint="the file is damaged; open it in PowerPoint and save it again")


def _rels_of(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _source_of(rels: str) -> str:
    folder, base = posixpath.split(rels)
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])


def _relationships(name: str, root: Any, names: set[str], label: str) -> list[Relationship]:
    where = Location(label)
    if root.tag != f"{{{_PKG_RELS}}}Relationships":
        raise WorkshopError(f"the relationship part '{name}' is not a list of relationships", where)
    source = _source_of(name)
    result: list[Relationship] = []
    for element in root:
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        if element.tag != f"{{{_PKG_RELS}}}Relationship":
            raise WorkshopError(f"the relationship part '{name}' holds an unknown element", where)
        rid, type_, target = element.get("Id"), element.get("Type"), element.get("Target")
        mode = element.get("TargetMode", "Internal")
        if not rid or not type_ or target is None:
            raise WorkshopError(f"a relationship in '{name}' lacks its Id, Type or Target", where)
        if mode not in ("Internal", "External"):
            raise WorkshopError(f"the relationship {rid} in '{name}' has the unknown TargetMode '{mode}'", where)
        if mode == "External" or _has_scheme(target):
            _check_external(name, source, rid, type_, target, label)
            result.append(Relationship(rid, type_, target, True, None))
            continue
        part = _resolve(source, target)
        if part not in names:
            raise WorkshopError(
                f"the relationship {rid} in '{name}' points to '{target}', which is not in the file", where,
                hint="the file is damaged; open it in PowerPoint and save it again")
        result.append(Relationship(rid, type_, target, False, part))
    return result


def _has_scheme(target: str) -> bool:
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", target)) or target.startswith(("\\\\", "//"))


def _check_external(name: str, source: str, rid: str, type_: str, target: str, label: str) -> None:
    scheme = urlsplit(target).scheme.lower() if not target.startswith(("\\\\", "//")) else ""
    if type_ == _HYPERLINK and scheme in _HYPERLINK_SCHEMES and _TEXT_PARTS.match(source):
        return
    what = "a hyperlink" if type_ == _HYPERLINK else "an external file"
    raise WorkshopError(
        f"the template links to {what} ({target}) in '{name}'; refused", Location(label),
        hint="embed the linked picture or remove the link in PowerPoint; only web and mail links in text are kept",
    )


def _resolve(source: str, target: str) -> str:
    target = unquote(target.split("#", 1)[0])
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _check_references(name: str, root: Any, relationships: list[Relationship], label: str) -> None:
    """Every ``r:id``/``r:embed``/``r:link`` names an existing relationship; hyperlinks only from text."""
    by_id = {r.id: r for r in relationships}
    for value in root.xpath("//@r:*", namespaces={"r": _R}):
        element, key = value.getparent(), value.attrname
        relationship = by_id.get(str(value))
        if relationship is None:
            if value == "" or key == _R_ID and element.tag in _HYPERLINK_USES:
                continue  # an empty hyperlink (a click action without a target) is allowed
            raise WorkshopError(
                f"the part '{name}' refers to the relationship '{value}', which '{_rels_of(name)}' does not have",
                Location(label), hint="the file is damaged; open it in PowerPoint and save it again")
        if relationship.external and (element.tag not in _HYPERLINK_USES or key != _R_ID):
            raise WorkshopError(
                f"the part '{name}' uses the external link {relationship.target} as "
                f"'{element.tag.rsplit('}', 1)[-1]}'; only hyperlinks in text may point outside the file",
                Location(label))
