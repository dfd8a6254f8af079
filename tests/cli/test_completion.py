"""Shell completion answered without typer prints exactly what typer prints, and only typer answers the rest."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.cli import completion

REPO = Path(__file__).resolve().parents[2]

#: the ``workshop`` entry point, named as the shell scripts call it
_MAIN = "import sys; sys.argv[0] = 'workshop'; from workshop.cli import main; main()"
#: typer's own answer: the application called directly, past the entry point's shortcut
_TYPER = ("import sys; sys.argv[0] = 'workshop'; from workshop.cli import _app; from workshop.console import Console; "
          "_app()(obj=Console())")
#: the entry point, reporting whether typer was loaded
_LOADED = ("import sys; sys.argv[0] = 'workshop'\nfrom workshop.cli import main\ntry:\n    main()\nfinally:\n"
           "    print('typer' in sys.modules, file=sys.stderr)")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with brands of its own (one shadowing an installed one) and client profiles."""
    folder = tmp_path_factory.mktemp("completion")
    for name in ("acme-rood", "noord"):
        (folder / "assets" / "brands" / name).mkdir(parents=True)
        shutil.copy(REPO / "assets" / "brands" / "noord" / "_brand.yml", folder / "assets" / "brands" / name)
    (folder / "clients").mkdir()
    for name in ("acme.yaml", "beta.yml", "a:b $x.yaml", "notes.txt"):
        (folder / "clients" / name).write_text("client: {name: X}\n", encoding="utf-8")
    return folder


def shell_env(shell: str, line: str, fish_action: str = "get-args") -> dict[str, str]:
    """What typer's completion script for ``shell`` sets when the user presses <TAB> after ``line``."""
    env = {"_WORKSHOP_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        words = line.split(" ")  # typer's bash script joins the words with newlines (IFS=$'\n')
        env.update(COMP_WORDS="\n".join(words), COMP_CWORD=str(len(words) - 1))
    else:
        env["_TYPER_COMPLETE_ARGS"] = line
        if shell == "fish":
            env["_TYPER_COMPLETE_FISH_ACTION"] = fish_action
    return env


def ask(code: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("COMP_", "_TYPER", "_WORKSHOP"))}
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env={**clean, **env}, capture_output=True,
                          text=True, check=False)


LINES = [
    "workshop build --brand ", "workshop build --brand a", "workshop check -b n", "workshop build decks -b ",
    "workshop -q build decks/x.yaml --only deck --brand ", "workshop build --client ", "workshop check -c b", "workshop check -c a",
    "workshop build --brand zz", "workshop build --client nobody",
    # typer answers these (the words before the option are not a plain line, or no value is asked for)
    "workshop build --out --brand ", "workshop build -- --brand ", "workshop build --brand -",
    "workshop build --nope --brand ", "workshop new --brand ", "workshop build --br", "workshop build ",
]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
@pytest.mark.parametrize("line", LINES)
def test_the_answer_is_typers_to_the_byte(project: Path, shell: str, line: str) -> None:
    env = shell_env(shell, line)
    ours, typers = ask(_MAIN, env, project), ask(_TYPER, env, project)
    assert (ours.returncode, ours.stdout) == (typers.returncode, typers.stdout), ours.stderr


@pytest.mark.parametrize("line", ["workshop build --brand a", "workshop build --brand zz"])
def test_fish_is_args_answers_by_the_exit_status_as_typer_does(project: Path, line: str) -> None:
    env = shell_env("fish", line, "is-args")
    ours, typers = ask(_MAIN, env, project), ask(_TYPER, env, project)
    assert (ours.returncode, ours.stdout) == (typers.returncode, typers.stdout)


def test_brand_names_come_without_loading_typer_and_other_questions_go_to_it(project: Path) -> None:
    brands = ask(_LOADED, shell_env("bash", "workshop build --brand "), project)
    names = brands.stdout.split()
    assert names[:2] == ["acme-rood", "noord"] and "default" in names
    assert brands.stderr.strip() == "False"
    options = ask(_LOADED, shell_env("bash", "workshop build --br"), project)
    assert "--brand" in options.stdout.split() and options.stderr.strip().endswith("True")


def test_zsh_names_are_escaped_as_typer_escapes_them() -> None:
    assert completion._zsh_escape('a:b"$`\'') == 'a\\\\:b""\\$\\`\'\''


def test_words_are_split_as_click_splits_them() -> None:
    assert completion.split_words("workshop build 'my decks' \"open") == ["workshop", "build", "my decks", "open"]
