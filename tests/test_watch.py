"""``workshop watch`` rebuilds after a change and only then."""

from __future__ import annotations

import os

from workshop.watch import watch_and_build


def test_rebuilds_once_more_after_a_save(tmp_path):
    outline = tmp_path / "o.yaml"
    outline.write_text("a: 1\n", encoding="utf-8")
    builds = []

    def rebuild():
        builds.append(1)
        if len(builds) == 1:  # the user saves while the first build runs
            outline.write_text("a: 2\n", encoding="utf-8")
            os.utime(outline, (1, 1))

    watch_and_build([str(tmp_path)], [], "default", rebuild, interval=0.01, rounds=3)
    assert len(builds) == 2


def test_no_change_no_rebuild(tmp_path):
    (tmp_path / "o.yaml").write_text("a: 1\n", encoding="utf-8")
    builds = []
    watch_and_build([str(tmp_path)], [], "default", lambda: builds.append(1), interval=0.01, rounds=3)
    assert len(builds) == 1


def test_an_outline_missing_for_a_moment_is_waited_for(tmp_path):
    outline = tmp_path / "o.yaml"
    outline.write_text("a: 1\n", encoding="utf-8")
    builds, said = [], []

    def rebuild():
        builds.append(outline.read_text(encoding="utf-8"))
        if len(builds) == 1:
            outline.unlink()  # an editor's delete-then-write save, or a git checkout

    def say(text):
        said.append(text)
        if "waiting for it to come back" in text:
            outline.write_text("a: 2\n", encoding="utf-8")

    watch_and_build([str(outline)], [], "default", rebuild, interval=0.01, rounds=4, say=say)
    assert builds == ["a: 1\n", "a: 2\n"]
    assert any("o.yaml is gone for now; waiting for it to come back" in t for t in said)
    assert any("is back; rebuilding" in t for t in said)


def test_a_failed_rebuild_is_reported_and_watching_goes_on(tmp_path):
    from workshop.errors import WorkshopError

    outline = tmp_path / "o.yaml"
    outline.write_text("a: 1\n", encoding="utf-8")
    builds, said = [], []

    def rebuild():
        builds.append(1)
        if len(builds) == 1:
            os.utime(outline, (5, 5))
            raise WorkshopError("no outlines found")

    watch_and_build([str(outline)], [], "default", rebuild, interval=0.01, rounds=3, say=said.append)
    assert len(builds) == 2 and "error: no outlines found" in said
