"""``workshop new`` writes the modeline editors read, and the schema file it points to."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from workshop.cli import app
from workshop.schema import schema_json
from workshop.schema.editor import MODELINE, add_editor_schema, with_modeline, write_schema_file


def first_line(path) -> str:
    return path.read_text(encoding="utf-8").splitlines()[0]


def test_a_new_project_outline_points_at_the_project_schema(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["new", "klantreis"])
    assert result.exit_code == 0, result.output
    assert first_line(tmp_path / "decks" / "klantreis.yaml") == f"{MODELINE}../outline.schema.json"
    schema = json.loads((tmp_path / "outline.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    # a second outline in the same project shares that schema, and no copy is made
    second = CliRunner().invoke(app, ["new", "tweede"])
    assert second.exit_code == 0, second.output
    assert first_line(tmp_path / "decks" / "tweede.yaml") == f"{MODELINE}../outline.schema.json"
    assert not (tmp_path / "decks" / "outline.schema.json").exists()


def test_an_outline_elsewhere_gets_the_schema_beside_it(tmp_path, monkeypatch):
    (tmp_path / "workshop.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["new", "los", "--dir", "ergens"])
    assert result.exit_code == 0, result.output
    assert first_line(tmp_path / "ergens" / "los.yaml") == f"{MODELINE}outline.schema.json"
    assert (tmp_path / "ergens" / "outline.schema.json").read_text(encoding="utf-8") == schema_json()


def test_the_schema_file_is_rewritten_only_when_stale(tmp_path):
    path = write_schema_file(tmp_path)
    assert path.read_text(encoding="utf-8") == schema_json()
    before = path.stat().st_mtime_ns
    assert write_schema_file(tmp_path) == path and path.stat().st_mtime_ns == before
    path.write_text("{}", encoding="utf-8")
    write_schema_file(tmp_path)
    assert path.read_text(encoding="utf-8") == schema_json()


def test_a_modeline_is_replaced_not_doubled_and_brands_get_theirs(tmp_path):
    brand = tmp_path / "brands" / "acme" / "_brand.yml"
    text = add_editor_schema(brand, f"{MODELINE}old.json\nmeta:\n  name: Acme\n", what="brand")
    assert text == f"{MODELINE}brand.schema.json\nmeta:\n  name: Acme\n"
    assert (brand.parent / "brand.schema.json").is_file()
    assert with_modeline("a: 1\n", tmp_path / "x" / "y" / "o.yaml", tmp_path / "s.json") == f"{MODELINE}../../s.json\na: 1\n"


def test_schema_command_prints_outline_or_brand():
    runner = CliRunner()
    outline = runner.invoke(app, ["schema"])
    brand = runner.invoke(app, ["schema", "brand"])
    assert outline.exit_code == brand.exit_code == 0
    assert json.loads(outline.output) == json.loads(schema_json())
    assert json.loads(brand.output) == json.loads(schema_json("brand"))
    assert runner.invoke(app, ["schema", "slides"]).exit_code == 2
