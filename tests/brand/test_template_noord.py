"""noord's template.pptx: named in its _brand.yml, made reproducibly, visibly its designer's."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import pytest

from workshop.brand.load import load_brand
from workshop.layouts import default_layout, read_template

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "assets" / "brands" / "make_templates.py"
SHIPPED = REPO / "assets" / "brands" / "noord" / "template.pptx"


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("make_templates", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_noord_names_its_template_and_default_has_none():
    assert load_brand("noord").settings.template == SHIPPED.resolve()
    assert load_brand("default").settings.template is None


def test_the_script_gives_the_same_bytes_every_run(script):
    first, second = script.build("noord"), script.build("noord")
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        assert not [n for n in archive.namelist() if n.startswith("ppt/slides/")]  # a master, no slides


def test_the_script_does_not_read_the_template_it_replaces(script, tmp_path):
    """The master is made from the brand without its template, so a first run works too."""
    brand = script.generated_brand(REPO / "assets" / "brands" / "noord", tmp_path)
    assert brand.settings.template is None
    assert not list(tmp_path.rglob("*.pptx"))
    assert brand.meta.name == load_brand("noord").meta.name and brand.colors == load_brand("noord").colors


def test_the_shipped_template_is_visibly_changed_from_the_generated_master():
    template = read_template(SHIPPED.read_bytes())
    moved = {
        ("Title", "Title"), ("Title", "Subtitle"), ("Title", "Details"),
        ("Quote", "Quote"), ("Quote", "Attribution"),
    }
    for layout_name, shape in moved:
        kind = layout_name.lower()
        assert template.layout(layout_name).placeholder(shape).box != default_layout(kind).box(shape), shape
    from pptx import Presentation

    prs = Presentation(SHIPPED)
    layouts = {ly.name: {s.name for s in ly.shapes} for ly in prs.slide_layouts}
    assert {"Bottom Band", "Band Rule", "North Arrow"} <= layouts["Title"] and "Band" not in layouts["Title"]
    assert "Ochre Stripe" in layouts["Section"] and "Accent Bar" not in layouts["Section"]
    assert "Noord Edge" in {s.name for s in prs.slide_masters[0].shapes}
