"""What a command loads before its work: modules a command does not use stay unloaded (issue 18).

Each case runs the real command in a fresh interpreter and lists ``sys.modules``
as the command ends, so a module that some import line pulls in again makes
the test fail, whichever module it comes from.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

#: runs ``workshop`` with the arguments given and prints the loaded modules' names as it ends
_LISTING = """
import json, sys
sys.argv[0] = "workshop"
from workshop.cli import main
try:
    main()
finally:
    print("\\nMODULES " + json.dumps(sorted(sys.modules)))
"""


def loaded_by(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> set[str]:
    """The modules ``workshop ARGS`` has loaded when it ends (it must end well)."""
    done = subprocess.run([sys.executable, "-c", _LISTING, *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, check=False)
    assert done.returncode == 0, done.stderr
    listing = [line for line in done.stdout.splitlines() if line.startswith("MODULES ")]
    assert listing, done.stdout
    return set(json.loads(listing[-1].removeprefix("MODULES ")))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("project")
    (folder / "decks").mkdir()
    shutil.copy(REPO / "tests" / "data" / "small.yaml", folder / "decks" / "small.yaml")
    return folder


#: loaded only by the builds that need them: the PDF worker's pipe, a moved slide's diff, the tokens' module
NOT_FOR_A_DECK = {"pickle", "_pickle", "difflib", "secrets", "hmac"}


def test_a_deck_build_and_its_rebuild_load_neither_pickle_nor_difflib_nor_secrets(project: Path) -> None:
    args = ["build", "decks/small.yaml", "--only", "deck", "--out", "out"]
    first = loaded_by(args, project)
    assert (project / "out" / "small.pptx").is_file()
    again = loaded_by(args, project)  # reads the deck it replaces and compares it with its records
    assert "workshop.edits.diff" in again  # so the rebuild did compare
    assert not first & NOT_FOR_A_DECK and not again & NOT_FOR_A_DECK, (first | again) & NOT_FOR_A_DECK
