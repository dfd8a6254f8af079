"""Atomic writes: all outputs replaced together or none, no temp files left."""

from __future__ import annotations

import os

import pytest

from workshop.errors import WorkshopError
from workshop.output import write_together


def listing(folder):
    return sorted(p.name for p in folder.iterdir())


def test_writes_all_files(tmp_path):
    files = {tmp_path / "a.pptx": b"A", tmp_path / "sub" / "b.pdf": b"B"}
    assert write_together(files) == list(files)
    assert (tmp_path / "a.pptx").read_bytes() == b"A" and (tmp_path / "sub" / "b.pdf").read_bytes() == b"B"


def test_failed_rename_rolls_back_and_cleans_up(tmp_path, monkeypatch):
    a, b = tmp_path / "a.pptx", tmp_path / "b.pdf"
    a.write_bytes(b"old A")
    b.write_bytes(b"old B")
    real_replace = os.replace
    calls = []

    def flaky(src, dst):
        calls.append(dst)
        if str(dst) == str(b):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    with pytest.raises(OSError):
        write_together({a: b"new A", b: b"new B"})
    monkeypatch.setattr(os, "replace", real_replace)
    assert a.read_bytes() == b"old A" and b.read_bytes() == b"old B"
    assert listing(tmp_path) == ["a.pptx", "b.pdf"]


def test_failed_write_leaves_previous_files(tmp_path, monkeypatch):
    a = tmp_path / "a.pptx"
    a.write_bytes(b"old")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        write_together({a: b"new"})
    assert a.read_bytes() == b"old" and listing(tmp_path) == ["a.pptx"]


def test_interrupt_leaves_previous_files(tmp_path, monkeypatch):
    a, b = tmp_path / "a.pptx", tmp_path / "b.pdf"
    a.write_bytes(b"old A")
    real_replace = os.replace

    def interrupted(src, dst):
        if str(dst) == str(b):
            raise KeyboardInterrupt
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_together({a: b"new A", b: b"new B"})
    monkeypatch.setattr(os, "replace", real_replace)
    assert a.read_bytes() == b"old A" and not b.exists()
    assert listing(tmp_path) == ["a.pptx"]


def test_refuses_to_overwrite_an_input(tmp_path):
    source = tmp_path / "outline.yaml"
    source.write_text("x")
    with pytest.raises(WorkshopError, match="input"):
        write_together({source: b"boom"}, protected=frozenset({source.resolve()}))
    assert source.read_text() == "x"
