"""Outputs as generations: all replaced together or none, across failures and crashes."""

from __future__ import annotations

import os
import stat
import threading
from functools import partial

import pytest
from crashing import crash_at

from workshop import output, platforms
from workshop.errors import WorkshopError
from workshop.output import OutputError, recover, temp_name, write_together
from workshop.text.terminal import printable


def listing(folder):
    return sorted(p.name for p in folder.iterdir())


def test_writes_all_files(tmp_path):
    files = {tmp_path / "a.pptx": b"A", tmp_path / "b.pdf": b"B"}
    assert write_together(files) == list(files)
    assert (tmp_path / "a.pptx").read_bytes() == b"A" and (tmp_path / "b.pdf").read_bytes() == b"B"
    assert listing(tmp_path) == ["a.pptx", "b.pdf"]


def test_creates_the_folder(tmp_path):
    write_together({tmp_path / "new" / "sub" / "a.pptx": b"A"})
    assert listing(tmp_path / "new" / "sub") == ["a.pptx"]


def test_one_generation_is_one_folder(tmp_path):
    with pytest.raises(ValueError):
        write_together({tmp_path / "a.pptx": b"A", tmp_path / "sub" / "b.pdf": b"B"})


def test_failed_rename_rolls_back_and_cleans_up(tmp_path, monkeypatch):
    a, b = tmp_path / "a.pptx", tmp_path / "b.pdf"
    a.write_bytes(b"old A")
    b.write_bytes(b"old B")
    real_replace = os.replace

    def flaky(src, dst):
        if str(dst) == str(b):
            raise OSError(28, "No space left on device", str(src))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    with pytest.raises(OutputError) as caught:
        write_together({a: b"new A", b: b"new B"})
    monkeypatch.setattr(os, "replace", real_replace)
    assert a.read_bytes() == b"old A" and b.read_bytes() == b"old B"
    assert listing(tmp_path) == ["a.pptx", "b.pdf"]
    assert "b.pdf" in str(caught.value) and ".ws-" not in str(caught.value)


def test_failed_write_leaves_previous_files_and_names_the_target(tmp_path, monkeypatch):
    a = tmp_path / "a.pptx"
    a.write_bytes(b"old")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OutputError) as caught:
        write_together({a: b"new"})
    assert a.read_bytes() == b"old" and listing(tmp_path) == ["a.pptx"]
    message = str(caught.value)
    assert str(a) in message and ".ws-" not in message and ".tmp" not in message
    assert "disk space" in message  # the hint


def test_interrupt_leaves_previous_files(tmp_path, monkeypatch):
    a, b = tmp_path / "a.pptx", tmp_path / "b.pdf"
    a.write_bytes(b"old A")
    real_replace = os.replace

    def interrupted(src, dst):
        if str(dst) == str(b):
            raise KeyboardInterrupt
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_together({a: b"new A", b: b"new B"})
    monkeypatch.setattr(os, "replace", real_replace)
    assert a.read_bytes() == b"old A" and not b.exists()
    assert listing(tmp_path) == ["a.pptx"]


def test_refuses_to_overwrite_an_input(tmp_path):
    source = tmp_path / "outline.yaml"
    source.write_text("x")
    with pytest.raises(WorkshopError, match="input"):
        write_together({source: b"boom"}, protected=frozenset({source.resolve()}))
    assert source.read_text() == "x"


@pytest.mark.parametrize("name", ["evil\u202efdp.pptx", "a\x1b]0;pwned\x07.pptx", "CON.pptx", "deck.", "a\nb.pdf"])
def test_refuses_names_with_controls_bidi_or_windows_devices(tmp_path, name):
    with pytest.raises(OutputError) as caught:
        write_together({tmp_path / name: b"x"})
    assert listing(tmp_path) == []
    shown = printable(str(caught.value))
    assert "\x1b" not in shown and "\u202e" not in shown and "cannot write an output named" in shown


