"""The command line: exit codes, located errors, no tracebacks unless --debug."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MINIMAL = """
workshop:
  title: Test
  start: "09:30"
sections:
  - title: Een
    duration: 20m
    slides:
      - kind: statement
        text: Hallo
"""


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "workshop", *args], cwd=cwd or REPO, capture_output=True, text=True, timeout=120,
    )


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("workshop ")


def test_help_lists_commands():
    result = run("--help")
    assert result.returncode == 0
    for command in ("build", "check", "new", "schema", "template", "watch"):
        assert command in result.stdout


def test_bad_input_is_exit_1_with_location_and_no_traceback(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.replace("kind: statement", "kind: statment"), encoding="utf-8")
    result = run("check", str(bad))
    assert result.returncode == 1
    assert f"{bad}:9:15:" in result.stderr and "did you mean 'statement'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_debug_shows_the_traceback(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: [\n", encoding="utf-8")
    result = run("--debug", "check", "-j", "1", str(bad))
    assert result.returncode != 0
    assert "Traceback" in result.stderr or "WorkshopError" in result.stderr or "YAML syntax error" in result.stderr


def test_usage_errors_are_exit_2(tmp_path):
    assert run("build", "--only", "slides", str(tmp_path)).returncode == 2
    assert run("check", str(tmp_path / "missing.yaml")).returncode == 2
    assert run("build", "--no-such-option").returncode == 2
    assert run("build", "--set", "novalue", str(REPO / "decks")).returncode == 2


def test_strict_turns_warnings_into_exit_3(tmp_path):
    outline = tmp_path / "w.yaml"
    outline.write_text(MINIMAL, encoding="utf-8")  # no language: one warning
    assert run("check", str(outline)).returncode == 0
    result = run("check", "--strict", str(outline))
    assert result.returncode == 3 and "a11y-language" in result.stderr


def test_schema_is_json_with_every_kind():
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    text = json.dumps(schema)
    for kind in ("quote", "compare", "stat", "chart", "exercise", "closing"):
        assert f'"{kind}"' in text


def test_new_scaffolds_an_outline_that_checks(tmp_path):
    result = run("new", "klantreis", "--dir", str(tmp_path), "--title", "Klantreis: van A naar B #1")
    assert result.returncode == 0, result.stderr
    path = tmp_path / "klantreis.yaml"
    assert path.exists()
    check = run("check", "--strict", str(path))
    assert check.returncode == 0, check.stderr
    again = run("new", "klantreis", "--dir", str(tmp_path))
    assert again.returncode == 2 and "already exists" in again.stderr


def test_check_samples_strict():
    result = run("check", "--strict", "decks")
    assert result.returncode == 0, result.stderr
    assert "7 ok" in result.stdout


@pytest.mark.parametrize("brand", ["default", "noord"])
def test_template_specimen_and_export(tmp_path, brand):
    result = run("template", "specimen", "--brand", brand, "--out", str(tmp_path / "spec"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "spec" / brand).iterdir()) == ["specimen-handout.pdf", "specimen.pptx"]
    master = tmp_path / f"{brand}.pptx"
    result = run("template", "export", "--brand", brand, "-o", str(master))
    assert result.returncode == 0, result.stderr
    check = run("template", "check", str(master), "--brand", brand)
    assert check.returncode == 0, check.stdout + check.stderr
    if brand == "noord":
        assert master.read_bytes() == (REPO / "assets" / "brands" / "noord" / "template.pptx").read_bytes()
