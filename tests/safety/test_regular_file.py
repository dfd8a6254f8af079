"""``RegularFile``: a file read piece by piece, every piece inside it, opened as safely as a whole read."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from workshop.safety.paths import NotRegularFile, OutsideFile, RegularFile


def test_pieces_are_the_files_bytes(tmp_path: Path):
    path = tmp_path / "f.bin"
    path.write_bytes(bytes(range(256)) * 4)
    with RegularFile(path, max_bytes=4096) as file:
        assert file.size == 1024
        assert file.read_at(0, 4) == b"\x00\x01\x02\x03"
        assert file.read_at(1020, 4) == b"\xfc\xfd\xfe\xff"
        assert file.read_at(1024, 0) == b""


@pytest.mark.parametrize(("offset", "length"), [(1021, 4), (2000, 1), (-1, 2), (0, -1), (0, 1 << 40)])
def test_a_piece_outside_the_file_is_refused(tmp_path: Path, offset: int, length: int):
    path = tmp_path / "f.bin"
    path.write_bytes(b"x" * 1024)
    with RegularFile(path, max_bytes=4096) as file, pytest.raises(OutsideFile):
        file.read_at(offset, length)


def test_a_file_cut_short_while_open_is_refused(tmp_path: Path):
    path = tmp_path / "f.bin"
    path.write_bytes(b"x" * 1024)
    with RegularFile(path, max_bytes=4096) as file:
        os.truncate(path, 100)
        assert file.read_at(0, 100) == b"x" * 100
        with pytest.raises(OutsideFile, match="shorter"):
            file.read_at(50, 100)


def test_oversized_files_and_devices_are_refused_at_open(tmp_path: Path):
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 101)
    with pytest.raises(NotRegularFile, match="larger"):
        RegularFile(big, max_bytes=100)
    with pytest.raises(NotRegularFile, match="not a regular file"):
        RegularFile(Path("/dev/zero"), max_bytes=100)
    with pytest.raises(NotRegularFile, match="not a regular file"):
        RegularFile(tmp_path, max_bytes=100)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path):
    fifo = tmp_path / "f.ttf"
    os.mkfifo(fifo)
    signal.alarm(10)  # a blocking open would end the test with SIGALRM instead of hanging the suite
    try:
        with pytest.raises(NotRegularFile):
            RegularFile(fifo, max_bytes=100)
    finally:
        signal.alarm(0)


def test_closing_releases_the_descriptor(tmp_path: Path):
    path = tmp_path / "f.bin"
    path.write_bytes(b"x")
    before = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    for _ in range(50):
        with RegularFile(path, max_bytes=10) as file:
            file.read_at(0, 1)
        with pytest.raises(NotRegularFile):
            RegularFile(path, max_bytes=0)
    if before is not None:
        assert len(os.listdir("/proc/self/fd")) == before
