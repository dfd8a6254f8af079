"""Render the deck and the PDFs side by side for a single build.

One build's deck (python-pptx) and PDFs (reportlab) are independent once the
plan exists. For a single outline the CLI forks a PDF worker *before* it
loads the brand (``pipeline.pdf_worker_ahead``; after importing what both
sides use, so the model is built once): it loads reportlab while this
process loads the brand, reads and plans the outline, then receives what the
renderers read (plan, brand, assets) and renders the handout and guide while
this process renders the deck. Both cores work on a cold start. The plan is written to
the child by a thread: the child reads it only once reportlab is loaded,
and a plan is larger than a pipe holds (about 100 KB for a sample), so a
plain write would hold the deck back until then (50–90 ms measured). Batches do not split: they
already keep every core busy with whole builds.
"""

from __future__ import annotations

import copyreg
import os
import signal
import threading
from collections.abc import Callable, Sequence
from types import MappingProxyType
from typing import Any

from workshop import heap, platforms
from workshop.errors import ExitStatus, WorkshopError

#: ``render(prepared, output) -> bytes``; the prepared build is the pipeline's, opaque here.
Render = Callable[[Any, str], bytes]


def read_only(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(mapping)


# Plans and brands hold read-only mappings; let them cross the pipe as dicts.
copyreg.pickle(MappingProxyType, lambda proxy: (read_only, (dict(proxy),)))


def load_shared() -> None:
    """Import what the deck side and the PDF side both use, once, before the fork.

    The model's classes, the kind records, the brand and plan types:
    imported after the fork, each process would build them again (about a
    tenth of a cold build's CPU time).
    """
    import workshop.assets  # noqa: F401
    import workshop.brand.model  # noqa: F401
    import workshop.kinds  # noqa: F401
    import workshop.plan.measure  # noqa: F401
    import workshop.plan.model  # noqa: F401
    import workshop.text.inline  # noqa: F401


def _warm_up() -> None:
    """Load the PDF renderers (and reportlab) while the parent plans."""
    import workshop.render.guide.render  # noqa: F401
    import workshop.render.handout.render  # noqa: F401


class PdfWorker:
    """A forked child that renders the PDF outputs of one build."""

    def __init__(self, render: Render, outputs: Sequence[str]) -> None:
        self.outputs = list(outputs)
        to_child_r, to_child = os.pipe()
        from_child, from_child_w = os.pipe()
        self._to_child: int | None = to_child
        self._from_child: int | None = from_child
        self._sender: threading.Thread | None = None
        self.pid: int | None = os.fork()
        if self.pid == 0:
            os.close(to_child)
            os.close(from_child)
            self._serve(render, to_child_r, from_child_w)
        os.close(to_child_r)
        os.close(from_child_w)

    def _serve(self, render: Render, inbox: int, outbox: int) -> None:  # in the child; never returns
        import pickle  # here, not at the top: a build that does not fork never loads it (about 2 ms)

        try:
            try:
                _warm_up()
            except Exception:  # noqa: BLE001 - rendering will raise it properly below
                pass
            heap.start_work()
            with os.fdopen(inbox, "rb") as pipe:
                data = pipe.read()
            if not data:  # the parent gave up (its planning failed)
                os._exit(0)
            prepared = pickle.loads(data)
            payload: tuple[str, Any]
            try:
                payload = ("ok", {o: render(prepared, o) for o in self.outputs})
            except WorkshopError as exc:
                payload = ("error", (str(exc), exc.exit_code))
            except KeyboardInterrupt:
                payload = ("interrupt", None)
            except BaseException as exc:  # noqa: BLE001 - the parent reports it as an internal error
                payload = ("crash", f"{type(exc).__name__}: {exc}")
            with os.fdopen(outbox, "wb") as pipe:
                pickle.dump(payload, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            os._exit(0)

    def send(self, prepared: Any) -> None:
        """Hand ``prepared`` to the child and return at once (a thread writes it as the child reads)."""
        assert self._to_child is not None, "send() once"
        import pickle
        data = pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL)
        fd, self._to_child = self._to_child, None  # the thread owns it now, and closes it
        self._sender = threading.Thread(target=_write_all, args=(fd, data), name="workshop-plan", daemon=True)
        self._sender.start()

    def _join_sender(self) -> None:
        """Wait for the plan's writer: done once the child has read the plan, or has ended."""
        if self._sender is not None:
            self._sender.join()
            self._sender = None

    def result(self) -> dict[str, bytes]:
        assert self._from_child is not None and self.pid is not None, "result() once, after send()"
        import pickle
        with os.fdopen(self._from_child, "rb") as pipe:
            data = pipe.read()  # read to the end before waiting: results exceed a pipe's buffer
        self._from_child = None
        os.waitpid(self.pid, 0)
        self.pid = None
        self._join_sender()
        reply: tuple[str, Any] = pickle.loads(data) if data else ("crash", "the PDF renderer ended without a result")
        status, value = reply
        if status == "error":
            message, code = value
            error = WorkshopError(message)
            error.exit_code = ExitStatus(code)
            raise error
        if status == "interrupt":
            raise KeyboardInterrupt
        if status == "crash":
            raise RuntimeError(value)
        rendered: dict[str, bytes] = value
        return rendered

    def stop(self) -> None:
        """End the child (if still running) and close the pipes; safe to call twice."""
        for fd in (self._to_child, self._from_child):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self._to_child = self._from_child = None
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self.pid = None
        self._join_sender()  # the child is gone: a write still waiting ends with a broken pipe


def _write_all(fd: int, data: bytes) -> None:
    """Write ``data`` to the pipe ``fd`` and close it; a child that ended first is reported by ``result``."""
    try:
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(data)
    except OSError:
        pass


def start_worker(outputs: Sequence[str], render: Render, *, split: bool) -> PdfWorker | None:
    """A PDF worker when splitting pays: a deck and at least one PDF, where fork is the start method."""
    pdfs = [o for o in outputs if o != "deck"]
    if not split or "deck" not in outputs or not pdfs or not platforms.can_fork():
        return None
    load_shared()
    return PdfWorker(render, pdfs)


def render_all(prepared: Any, outputs: Sequence[str], render: Render, worker: PdfWorker | None) -> dict[str, bytes]:
    """``{output: bytes}`` in the order given; the worker (if any) renders the PDFs."""
    if worker is None:
        return {o: render(prepared, o) for o in outputs}
    worker.send(prepared)
    deck = render(prepared, "deck")
    results = {"deck": deck, **worker.result()}
    return {o: results[o] for o in outputs}
