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

``watch`` keeps one worker for all its rebuilds (:class:`KeptWorker`),
forked once everything is loaded: a fork per rebuild cost 15–25 ms and
about 6,000 copy-on-write page faults (100 ms of system time) each time.
"""

from __future__ import annotations

import copyreg
import gc
import os
import signal
import struct
import threading
from collections.abc import Callable, Sequence
from types import MappingProxyType
from typing import Any, BinaryIO, NoReturn

from workshop import heap, platforms, stopping
from workshop.errors import ExitStatus, WorkshopError

#: ``render(prepared, output) -> bytes``; the prepared build is the pipeline's, opaque here.
Render = Callable[[Any, str], bytes]
_HEADER = struct.Struct(">Q")  # a message's length, before its pickle


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


class WorkerDied(RuntimeError):
    """The PDF worker ended (killed, out of memory) before it replied."""


_OPEN: set[int] = set()  # this process's ends of every running worker's pipes; a new child closes them


class PdfWorker:
    """A forked child that renders the PDF outputs of builds, one request at a time.

    A single build sends it one plan and stops it; ``watch`` keeps one
    (:class:`KeptWorker`) for every rebuild. Requests and replies cross the
    pipes as a length and a pickle. The child ignores Ctrl-C (it reaches the
    whole process group; the parent decides and stops it), ends at once on
    SIGTERM, and ends by itself when its request pipe closes, so a parent
    that dies leaves no orphan behind.
    """

    def __init__(self, render: Render, outputs: Sequence[str]) -> None:
        self.outputs = list(outputs)
        to_child_r, to_child = os.pipe()
        from_child, from_child_w = os.pipe()
        self._to_child: int | None = to_child
        self._replies: BinaryIO | None = None
        self._sender: threading.Thread | None = None
        self.pending = False  # a request sent whose reply is not read yet
        try:
            self.pid: int | None = os.fork()
        except OSError:
            for fd in (to_child_r, to_child, from_child, from_child_w):
                os.close(fd)
            raise
        if self.pid == 0:
            for fd in (to_child, from_child, *_OPEN):  # other workers' pipes: their EOF must not wait for us
                os.close(fd)
            self._serve(render, to_child_r, from_child_w)
        os.close(to_child_r)
        os.close(from_child_w)
        self._replies = os.fdopen(from_child, "rb")
        _OPEN.update((to_child, from_child))

    def _serve(self, render: Render, inbox: int, outbox: int) -> NoReturn:  # in the child
        import pickle  # here, not at the top: a build that does not fork never loads it (about 2 ms)

        try:
            stopping.worker_signals()
            try:
                _warm_up()
            except Exception:  # noqa: BLE001 - rendering will raise it properly below
                pass
            gc.freeze()  # what came with the fork stays out of this child's collections (and its pages shared)
            heap.start_work()
            with os.fdopen(inbox, "rb") as requests, os.fdopen(outbox, "wb") as replies:
                while (data := _read_message(requests)) is not None:
                    _write_message(replies, pickle.dumps(self._reply(render, data), protocol=pickle.HIGHEST_PROTOCOL))
        finally:  # the parent closed the pipe (or went away): end without Python's exit work
            os._exit(0)

    def _reply(self, render: Render, data: bytes) -> tuple[str, Any]:
        import pickle

        try:
            prepared = pickle.loads(data)
            return "ok", {o: render(prepared, o) for o in self.outputs}
        except WorkshopError as exc:
            return "error", (str(exc), exc.exit_code)
        except KeyboardInterrupt:
            return "interrupt", None
        except BaseException as exc:  # noqa: BLE001 - the parent reports it as an internal error
            return "crash", f"{type(exc).__name__}: {exc}"

    @property
    def running(self) -> bool:
        """Whether the child is still there (one that ended is reaped here)."""
        if self.pid is not None and not self.pending and os.waitpid(self.pid, os.WNOHANG)[0]:
            self.pid = None
        return self.pid is not None

    def send(self, prepared: Any) -> None:
        """Hand ``prepared`` to the child and return at once (a thread writes it as the child reads)."""
        assert self._to_child is not None and not self.pending, "send() once per result()"
        import pickle

        self.pending = True
        data = pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL)
        self._sender = threading.Thread(target=_write_all, args=(self._to_child, data), name="workshop-plan",
                                        daemon=True)
        self._sender.start()

    def _join_sender(self) -> None:
        """Wait for the plan's writer: done once the child has read the plan, or has ended."""
        if self._sender is not None:
            self._sender.join()
            self._sender = None

    def result(self) -> dict[str, bytes]:
        """The child's PDFs for the last ``send``; :class:`WorkerDied` if it ended first (it is reaped then)."""
        assert self._replies is not None and self.pid is not None, "result() after send()"
        import pickle

        data = _read_message(self._replies)  # read to the end before waiting: results exceed a pipe's buffer
        self.pending = False
        self._join_sender()
        if data is None:
            raise WorkerDied(f"the PDF renderer {self._ended()} without a result")
        status, value = pickle.loads(data)
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

    def _ended(self) -> str:
        """How the child ended (it has closed its pipe), once reaped."""
        assert self.pid is not None
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if os.WIFSIGNALED(status):
            return f"was killed by {platforms.signal_name(os.WTERMSIG(status))}"
        return f"ended (exit code {os.waitstatus_to_exitcode(status)})"

    def stop(self) -> None:
        """End the child (if still running) and close the pipes; safe to call twice."""
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self.pid = None
        self._join_sender()  # the child is gone: a write still waiting ends with a broken pipe
        if self._to_child is not None:
            _OPEN.discard(self._to_child)
            os.close(self._to_child)
            self._to_child = None
        if self._replies is not None:
            _OPEN.discard(self._replies.fileno())
            self._replies.close()
            self._replies = None


