"""The dataclass method cache: what one process compiled, the next reads back; damage costs only speed."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest

from workshop import methodcache
from workshop.methodcache import _MAGIC, _Store, compiled_methods

TEXT = "def __create_fn__():\n def f(x):\n  return x + 1\n return f"


def _made(code: object) -> int:
    namespace: dict[str, object] = {}
    exec(code, {}, namespace)  # type: ignore[arg-type]
    return namespace["__create_fn__"]()(1)  # type: ignore[operator,no-any-return]


@pytest.fixture
def writing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def test_a_second_process_reads_what_the_first_compiled(tmp_path: Path, writing: None) -> None:
    path = str(tmp_path / "cache" / "methods")
    first = _Store(path)
    assert _made(first.code(TEXT)) == 2 and first.compiled == 1
    first.code(TEXT)
    assert first.compiled == 1
    second = _Store(path)
    assert _made(second.code(TEXT)) == 2 and second.compiled == 0


def test_a_torn_record_keeps_those_before_it(tmp_path: Path, writing: None) -> None:
    path = tmp_path / "methods"
    _Store(str(path)).code(TEXT)
    with open(path, "ab") as out:
        # the start of a record a killed process never finished
        out.write(methodcache._HEADER.pack(len(TEXT), 400, 0, 0) + TEXT.encode()[:20])
    store = _Store(str(path))
    store.code(TEXT)
    assert store.compiled == 0


#: the file as the previous format (marshalled frames after their lengths) began
OLD_FORMAT = b"\x05\x00\x00\x00\xe9\x00\x00\x00\x00"


@pytest.mark.parametrize("content", [b"", b"not marshal at all", OLD_FORMAT, _MAGIC[:4] + b"dcm2"])
def test_a_foreign_file_is_started_afresh(tmp_path: Path, writing: None, content: bytes) -> None:
    path = tmp_path / "methods"
    path.write_bytes(content)
    store = _Store(str(path))
    assert _made(store.code(TEXT)) == 2 and store.compiled == 1
    assert path.read_bytes().startswith(_MAGIC)
    assert len(_Store(str(path)).load()) == 1


def _text(n: int) -> str:
    return TEXT.replace("x + 1", f"x + {n}")


def test_a_damaged_record_is_a_miss_and_its_good_copy_is_found_next(tmp_path: Path, writing: None) -> None:
    path = tmp_path / "methods"
    _Store(str(path)).code(TEXT)
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF  # a bit flipped inside the marshalled code
    path.write_bytes(bytes(data))
    damaged = _Store(str(path))
    assert _made(damaged.code(TEXT)) == 2 and damaged.compiled == 1
    again = _Store(str(path))
    assert _made(again.code(TEXT)) == 2 and again.compiled == 0


def test_a_record_found_by_its_crc_is_used_only_for_the_same_text(tmp_path: Path, writing: None) -> None:
    path = tmp_path / "methods"
    _Store(str(path)).code(TEXT)
    other = _text(7)
    assert len(other) == len(TEXT)
    store = _Store(str(path))
    raw = TEXT.encode()
    # the text's own CRC and length now lead to the record of TEXT: its bytes must still match
    store.load()[(zlib.crc32(other.encode()), len(raw))] = store.load()[(zlib.crc32(raw), len(raw))]
    assert _made(store.code(other)) == 8 and store.compiled == 1


def test_only_the_records_asked_for_are_unmarshalled(
    tmp_path: Path, writing: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(tmp_path / "methods")
    first = _Store(path)
    for n in range(50):
        first.code(_text(n))
    loads: list[object] = []
    real = methodcache.marshal.loads
    monkeypatch.setattr(methodcache.marshal, "loads", lambda data: loads.append(data) or real(data))
    second = _Store(path)
    assert len(second.load()) == 50 and not loads
    assert _made(second.code(_text(3))) == 4 and _made(second.code(_text(3))) == 4
    assert len(loads) == 1 and second.compiled == 0


def test_a_process_that_appended_compacts_a_file_it_mostly_did_not_use(
    tmp_path: Path, writing: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(methodcache, "_COMPACT_AT", 0)
    path = tmp_path / "methods"
    old = _Store(str(path))
    for n in range(40):
        old.code(_text(n))  # the methods of classes since edited
    store = _Store(str(path))
    store.code(_text(1))
    store.code(_text(99))  # a class edited since: appended, and the exit hook armed
    assert store.exit_registered
    store.compact()
    after = _Store(str(path))
    assert len(after.load()) == 2
    after.code(_text(1))
    after.code(_text(99))
    assert after.compiled == 0
    assert [p.name for p in tmp_path.iterdir()] == ["methods"]  # nothing left aside


def test_a_forked_child_does_not_compact_its_parent_s_file(
    tmp_path: Path, writing: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(methodcache, "_COMPACT_AT", 0)
    path = tmp_path / "methods"
    old = _Store(str(path))
    for n in range(40):
        old.code(_text(n))
    store = _Store(str(path))
    store.code(_text(99))
    before = path.read_bytes()
    monkeypatch.setattr(methodcache.os, "getpid", lambda: store.exit_registered + 1)
    store.compact()
    assert path.read_bytes() == before


def test_a_file_mostly_used_is_not_compacted(tmp_path: Path, writing: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(methodcache, "_COMPACT_AT", 0)
    path = tmp_path / "methods"
    old = _Store(str(path))
    for n in range(4):
        old.code(_text(n))
    store = _Store(str(path))
    for n in range(5):
        store.code(_text(n))
    before = path.read_bytes()
    store.compact()
    assert path.read_bytes() == before


def test_a_process_that_appended_nothing_leaves_the_file_alone(tmp_path: Path, writing: None) -> None:
    path = str(tmp_path / "methods")
    _Store(path).code(TEXT)
    store = _Store(path)
    store.code(TEXT)
    assert not store.exit_registered


def test_nothing_is_written_when_byte_code_is_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    store = _Store(str(tmp_path / "methods"))
    assert _made(store.code(TEXT)) == 2
    assert not (tmp_path / "methods").exists()


def test_an_unwritable_folder_only_costs_the_compiling(tmp_path: Path, writing: None) -> None:
    (tmp_path / "file").write_text("")
    store = _Store(str(tmp_path / "file" / "methods"))  # a folder that cannot be made
    assert _made(store.code(TEXT)) == 2 and store.path is None


def test_dataclasses_gets_its_own_exec_back_after_nested_use() -> None:
    with compiled_methods():
        with compiled_methods():
            assert "exec" in vars(dataclasses)
        assert "exec" in vars(dataclasses)

        @dataclasses.dataclass(frozen=True)
        class Made:
            x: int

    assert "exec" not in vars(dataclasses)
    assert Made(1) == Made(1) and repr(Made(2)).endswith("Made(x=2)")


def test_a_second_build_process_compiles_no_methods(tmp_path: Path) -> None:
    (tmp_path / "sample.py").write_text(
        textwrap.dedent(
            """
            from workshop.lazyclass import lazy_dataclass
            from workshop import methodcache

            @lazy_dataclass(frozen=True)
            class Point:
                x: int
                y: int = 0

            assert Point(1) == Point(1, 0) and hash(Point(1)) == hash(Point(1, 0))
            assert Point.__doc__ == "Point(x: int, y: int = 0)", Point.__doc__
            print(methodcache._store.compiled, repr(Point(3, 4)))
            """
        )
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pycache")
    printed = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "sample.py"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        printed.append(done.stdout.split(" ", 1))
    assert printed[0][1] == printed[1][1] == "Point(x=3, y=4)\n"
    assert int(printed[0][0]) > 0 and printed[1][0] == "0"
