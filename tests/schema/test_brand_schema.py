"""The brand schema: brand.yml as Posit specifies it, with our ``defaults: workshop:`` closed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft7Validator
from ruamel.yaml import YAML

from workshop.brand.model import TEXT_ROLES
from workshop.brand.settings import KEYS
from workshop.kinds import KINDS
from workshop.schema import schema_dict, schema_json
from workshop.schema.draft07 import properties_without_description

REPO = Path(__file__).resolve().parents[2]
BRANDS = sorted((REPO / "assets" / "brands").glob("*/_brand.yml"))
DOC_SNIPPETS = re.findall(r"```yaml\n(.*?)```", (REPO / "docs" / "brand.md").read_text(encoding="utf-8"), re.S)


@pytest.fixture(scope="module")
def schema() -> dict:
    return schema_dict("brand")


def errors_for(schema: dict, text: str) -> list:
    return list(Draft7Validator(schema).iter_errors(YAML(typ="safe").load(text)))


def test_it_is_a_valid_draft_07_schema_with_descriptions(schema):
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    Draft7Validator.check_schema(schema)
    assert properties_without_description(schema) == []


def test_shipped_brands_and_doc_snippets_validate_with_check_jsonschema(tmp_path):
    schema_file = tmp_path / "brand.schema.json"
    schema_file.write_text(schema_json("brand"), encoding="utf-8")
    snippets = []
    for number, snippet in enumerate(DOC_SNIPPETS, start=1):
        path = tmp_path / f"snippet{number}" / "_brand.yml"
        path.parent.mkdir()
        path.write_text(snippet, encoding="utf-8")
        snippets.append(path)
    assert len(BRANDS) >= 2 and len(snippets) >= 6
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema_file),
                             *map(str, BRANDS + snippets)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_setting_the_tool_reads_is_in_the_schema(schema):
    ours = schema["properties"]["defaults"]["properties"]["workshop"]
    assert set(ours["properties"]) == set(KEYS)
    assert set(ours["properties"]["sizes"]["properties"]) == set(TEXT_ROLES)
    assert set(ours["properties"]["layouts"]["properties"]) == set(KINDS)


@pytest.mark.parametrize("text,where,word", [
    ("defaults:\n  workshop:\n    papper: A4\n", "$.defaults.workshop", "papper"),
    ("defaults:\n  workshop:\n    paper: A5\n", "$.defaults.workshop.paper", "A5"),
    ("defaults:\n  workshop:\n    sizes:\n      titel: {max: 30}\n", "$.defaults.workshop.sizes", "titel"),
    ("defaults:\n  workshop:\n    template: master.potx\n", "$.defaults.workshop.template", "potx"),
    ("color:\n  primery: '#123456'\n", "$.color", "primery"),
    ("typography:\n  headings:\n    weight: heavy\n", "$.typography.headings.weight", "heavy"),
    ("logo:\n  images:\n    mark: {alt: zonder pad}\n", "$.logo.images.mark", "path"),
    ("colour: {}\n", "$", "colour"),
])
def test_a_typo_gives_one_error_naming_it(schema, text, where, word):
    errors = errors_for(schema, text)
    assert len(errors) == 1 and errors[0].json_path == where and word in errors[0].message, \
        [(e.json_path, e.message) for e in errors]


def test_other_tools_defaults_stay_open(schema):
    assert errors_for(schema, "defaults:\n  quarto:\n    format: {html: {toc: true}}\n") == []
