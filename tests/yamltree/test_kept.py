"""Kept trees: a text read before gives the very tree composing gives, without PyYAML; damage costs only time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.cache import CACHE_ENV
from workshop.errors import WorkshopError
from workshop.yamltree import compose, kept
from workshop.yamltree.reader import read_yaml_file, read_yaml_text
from workshop.yamltree.tree import Mapping, Scalar, Sequence

REPO = Path(__file__).resolve().parents[2]
TEXT = 'title: "Citroensap"\nstart: 09:30\nnotes:\nslides:\n  - kind: quote\n    by: [a, "b", {c: d}]\n'


@pytest.fixture
def area(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    return kept.cache.area(kept.AREA)


@pytest.fixture
def composed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the texts composed from here on (the others came from the cache)."""
    names: list[str] = []
    real = compose.compose

    def counting(text: str, name: str) -> object:
        names.append(name)
        return real(text, name)

    monkeypatch.setattr(compose, "compose", counting)
    return names


def test_a_second_read_gives_the_same_tree_without_composing(area: Path, composed: list[str]) -> None:
    first = read_yaml_text(TEXT, "o.yaml")
    second = read_yaml_text(TEXT, "o.yaml")
    assert second == first and second is not first
    assert composed == ["o.yaml"] and len(list(area.iterdir())) == 1
    assert isinstance(second, Mapping)
    quoted, empty = second.get("title"), second.get("notes")
    assert isinstance(quoted, Scalar) and not quoted.plain and str(quoted.location) == "o.yaml:1:8"
    assert isinstance(empty, Scalar) and empty.to_python() is None
    by = second.get("slides").items[0].get("by")  # type: ignore[union-attr]
    assert isinstance(by, Sequence) and by.to_python() == ["a", "b", {"c": "d"}]


@pytest.mark.parametrize("path", sorted(p.relative_to(REPO) for p in [
    *(REPO / "decks").glob("*.yaml"), *(REPO / "assets" / "brands").glob("*/_brand.yml")]), ids=str)
def test_every_sample_and_brand_comes_back_exactly(path: Path, area: Path, composed: list[str]) -> None:
    fresh = read_yaml_file(REPO / path)
    again = read_yaml_file(REPO / path)
    assert again == fresh and len(composed) == 1


def test_locations_carry_the_name_the_text_is_read_under(area: Path, composed: list[str]) -> None:
    read_yaml_text(TEXT, "a.yaml")
    other = read_yaml_text(TEXT, "b.yaml")
    assert composed == ["a.yaml", "b.yaml"]
    assert other.location.file == "b.yaml"


def test_a_changed_text_is_composed_again(area: Path, composed: list[str]) -> None:
    read_yaml_text(TEXT, "o.yaml")
    changed = read_yaml_text(TEXT.replace("09:30", "10:00"), "o.yaml")
    assert composed == ["o.yaml", "o.yaml"] and changed.get("start").value == "10:00"  # type: ignore[union-attr]


def test_an_error_is_never_kept(area: Path) -> None:
    for _ in range(2):
        with pytest.raises(WorkshopError, match="duplicate key"):
            read_yaml_text("a: 1\na: 2\n", "o.yaml")
    assert not area.exists() or not list(area.iterdir())


def test_the_cache_off_reads_and_writes_nothing(area: Path, composed: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, "off")
    assert read_yaml_text(TEXT, "o.yaml") == read_yaml_text(TEXT, "o.yaml")
    assert len(composed) == 2 and not area.exists()


@pytest.mark.parametrize("damage,junk", [("truncated", b""), ("flipped byte", b""), ("other key", b""), ("empty", b""),
                                         ("junk", b"not marshal"), ("junk", kept.marshal.dumps((2, 1, 1, [1]))),
                                         ("junk", kept.marshal.dumps((0, 1, "1", "x", True)))])
def test_a_damaged_entry_is_composed_and_written_again(
    area: Path, composed: list[str], damage: str, junk: bytes, damage_entry
) -> None:
    first = read_yaml_text(TEXT, "o.yaml")
    [entry] = list(area.iterdir())
    sound = damage_entry(entry, damage, kept.MAGIC, junk)
    assert read_yaml_text(TEXT, "o.yaml") == first and len(composed) == 2
    assert entry.read_bytes() == sound


def test_a_process_reading_a_kept_text_never_imports_pyyaml(tmp_path: Path) -> None:
    (tmp_path / "o.yaml").write_text(TEXT, encoding="utf-8")
    script = (
        "import sys\n"
        "from workshop.yamltree.reader import read_yaml_file\n"
        "tree = read_yaml_file('o.yaml')\n"
        "print('yaml' in sys.modules, tree.to_python()['start'])\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop(CACHE_ENV, None)
    runs = [subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                           check=False) for _ in range(2)]
    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    assert [run.stdout for run in runs] == ["True 09:30\n", "False 09:30\n"]


def test_a_raw_control_character_is_refused_at_its_place_every_time(area: Path) -> None:
    for _ in range(2):
        with pytest.raises(WorkshopError, match="control character U[+]001B") as info:
            read_yaml_text("a: ok\nb: x\x1by\n", "o.yaml")
        assert (info.value.location.line, info.value.location.column) == (2, 5)
    assert not area.exists() or not list(area.iterdir())
