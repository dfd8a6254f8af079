"""Per-platform folders, described with fake desktops so every system is tested here."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.platforms import (
    Desktop,
    font_dirs,
    system_name,
    user_brands_dir,
    user_cache_dir,
    user_config_dir,
)

HOME = Path("/home/anna")
LINUX, MACOS, WINDOWS = "linux", "macos", "windows"


def test_system_names():
    assert [system_name(p) for p in ("linux", "darwin", "win32", "cygwin", "freebsd13")] == [
        LINUX, MACOS, WINDOWS, WINDOWS, LINUX]


@pytest.mark.parametrize("desktop, config, cache", [
    (Desktop(LINUX, HOME), HOME / ".config/workshop", HOME / ".cache/workshop"),
    (Desktop(LINUX, HOME, {"XDG_CONFIG_HOME": "/cfg", "XDG_CACHE_HOME": "/c"}), Path("/cfg/workshop"),
     Path("/c/workshop")),
    (Desktop(LINUX, HOME, {"XDG_CONFIG_HOME": "relative"}), HOME / ".config/workshop", HOME / ".cache/workshop"),
    (Desktop(MACOS, HOME), HOME / "Library/Application Support/workshop", HOME / "Library/Caches/workshop"),
    (Desktop(WINDOWS, HOME, {"APPDATA": "/r", "LOCALAPPDATA": "/l"}), Path("/r/workshop"),
     Path("/l/workshop/Cache")),
    (Desktop(WINDOWS, HOME), HOME / "AppData/Roaming/workshop", HOME / "AppData/Local/workshop/Cache"),
])
def test_user_folders(desktop, config, cache):
    assert user_config_dir(desktop) == config
    assert user_brands_dir(desktop) == config / "brands"
    assert user_cache_dir(desktop) == cache


def test_the_config_override_wins_everywhere():
    for system in (LINUX, MACOS, WINDOWS):
        desktop = Desktop(system, HOME, {"WORKSHOP_CONFIG_DIR": "/portable"})
        assert user_brands_dir(desktop) == Path("/portable/brands")


def test_font_folders_per_desktop(tmp_path):
    linux = Desktop(LINUX, HOME, root=tmp_path)
    assert font_dirs(linux) == (HOME / ".local/share/fonts", HOME / ".fonts", tmp_path / "usr/local/share/fonts",
                                tmp_path / "usr/share/fonts")
    assert font_dirs(Desktop(LINUX, HOME, {"XDG_DATA_DIRS": "/opt/share:rel"}))[-1] == Path("/opt/share/fonts")
    mac = Desktop(MACOS, HOME, root=tmp_path)
    assert font_dirs(mac) == (HOME / "Library/Fonts", tmp_path / "Library/Fonts",
                              tmp_path / "Network/Library/Fonts", tmp_path / "System/Library/Fonts")
    windows = Desktop(WINDOWS, HOME, {"LOCALAPPDATA": "/l", "WINDIR": "/w"})
    assert font_dirs(windows) == (Path("/l/Microsoft/Windows/Fonts"), Path("/w/Fonts"))
    assert font_dirs(Desktop(WINDOWS, HOME, root=tmp_path))[-1] == tmp_path / "Windows/Fonts"
