"""The brand faces travel inside the deck, as PowerPoint stores them.

Checked against the formats, not against our own writer: ``presentation.xml``
against ECMA-376 Part 1 (§19.2.1.26 CT_Presentation's element order,
§19.2.1.9 embeddedFont, §19.2.1.10 embeddedFontLst, §19.2.1.13 font), the
package against OPC (content type and relationship type), each ``.fntdata``
header field by field against the W3C EOT submission (version 0x00020001),
and each part converted back by libeot's ``eot2ttf`` into a font fontTools
opens and that covers every character the deck sets in that face.
"""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from lxml import etree

from workshop.pipeline import Job, prepare, render

REPO = Path(__file__).resolve().parents[3]
SAMPLES = sorted((REPO / "decks").glob("*.yaml"))
CASES = [(p, "default") for p in SAMPLES] + [(p, "noord") for p in SAMPLES[:2]]
EOT2TTF = shutil.which("eot2ttf")
NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
# CT_Presentation's children in schema order (ECMA-376 Part 1, §19.2.1.26)
SEQUENCE = ["sldMasterIdLst", "notesMasterIdLst", "handoutMasterIdLst", "sldIdLst", "sldSz", "notesSz",
            "smartTags", "embeddedFontLst", "custShowLst", "photoAlbum", "custDataLst", "kinsoku",
            "defaultTextStyle", "modifyVerifier", "extLst"]
STYLE_TAGS = {"regular": (False, False), "bold": (True, False), "italic": (False, True),
              "boldItalic": (True, True)}


def _build(path: Path, brand: str) -> bytes:
    return render(prepare(Job(path.relative_to(REPO), brand=brand)), "deck")


@pytest.fixture(scope="module")
def decks() -> dict[str, bytes]:
    return {f"{path.stem}--{brand}": _build(path, brand) for path, brand in CASES}


def _xml(archive: zipfile.ZipFile, name: str):
    return etree.fromstring(archive.read(name))


def _embedded(deck: bytes) -> list[tuple[str, dict, dict[str, str]]]:
    """(typeface, p:font attributes, style tag → part name) per p:embeddedFont."""
    archive = zipfile.ZipFile(io.BytesIO(deck))
    presentation = _xml(archive, "ppt/presentation.xml")
    rels = {r.get("Id"): r for r in _xml(archive, "ppt/_rels/presentation.xml.rels")}
    out = []
    for entry in presentation.iterfind("p:embeddedFontLst/p:embeddedFont", NS):
        font = entry.find("p:font", NS)
        styles = {}
        for child in entry:
            tag = etree.QName(child).localname
            if tag == "font":
                continue
            rel = rels[child.get(f"{{{NS['r']}}}id")]
            assert rel.get("Type") == FONT_REL
            styles[tag] = "ppt/" + rel.get("Target")
        out.append((font.get("typeface"), dict(font.attrib), styles))
    return out


def _chars_by_face(deck: bytes) -> dict[tuple[str, bool, bool], set[str]]:
    """Characters in each (typeface, bold, italic), read from the slides' runs."""
    archive = zipfile.ZipFile(io.BytesIO(deck))
    used: dict[tuple[str, bool, bool], set[str]] = {}
    for name in archive.namelist():
        if not (name.startswith(("ppt/slides/slide", "ppt/slideLayouts/", "ppt/slideMasters/"))
                and name.endswith(".xml")):
            continue
        for run in _xml(archive, name).iterfind(".//a:r", NS):
            props, text = run.find("a:rPr", NS), run.findtext("a:t", "", NS)
            latin = props.find("a:latin", NS) if props is not None else None
            if latin is None or not text:
                continue
            key = (latin.get("typeface"), props.get("b") == "1", props.get("i") == "1")
            used.setdefault(key, set()).update(text)
    return used


