"""The outline schema, byte for byte, against a golden file: generated from the model, never hand-copied.

A change of the model's declarations (or of the layer that turns them into
JSON Schema) that changes what editors see fails here. After a deliberate
change, regenerate with ``WORKSHOP_UPDATE_GOLDEN=1 pytest`` this file and
say why in the commit.
"""

from __future__ import annotations

import os
from pathlib import Path

from workshop.schema import schema_json
from workshop.schema.editor import write_schema_file

GOLDEN = Path(__file__).with_name("golden") / "outline.schema.json"


def test_the_outline_schema_is_the_golden_one():
    got = schema_json("outline")
    if os.environ.get("WORKSHOP_UPDATE_GOLDEN"):
        GOLDEN.write_text(got, encoding="utf-8")
    assert got == GOLDEN.read_text(encoding="utf-8")


def test_the_schema_file_beside_a_new_outline_is_the_golden_one(tmp_path):
    assert write_schema_file(tmp_path).read_bytes() == GOLDEN.read_bytes()


def test_workshop_schema_prints_the_golden_one(workshop_cli):
    ran = workshop_cli("schema")
    assert ran.returncode == 0 and ran.stdout == GOLDEN.read_text(encoding="utf-8") + "\n"
