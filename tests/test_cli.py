"""The command line, in-process: exit codes, located errors, no tracebacks unless --debug.

Commands run through typer's ``CliRunner`` with their own ``Console``; the few
subprocess tests at the end prove the real entry points start.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from workshop.cli import app
from workshop.console import Console
from workshop.errors import ExitStatus, UsageError

REPO = Path(__file__).resolve().parents[1]
MINIMAL = (REPO / "tests" / "data" / "small.yaml").read_text(encoding="utf-8").replace("  language: nl\n", "")


def run(*args: str):
    """One in-process run; returns click's Result (exit_code, stdout, stderr, exception)."""
    return CliRunner().invoke(app, list(args), obj=Console())


@pytest.fixture
def in_repo(monkeypatch):
    monkeypatch.chdir(REPO)


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_version_names_the_libraries():
    result = run("--version")
    assert result.exit_code == 0
    from importlib.metadata import version

    assert result.stdout.startswith("workshop ")
    assert f"python-pptx {version('python-pptx')}" in result.stdout
    assert f"reportlab {version('reportlab')}" in result.stdout


def test_help_lists_commands_and_completion():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("build", "check", "new", "brands", "schema", "template", "watch"):
        assert command in result.stdout
    assert "--install-completion" in result.stdout


def test_bad_input_is_exit_1_with_location_and_no_traceback(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.replace("kind: statement", "kind: statment"), encoding="utf-8")
    result = run("check", str(bad))
    assert result.exit_code == ExitStatus.INPUT
    assert f"{bad}:12:15:" in result.stderr and "did you mean 'statement'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_debug_lets_the_exception_through_and_plain_runs_do_not(tmp_path):
    missing = str(tmp_path / "missing.yaml")
    plain = run("check", missing)
    assert plain.exit_code == ExitStatus.USAGE and not isinstance(plain.exception, UsageError)
    assert "no such file or folder" in plain.stderr
    debug = run("--debug", "check", missing)
    assert isinstance(debug.exception, UsageError)
    assert "no such file or folder" not in debug.stderr  # raised, not reported


def test_usage_errors_are_exit_2(tmp_path, in_repo):
    assert run("build", "--only", "slides", str(tmp_path)).exit_code == ExitStatus.USAGE
    assert run("check", str(tmp_path / "missing.yaml")).exit_code == ExitStatus.USAGE
    assert run("build", "--no-such-option").exit_code == ExitStatus.USAGE
    assert run("build", "--set", "novalue", "decks").exit_code == ExitStatus.USAGE


def test_strict_turns_warnings_into_exit_3(tmp_path):
    outline = tmp_path / "w.yaml"
    outline.write_text(MINIMAL, encoding="utf-8")  # no language: one warning
    assert run("check", str(outline)).exit_code == ExitStatus.OK
    result = run("check", "--strict", str(outline))
    assert result.exit_code == ExitStatus.STRICT and "a11y-language" in result.stderr


def test_an_unsupported_language_is_said_without_verbose(tmp_path):
    outline = tmp_path / "w.yaml"
    outline.write_text(MINIMAL.replace('start: "09:30"', 'start: "09:30"\n  language: sv'), encoding="utf-8")
    result = run("check", str(outline))
    assert result.exit_code == ExitStatus.OK
    assert result.stderr.count("language-fallback") == 1 and "'sv'" in result.stderr


def test_quiet_prints_only_errors(tmp_path):
    outline = tmp_path / "w.yaml"
    outline.write_text(MINIMAL, encoding="utf-8")
    result = run("--quiet", "check", str(outline))
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""


def test_exit_codes_match_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for status in ExitStatus:
        assert f"| {int(status)} |" in readme, status


def test_schema_is_json_with_every_kind():
    result = run("schema")
    assert result.exit_code == 0
    text = json.dumps(json.loads(result.stdout))
    for kind in ("quote", "compare", "stat", "chart", "exercise", "closing"):
        assert f'"{kind}"' in text


def test_new_in_a_project_writes_only_the_outline(tmp_path, in_repo):
    result = run("new", "klantreis", "--dir", str(tmp_path), "--title", "Klantreis: van A naar B #1")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["klantreis.yaml", "outline.schema.json"]
    check = run("check", "--strict", str(tmp_path / "klantreis.yaml"))
    assert check.exit_code == 0, check.stderr
    again = run("new", "klantreis", "--dir", str(tmp_path))
    assert again.exit_code == ExitStatus.USAGE and "already exists" in again.stderr


def test_new_outside_a_project_scaffolds_one_that_builds(in_tmp):
    result = run("new", "demo")
    assert result.exit_code == 0, result.stderr
    for name in ("workshop.toml", "decks/demo.yaml", "clients/voorbeeld.yaml", "outline.schema.json"):
        assert (in_tmp / name).is_file(), name
        assert f"created {Path(name)}" in result.stdout
    assert json.loads((in_tmp / "outline.schema.json").read_text()) == json.loads(run("schema").stdout)
    (in_tmp / "decks" / "sub").mkdir()
    check = run("check", "--strict")  # the project's decks/, from its configuration
    assert check.exit_code == 0, check.stderr
    assert "1 ok" in check.stdout
    build = run("build", "--client", "voorbeeld", "--only", "deck")
    assert build.exit_code == 0, build.stderr
    assert (in_tmp / "build" / "voorbeeld" / "demo.pptx").is_file()
    again = run("new", "demo", "--project")
    assert again.exit_code == ExitStatus.USAGE and "workshop.toml already exists" in again.stderr


def test_an_empty_folder_says_how_to_start(in_tmp):
    result = run("build")
    assert result.exit_code == ExitStatus.USAGE
    assert "the folder decks does not exist" in result.stderr and "workshop new NAME" in result.stderr