def test_presentation_xml_follows_the_schema_order(decks):
    for name, deck in decks.items():
        archive = zipfile.ZipFile(io.BytesIO(deck))
        presentation = _xml(archive, "ppt/presentation.xml")
        tags = [etree.QName(child).localname for child in presentation]
        assert "embeddedFontLst" in tags, name
        assert [SEQUENCE.index(t) for t in tags] == sorted(SEQUENCE.index(t) for t in tags), tags
        assert presentation.get("embedTrueTypeFonts") == "1"
        assert presentation.get("saveSubsetFonts") is None  # faces are whole, not subset


def test_every_face_in_use_is_embedded_once_and_every_embedded_face_is_used(decks):
    for name, deck in decks.items():
        embedded = _embedded(deck)
        typefaces = [typeface for typeface, _, _ in embedded]
        assert len(typefaces) == len(set(typefaces)), f"{name}: a typeface listed twice"
        parts = [part for _, _, styles in embedded for part in styles.values()]
        assert len(parts) == len(set(parts)), f"{name}: a part shared by two styles"
        used = _chars_by_face(deck)
        listed = {(typeface, *STYLE_TAGS[tag]) for typeface, _, styles in embedded for tag in styles}
        assert listed == set(used), name
        archive = zipfile.ZipFile(io.BytesIO(deck))
        assert sorted(n for n in archive.namelist() if n.endswith(".fntdata")) == sorted(parts)


def test_font_elements_carry_typeface_panose_pitch_and_charset(decks):
    for _, attributes, _ in _embedded(decks[f"{SAMPLES[0].stem}--default"]):
        assert set(attributes) == {"typeface", "panose", "pitchFamily", "charset"}
        assert len(attributes["panose"]) == 20 and int(attributes["panose"], 16) > 0
        assert int(attributes["pitchFamily"]) & 0x0F == 2  # variable pitch
        assert attributes["charset"] == "0"


def test_parts_have_the_font_content_type_and_names(decks):
    archive = zipfile.ZipFile(io.BytesIO(decks[f"{SAMPLES[0].stem}--default"]))
    types = _xml(archive, "[Content_Types].xml")
    defaults = {d.get("Extension"): d.get("ContentType") for d in types.iterfind("ct:Default", NS)}
    overrides = {o.get("PartName") for o in types.iterfind("ct:Override", NS)}
    assert defaults["fntdata"] == "application/x-fontdata"
    names = [n for n in archive.namelist() if n.endswith(".fntdata")]
    assert names and all(n.startswith("ppt/fonts/font") for n in names)
    assert not {"/" + n for n in names} & overrides


def _eot_fields(data: bytes) -> dict:
    """The EOT header, read with the W3C submission's field list (little-endian)."""
    fields = {}
    (fields["EOTSize"], fields["FontDataSize"], fields["Version"], fields["Flags"]) = struct.unpack_from("<4I", data)
    fields["FontPANOSE"] = data[16:26]
    fields["Charset"], fields["Italic"] = data[26], data[27]
    fields["Weight"], fields["fsType"], fields["MagicNumber"] = struct.unpack_from("<IHH", data, 28)
    fields["UnicodeRange"] = struct.unpack_from("<4I", data, 36)
    fields["CodePageRange"] = struct.unpack_from("<2I", data, 52)
    fields["CheckSumAdjustment"] = struct.unpack_from("<I", data, 60)[0]
    fields["Reserved"] = struct.unpack_from("<4I", data, 64)
    fields["Padding1"] = struct.unpack_from("<H", data, 80)[0]
    offset = 82
    for name in ("FamilyName", "StyleName", "VersionName", "FullName"):
        size = struct.unpack_from("<H", data, offset)[0]
        fields[name] = data[offset + 2: offset + 2 + size].decode("utf-16-le")
        fields[name + "Padding"] = struct.unpack_from("<H", data, offset + 2 + size)[0]
        offset += 4 + size
    fields["RootStringSize"] = struct.unpack_from("<H", data, offset)[0]
    offset += 2 + fields["RootStringSize"]
    fields["FontData"] = data[offset:]
    return fields


def _win_name(font: TTFont, name_id: int) -> str:
    record = font["name"].getName(name_id, 3, 1, 0x409)
    return record.toUnicode()


