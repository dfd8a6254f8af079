"""One output file (``--only deck``): two durable steps, no journal, the old or the new file after anything."""

from __future__ import annotations

import os
import signal
from functools import partial

import pytest
from crashing import crash_at

from workshop import output, stopping
from workshop.output import OutputError, recover, write_together

needs_proc = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="names open files through /proc")


def listing(folder):
    return sorted(p.name for p in folder.iterdir())


def _fd_name(fd):
    return os.path.basename(os.readlink(f"/proc/self/fd/{fd}"))


@needs_proc
@pytest.mark.parametrize("existing", [True, False], ids=["replace", "fresh"])
def test_the_new_file_is_on_disk_before_its_rename_and_the_rename_before_the_return(tmp_path, monkeypatch, existing):
    target = tmp_path / "w.pptx"
    if existing:
        target.write_bytes(b"old")
    events: list[tuple[str, str]] = []
    real_fsync, real_replace, real_link = os.fsync, os.replace, os.link

    def fsync(fd):
        name = _fd_name(fd)
        if name.endswith(".new"):  # its bytes are complete when it is flushed
            with open(f"/proc/self/fd/{fd}", "rb") as written:
                assert written.read() == b"new deck"
        real_fsync(fd)
        events.append(("fsync", name))

    def replace(src, dst):
        events.append(("replace", os.path.basename(src)))
        real_replace(src, dst)

    def link(src, dst):
        events.append(("link", os.path.basename(dst)))
        real_link(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "link", link)
    before = output.generations_committed()
    assert write_together({target: b"new deck"}) == [target]
    kinds = [(kind, "new" if name.endswith(".new") else name) for kind, name in events]
    assert kinds == [("fsync", "new"), ("replace", "new"), ("fsync", tmp_path.name)]  # nothing else is flushed
    assert events[0][1] == events[1][1] and events[0][1].startswith(".w.pptx.ws-")
    assert target.read_bytes() == b"new deck" and listing(tmp_path) == ["w.pptx"]
    assert output.generations_committed() == before + 1


def test_no_journal_and_no_kept_old_file_ever_appear(tmp_path, monkeypatch):
    target = tmp_path / "w.pptx"
    target.write_bytes(b"old")
    seen: set[str] = set()
    real_open = os.open

    def open_(path, flags, *args, **kwargs):
        seen.update(os.listdir(tmp_path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    write_together({target: b"new"})
    seen.update(os.listdir(tmp_path))
    assert not [n for n in seen if n.startswith(".workshop-") or n.endswith(".old")], seen


STEPS = ("replace", "link", "unlink", "fsync", "open", "write", "close")


@pytest.mark.parametrize("existing", [True, False], ids=["replace", "fresh"])
def test_a_crash_at_any_step_leaves_the_old_or_the_new_file(tmp_path, existing):
    old, new = b"old deck", b"new deck" * 5000
    outcomes = {"old": 0, "new": 0}
    step = 0
    while True:
        folder = tmp_path / f"crash{step}"
        folder.mkdir()
        (folder / "notes.txt").write_text("mine")
        (folder / "w.edited-20261201.pptx").write_text("kept edits")
        target = folder / "w.pptx"
        if existing:
            target.write_bytes(old)
        code = crash_at(step, partial(write_together, {target: new}), STEPS)
        # before any recovery a reader sees a whole file, the old one or the new one
        got = target.read_bytes() if target.exists() else None
        outcomes["new" if got == new else "old"] += 1
        assert got in (new, old if existing else None), f"a partial file after a crash at step {step}"
        recover(folder)
        assert (target.read_bytes() if target.exists() else None) == got  # recovery keeps what is there
        kept = ["notes.txt", "w.edited-20261201.pptx"] + (["w.pptx"] if got is not None else [])
        assert listing(folder) == sorted(kept), f"leftovers after a crash at step {step}"
        if code == 0:
            break
        step += 1
    assert step >= 5 and outcomes["old"] >= 3 and outcomes["new"] >= 1


def test_a_failed_rename_keeps_the_old_file_and_names_the_target(tmp_path, monkeypatch):
    target = tmp_path / "w.pptx"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputError) as caught:
        write_together({target: b"new"})
    assert target.read_bytes() == b"old" and listing(tmp_path) == ["w.pptx"]
    assert str(target) in str(caught.value) and ".ws-" not in str(caught.value)


def test_ctrl_c_while_the_new_file_is_flushed_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "w.pptx"
    target.write_bytes(b"old")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_together({target: b"new"})
    assert target.read_bytes() == b"old" and listing(tmp_path) == ["w.pptx"]


def test_a_stop_signal_during_the_rename_waits_until_the_file_is_replaced(tmp_path, monkeypatch):
    target = tmp_path / "w.pptx"
    target.write_bytes(b"old")
    seen: list[tuple[int, bool, bytes]] = []
    real_replace = os.replace

    def replace(src, dst):
        signal.raise_signal(signal.SIGTERM)  # arrives just before the rename
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with stopping.stop_handlers(lambda signum, held: seen.append((signum, held, target.read_bytes()))):
        write_together({target: b"new"})
    assert seen == [(signal.SIGTERM, True, b"new")]  # handled after the rename, once the file was whole
    assert listing(tmp_path) == ["w.pptx"]