# --- files that behave like files (modes, long names) ---------------------------------------


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_new_outputs_get_the_mode_open_gives_under_the_umask(tmp_path, umask_022):
    write_together({tmp_path / "a.pptx": b"A", tmp_path / "a.pdf": b"B"})
    for name in ("a.pptx", "a.pdf"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644


def test_a_replaced_output_keeps_its_mode(tmp_path, umask_022):
    target = tmp_path / "a.pptx"
    target.write_bytes(b"old")
    target.chmod(0o664)
    write_together({target: b"new"})
    assert stat.S_IMODE(target.stat().st_mode) == 0o664 and target.read_bytes() == b"new"


def test_long_names_keep_temporaries_within_name_max(tmp_path):
    name = "x" * (platforms.name_max(tmp_path) - len("-handout.pdf")) + "-handout.pdf"
    write_together({tmp_path / name: b"long"})
    assert listing(tmp_path) == [name]
    for kind in ("new", "old"):
        assert len(temp_name(name, "0123456789ab", kind).encode()) <= platforms.NAME_MAX
    long_utf8 = "é" * 120 + ".pptx"
    shortened = temp_name(long_utf8, "0123456789ab", "new")
    assert len(shortened.encode()) <= platforms.NAME_MAX and shortened.endswith(".ws-0123456789ab.new")


def test_works_without_hard_links(tmp_path, monkeypatch):
    monkeypatch.delattr(os, "link")  # as where links are not available
    a, b = tmp_path / "a.pptx", tmp_path / "b.pdf"
    a.write_bytes(b"old A")
    write_together({a: b"new A", b: b"new B"})
    assert a.read_bytes() == b"new A" and b.read_bytes() == b"new B"
    assert listing(tmp_path) == ["a.pptx", "b.pdf"]


# --- crashes at every step: the next writer finishes or undoes the generation -------------

STEPS = ("replace", "link", "unlink", "fsync", "open")


@pytest.mark.parametrize("no_links", [False, True], ids=["links", "renames"])
def test_a_crash_at_any_step_leaves_old_or_new_after_recovery(tmp_path, no_links):
    names = ["w.pptx", "w-handout.pdf", "w-guide.pdf", "fresh.pdf"]
    old = {n: f"old {n}".encode() for n in names[:3]}
    new = {n: f"new {n}".encode() * 1000 for n in names}
    outcomes = {"old": 0, "new": 0}
    step = 0
    while True:
        folder = tmp_path / f"crash{step}"
        folder.mkdir()
        (folder / "notes.txt").write_text("mine")  # a user's file stays
        (folder / "w.edited-20261201.pptx").write_text("kept edits")
        for name, data in old.items():
            (folder / name).write_bytes(data)
        files = {folder / n: new[n] for n in names}
        code = crash_at(step, partial(write_together, files), STEPS, no_links=no_links)
        for name in names:  # a reader at any moment sees a whole file
            path = folder / name
            assert not path.exists() or path.read_bytes() in (old.get(name), new[name])
        recover(folder)
        got = {n: (folder / n).read_bytes() for n in names if (folder / n).exists()}
        if got == new:
            outcomes["new"] += 1
        else:
            assert got == old, f"mixed set after a crash at step {step}"
            outcomes["old"] += 1
        assert listing(folder) == sorted(names[: len(got)] + ["notes.txt", "w.edited-20261201.pptx"])
        if code == 0:
            break
        step += 1
    assert step > 10 and outcomes["old"] > 3 and outcomes["new"] > 2


# --- strays: only our own names are ever removed ---------------------------------------------


def test_recovery_removes_only_our_own_strays(tmp_path):
    keep = ["deck.pptx", "deck.edited-20261201T0930.pptx", ".deck.pptx.ws-nothex12345.new",
            ".notes.tmp", ".workshop-abc.journal", "deck.pptx.ws-0123456789ab.new", ".deck.pptx.bak"]
    ours = [".deck.pptx.ws-0123456789ab.new", ".deck.pptx.ws-0123456789ab.old",
            ".workshop-0123456789ab.journal.tmp", ".deck.pptx.a1b2c3d_.tmp", ".deck.pptx.4242.bak"]
    for name in keep + ours:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / ".x.pptx.ws-fedcba987654.new").symlink_to(tmp_path / "deck.pptx")
    report = recover(tmp_path)
    assert sorted(report.removed) == sorted(ours)
    assert listing(tmp_path) == sorted(keep + [".x.pptx.ws-fedcba987654.new"])