def test_each_fntdata_header_matches_the_eot_specification_and_the_font(decks):
    deck = decks[f"{SAMPLES[0].stem}--default"]
    archive = zipfile.ZipFile(io.BytesIO(deck))
    for _, _, styles in _embedded(deck):
        for tag, part in styles.items():
            data = archive.read(part)
            f = _eot_fields(data)
            ttf = TTFont(io.BytesIO(f["FontData"]))
            os2 = ttf["OS/2"]
            assert f["EOTSize"] == len(data)
            assert f["FontDataSize"] == len(f["FontData"])
            assert f["Version"] == 0x00020001
            assert f["Flags"] == 0  # no subsetting, no MicroType Express compression, no XOR
            assert f["MagicNumber"] == 0x504C
            panose = os2.panose
            assert f["FontPANOSE"] == bytes([panose.bFamilyType, panose.bSerifStyle, panose.bWeight,
                                             panose.bProportion, panose.bContrast, panose.bStrokeVariation,
                                             panose.bArmStyle, panose.bLetterForm, panose.bMidline,
                                             panose.bXHeight])
            assert f["Charset"] == 1
            assert f["Italic"] == (1 if os2.fsSelection & 1 else 0) == int(STYLE_TAGS[tag][1])
            assert f["Weight"] == os2.usWeightClass
            assert (f["Weight"] >= 600) == STYLE_TAGS[tag][0]
            assert f["fsType"] == os2.fsType
            assert f["UnicodeRange"] == (os2.ulUnicodeRange1, os2.ulUnicodeRange2, os2.ulUnicodeRange3,
                                         os2.ulUnicodeRange4)
            assert f["CodePageRange"] == (os2.ulCodePageRange1, os2.ulCodePageRange2)
            assert f["CheckSumAdjustment"] == ttf["head"].checkSumAdjustment
            assert f["Reserved"] == (0, 0, 0, 0) and f["Padding1"] == 0
            assert f["FamilyName"] == _win_name(ttf, 1)
            assert f["StyleName"] == _win_name(ttf, 2)
            assert f["VersionName"] == _win_name(ttf, 5)
            assert f["FullName"] == _win_name(ttf, 4)
            assert f["RootStringSize"] == 0


@pytest.mark.skipif(EOT2TTF is None, reason="eot2ttf (Debian package eot2ttf) is needed; .ci/run installs it")
def test_eot2ttf_gives_back_a_font_that_covers_every_character_set_in_it(decks, tmp_path):
    for name, deck in decks.items():
        archive = zipfile.ZipFile(io.BytesIO(deck))
        used = _chars_by_face(deck)
        for typeface, _, styles in _embedded(deck):
            for tag, part in styles.items():
                source = tmp_path / f"{name}-{tag}.eot"
                target = tmp_path / f"{name}-{tag}.ttf"
                source.write_bytes(archive.read(part))
                subprocess.run([EOT2TTF, str(source), str(target)], check=True, timeout=60)
                font = TTFont(target)
                assert _win_name(font, 1) == typeface
                cmap = font.getBestCmap()
                chars = used[(typeface, *STYLE_TAGS[tag])]
                missing = sorted(c for c in chars if ord(c) not in cmap and not c.isspace())
                assert not missing, f"{name} {typeface} {tag}: {missing}"


def test_rebuilds_are_byte_identical(decks):
    path, brand = CASES[0]
    assert _build(path, brand) == decks[f"{path.stem}--{brand}"]


def test_the_deck_opens_in_python_pptx(decks):
    from pptx import Presentation

    for deck in decks.values():
        assert len(Presentation(io.BytesIO(deck)).slides) > 3


def _fntdata(deck: bytes) -> list[str]:
    return [n for n in zipfile.ZipFile(io.BytesIO(deck)).namelist() if n.endswith(".fntdata")]


