"""Font folders on every desktop, searched after the brand folder and the font packages.

Each platform is described by a fake ``Desktop`` over a temporary folder tree,
so the macOS and Windows lookups are tested on any machine.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from workshop import platforms
from workshop.brand import fontfiles
from workshop.brand.fonts import resolve_family
from workshop.platforms import Desktop

LINUX, MACOS, WINDOWS = "linux", "macos", "windows"


def lato(name: str = "Lato-Regular.ttf") -> Path:
    """A font file from the installed font packages (font-lato, font-rhd, ...)."""
    for path in fontfiles.package_place().fonts:
        if path.name == name:
            return path
    pytest.skip(f"{name} is not in an installed font package")


def fake_desktop(system: str, tmp: Path) -> tuple[Desktop, Path]:
    """A desktop over ``tmp`` and the folder a user's installed font lands in there."""
    home = tmp / "home"
    if system == WINDOWS:
        env = {"LOCALAPPDATA": str(home / "AppData" / "Local"), "WINDIR": str(tmp / "Windows")}
        return Desktop(WINDOWS, home, env, root=tmp), home / "AppData/Local/Microsoft/Windows/Fonts"
    if system == MACOS:
        return Desktop(MACOS, home, {}, root=tmp), home / "Library" / "Fonts"
    return Desktop(LINUX, home, {}, root=tmp), home / ".local" / "share" / "fonts"


@pytest.fixture
def desktop(monkeypatch, tmp_path):
    def make(system: str) -> Path:
        fake, folder = fake_desktop(system, tmp_path)
        monkeypatch.setattr(platforms.Desktop, "current", classmethod(lambda cls: fake))
        return folder

    return make


@pytest.mark.parametrize("system", [LINUX, MACOS, WINDOWS])
def test_a_users_installed_font_is_found(system, desktop):
    folder = desktop(system)
    (folder / "Lato").mkdir(parents=True)
    for name in ("Lato-Regular.ttf", "Lato-Bold.ttf"):
        shutil.copy(lato(name), folder / "Lato" / name)
    family, _ = resolve_family("Lato", None, places=fontfiles.system_places())
    assert family.regular == folder / "Lato" / "Lato-Regular.ttf"
    assert family.bold == folder / "Lato" / "Lato-Bold.ttf"


@pytest.mark.parametrize("system, folder", [
    (MACOS, "Library/Fonts"), (MACOS, "System/Library/Fonts/Supplemental"), (WINDOWS, "Windows/Fonts"),
    (LINUX, "usr/share/fonts/truetype/lato"),
])
def test_system_wide_folders_are_searched(system, folder, desktop, tmp_path):
    desktop(system)
    target = tmp_path / folder
    target.mkdir(parents=True)
    shutil.copy(lato(), target / "Lato-Regular.ttf")
    family, _ = resolve_family("Lato", None, places=fontfiles.system_places())
    assert family.regular == target / "Lato-Regular.ttf"


def test_order_is_brand_then_shipped_and_packages_then_the_desktop(desktop, tmp_path):
    desktop(MACOS)
    labels = [place.label for place in fontfiles.all_places(tmp_path)]
    assert labels[0].startswith("the brand folder") and labels[1] == "the fonts shipped with workshop"
    assert labels[2].startswith("installed font packages")
    assert [label.rsplit(" ", 1)[-1] for label in labels[3:]] == [
        str(p) for p in platforms.font_dirs(platforms.Desktop.current())]
    packaged = lato("RedHatDisplay-Regular.ttf")
    user = tmp_path / "home" / "Library" / "Fonts"
    user.mkdir(parents=True)
    shutil.copy(packaged, user / packaged.name)
    family, _ = resolve_family("Red Hat Display", None)
    assert family.regular == packaged  # the package comes before the desktop's copy


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_a_symlink_out_of_the_brand_folder_is_not_followed(tmp_path):
    brand = tmp_path / "brand"
    (brand / "fonts").mkdir(parents=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.copy(lato(), outside / "Lato-Regular.ttf")
    (brand / "fonts" / "Lato-Regular.ttf").symlink_to(outside / "Lato-Regular.ttf")
    (brand / "fonts" / "linked").symlink_to(outside, target_is_directory=True)
    assert fontfiles.brand_place(brand).fonts == ()
    family, _ = resolve_family("Lato", brand)
    assert not family.regular.is_relative_to(outside)  # found elsewhere, not through the link


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_a_symlink_inside_the_brand_folder_is_fine(tmp_path):
    brand = tmp_path / "brand"
    (brand / "files").mkdir(parents=True)
    shutil.copy(lato(), brand / "files" / "Lato-Regular.ttf")
    (brand / "Lato.ttf").symlink_to(brand / "files" / "Lato-Regular.ttf")
    assert len(fontfiles.brand_place(brand).fonts) == 2


def test_a_family_found_in_a_font_package_never_walks_the_desktops_folders(desktop, monkeypatch):
    desktop(LINUX)
    packaged = lato("RedHatDisplay-Regular.ttf")
    walked: list[int] = []
    real = fontfiles.system_places
    monkeypatch.setattr(fontfiles, "system_places", lambda: walked.append(1) or real())
    family, _ = resolve_family("Red Hat Display", None)
    assert family.regular == packaged and walked == []
    with pytest.raises(Exception, match="No Such Family"):
        resolve_family("No Such Family", None)
    assert walked == [1]  # a family not found earlier is looked for there too, once


@pytest.mark.parametrize("text", [
    "font_x/A.ttf,sha256=abc,10\r\nfont_x/B.ttf,,\r\n",
    '"font_x/a,b.ttf",sha256=abc,10\n"font_x/q""uote.ttf",,\n',  # quoted paths go through csv
    "a.ttf\rb.ttf,h\r\n\n,\n",  # csv's row ends, blank rows, an empty path
    '"multi\nline.ttf",h,1\nz.ttf,,\n',
    "x\x0by.ttf,h,1\n\x0cz.ttf,,\n",  # \v and \f end no csv row
    "a\u2028b.ttf,h\n",
    '"unterminated\n',
    "",
])
def test_a_records_paths_are_read_as_the_csv_module_reads_them(tmp_path, text):
    """RECORD is CSV; without quotes it is read without the csv module (0.6 ms of every start)."""
    import csv

    (tmp_path / "RECORD").write_text(text, encoding="utf-8", newline="")
    with open(tmp_path / "RECORD", encoding="utf-8", newline="") as handle:
        expected = [row[0] for row in csv.reader(handle) if row]
    assert fontfiles._record(tmp_path) == expected


def test_every_installed_record_is_read_as_the_csv_module_reads_it():
    import csv
    import sys

    checked = 0
    for entry in sys.path:
        for dist_info in Path(entry or ".").glob("*.dist-info"):
            try:
                with open(dist_info / "RECORD", encoding="utf-8", newline="") as handle:
                    expected = [row[0] for row in csv.reader(handle) if row]
            except OSError:
                continue
            assert fontfiles._record(dist_info) == expected, dist_info
            checked += 1
    assert checked > 10
