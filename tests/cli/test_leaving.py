"""Leaving without the interpreter's teardown: the same exit status, output and atexit handlers."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading

import pytest

from workshop.cli.leaving import _status, leave


def _run(body: str) -> subprocess.CompletedProcess[str]:
    script = "import atexit, sys\nfrom workshop.cli.leaving import leave\n" + textwrap.dedent(body)
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)


def test_the_status_output_and_atexit_handlers_are_as_a_normal_exit_gives_them():
    done = _run("""
        atexit.register(lambda: print("handler ran"))
        sys.stdout.write("x" * 1_000_000)  # more than a pipe holds: flushed before the end
        sys.stderr.write("said on stderr")
        leave(SystemExit(3))
    """)
    assert done.returncode == 3
    assert done.stdout.startswith("x" * 1_000_000) and done.stdout.endswith("handler ran\n")
    assert done.stderr == "said on stderr"


def test_it_skips_the_teardown():
    """An object's finaliser that a normal exit runs at teardown is not run: the point of leaving."""
    done = _run("""
        class Noisy:
            def __del__(self):
                print("freed")
        kept = Noisy()
        leave(SystemExit(0))
    """)
    assert (done.returncode, done.stdout) == (0, "")


def test_a_closed_output_pipe_still_ends_with_the_status():
    done = subprocess.run(
        f"{sys.executable} -c 'import sys; from workshop.cli.leaving import leave; "
        "sys.stdout.write(\"y\" * 1_000_000); leave(SystemExit(4))' | head -c 10",
        shell=True, capture_output=True, text=True, timeout=60, executable="/bin/bash",
    )
    assert done.stdout == "y" * 10
    status = subprocess.run(
        f"{sys.executable} -c 'import sys; from workshop.cli.leaving import leave; "
        "sys.stdout.write(\"y\" * 1_000_000); leave(SystemExit(4))' | head -c 10 >/dev/null; "
        "echo ${PIPESTATUS[0]}",
        shell=True, capture_output=True, text=True, timeout=60, executable="/bin/bash",
    )
    assert status.stdout.strip() == "4"


@pytest.mark.parametrize(("code", "status"), [(None, 0), (0, 0), (2, 2), (130, 130)])
def test_statuses_are_those_of_system_exit(code, status):
    assert _status(code) == status


@pytest.mark.parametrize("code", ["a message", True, 1.5])
def test_a_code_python_would_print_or_convert_is_left_to_python(code):
    with pytest.raises(SystemExit) as raised:
        leave(SystemExit(code))
    assert raised.value.code == code


def test_a_running_thread_gets_a_normal_exit_which_waits_for_it():
    release = threading.Event()
    worker = threading.Thread(target=release.wait)
    worker.start()
    try:
        with pytest.raises(SystemExit):
            leave(SystemExit(0))
    finally:
        release.set()
        worker.join()


def test_under_a_profiler_or_tracer_the_exit_is_normal_so_it_can_write_its_results():
    """pytest itself may trace (coverage); either way leave() must raise here, in-process."""
    previous = sys.getprofile()
    sys.setprofile(lambda *args: None)
    try:
        with pytest.raises(SystemExit):
            leave(SystemExit(0))
    finally:
        sys.setprofile(previous)


def test_the_entry_point_leaves_with_the_command_status(tmp_path):
    missing = subprocess.run([sys.executable, "-m", "workshop", "check", str(tmp_path / "none.yaml")],
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "no such file or folder" in missing.stderr