def test_a_tampered_journal_renames_nothing(tmp_path):
    (tmp_path / "precious.txt").write_text("mine")
    (tmp_path / "deck.pptx").write_text("old")
    journal = tmp_path / ".workshop-0123456789ab.journal"
    journal.write_text('{"version": 1, "entries": [{"target": "deck.pptx", "new": "precious.txt", "old": null}]}')
    recover(tmp_path)
    assert (tmp_path / "precious.txt").read_text() == "mine" and (tmp_path / "deck.pptx").read_text() == "old"
    escaping = '{"version": 1, "entries": [{"target": "../x", "new": ".x.ws-0123456789ab.new", "old": null}]}'
    journal.write_text(escaping)
    (tmp_path / ".x.ws-0123456789ab.new").write_text("n")
    recover(tmp_path)
    assert not (tmp_path.parent / "x").exists()


def test_the_next_write_recovers_first(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "a.pptx").write_bytes(b"old")
    (folder / ".a.pptx.ws-0123456789ab.new").write_bytes(b"committed")
    (folder / ".workshop-0123456789ab.journal").write_text(
        '{"version": 1, "entries": [{"target": "a.pptx", "new": ".a.pptx.ws-0123456789ab.new", "old": null}]}')
    write_together({folder / "b.pdf": b"b"})
    assert (folder / "a.pptx").read_bytes() == b"committed" and listing(folder) == ["a.pptx", "b.pdf"]
    assert output.generations_committed() > 0


# --- the order of flushes: new files, then the journal, then the renames --------------------

def _fd_name(fd):
    return os.path.basename(os.readlink(f"/proc/self/fd/{fd}"))


needs_proc = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="names open files through /proc")


@needs_proc
def test_every_new_file_is_on_disk_before_the_journal_exists_and_the_journal_before_any_rename(
        tmp_path, monkeypatch):
    names = ["w.pptx", "w-handout.pdf", "w-guide.pdf"]
    for name in names[:2]:
        (tmp_path / name).write_bytes(b"old")
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        name = _fd_name(fd)
        if name.endswith(".new"):
            assert not [n for n in os.listdir(tmp_path) if n.startswith(".workshop-")], "journal before a new file"
        real_fsync(fd)
        events.append(("fsync", name))

    def replace(src, dst):
        events.append(("replace", os.path.basename(src)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_together({tmp_path / n: f"new {n}".encode() for n in names})
    flushed_new = [i for i, (kind, name) in enumerate(events) if kind == "fsync" and name.endswith(".new")]
    journal = events.index(next(e for e in events if e[0] == "fsync" and e[1].endswith(".journal.tmp")))
    folder = events.index(("fsync", tmp_path.name), journal)  # the journal's rename, flushed
    renames = [i for i, (kind, name) in enumerate(events) if kind == "replace" and name.endswith(".new")]
    assert len(flushed_new) == 3 and len(renames) == 3
    assert max(flushed_new) < journal < folder < min(renames)
    assert {(tmp_path / n).read_bytes() for n in names} == {f"new {n}".encode() for n in names}


def test_a_file_is_flushed_while_the_next_one_is_written(tmp_path, monkeypatch):
    second_written = threading.Event()
    first, waited = [], []
    real_fsync, real_open = os.fsync, os.open

    def fsync(fd):
        if first and fd == first[0] and not waited:  # the first file (its number is used again later)
            # its flush waits until the second file is being written
            waited.append(second_written.wait(timeout=10))
        real_fsync(fd)

    def open_(path, flags, *args, **kwargs):
        fd = real_open(path, flags, *args, **kwargs)
        name = os.path.basename(path)
        if name.startswith(".a.pptx.ws-"):
            first.append(fd)
        elif name.startswith(".b.pdf.ws-"):
            second_written.set()
        return fd

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "open", open_)
    write_together({tmp_path / "a.pptx": b"A", tmp_path / "b.pdf": b"B"})
    assert waited == [True]
    assert listing(tmp_path) == ["a.pptx", "b.pdf"]


@needs_proc
def test_a_failed_flush_of_a_later_file_removes_every_temporary(tmp_path, monkeypatch):
    a, b = tmp_path / "a.pptx", tmp_path / "b.pdf"
    a.write_bytes(b"old")
    real_fsync = os.fsync

    def fsync(fd):
        if _fd_name(fd).startswith(".b.pdf.ws-"):
            raise OSError(5, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OutputError) as caught:
        write_together({a: b"new", b: b"B"})
    assert a.read_bytes() == b"old" and listing(tmp_path) == ["a.pptx"]
    assert str(b) in str(caught.value) and ".ws-" not in str(caught.value)
