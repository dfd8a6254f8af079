"""The PDF worker of a single build: the plan is handed over without waiting for the child to read it."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import pytest

from workshop import split

BIG = bytes(range(256)) * (16 * 1024)  # 4 MiB: far more than a pipe holds


@pytest.fixture
def held_child(monkeypatch) -> Iterator[int]:
    """The forked child waits (instead of loading reportlab) until the test writes to the returned fd."""
    if not hasattr(os, "fork"):
        pytest.skip("the PDF worker forks")
    gate_r, gate_w = os.pipe()
    monkeypatch.setattr(split, "_warm_up", lambda: os.read(gate_r, 1))
    previous = signal.signal(signal.SIGALRM, lambda *_: pytest.fail("the parent waited for the child"))
    signal.alarm(60)  # a guard against a hang, not a timing: the test fails instead of blocking the run
    try:
        yield gate_w
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        os.close(gate_r)
        os.close(gate_w)


def _first_bytes(prepared: bytes, output: str) -> bytes:
    return output.encode() + prepared[:8] + len(prepared).to_bytes(8, "big")


def test_send_returns_before_the_child_reads_the_plan(held_child):
    worker = split.PdfWorker(_first_bytes, ["handout", "guide"])
    try:
        worker.send(BIG)  # the child is still "loading reportlab": nothing has been read yet
        os.write(held_child, b"g")
        assert worker.result() == {o: _first_bytes(BIG, o) for o in ("handout", "guide")}
    finally:
        worker.stop()


def test_stopping_a_child_that_never_read_the_plan_ends_the_writer(held_child):
    worker = split.PdfWorker(_first_bytes, ["handout"])
    worker.send(BIG)
    sender = worker._sender
    assert sender is not None and sender.is_alive()
    worker.stop()  # the child is killed; the write waiting on it ends with a broken pipe
    assert not sender.is_alive() and worker.pid is None


def test_a_child_that_ends_before_reading_is_reported_by_result(held_child, monkeypatch):
    monkeypatch.setattr(split, "_warm_up", lambda: os._exit(0))  # ends as if its parent had given up
    worker = split.PdfWorker(_first_bytes, ["handout"])
    try:
        worker.send(BIG)
        with pytest.raises(RuntimeError, match="without a result"):
            worker.result()
    finally:
        worker.stop()
