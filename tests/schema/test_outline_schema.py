"""The outline schema equals the tool: what one accepts the other accepts, and errors name the field.

Validated the way editors and CI do it, with check-jsonschema (draft-07),
and in-process with jsonschema for the exact first error.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from workshop.errors import WorkshopError
from workshop.model import SLIDE_KINDS
from workshop.outline.load import load_outline
from workshop.schema import schema_dict, schema_json
from workshop.schema.draft07 import properties_without_description

REPO = Path(__file__).resolve().parents[2]
SHIPPED = sorted([*(REPO / "decks").glob("*.yaml"), *(REPO / "docs" / "examples").glob("*.yaml"),
                  REPO / "workshop" / "data" / "specimen.yaml"])
BROKEN = sorted((REPO / "tests" / "data" / "schema" / "broken").glob("*.yaml"))
CHECK_JSONSCHEMA = [sys.executable, "-m", "check_jsonschema"]


@pytest.fixture(scope="module")
def schema() -> dict:
    return schema_dict()


@pytest.fixture(scope="module")
def schema_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("schema") / "outline.schema.json"
    path.write_text(schema_json(), encoding="utf-8")
    return path


def check_jsonschema(schema_file: Path, *files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*CHECK_JSONSCHEMA, "--schemafile", str(schema_file), *map(str, files)],
                          capture_output=True, text=True, timeout=120)


def test_it_is_a_valid_draft_07_schema(schema):
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    Draft7Validator.check_schema(schema)
    assert "$defs" not in json.dumps(schema)


def test_every_property_has_a_description(schema):
    assert properties_without_description(schema) == []


def test_the_schema_is_the_same_every_time():
    assert schema_json() == schema_json()


def test_every_shipped_outline_validates_with_check_jsonschema(schema_file, tmp_path):
    from workshop.scaffold import write_new_outline

    scaffold = write_new_outline("nieuw", tmp_path, "Titel: met # en :")
    result = check_jsonschema(schema_file, *SHIPPED, scaffold)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(SHIPPED) >= 30


def first_lines(output: str) -> dict[str, str]:
    """check-jsonschema's first error line per file: ``file::$.path: message``."""
    firsts: dict[str, str] = {}
    for line in output.splitlines():
        match = re.match(r"\s+(\S+\.yaml)::(\$\S*): (.*)", line)
        if match:
            firsts.setdefault(Path(match.group(1)).name, f"{match.group(2)} {match.group(3)}")
    return firsts


def expectation(path: Path) -> tuple[str, str]:
    """The ``# expect: <json path> <word>`` line at the top of a broken outline."""
    match = re.match(r"# expect: (\S+) (.+)", path.read_text(encoding="utf-8").splitlines()[0])
    assert match, f"{path.name} has no '# expect:' line"
    return match.group(1), match.group(2)


def test_broken_outlines_are_rejected_by_check_jsonschema_naming_the_field(schema_file):
    result = check_jsonschema(schema_file, *BROKEN)
    assert result.returncode == 1
    firsts = first_lines(result.stdout)
    for path in BROKEN:
        where, word = expectation(path)
        assert path.name in firsts, f"{path.name} passed the schema"
        first = firsts[path.name]
        assert first.startswith(where + " ") and word in first, f"{path.name}: {first}"


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_outline_gives_one_precise_schema_error_and_fails_the_tool(schema, path):
    from ruamel.yaml import YAML

    where, word = expectation(path)
    errors = list(Draft7Validator(schema).iter_errors(YAML(typ="safe").load(path.read_text(encoding="utf-8"))))
    assert len(errors) == 1, [e.message for e in errors]
    assert errors[0].json_path == where and word in errors[0].message
    with pytest.raises(WorkshopError) as info:
        load_outline(path)
    said = str(info.value)
    field = where.rsplit(".", 1)[-1].split("[")[0]
    assert word in said or field in said, said  # the tool names the same field or value


def test_there_are_enough_broken_cases():
    assert len(BROKEN) >= 15


def test_one_branch_per_kind_chosen_by_kind(schema):
    slide = schema["definitions"]["Slide"]
    assert slide["properties"]["kind"]["enum"] == list(SLIDE_KINDS)
    assert [b["if"]["properties"]["kind"]["const"] for b in slide["allOf"]] == list(SLIDE_KINDS)
    for model in SLIDE_KINDS.values():
        assert schema["definitions"][model.__name__]["additionalProperties"] is False


def test_the_start_default_is_a_clock_time(schema):
    start = schema["definitions"]["Meta"]["properties"]["start"]
    assert start["default"] == "09:00" and re.match(start["pattern"], start["default"])


def test_defaults_validate_against_their_own_property(schema):
    validator = Draft7Validator(schema)
    for name, definition in schema["definitions"].items():
        for prop, sub in definition.get("properties", {}).items():
            if "default" in sub and sub["default"] is not None:
                errors = list(validator.evolve(schema={**sub, "definitions": schema["definitions"]})
                              .iter_errors(sub["default"]))
                assert not errors, f"{name}.{prop}: default {sub['default']!r}"


def test_every_kind_has_a_snippet_that_validates_once_filled(schema):
    validator = Draft7Validator({**schema["definitions"]["Slide"], "definitions": schema["definitions"]})
    snippets = schema["definitions"]["Slide"]["defaultSnippets"]
    assert [s["label"] for s in snippets] == list(SLIDE_KINDS)

    def fill(value):  # what an editor leaves when each tab stop keeps its placeholder
        if isinstance(value, dict):
            return {k: fill(v) for k, v in value.items()}
        if isinstance(value, list):
            return [fill(v) for v in value]
        text = re.sub(r"\$\{\d+:([^}]*)\}", r"\1", value)
        return float(text) if re.fullmatch(r"\d+(\.\d+)?", text) else text

    for snippet in snippets:
        errors = [e.message for e in validator.iter_errors(fill(snippet["body"]))]
        assert not errors, f"{snippet['label']}: {errors}"


def test_unquoted_numbers_booleans_and_dates_pass_both(tmp_path, schema_file):
    path = tmp_path / "loose.yaml"
    path.write_text("""\
workshop:
  title: 2027
  subtitle: true
  date: 2027-03-12
  start: "09:30"
  duration: 90
sections:
  - title: 1984
    duration: 1 uur 30
    slides:
      - kind: stat
        value: 21
        label: 3.10
      - kind: quiz
        question: Welk jaar?
        options: [2025, 2026, 2027]
        answer: c
      - kind: exercise
        title: Oefenen
        duration: 15 minuten
        steps: [1, 2]
        materials: [no, yes]
      - kind: break
        duration: 2 Stunden
      - kind: closing
        takeaways: [false]
""", encoding="utf-8")
    result = check_jsonschema(schema_file, path)
    assert result.returncode == 0, result.stdout
    workshop = load_outline(path).workshop
    assert workshop.meta.title == "2027" and workshop.meta.subtitle == "true"
    assert workshop.sections[0].slides[0].label == "3.10"  # as typed, not 3.1


@pytest.mark.skipif(shutil.which("check-jsonschema") is None, reason="check-jsonschema's command is not on PATH")
def test_the_command_line_tool_reads_the_schema_too(schema_file):
    result = subprocess.run(["check-jsonschema", "--schemafile", str(schema_file), str(SHIPPED[0])],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout
