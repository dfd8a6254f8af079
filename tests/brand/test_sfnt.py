"""Our small font reader agrees with fontTools on every installed brand font."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from workshop.brand.sfnt import NotAFont, read_font_info, read_font_metrics

PACKAGES = ["font_lato", "font_rhd", "font_source_sans_pro", "font_source_serif_pro"]
FILES = sorted(
    path
    for package in PACKAGES
    for path in Path(next(iter(importlib.util.find_spec(package).submodule_search_locations))).rglob("*.ttf")
)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_metrics_and_names_match_fonttools(path):
    data = path.read_bytes()
    ours, info = read_font_metrics(data), read_font_info(data)
    with TTFont(str(path), lazy=True) as font:
        widths = font["hmtx"].metrics
        reference = {code: widths[glyph][0] for code, glyph in font.getBestCmap().items() if glyph != ".notdef"}
        assert ours.advances == reference
        assert ours.units_per_em == font["head"].unitsPerEm
        assert ours.notdef_advance == widths[".notdef"][0]
        names = font["name"]
        assert info.names.get(1) == names.getDebugName(1)
        assert info.names.get(16) == names.getDebugName(16)
        assert info.weight == font["OS/2"].usWeightClass
        assert info.fs_selection == font["OS/2"].fsSelection


@pytest.mark.parametrize("data", [b"", b"not a font at all", FILES[0].read_bytes()[:300]])
def test_garbage_and_truncated_files_are_not_fonts(data):
    with pytest.raises(NotAFont):
        read_font_metrics(data)
    with pytest.raises(NotAFont):
        read_font_info(data)


def test_a_font_without_tables_cannot_be_measured():
    with pytest.raises(NotAFont, match="no 'head' table"):
        read_font_metrics(b"\x00\x01\x00\x00" + b"\x00" * 8)
