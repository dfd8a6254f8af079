"""Processes that die on purpose: a forked writer stopped before a chosen file-system call (the crash
tests of ``workshop.output``), and whether a worker process has ended (split and watch tests).

The child counts its calls to the ``os`` functions named in ``steps`` and
``os._exit``s before the ``step``-th, as a kill -9 or power loss would stop
it; the test then judges what the folder holds. Exit status 9: it died
there; 0: it wrote everything with fewer calls than ``step``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from typing import Any


def crash_at(step: int, write: Callable[[], object], steps: Iterable[str], *, no_links: bool = False) -> int:
    """Run ``write`` in a forked child that dies before its ``step``-th call among ``steps``; its exit code."""
    pid = os.fork()
    if pid == 0:  # the child: count the calls, die before the chosen one
        calls = [0]

        def wrap(real: Callable[..., Any]) -> Callable[..., Any]:
            def call(*args: Any, **kwargs: Any) -> Any:
                if calls[0] == step:
                    os._exit(9)
                calls[0] += 1
                return real(*args, **kwargs)

            return call

        for name in steps:
            setattr(os, name, wrap(getattr(os, name)))
        if no_links:
            del os.link  # as on a file system without hard links
        try:
            write()
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def process_gone(pid: int) -> bool:
    """Whether ``pid`` has ended (a zombie waiting for its new parent to reap it counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def ends_within(pid: int, seconds: float = 10) -> bool:
    """Whether ``pid`` ends within ``seconds`` (polled every 20 ms)."""
    deadline = time.monotonic() + seconds
    while not process_gone(pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    return process_gone(pid)
