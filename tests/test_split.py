"""The PDF worker of a single build: the plan is handed over without waiting for the child to read it."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator

import pytest
from crashing import ends_within, process_gone

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


# --- the kept worker (``watch``): forked once, reused, replaced when it dies ---

KEPT_OUTPUTS = ("deck", "handout", "guide")


@pytest.fixture
def kept(workers) -> split.KeptWorker:
    return workers(_first_bytes)


@pytest.fixture
def workers(fork_guard) -> Iterator[Callable[[split.Render], split.KeptWorker]]:
    """Kept workers for the render functions given; each is stopped when the test ends."""
    made: list[split.KeptWorker] = []

    def make(render: split.Render) -> split.KeptWorker:
        made.append(split.KeptWorker(render))
        return made[-1]

    try:
        yield make
    finally:
        for worker in made:
            worker.stop()


@pytest.fixture
def fork_guard(fork_only) -> Iterator[None]:
    """Fork only (as ``watch`` uses it), and a hang fails the test instead of blocking the run."""
    previous = signal.signal(signal.SIGALRM, lambda *_: pytest.fail("the parent waited for a dead worker"))
    signal.alarm(60)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _build(kept: split.KeptWorker, plan: bytes, outputs: tuple[str, ...], render: split.Render) -> dict[str, bytes]:
    """One build's rendering, as ``pipeline.run_build`` does it: sent once planned, then collected."""
    kept.send_ahead(plan, outputs)
    return kept.render_all(outputs, render)


def _expected(prepared: bytes) -> dict[str, bytes]:
    return {"deck": _first_bytes(prepared, "deck"), **{o: _first_bytes(prepared, o) for o in ("handout", "guide")}}


def test_the_kept_worker_is_reused_across_builds(kept):
    kept.start(KEPT_OUTPUTS)
    pid = kept.pid
    assert pid is not None and pid != os.getpid()
    for plan in (b"first plan", BIG, b"third"):
        assert _build(kept, plan, KEPT_OUTPUTS, _first_bytes) == _expected(plan)
        assert kept.pid == pid


def test_a_killed_worker_is_replaced_and_the_build_still_succeeds(kept):
    kept.start(KEPT_OUTPUTS)
    first = kept.pid
    assert first is not None
    os.kill(first, signal.SIGKILL)
    assert _build(kept, b"plan", KEPT_OUTPUTS, _first_bytes) == _expected(b"plan")
    assert kept.pid not in (None, first)


def test_a_worker_dying_mid_render_is_replaced_once(tmp_path, workers):
    """The first worker dies while it renders; the build asks a new one (the marker file says it died)."""
    marker = tmp_path / "died"

    def dying_once(prepared: bytes, output: str) -> bytes:
        if output != "deck" and not marker.exists():
            marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return _first_bytes(prepared, output)

    worker = workers(dying_once)
    assert _build(worker, b"plan", KEPT_OUTPUTS, _first_bytes) == _expected(b"plan")
    assert marker.exists()


def test_a_worker_that_always_dies_is_this_builds_error_and_no_hang(workers):
    def dying(prepared: bytes, output: str) -> bytes:
        os.kill(os.getpid(), signal.SIGKILL)
        return b""

    worker = workers(dying)
    with pytest.raises(split.WorkerDied, match="killed by SIGKILL"):
        _build(worker, b"plan", KEPT_OUTPUTS, _first_bytes)
    assert worker.pid is None  # nothing left running; the next build forks afresh


def test_an_input_error_in_the_worker_is_reported_and_the_worker_kept(workers):
    from workshop.errors import WorkshopError

    def refusing(prepared: bytes, output: str) -> bytes:
        if prepared == b"bad":
            raise WorkshopError("decks/x.yaml:3:1: picture too large")
        return _first_bytes(prepared, output)

    worker = workers(refusing)
    worker.start(KEPT_OUTPUTS)
    pid = worker.pid
    with pytest.raises(WorkshopError, match="picture too large"):
        _build(worker, b"bad", KEPT_OUTPUTS, _first_bytes)
    assert worker.pid == pid
    assert _build(worker, b"good", KEPT_OUTPUTS, _first_bytes) == _expected(b"good")


def test_a_bug_in_the_worker_replaces_it(workers):
    def buggy(prepared: bytes, output: str) -> bytes:
        if prepared == b"bug":
            raise ValueError("oops")
        return _first_bytes(prepared, output)

    worker = workers(buggy)
    worker.start(KEPT_OUTPUTS)
    pid = worker.pid
    with pytest.raises(RuntimeError, match="ValueError: oops"):
        _build(worker, b"bug", KEPT_OUTPUTS, _first_bytes)
    assert worker.pid is None and pid is not None and process_gone(pid)
    assert _build(worker, b"ok", KEPT_OUTPUTS, _first_bytes) == _expected(b"ok")


def test_a_failed_deck_does_not_leave_a_reply_unread(kept):
    from workshop.errors import WorkshopError

    def failing_deck(prepared: bytes, output: str) -> bytes:
        raise WorkshopError("slide 3: the chart has no values")

    with pytest.raises(WorkshopError, match="slide 3"):
        _build(kept, b"plan", KEPT_OUTPUTS, failing_deck)
    assert _build(kept, b"next", KEPT_OUTPUTS, _first_bytes) == _expected(b"next")


def test_only_a_deck_with_pdfs_uses_the_worker(kept):
    for outputs in (("deck",), ("handout", "guide")):
        kept.start(outputs)
        assert kept.pid is None
        assert _build(kept, b"p", outputs, _first_bytes) == {o: _first_bytes(b"p", o) for o in outputs}


def test_a_worker_ends_when_its_parent_dies(fork_guard):
    """No orphan: a parent killed without stopping its worker; the worker sees its pipe close and ends."""
    report_r, report_w = os.pipe()
    parent = os.fork()
    if parent == 0:
        try:
            os.close(report_r)
            worker = split.KeptWorker(_first_bytes)
            worker.start(KEPT_OUTPUTS)
            _build(worker, b"plan", KEPT_OUTPUTS, _first_bytes)
            os.write(report_w, f"{worker.pid}\n".encode())
        finally:
            os._exit(0)  # without stopping the worker, as a kill -9 would
    os.close(report_w)
    with os.fdopen(report_r, "rb") as report:
        pid = int(report.readline())  # a line: the worker holds this pipe open too
    os.waitpid(parent, 0)
    ended = ends_within(pid)
    if not ended:
        os.kill(pid, signal.SIGKILL)  # an orphan would hold the test run's output open
    assert ended


def test_a_build_that_fails_after_sending_leaves_the_next_one_whole(kept):
    """Planned and sent, then refused (a deck edited by hand): the reply nobody read is not the next build's."""
    kept.send_ahead(b"refused build", KEPT_OUTPUTS)
    assert _build(kept, b"next", KEPT_OUTPUTS, _first_bytes) == _expected(b"next")
