"""The project configuration: found walking up, checked with places, flags and defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.config import client_file, find_config, load_project
from workshop.errors import WorkshopError
from workshop.outline.load import load_outline

OUTLINE = """workshop:
  title: "{{ client.name }}"
sections:
  - title: Een
    duration: 20m
    slides:
      - kind: statement
        text: Hallo
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_found_from_a_subfolder_with_paths_relative_to_it(tmp_path):
    write(tmp_path / "workshop.toml", 'brand = "noord"\nout = "uit"\nclients = ["../klanten"]\njobs = 2\n')
    sub = tmp_path / "decks" / "deep"
    sub.mkdir(parents=True)
    project = load_project(sub)
    assert project.file == tmp_path / "workshop.toml" and project.root == tmp_path.resolve()
    assert project.brand == "noord" and project.jobs == 2
    assert project.out == tmp_path.resolve() / "uit"
    assert project.clients == (tmp_path.resolve() / "../klanten",)


def test_pyproject_counts_only_with_a_tool_workshop_table(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(tmp_path) is None
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\nbrand = "no"\n\n[tool.workshop]\nbrand = "noord"\n')
    project = load_project(tmp_path)
    assert project.brand == "noord" and project.where("brand").line == 6
    write(tmp_path / "workshop.toml", 'brand = "default"\n')
    assert load_project(tmp_path).file.name == "workshop.toml"  # wins in the same folder


def test_without_a_file_the_working_folder_is_the_root(tmp_path):
    project = load_project(tmp_path)
    assert project.file is None and project.brand == "default"
    assert project.out == tmp_path / "build" and project.decks == tmp_path / "decks"


@pytest.mark.parametrize("text, message, line", [
    ('brand = "x"\nbrnd = "y"\n', "unknown setting 'brnd'", 2),
    ("jobs = -1\n", "jobs should be a whole number", 1),
    ("jobs = true\n", "jobs should be a whole number", 1),
    ('clients = "a", "b"\n', "TOML syntax error", 1),
    ("clients = [1]\n", "clients should be a list of folders", 1),
    ('language = "nederlands!"\n', "is not a language tag", 1),
    ("out = 3\n", "out should be a text", 1),
])
def test_problems_name_the_file_and_line(tmp_path, text, message, line):
    file = write(tmp_path / "workshop.toml", text)
    with pytest.raises(WorkshopError) as caught:
        load_project(tmp_path)
    assert message in caught.value.message
    assert caught.value.location.file == str(file) and caught.value.location.line == line


def test_a_huge_config_is_refused(tmp_path):
    write(tmp_path / "workshop.toml", "# " + "x" * (1024 * 1024) + "\n")
    with pytest.raises(WorkshopError, match="the limit is"):
        load_project(tmp_path)


def test_client_folders_outside_the_project_are_trusted_when_configured(tmp_path, monkeypatch):
    project_dir = tmp_path / "project"
    write(project_dir / "workshop.toml", 'clients = ["../gedeeld/klanten"]\n')
    outline = write(project_dir / "decks" / "w.yaml", OUTLINE)
    profile = write(tmp_path / "gedeeld" / "klanten" / "acme.yml", "client: {name: Acme}\n")
    monkeypatch.chdir(project_dir)
    project = load_project()
    assert client_file(project, "acme") == project.clients[0] / "acme.yml"
    loaded = load_outline(outline, vars_files=[client_file(project, "acme")], trusted=project.clients)
    assert loaded.workshop.meta.title == "Acme"
    with pytest.raises(WorkshopError, match="allowed folders"):  # not configured: confined
        load_outline(outline, vars_files=[profile])


def test_trusted_client_files_are_still_type_and_size_checked(tmp_path, monkeypatch):
    write(tmp_path / "p" / "workshop.toml", 'clients = ["../k"]\n')
    outline = write(tmp_path / "p" / "w.yaml", OUTLINE)
    big = write(tmp_path / "k" / "big.yaml", "a: " + "x" * (2 * 1024 * 1024) + "\n")
    (tmp_path / "k" / "dir.yaml").mkdir()
    monkeypatch.chdir(tmp_path / "p")
    project = load_project()
    with pytest.raises(WorkshopError, match="the limit is"):
        load_outline(outline, vars_files=[big], trusted=project.clients)
    with pytest.raises(WorkshopError, match="not a regular file"):
        load_outline(outline, vars_files=[tmp_path / "k" / "dir.yaml"], trusted=project.clients)


def test_unknown_client_suggests_and_says_where_it_looked(tmp_path):
    write(tmp_path / "workshop.toml", 'clients = ["klanten"]\n')
    write(tmp_path / "klanten" / "acme.yaml", "client: {name: Acme}\n")
    project = load_project(tmp_path)
    with pytest.raises(WorkshopError) as caught:
        client_file(project, "acm")
    assert "did you mean 'acme'" in str(caught.value) and "klanten" in str(caught.value)
    assert caught.value.location.line == 1
    with pytest.raises(WorkshopError, match="takes a client name"):
        client_file(project, "acme.yaml")


def test_the_project_language_applies_only_where_the_outline_says_none(tmp_path):
    outline = write(tmp_path / "w.yaml", OUTLINE.replace("{{ client.name }}", "T"))
    assert load_outline(outline, language="en").workshop.meta.language == "en"
    said = write(tmp_path / "v.yaml", OUTLINE.replace("{{ client.name }}", "T").replace(
        'title: "T"', 'title: "T"\n  language: de'))
    assert load_outline(said, language="en").workshop.meta.language == "de"
