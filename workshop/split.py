"""Render the deck and the PDFs side by side for a single build.

One build's deck (python-pptx) and PDFs (reportlab) are independent once the
plan exists. For a single outline the CLI lets a forked child render the PDFs
while this process renders the deck, so both cores work on a cold start.
Batches do not split: they already keep every core busy with whole builds.
"""

from __future__ import annotations

import os
import pickle
import signal
from typing import Callable, Sequence

from workshop.errors import WorkshopError


def render_all(prepared, outputs: Sequence[str], render: Callable, *, split: bool) -> dict[str, bytes]:
    """``{output: bytes}`` for each requested output, in the order given."""
    pdfs = [o for o in outputs if o != "deck"]
    if not split or "deck" not in outputs or not pdfs or not hasattr(os, "fork"):
        return {o: render(prepared, o) for o in outputs}
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: render the PDFs, send them back, leave without cleanup handlers
        os.close(read_fd)
        try:
            payload = ("ok", {o: render(prepared, o) for o in pdfs})
        except WorkshopError as exc:
            payload = ("error", (str(exc), exc.exit_code))
        except KeyboardInterrupt:
            payload = ("interrupt", None)
        except BaseException as exc:  # noqa: BLE001 - reported by the parent as an internal error
            payload = ("crash", f"{type(exc).__name__}: {exc}")
        try:
            with os.fdopen(write_fd, "wb") as pipe:
                pickle.dump(payload, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            os._exit(0)
    os.close(write_fd)
    try:
        deck = render(prepared, "deck")
    except BaseException:
        _stop(pid)
        os.close(read_fd)
        raise
    with os.fdopen(read_fd, "rb") as pipe:
        data = pipe.read()  # read to the end before waiting: results can exceed a pipe's buffer
    os.waitpid(pid, 0)
    status, value = pickle.loads(data) if data else ("crash", "the PDF renderer ended without a result")
    if status == "error":
        error = WorkshopError(value[0])
        error.exit_code = value[1]
        raise error
    if status == "interrupt":
        raise KeyboardInterrupt
    if status == "crash":
        raise RuntimeError(value)
    results = {"deck": deck, **value}
    return {o: results[o] for o in outputs}


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
