"""The quick start reads plain build/check lines exactly as typer does, and hands every other line to typer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from workshop.cli import app, quick
from workshop.console import Console

REPO = Path(__file__).resolve().parents[2]

QUICK_LINES = [
    "build", "check", "build decks", "build decks/citroensap.yaml -o out --only deck",
    "build a.yaml b.yaml --only deck,guide --only handout", "check decks --out=out -b noord",
    "-q build decks --jobs 2", "--debug -v --no-cache check decks -j 0 --strict",
    "build --vars c1.yaml --vars c2.yaml -c acme --client beta --set client.name=Acme --set x=y decks",
    "build decks --keep-edits", "build decks --overwrite --strict", "build decks --out= --brand=",
    "build decks --brand a --brand b", "check --brand noord", "build decks --jobs=3 --out out",
]

TYPER_LINES = [
    "", "--help", "build --help", "check -h", "--version", "new x", "schema", "template export", "watch decks",
    "build -qv", "build decks -q", "build -oout", "build -o=out", "build --out", "build --out -x",
    "build --jobs x", "build --jobs -1", "build --jobs ３", "build --strict=yes", "build -- decks", "build -",
    "check --only deck", "check --keep-edits", "build --nope", "build --brnad x", "-x build", "--quiet",
    "build --ou out", "edits build/x.pptx",
]


def _recorded(monkeypatch: pytest.MonkeyPatch, where: object) -> list[tuple]:
    calls: list[tuple] = []

    def record(name: str):
        def command(console: Console, *args: object) -> int:
            calls.append((name, (console.debug, console.quiet, console.verbose), args))
            return 0
        return command

    monkeypatch.setattr(where, "build_command", record("build"))
    monkeypatch.setattr(where, "check_command", record("check"))
    return calls


@pytest.mark.parametrize("line", QUICK_LINES)
def test_a_plain_line_gives_the_command_what_typer_gives_it(line, monkeypatch):
    import workshop.cli.build as typer_commands
    import workshop.cli.commands as commands

    args = line.split()
    via_typer = _recorded(monkeypatch, typer_commands)
    result = CliRunner().invoke(app, args, obj=Console())
    assert result.exit_code == 0, result.output
    parsed = quick.parse(args)
    assert parsed is not None
    via_quick = _recorded(monkeypatch, commands)
    assert quick.run(parsed) == 0
    assert via_quick == via_typer and len(via_typer) == 1


@pytest.mark.parametrize("line", TYPER_LINES)
def test_every_other_line_goes_to_typer(line):
    assert quick.parse(line.split()) is None


def test_completion_always_goes_to_typer(monkeypatch):
    monkeypatch.setenv("_WORKSHOP_COMPLETE", "complete_bash")
    assert quick.parse(["build", "decks"]) is None


def test_no_cache_reaches_worker_processes_through_the_environment(monkeypatch):
    import workshop.cli.commands as commands
    from workshop.cache import CACHE_ENV

    monkeypatch.delenv(CACHE_ENV, raising=False)
    _recorded(monkeypatch, commands)
    parsed = quick.parse(["--no-cache", "check"])
    assert parsed is not None
    quick.run(parsed)
    import os

    assert os.environ[CACHE_ENV] == "off"


def test_a_plain_check_never_imports_typer(tmp_path):
    code = ("import sys\nfrom workshop.cli import main\n"
            "sys.argv = ['workshop', 'check', 'decks/citroensap.yaml', '-o', sys.argv[1]]\n"
            "try:\n    main()\nexcept SystemExit as exc:\n"
            "    assert exc.code == 0, exc.code\n"
            "assert 'typer' not in sys.modules and 'click' not in sys.modules, 'typer was imported'\n")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "checked 1 outline(s): 1 ok" in done.stdout


def test_exit_status_and_messages_are_the_same_either_way(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("workshop:\n  title: X\nsections: []\n")
    quick_run = subprocess.run([sys.executable, "-m", "workshop", "check", str(bad)], cwd=REPO,
                               capture_output=True, text=True)
    code = ("import sys\nfrom workshop.cli import app\nfrom workshop.console import Console\n"
            "app(['check', sys.argv[1]], obj=Console())\n")
    typer_run = subprocess.run([sys.executable, "-c", code, str(bad)], cwd=REPO, capture_output=True, text=True)
    assert quick_run.returncode == typer_run.returncode == 1
    assert quick_run.stderr == typer_run.stderr and quick_run.stdout.split(" in ")[0] == typer_run.stdout.split(" in ")[0]
