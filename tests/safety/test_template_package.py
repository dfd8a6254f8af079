"""A real template, changed one part at a time: external links, DTDs and parts that do not hang together.

Every change here used to reach the client's deck or end in an internal
error (exit 4); each must be refused with the part named.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from workshop.errors import WorkshopError
from workshop.safety.templates import check_template_bytes

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = (REPO / "assets" / "brands" / "noord" / "template.pptx").read_bytes()
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
LAYOUT = "ppt/slideLayouts/slideLayout2.xml"
LAYOUT_RELS = "ppt/slideLayouts/_rels/slideLayout2.xml.rels"
THEME_RELS = "ppt/theme/_rels/theme1.xml.rels"


def changed(**members: bytes | None) -> bytes:
    """The template with members replaced (bytes), added, or removed (None). Names use / for __."""
    changes = {name.replace("__", "/"): data for name, data in members.items()}
    return rebuild(changes)


def rebuild(changes: dict[str, bytes | None]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(TEMPLATE))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            if name in changes:
                if changes[name] is not None:
                    archive.writestr(name, changes[name])
            else:
                archive.writestr(name, source.read(name))
        for name, data in changes.items():
            if name not in source.namelist() and data is not None:
                archive.writestr(name, data)
    return buffer.getvalue()


def part(name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(TEMPLATE)).read(name)


def refused(data: bytes) -> str:
    with pytest.raises(WorkshopError) as info:
        check_template_bytes(data, "t.pptx")
    return info.value.message


def with_relationship(rels: bytes, element: bytes) -> bytes:
    return rels.replace(b"</Relationships>", element + b"</Relationships>")


def test_the_real_template_passes():
    check_template_bytes(TEMPLATE, "noord")


@pytest.mark.parametrize("element", [
    # single quotes: the old byte match wanted double quotes
    b"<Relationship Id='rX' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/image' "
    b"Target='file:///c:/x.png' TargetMode='External'/>",
    # an extra attribute that mentions the hyperlink type
    b'<Relationship xType="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Id="rX" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
    b'Target="\\\\attacker\\share\\x.png" TargetMode="External"/>',
    # spaces around the equals sign, and a UNC path
    b'<Relationship Id = "rX" Type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
    b'Target = "\\\\attacker\\x.png" TargetMode = "External" />',
    # a target with a scheme but no TargetMode
    b'<Relationship Id="rX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
    b'Target="file://attacker/share/x.png"/>',
    # a hyperlink to a file share
    b'<Relationship Id="rX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
    b'Target="file://attacker/share/x.docx" TargetMode="External"/>',
    # a TargetMode spelt differently
    b'<Relationship Id="rX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
    b'Target="x.png" TargetMode="external"/>',
])
def test_external_targets_in_a_layout_are_refused(element):
    message = refused(changed(**{LAYOUT_RELS: with_relationship(part(LAYOUT_RELS), element)}))
    assert LAYOUT_RELS in message


def test_an_external_picture_in_the_theme_is_refused():
    rels = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            b'relationships/image" Target="https://tracker.example/pixel.png" TargetMode="External"/></Relationships>')
    message = refused(changed(**{THEME_RELS: rels}))
    assert "external file (https://tracker.example/pixel.png)" in message and THEME_RELS in message


def _layout_with_link(attribute: str) -> tuple[bytes, bytes]:
    rels = with_relationship(part(LAYOUT_RELS), (
        b'<Relationship Id="rLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'hyperlink" Target="https://helder.example/" TargetMode="External"/>'))
    xml = part(LAYOUT).decode()
    xml = re.sub(r"(<a:rPr[^>]*?)(/?)>", lambda m: m.group(1) + ">" + attribute + ("</a:rPr>" if m.group(2) else ""),
                 xml, count=1)
    return rels, xml.encode()


def test_a_web_link_in_layout_text_is_kept():
    rels, xml = _layout_with_link(f'<a:hlinkClick xmlns:r="{R}" r:id="rLink"/>')
    check_template_bytes(changed(**{LAYOUT_RELS: rels, LAYOUT: xml}), "t.pptx")


def test_a_hyperlink_relationship_used_as_a_picture_is_refused():
    rels, xml = _layout_with_link(f'<a:blipFill xmlns:r="{R}"><a:blip r:link="rLink"/></a:blipFill>')
    assert "only hyperlinks in text" in refused(changed(**{LAYOUT_RELS: rels, LAYOUT: xml}))


UTF16_LAUGHS = ('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
                          for i in range(1, 10))
                + ']>\n<p:sldLayout xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
                  '&lol9;</p:sldLayout>').encode("utf-16")


def test_a_billion_laughs_layout_in_utf16_is_refused_after_decoding():
    assert b"<!DOCTYPE" not in UTF16_LAUGHS  # the old check read raw bytes
    message = refused(changed(**{LAYOUT: UTF16_LAUGHS}))
    assert "declares XML entities or a DOCTYPE" in message and LAYOUT in message


@pytest.mark.parametrize(("members", "expected"), [
    ({LAYOUT: part(LAYOUT)[:700]}, f"the part '{LAYOUT}' is not well-formed XML"),
    ({LAYOUT: b"<a>" * 100_000 + b"</a>" * 100_000}, "more than 256 levels deep"),
    ({LAYOUT_RELS: b"\x00\xffgarbage<<>>"}, f"'{LAYOUT_RELS}'"),
    ({LAYOUT_RELS: b"<notRelationships/>"}, "is not a list of relationships"),
    ({"[Content_Types].xml": re.sub(rb'<Override PartName="/ppt/slideLayouts/slideLayout2.xml"[^>]*/>', b"",
                                    part("[Content_Types].xml"))},
     f"the part '{LAYOUT}' has the content type 'application/xml'"),
    ({"ppt/slideMasters/slideMaster1.xml": None, "ppt/slideMasters/_rels/slideMaster1.xml.rels": None},
     "points to 'slideMasters/slideMaster1.xml', which is not in the file"),
    ({"ppt/presentation.xml": part("ppt/presentation.xml").replace(b'r:id="rId1"', b'r:id="rId999"', 1)},
     "refers to the relationship 'rId999'"),
    ({"_rels/.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'},
     "no main document"),
])
def test_a_template_that_does_not_hang_together_is_named(members, expected):
    assert expected in refused(rebuild(members))
