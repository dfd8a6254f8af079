"""Stop requests (Ctrl-C, SIGTERM, Ctrl-Break) routed to whoever runs the work.

Python's default turns Ctrl-C into ``KeyboardInterrupt`` wherever the program
happens to be, even between two renames that must finish together, and does
nothing useful with SIGTERM. Here a stop request goes to one callback: the
CLI's default unwinds the process with :class:`Interrupted` (exit status 130
or 143), a batch only counts requests and decides itself. Inside
:func:`critical` a request waits until the block ends. Which signals exist is
the platform module's business; nothing here needs a POSIX-only call.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from workshop.platforms import exit_status_for, signal_name, stop_signals


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or a termination request, with the exit status the shell expects for it."""

    def __init__(self, signum: int):
        super().__init__(signal_name(signum))
        self.signum = signum
        self.status = exit_status_for(signum)


_held: list[int] = []
_depth = 0
_requests = 0  # stop requests since the outermost stop_handlers() began
_on_signal: Callable[[int, bool], None] | None = None


def _handler(signum: int, frame: object) -> None:
    global _requests
    _requests += 1
    if _depth:
        _held.append(signum)
    elif _on_signal is not None:
        _on_signal(signum, False)


def raise_interrupted(signum: int, held: bool) -> None:
    """The usual reaction to a stop signal: unwind this process (``finally`` blocks run).

    Only the first request unwinds; a repeated Ctrl-C while the program already
    stops (and prints what it did) must not cut that short with a traceback.
    """
    if _requests <= 1:
        raise Interrupted(signum)


def install_stop_handlers() -> None:
    """For the whole life of the process (the CLI's ``main``): stop requests unwind with
    :class:`Interrupted`, and are never given back to Python's default, which would
    turn a late Ctrl-C during exit into a traceback."""
    global _on_signal
    _on_signal = raise_interrupted
    for signum in stop_signals():
        signal.signal(signum, _handler)


def ignore_while_exiting() -> None:
    """When the command is done: ignore further stop requests for the last moments.

    While the interpreter shuts down it gives every Python-level handler back to
    the system default, so a late Ctrl-C would kill the process by the signal
    (exit status -2, not 130) after all was already said and written.
    """
    for signum in stop_signals():
        signal.signal(signum, signal.SIG_IGN)


@contextmanager
def stop_handlers(on_signal: Callable[[int, bool], None] = raise_interrupted) -> Iterator[None]:
    """Route Ctrl-C and termination requests to ``on_signal(signum, held)`` while the block runs.

    ``held`` is True when the request arrived inside :func:`critical` and is
    delivered only now, at its end.
    Only the main thread may set handlers; elsewhere this changes nothing.
    """
    global _on_signal, _requests
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous_handler = _on_signal
    if previous_handler is None:
        _requests = 0
    previous = {s: signal.getsignal(s) for s in stop_signals()}
    _on_signal = on_signal
    for signum in previous:
        signal.signal(signum, _handler)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
        _on_signal = previous_handler


@contextmanager
def critical() -> Iterator[None]:
    """Hold stop signals until the outermost block ends (renames that must finish together)."""
    global _depth
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
    if not _depth and _held:
        signum = _held.pop()
        _held.clear()
        if _on_signal is not None:
            _on_signal(signum, True)


def worker_signals() -> None:
    """In worker processes: Ctrl-C reaches the whole process group, but only the parent decides.

    Termination goes back to the default (end at once), also for a forked worker
    that inherited the parent's handlers; the output journal makes that safe.
    """
    global _on_signal
    _on_signal = None
    _held.clear()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGBREAK",):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
