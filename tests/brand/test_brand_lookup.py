"""Where brand names are found: a path, the project's, the user's, then the installed brands."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.brand.lookup import (
    available_brands,
    brand_listing,
    brand_roots,
    find_brand_file,
    found_brands,
    installed_brands_dir,
)
from workshop.config import load_project
from workshop.errors import WorkshopError


def brand(folder: Path, name: str = "Local") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "_brand.yml").write_text(f"meta: {{name: {name}}}\n", encoding="utf-8")
    return folder / "_brand.yml"


@pytest.fixture
def places(tmp_path, monkeypatch):
    user = tmp_path / "user-config"
    monkeypatch.setenv("WORKSHOP_CONFIG_DIR", str(user))
    project_dir = tmp_path / "project"
    (project_dir).mkdir()
    (project_dir / "workshop.toml").write_text('brands = "huisstijl"\n', encoding="utf-8")
    monkeypatch.chdir(project_dir)
    return project_dir / "huisstijl", user / "brands"


def test_the_installed_brands_come_from_the_package():
    installed = installed_brands_dir()
    assert installed is not None and (installed / "default" / "_brand.yml").is_file()
    assert (installed / "noord" / "template.pptx").is_file()


def test_order_project_then_user_then_installed(places):
    project, user = places
    assert [r.kind for r in brand_roots()] == ["project", "user", "installed"]
    assert brand_roots()[0].folder == project.resolve()
    assert find_brand_file("noord").parent.parent == installed_brands_dir()
    user_noord = brand(user / "noord")
    assert find_brand_file("noord") == user_noord
    project_noord = brand(project / "noord")
    assert find_brand_file("noord") == project_noord
    found = {b.name: b for b in found_brands()}
    assert [r.kind for r in found["noord"].shadows] == ["user", "installed"]
    assert available_brands() == ["noord", "default"]


def test_a_path_comes_first(places, tmp_path):
    elsewhere = brand(tmp_path / "elders" / "noord")
    assert find_brand_file(str(elsewhere.parent)) == elsewhere
    assert find_brand_file(elsewhere) == elsewhere


def test_unknown_names_list_the_places(places):
    with pytest.raises(WorkshopError) as caught:
        find_brand_file("nord")
    hint = caught.value.hint
    assert "did you mean 'noord'" in hint and "(project)" in hint and "(user)" in hint and "(installed)" in hint


def test_a_folder_without_brand_file_is_not_a_brand(places):
    project, _ = places
    (project / "half").mkdir(parents=True)
    assert "half" not in available_brands(load_project())


def test_listing_says_where_each_comes_from(places):
    project, _ = places
    brand(project / "acme")
    lines = brand_listing()
    assert any(line.split()[:2] == ["acme", "project"] for line in lines)
    assert any("(does not exist)" in line and line.split()[0] == "user" for line in lines)
