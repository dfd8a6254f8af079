"""The two brands that ship load cleanly and differ where a rebrand should."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.brand.colors import contrast_ratio
from workshop.brand.load import (
    available_brands,
    brand_folder,
    find_brand_file,
    load_brand,
    load_brand_with_findings,
)
from workshop.errors import WorkshopError

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["default", "noord"])
def test_shipped_brand_loads_without_warnings(name):
    brand, findings = load_brand_with_findings(name)
    assert findings == []
    assert brand.name == name
    assert brand.folder == (REPO / "assets" / "brands" / name).resolve()
    expected = {"default": None, "noord": brand.folder / "template.pptx"}[name]
    assert brand.settings.template == expected
    assert brand.settings.paper == "A4"
    # body text passes WCAG AA, headings pass AA for large text
    assert contrast_ratio(brand.colors.foreground, brand.colors.background) >= 4.5
    assert contrast_ratio(brand.typography.headings.color, brand.colors.background) >= 4.5
    for logo in (brand.logos.get(), brand.logos.get(dark=True), brand.logos.get("small"), brand.logos.get("small", dark=True)):
        assert logo is not None
        assert logo.format == "png" and logo.alt and logo.width > 0 and logo.height > 0
        assert logo.data.startswith(b"\x89PNG")
        assert logo.path.stat().st_size < 60 * 1024
    assert brand.logos.get() is not brand.logos.get(dark=True)


def test_default_brand_is_the_house_style():
    brand = load_brand()
    assert brand.meta.name == "Helder Communicatie" and brand.meta.short_name == "Helder"
    assert brand.typography.headings.family.name == "Red Hat Display"
    assert brand.typography.base.family.name == "Lato"
    assert brand.typography.headings.family.bold.name == "RedHatDisplay-Bold.ttf"
    assert brand.typography.headings.bold and brand.typography.headings.file() == brand.typography.headings.family.bold
    assert brand.colors.primary == brand.colors.palette["navy"] == "#14305A"
    assert brand.colors.secondary == "#EE6A4D"
    assert brand.typography.base.line_height == 1.3
    assert brand.typography.link_color == brand.colors.palette["teal"]


def test_second_brand_differs_in_colours_fonts_and_logo():
    house, noord = load_brand("default"), load_brand("noord")
    assert noord.typography.headings.family.name == "Source Serif Pro" and noord.typography.base.family.name == "Source Sans Pro"
    assert noord.colors.primary == "#1F4030"
    assert noord.colors.background != house.colors.background
    for role in ("primary", "secondary", "tertiary", "foreground", "dark", "light"):
        assert getattr(noord.colors, role) != getattr(house.colors, role), role
    assert noord.logos.get().data != house.logos.get().data
    assert noord.typography.headings.weight == 600 and noord.typography.headings.bold
    assert noord.size("title").max_pt == 38 and noord.size("body") == house.size("body")


def test_lookup_by_name_from_another_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_brand("noord").name == "noord"


def test_working_folder_brand_wins_over_the_shipped_one(tmp_path, monkeypatch, brand_dir):
    folder = brand_dir("meta: {name: Local}\n", name="assets/brands/noord")
    monkeypatch.chdir(tmp_path)
    assert find_brand_file("noord") == Path("assets/brands/noord/_brand.yml").absolute()
    assert load_brand("noord").meta.name == "Local"
    assert folder.name == "noord"


def test_lookup_by_folder_and_file_path():
    folder = REPO / "assets" / "brands" / "noord"
    assert brand_folder("noord") == brand_folder(folder) == folder.resolve()
    assert load_brand(folder).name == "noord"
    assert load_brand(str(folder / "_brand.yml")).name == "noord"


def test_unknown_brand_suggests_a_name():
    with pytest.raises(WorkshopError) as caught:
        load_brand("nord")
    assert "unknown brand 'nord'" in caught.value.message
    assert "noord" in caught.value.hint
    assert {"default", "noord"} <= set(available_brands())


def test_folder_without_brand_file(tmp_path):
    with pytest.raises(WorkshopError) as caught:
        load_brand(tmp_path)
    assert "_brand.yml" in caught.value.message


def test_logos_are_reproducible(tmp_path):
    """make_logos.py redraws exactly the committed PNGs (same Pillow and fonts)."""
    import subprocess
    import sys

    committed = {p: p.read_bytes() for p in (REPO / "assets" / "brands").glob("*/logos/*.png")}
    script = (REPO / "assets" / "brands" / "make_logos.py").read_text()
    copy = tmp_path / "brands"
    for path in committed:
        target = copy / path.relative_to(REPO / "assets" / "brands")
        target.parent.mkdir(parents=True, exist_ok=True)
    (copy / "make_logos.py").write_text(script.replace(
        "sys.path.insert(0, str(HERE.parents[1]))", f"sys.path.insert(0, {str(REPO)!r})"))
    subprocess.run([sys.executable, str(copy / "make_logos.py")], check=True, capture_output=True)
    for path, data in committed.items():
        redrawn = (copy / path.relative_to(REPO / "assets" / "brands")).read_bytes()
        assert redrawn == data, path.name
