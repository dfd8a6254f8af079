"""Shared fixtures: outlines written to tmp files, brands, and the samples built once per run."""

from __future__ import annotations

import importlib.util
import os
import sys
import textwrap
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest

from workshop.brand.model import Brand, Colors, FontFamily, Meta, Typography

REPO = Path(__file__).resolve().parents[1]
DECKS = REPO / "decks"


def _load(name: str, path: Path):
    """Import a support module by path, once, under ``name`` (pytest runs in importlib mode)."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


# Support modules, importable by these names in every test (tests/render/conftest.py re-exports
# pdf_support's fixtures for the render tests).
_HERE = Path(__file__).resolve().parent
_builds = _load("sample_builds", _HERE / "sample_builds.py")
_load("deck_office", _HERE / "render" / "deck" / "office.py")
_load("pdf_support", _HERE / "render" / "pdf" / "pdf_support.py")
_load("crashing", _HERE / "crashing.py")


def _lato() -> FontFamily:
    spec = importlib.util.find_spec("font_lato")
    folder = Path(next(iter(spec.submodule_search_locations)))
    files = {p.stem: p for p in folder.rglob("*.ttf")}
    return FontFamily("Lato", files["Lato-Regular"], files["Lato-Bold"], files["Lato-Italic"], files["Lato-BoldItalic"])


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Office-suite tests are slow by nature: ``pytest -m "not slow"`` leaves them out too."""
    for item in items:
        if item.get_closest_marker("office") is not None:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True, scope="session")
def _no_user_folders(tmp_path_factory):
    """A developer's own brands (~/.config/workshop/brands) must not change what tests see,
    and the tests' cached masters stay out of the developer's ~/.cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKSHOP_CONFIG_DIR", str(tmp_path_factory.mktemp("user-config")))
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
        yield


def _damage_entry(entry: Path, damage: str, magic: bytes, junk: bytes = b"") -> bytes:
    """Damage a ``workshop.cache`` entry in place; return its sound bytes.

    ``damage``: "truncated", "flipped byte", "other key", "empty", or "junk":
    a sound envelope (right key, right digest) around ``junk``, bytes the
    entry's reader cannot use.
    """
    import hashlib

    sound = entry.read_bytes()
    head = len(magic) + 65  # the magic line, the 64-character key and its newline
    damaged = {
        "truncated": sound[: len(sound) // 2],
        "flipped byte": sound[:-10] + bytes([sound[-10] ^ 0xFF]) + sound[-9:],
        "other key": magic + b"0" * 64 + sound[len(magic) + 64:],
        "empty": b"",
        "junk": sound[:head] + hashlib.sha256(junk).digest() + junk,
    }[damage]
    entry.write_bytes(damaged)
    return sound


@pytest.fixture
def fork_only():
    """Skips where the PDF worker does not fork: no fork, or spawn chosen (macOS, Windows,
    WORKSHOP_START_METHOD=spawn, as CI's second quick run)."""
    from workshop import platforms

    if not platforms.can_fork():
        pytest.skip("the PDF worker forks")


@pytest.fixture
def damage_entry():
    """``damage_entry(entry, damage, magic, junk=b"")``: see ``_damage_entry``."""
    return _damage_entry


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory, _no_user_folders):
    """``sample_build(outline, brand="default", client=None)`` → its ``SampleBuild`` (tests/sample_builds.py).

    Built once per run; under pytest-xdist the workers share the run's cache folder.
    """
    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    return _builds.SampleBuilds(root / "sample-builds")


@dataclass(frozen=True)
class Ran:
    """What one in-process ``workshop`` run gave, read like ``subprocess.CompletedProcess``."""

    returncode: int
    stdout: str
    stderr: str


def _run_workshop(*args: str) -> Ran:
    """``workshop ARGS`` from the working directory, in this process (typer's CliRunner, a Console of its own).

    Brands loaded by an earlier run are dropped first, as a new process would
    start without them; an exception the CLI let through lands in ``stderr``
    as the traceback a real process would print.
    """
    from typer.testing import CliRunner

    from workshop.cli import app
    from workshop.console import Console
    from workshop.pipeline import forget_brands

    forget_brands()
    result = CliRunner().invoke(app, list(args), obj=Console(), prog_name="workshop")
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(result.exception))
    return Ran(result.exit_code, result.stdout, stderr)


@pytest.fixture(scope="session")
def workshop_cli():
    """``workshop_cli("build", "x.yaml")`` → ``Ran(returncode, stdout, stderr)``: the CLI run in-process."""
    return _run_workshop


@pytest.fixture(scope="session")
def plain_brand() -> Brand:
    """A brand built in code, for tests of stages that do not load brand files."""
    lato = _lato()
    colors = Colors()
    return Brand(name="test", folder=REPO, meta=Meta("Test", "Test"), colors=colors,
                 typography=Typography.of(lato, colors))


@pytest.fixture
def write_outline(tmp_path):
    """Write YAML text (dedented) to a tmp outline file and return its path."""

    def write(text: str, name: str = "outline.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


def _replace_font_table(data: bytes, tag: str, table: bytes) -> bytes:
    """``data`` with its ``tag`` table replaced by ``table`` (appended; the directory entry repointed)."""
    import struct

    count = struct.unpack_from(">H", data, 4)[0]
    padded = data + b"\x00" * (-len(data) % 4)
    for index in range(count):
        entry = 12 + 16 * index
        if data[entry: entry + 4] == tag.encode("latin-1"):
            record = struct.pack(">4sIII", tag.encode("latin-1"), 0, len(padded), len(table))
            return padded[:entry] + record + padded[entry + 16:] + table
    raise KeyError(tag)


@pytest.fixture(scope="session")
def replace_font_table():
    """``replace_font_table(font_bytes, "cmap", new_table)`` → font bytes with that table swapped."""
    return _replace_font_table


@pytest.fixture(scope="session")
def lato_regular() -> bytes:
    return _lato().regular.read_bytes()