def _read_message(pipe: BinaryIO) -> bytes | None:
    """One length-prefixed message, or None at the end of the pipe (or a message cut short by it)."""
    header = pipe.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    data = pipe.read(size)
    return data if len(data) == size else None


def _write_message(pipe: BinaryIO, data: bytes) -> None:
    pipe.write(_HEADER.pack(len(data)))
    pipe.write(data)
    pipe.flush()


def _write_all(fd: int, data: bytes) -> None:
    """Write one message to the pipe ``fd`` (left open); a child that ended first is reported by ``result``."""
    try:
        os.write(fd, _HEADER.pack(len(data)))
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
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


class KeptWorker:
    """``watch``'s PDF worker: forked once, warm, and used by every rebuild until :meth:`stop`.

    :meth:`start` forks it (the watch calls it after each rebuild, so the
    fork is off the next rebuild's path; nothing happens while one runs).
    A worker that dies (killed, out of memory) is replaced and the PDFs
    asked of the new one; a second death in a row is that rebuild's error.
    A worker's unexpected exception or an interrupted rebuild replaces it
    too; an input error it reports (``WorkshopError``) leaves it running.
    """

    def __init__(self, render: Render) -> None:
        self._render = render
        self._worker: PdfWorker | None = None
        self._sent: Any = None  # what the renderers read, for this build (``send_ahead``)

    @property
    def pid(self) -> int | None:
        return self._worker.pid if self._worker is not None else None

    def start(self, outputs: Sequence[str]) -> None:
        """Have a worker for the PDFs among ``outputs`` running (none for a deck or the PDFs alone)."""
        pdfs = [o for o in outputs if o != "deck"]
        worker = self._worker
        if worker is not None and (worker.outputs != pdfs or worker.pending or not worker.running):
            self.stop()  # other outputs, gone, or a reply left unread by a build that failed after sending
        if self._worker is None and "deck" in outputs and pdfs:
            load_shared()
            try:
                self._worker = PdfWorker(self._render, pdfs)
            except OSError:  # no fork now (process or memory limits): this build renders everything here
                pass

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker = None

    def send_ahead(self, prepared: Any, outputs: Sequence[str]) -> None:
        """Start this build's PDFs (what the renderers read, ``prepared``); :meth:`render_all` collects them."""
        self.start(outputs)
        self._sent = prepared
        if self._worker is not None:
            self._worker.send(prepared)

    def render_all(self, outputs: Sequence[str], render: Render) -> dict[str, bytes]:
        """As :func:`render_all` for what :meth:`send_ahead` sent: the deck here, the PDFs from the worker."""
        prepared, self._sent = self._sent, None
        assert prepared is not None, "send_ahead() first"
        worker = self._worker
        if worker is None or not worker.pending:
            return render_all(prepared, outputs, render, None)
        try:
            deck = render(prepared, "deck")
            try:
                pdfs = worker.result()
            except WorkerDied:  # replaced, and asked again; a second death is this build's error
                self.stop()
                self.start(outputs)
                if self._worker is None:
                    return render_all(prepared, outputs, render, None)
                self._worker.send(prepared)
                pdfs = self._worker.result()
        except WorkshopError:
            if worker.pending:  # the deck failed: the worker's reply will not be read
                self.stop()
            raise
        except BaseException:
            self.stop()
            raise
        results = {"deck": deck, **pdfs}
        return {o: results[o] for o in outputs}