def test_the_brand_can_turn_embedding_off(plan, brand, assets, outline):
    from dataclasses import replace

    from workshop.check.embedding import check_embedding
    from workshop.render.deck import render_deck

    off = replace(brand, settings=replace(brand.settings, embed_fonts=False))
    deck = render_deck(plan, off, assets)
    assert not _fntdata(deck)
    assert b"embeddedFontLst" not in zipfile.ZipFile(io.BytesIO(deck)).read("ppt/presentation.xml")
    assert [f.code for f in check_embedding(plan, off, outline)] == ["font-embedding-off"]
    assert _fntdata(render_deck(plan, brand, assets))
    assert check_embedding(plan, brand, outline) == []


def test_a_restricted_face_is_left_out_and_check_says_so(plan, brand, assets, outline, tmp_path):
    from dataclasses import replace

    from workshop.check.embedding import check_embedding
    from workshop.render.deck import render_deck

    bold = TTFont(brand.typography.base.family.bold)
    bold["OS/2"].fsType = 0x0002
    restricted = tmp_path / "Restricted-Bold.ttf"
    bold.save(restricted)
    family = replace(brand.typography.base.family, bold=restricted)
    typography = brand.typography
    changed = replace(brand, typography=replace(
        typography, base=replace(typography.base, family=family),
        headings=replace(typography.headings, family=family)))
    findings = check_embedding(plan, changed, outline)
    assert len(findings) == 1 and "Restricted-Bold.ttf" in findings[0].message
    assert "restricted" in findings[0].message
    embedded = _embedded(render_deck(plan, changed, assets))
    assert embedded and all("bold" not in styles for _, _, styles in embedded)
    assert all("regular" in styles for _, _, styles in embedded)


def test_the_sample_brands_have_no_embedding_findings():
    from workshop.brand.load import load_brand
    from workshop.check.embedding import check_embedding

    for name in ("default", "noord"):
        assert check_embedding(None, load_brand(name), None) == []


def test_the_faces_are_the_same_with_their_cache_cold_warm_and_off(monkeypatch, tmp_path):
    from workshop.cache import CACHE_ENV
    from workshop.render.deck import deflate_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    sample = SAMPLES[0]
    deflate_cache.forget()
    cold = _build(sample, "default")
    assert list((tmp_path / "cache").rglob("*.file"))  # the faces were stored
    deflate_cache.forget()
    warm = _build(sample, "default")
    monkeypatch.setenv(CACHE_ENV, "off")
    deflate_cache.forget()
    off = _build(sample, "default")
    deflate_cache.forget()
    assert cold == warm == off


def _part(xml: str):
    return etree.fromstring(
        f'<root xmlns:a="{NS["a"]}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        f"{xml}</root>")


@pytest.mark.parametrize(("name", "xml", "expected"), [
    ("/ppt/slides/slide1.xml", '<a:r><a:rPr b="1"><a:latin typeface="Lato"/></a:rPr><a:t>Hoi</a:t></a:r>',
     {("Lato", True, False)}),
    # a run without text sets nothing in its face
    ("/ppt/slides/slide1.xml", '<a:r><a:rPr i="1"><a:latin typeface="Lato"/></a:rPr><a:t></a:t></a:r>', set()),
    # a layout's default look is not text anyone sees; a chart's default run properties are
    ("/ppt/slideLayouts/slideLayout1.xml", '<a:defRPr><a:latin typeface="Lato"/></a:defRPr>', set()),
    ("/ppt/charts/chart1.xml", '<a:defRPr i="true"><a:latin typeface="Lato"/></a:defRPr>',
     {("Lato", False, True)}),
    # not a part that holds text, and a run whose face the theme decides
    ("/ppt/notesSlides/notesSlide1.xml", '<a:r><a:rPr><a:latin typeface="Lato"/></a:rPr><a:t>x</a:t></a:r>', set()),
    ("/ppt/slides/slide1.xml", "<a:r><a:rPr/><a:t>x</a:t></a:r>", set()),
])
def test_faces_in_finds_the_faces_a_part_sets_text_in(name, xml, expected):
    from workshop.render.deck.embed import faces_in

    used: set[tuple[str, bool, bool]] = set()
    faces_in(name, _part(xml), used)
    assert used == expected
    known = {("Other", False, False)}
    faces_in(name, _part(xml), known)
    assert known == expected | {("Other", False, False)}