def test_unknown_client_names_the_folders_and_the_choices(in_tmp):
    run("new", "demo")
    result = run("check", "--client", "voorbeld")
    assert result.exit_code == ExitStatus.INPUT
    assert "no client profile 'voorbeld'" in result.stderr and "voorbeeld" in result.stderr


def test_flags_override_the_project_configuration(in_tmp):
    run("new", "demo")
    config = in_tmp / "workshop.toml"
    config.write_text(config.read_text().replace('out = "build"', 'out = "uit"'), encoding="utf-8")
    assert run("build", "--only", "deck").exit_code == 0
    assert (in_tmp / "uit" / "demo.pptx").is_file()
    assert run("build", "--only", "deck", "--out", "elders").exit_code == 0
    assert (in_tmp / "elders" / "demo.pptx").is_file()


def test_specimen_goes_to_the_projects_output_folder(in_tmp):
    (in_tmp / "workshop.toml").write_text('out = "uit"\nbrand = "noord"\n', encoding="utf-8")
    result = run("template", "specimen", "--only", "deck")
    assert result.exit_code == 0, result.stderr
    assert (in_tmp / "uit" / "specimen" / "noord" / "specimen.pptx").is_file()


def test_bad_configuration_is_located(in_tmp):
    (in_tmp / "workshop.toml").write_text('brand = "default"\nouts = "build"\n', encoding="utf-8")
    result = run("check")
    assert result.exit_code == ExitStatus.INPUT
    assert f"{in_tmp / 'workshop.toml'}:2:1: unknown setting 'outs'" in result.stderr
    assert "did you mean 'out'" in result.stderr


def test_brands_lists_every_place(in_tmp):
    local = in_tmp / "assets" / "brands" / "default"
    local.mkdir(parents=True)
    (local / "_brand.yml").write_text("meta: {name: Local}\n", encoding="utf-8")
    result = run("brands")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    default = next(line for line in lines if line.split()[:1] == ["default"])
    assert "project" in default and "hides the installed one" in default
    assert any(line.split()[:2] == ["noord", "installed"] for line in lines)
    assert any(line.strip().startswith("user") for line in lines)


def complete(words: str) -> list[str]:
    """What bash completion offers for the last of ``words`` (typer's completion protocol)."""
    env = {"_WORKSHOP_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split(" ")) - 1)}
    result = CliRunner().invoke(app, [], prog_name="workshop", env=env)
    assert result.exit_code == 0, result.stderr
    return result.stdout.split()


def test_completion_offers_commands_brands_and_clients(in_tmp):
    assert complete("workshop bu") == ["build"]
    assert complete("workshop build --brand n") == ["noord"]
    run("new", "demo")
    assert complete("workshop build --client ") == ["voorbeeld"]
    (in_tmp / "workshop.toml").write_text("broken = [\n", encoding="utf-8")
    assert complete("workshop build --client ") == []  # a broken config never breaks the shell


def test_check_samples_strict(in_repo):
    result = run("check", "--strict", "decks")
    assert result.exit_code == 0, result.stderr
    assert "7 ok" in result.stdout


@pytest.mark.parametrize("brand", ["default", "noord"])
def test_template_specimen_and_export(tmp_path, brand):
    result = run("template", "specimen", "--brand", brand, "--out", str(tmp_path / "spec"))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "spec" / brand).iterdir()) == ["specimen-handout.pdf", "specimen.pptx"]
    master = tmp_path / f"{brand}.pptx"
    result = run("template", "export", "--brand", brand, "-o", str(master))
    assert result.exit_code == 0, result.stderr
    check = run("template", "check", str(master), "--brand", brand)
    assert check.exit_code == 0, check.stdout + check.stderr
    if brand == "noord":
        assert master.read_bytes() == (REPO / "assets" / "brands" / "noord" / "template.pptx").read_bytes()


# --- a few real processes: the entry points start, and --debug prints a real traceback ---


def _process(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workshop", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.slow
def test_process_version_and_help(tmp_path):
    assert _process("--version", cwd=tmp_path).stdout.startswith("workshop ")
    help_text = _process("--help", cwd=tmp_path)
    assert help_text.returncode == 0 and "build" in help_text.stdout


@pytest.mark.slow
def test_process_debug_traceback(tmp_path):
    plain = _process("check", "missing.yaml", cwd=tmp_path)
    assert plain.returncode == ExitStatus.USAGE and "Traceback" not in plain.stderr
    debug = _process("--debug", "check", "missing.yaml", cwd=tmp_path)
    assert debug.returncode != 0
    assert "Traceback (most recent call last)" in debug.stderr and "UsageError" in debug.stderr


@pytest.mark.slow
def test_process_install_completion(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "SHELL": "/bin/bash"}
    entry = Path(sys.executable).with_name("workshop")  # the console script pip installed
    if not entry.exists():
        pytest.skip("no workshop entry point beside this Python")
    result = subprocess.run([str(entry), "--install-completion", "bash"], cwd=tmp_path,
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    script = home / ".bash_completions" / "workshop.sh"
    assert "_WORKSHOP_COMPLETE" in script.read_text() and str(script) in (home / ".bashrc").read_text()


@pytest.mark.slow
def test_process_builds_a_new_project(tmp_path):
    assert _process("new", "demo", cwd=tmp_path).returncode == 0
    built = _process("build", "--client", "voorbeeld", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    names = sorted(p.name for p in (tmp_path / "build" / "voorbeeld").iterdir())
    assert names == ["demo-guide.pdf", "demo-handout.pdf", "demo.pptx"]
