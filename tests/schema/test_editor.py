"""``workshop new`` writes the modeline editors read, and the schema file it points to."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from workshop.cli import app
from workshop.schema import schema_json
from workshop.schema.editor import MODELINE, add_editor_schema, write_schema_file


def test_new_outline_starts_with_the_modeline_and_gets_its_schema(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["new", "klantreis"])
    assert result.exit_code == 0, result.output
    outline = tmp_path / "decks" / "klantreis.yaml"
    assert outline.read_text(encoding="utf-8").splitlines()[0] == f"{MODELINE}workshop-outline.schema.json"
    schema = json.loads((tmp_path / "decks" / "workshop-outline.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"


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
    assert text == f"{MODELINE}workshop-brand.schema.json\nmeta:\n  name: Acme\n"
    assert (brand.parent / "workshop-brand.schema.json").is_file()


def test_schema_command_prints_outline_or_brand(tmp_path):
    runner = CliRunner()
    outline = runner.invoke(app, ["schema"])
    brand = runner.invoke(app, ["schema", "brand"])
    assert outline.exit_code == brand.exit_code == 0
    assert outline.output == schema_json() and brand.output == schema_json("brand")
    assert runner.invoke(app, ["schema", "slides"]).exit_code == 2
