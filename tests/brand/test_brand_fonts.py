"""Fonts are identified by their own name tables, searched in a fixed order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workshop.brand import fontfiles, fonts
from workshop.brand.fontfiles import Place
from workshop.brand.fonts import DeclaredFile, read_face, resolve_family
from workshop.errors import WorkshopError


def package_file(name: str) -> Path:
    for path in fontfiles.package_place().fonts + fontfiles.package_place().others:
        if path.name == name:
            return path
    pytest.skip(f"{name} is not installed")


def test_package_font_found_by_name_table():
    family, findings = resolve_family("Lato", None)
    assert family.name == "Lato"
    assert family.regular.name == "Lato-Regular.ttf"
    assert family.bold.name == "Lato-Bold.ttf"
    assert family.italic.name == "Lato-Italic.ttf"
    assert family.bold_italic.name == "Lato-BoldItalic.ttf"
    assert family.fallbacks == ()
    assert findings == []


def test_family_name_is_matched_loosely():
    assert resolve_family("red hat display", None)[0].regular.name == "RedHatDisplay-Regular.ttf"


def test_source_fonts_have_it_styles():
    family, _ = resolve_family("Source Serif Pro", None)
    assert family.italic.name == "SourceSerifPro-It.ttf"
    assert family.bold_italic.name == "SourceSerifPro-BoldIt.ttf"


def test_read_face_uses_the_name_table_not_the_file_name(tmp_path):
    lying = tmp_path / "Bold.ttf"
    shutil.copy(package_file("Lato-Italic.ttf"), lying)
    face = read_face(lying)
    assert face is not None
    assert (face.family, face.weight, face.italic) == ("Lato", 400, True)


def test_brand_folder_wins_and_file_names_do_not_matter(tmp_path):
    folder = tmp_path / "brand"
    (folder / "fonts").mkdir(parents=True)
    # Deliberately misleading names: the name table decides.
    shutil.copy(package_file("Lato-Regular.ttf"), folder / "fonts" / "b.ttf")
    shutil.copy(package_file("Lato-Bold.ttf"), folder / "fonts" / "a-italic.ttf")
    family, findings = resolve_family("Lato", folder)
    assert family.regular == (folder / "fonts" / "b.ttf").resolve()
    assert family.bold == (folder / "fonts" / "a-italic.ttf").resolve()
    # No italic in the brand folder: fall back, never mix in the package's italic.
    assert family.italic == family.regular
    assert family.bold_italic == family.bold
    assert set(family.fallbacks) == {"italic", "bold_italic"}
    (finding,) = findings
    assert finding.code == "brand-font-style"
    assert "Italic" in finding.message and "Bold Italic" in finding.message


def test_only_regular_falls_back_to_regular_for_every_style(tmp_path):
    shutil.copy(package_file("Lato-Regular.ttf"), tmp_path / "Lato-Regular.ttf")
    family, findings = resolve_family("Lato", tmp_path)
    assert family.bold == family.italic == family.bold_italic == family.regular
    assert findings[0].details["missing"] == ["bold", "italic", "bold_italic"]


def test_missing_family_is_a_clear_error(tmp_path):
    with pytest.raises(WorkshopError) as caught:
        resolve_family("Comic Neue Nonexistent", tmp_path)
    error = caught.value
    assert "Comic Neue Nonexistent" in error.message
    assert "brand folder" in error.message and "font packages" in error.message
    assert "/usr/share/fonts" in error.message
    assert "pip install" in error.hint and ".ttf" in error.hint


def test_missing_family_suggests_a_close_installed_one():
    with pytest.raises(WorkshopError) as caught:
        resolve_family("Lato Sans", None)
    assert "Lato" in caught.value.hint


def test_otf_only_family_is_explained(tmp_path):
    shutil.copy(package_file("SourceSansPro-Regular.otf"), tmp_path / "Mysans-Regular.otf")
    place = Place("test place", (), (tmp_path / "Mysans-Regular.otf",))
    with pytest.raises(WorkshopError) as caught:
        resolve_family("Mysans", None, places=[place])
    assert "not TrueType" in caught.value.message


def test_cff_outlines_in_a_ttf_file_are_refused(tmp_path):
    fake = tmp_path / "SourceSansPro-Regular.ttf"
    shutil.copy(package_file("SourceSansPro-Regular.otf"), fake)
    face = read_face(fake)
    assert face is not None and "CFF" in (face.problem or "")
    with pytest.raises(WorkshopError) as caught:
        resolve_family("Source Sans Pro", None, places=[Place("test place", (fake,))])
    assert "CFF" in caught.value.message


def test_badly_named_file_is_found_by_a_full_scan(tmp_path):
    odd = tmp_path / "zz01.ttf"
    shutil.copy(package_file("Lato-Bold.ttf"), odd)
    place = Place("test place", (odd,))
    family, _ = resolve_family("Lato", None, places=[place])
    assert family.bold == odd
    with pytest.raises(WorkshopError):
        resolve_family("Lato", None, places=[place], thorough=False)


def test_declared_files_are_used_with_their_weights(tmp_path):
    regular = tmp_path / "x.ttf"
    shutil.copy(package_file("Lato-Regular.ttf"), regular)
    heavy = tmp_path / "y.ttf"
    shutil.copy(package_file("Lato-Black.ttf"), heavy)
    family, _ = resolve_family("Lato", tmp_path, declared=[DeclaredFile(regular), DeclaredFile(heavy, 700)])
    assert family.regular == regular and family.bold == heavy


def test_not_a_font_in_declared_files(tmp_path):
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"not a font at all")
    with pytest.raises(WorkshopError) as caught:
        resolve_family("Lato", tmp_path, declared=[DeclaredFile(junk)])
    assert "junk.ttf" in caught.value.message


def test_name_tables_are_read_once_per_process():
    resolve_family("Lato", None)
    before = fonts._read_face.cache_info()
    resolve_family("Lato", None)
    after = fonts._read_face.cache_info()
    assert after.misses == before.misses
    assert after.hits > before.hits


def test_package_fonts_are_listed_without_importing_them():
    import sys

    place = fontfiles.package_place()
    assert "font-lato" in place.label
    assert any(p.name == "RedHatDisplay-Bold.ttf" for p in place.fonts)
    assert not any(p.suffix == ".otf" for p in place.fonts)
    assert "font_lato" not in sys.modules


def test_file_helper_picks_style():
    family, _ = resolve_family("Lato", None)
    assert family.file() == family.regular
    assert family.file(bold=True, italic=True) == family.bold_italic
    assert family.file(italic=True) == family.italic
