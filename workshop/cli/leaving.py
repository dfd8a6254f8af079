"""Leave the process once a command is done, without the interpreter's teardown.

After the last line is printed, a normal exit frees every module and object
one by one (python-pptx's, reportlab's and lxml's included): about 20 ms of a
cold build, after its files are written, spent on memory the system takes
back anyway. :func:`leave` does what a normal exit does that anyone can see
(it runs the ``atexit`` handlers, such as multiprocessing's and logging's,
and flushes standard output and error) and then ends the process with the
same exit status. It falls back to a normal exit whenever the teardown could
still matter: another non-daemon thread is running (a normal exit waits for
it), or a profiler or tracer (cProfile, coverage) would write its results at
exit.
"""

from __future__ import annotations

import atexit
import os
import sys
from typing import NoReturn


def _status(code: object) -> int | None:
    """The exit status ``SystemExit(code)`` gives, or None where Python would print ``code`` itself."""
    if code is None:
        return 0
    if isinstance(code, bool) or not isinstance(code, int):
        return None
    return code


def _teardown_matters() -> bool:
    threading = sys.modules.get("threading")
    if threading is not None:
        main = threading.main_thread()
        if any(t is not main and t.is_alive() and not t.daemon for t in threading.enumerate()):
            return True
    return sys.getprofile() is not None or sys.gettrace() is not None


def leave(exc: SystemExit) -> NoReturn:
    """End the process as ``raise exc`` would, minus freeing the objects (or raise it where that matters)."""
    status = _status(exc.code)
    if status is None or _teardown_matters():
        raise exc
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (``| head``) or stream: nothing more can be said
            pass
    os._exit(status & 0xFF)
