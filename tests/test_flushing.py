"""Step 1's flushes: every file flushed and closed, failures reported in target order, no thread left."""

from __future__ import annotations

import os
import threading

from workshop.flushing import Flushing, write_new


def _open_fds() -> set[int]:
    return {int(n) for n in os.listdir("/proc/self/fd")} if os.path.isdir("/proc/self/fd") else set()


def test_every_file_is_written_flushed_and_closed(tmp_path, monkeypatch):
    flushed = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (flushed.append(fd), real_fsync(fd))[1])
    before = _open_fds()
    flushing = Flushing()
    fds = []
    for name in ("a.pptx", "b.pdf", "c.pdf"):
        fds.append(write_new(tmp_path / name, name.encode() * 1000, None))
        flushing.start(tmp_path / name, fds[-1])
    assert flushing.finish() is None
    assert sorted(flushed) == sorted(fds) and _open_fds() == before
    assert (tmp_path / "b.pdf").read_bytes() == b"b.pdf" * 1000
    assert not [t for t in threading.enumerate() if t.name == "workshop-fsync"]


def test_the_first_failure_in_target_order_is_returned_and_every_file_closed(tmp_path, monkeypatch):
    real_fsync = os.fsync
    failing = {}

    def fsync(fd):
        if fd in failing:
            raise OSError(failing[fd], os.strerror(failing[fd]))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    before = _open_fds()
    flushing = Flushing()
    targets = [tmp_path / n for n in ("a.pptx", "b.pdf", "c.pdf")]
    fds = [write_new(t, b"x", None) for t in targets]
    failing.update({fds[2]: 28, fds[1]: 5})
    for target, fd in zip(targets, fds, strict=True):
        flushing.start(target, fd)
    target, error = flushing.finish()
    assert target == targets[1] and error.errno == 5
    assert _open_fds() == before
    assert flushing.finish() is None  # again: nothing left to wait for


def test_without_threads_each_file_is_flushed_at_once(tmp_path, monkeypatch):
    def no_thread(self):
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(threading.Thread, "start", no_thread)
    flushing = Flushing()
    fd = write_new(tmp_path / "a.pdf", b"A", 0o600)
    flushing.start(tmp_path / "a.pdf", fd)
    assert flushing.finish() is None
    assert (tmp_path / "a.pdf").read_bytes() == b"A" and (tmp_path / "a.pdf").stat().st_mode & 0o777 == 0o600
