"""The platform module: start methods, signals, locks and file names that work everywhere."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from workshop import platforms, stopping


@pytest.mark.parametrize("name", ["CON", "con.pptx", "Nul.pdf", "COM1.pptx", "lpt9.handout.pdf", "COM¹.pptx",
                                  "AUX .pptx", "deck.", "deck ", "a:b.pdf", 'a"b.pdf', "a|b", "a?b", "a*b",
                                  "a<b", "x" * 256, "é" * 128, "", ".", ".."])
def test_names_windows_refuses_are_refused(name):
    assert platforms.file_name_problem(name)


@pytest.mark.parametrize("name", ["deck.pptx", "console.pptx", "com10.pptx", "nul-acme.pdf", "lpt9-handout.pdf",
                                  "...pptx", "x" * 255, "Klantreis Q3 (concept).pptx", "één.pdf"])
def test_ordinary_names_pass(name):
    assert platforms.file_name_problem(name) is None


def test_the_start_method_can_be_forced(monkeypatch):
    monkeypatch.setenv(platforms.START_METHOD_ENV, "spawn")
    assert platforms.start_method() == "spawn" and not platforms.can_fork()
    assert platforms.process_context().get_start_method() == "spawn"
    monkeypatch.setenv(platforms.START_METHOD_ENV, "forkserver")  # only fork and spawn are chosen from
    assert platforms.start_method() in ("fork", "spawn")


def test_stop_signals_and_their_exit_statuses():
    assert signal.SIGINT in platforms.stop_signals() and signal.SIGTERM in platforms.stop_signals()
    assert platforms.exit_status_for(signal.SIGINT) == 130
    assert platforms.exit_status_for(signal.SIGTERM) == 143


def test_signals_wait_for_the_end_of_a_critical_block():
    seen = []
    before = signal.getsignal(signal.SIGINT)  # default_int_handler, or SIG_IGN in a background job
    with stopping.stop_handlers(lambda signum, held: seen.append((signum, held))):
        with stopping.critical():
            signal.raise_signal(signal.SIGTERM)
            assert seen == []
        signal.raise_signal(signal.SIGINT)
    assert seen == [(signal.SIGTERM, True), (signal.SIGINT, False)]
    assert signal.getsignal(signal.SIGINT) == before  # restored


def test_folder_lock_lets_writers_take_turns(tmp_path):
    order = []

    def second():
        with platforms.folder_lock(tmp_path):
            order.append("second")

    with platforms.folder_lock(tmp_path):
        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.2)
        order.append("first")
    thread.join(5)
    assert order == ["first", "second"]
    assert list(tmp_path.iterdir()) == []  # no lock file left behind


def test_keep_old_falls_back_without_links(tmp_path, monkeypatch):
    (tmp_path / "a").write_text("x")
    assert platforms.keep_old(tmp_path / "a", tmp_path / "b") and (tmp_path / "b").read_text() == "x"
    monkeypatch.delattr("os.link")
    assert not platforms.keep_old(tmp_path / "a", tmp_path / "c") and not (tmp_path / "c").exists()
