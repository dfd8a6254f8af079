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


def test_a_save_wakes_the_watch_before_the_interval(tmp_path):
    """File-system events: with a 60 s poll interval, a save is still built at once."""
    import threading
    import time

    outline = tmp_path / "o.yaml"
    outline.write_text("a: 1\n", encoding="utf-8")
    builds = []

    def rebuild():
        builds.append(time.monotonic())
        if len(builds) == 1:
            threading.Timer(0.3, lambda: outline.write_text("a: 22\n", encoding="utf-8")).start()

    started = time.monotonic()
    watch_and_build([str(outline)], [], "default", rebuild, interval=60, rounds=1)
    assert len(builds) == 2
    assert time.monotonic() - started < 30  # not the 60 s interval: the event woke it


def test_only_a_brand_change_reloads_the_brand(tmp_path):
    brand = tmp_path / "brand"
    brand.mkdir()
    (brand / "_brand.yml").write_text("meta:\n  name: Proef\n", encoding="utf-8")
    outline = tmp_path / "o.yaml"
    outline.write_text("a: 1\n", encoding="utf-8")
    builds, reloads = [], []

    def rebuild():
        builds.append(1)
        if len(builds) == 1:
            outline.write_text("a: 22\n", encoding="utf-8")  # an outline edit: the brand stays loaded
        elif len(builds) == 2:
            (brand / "logo.png").write_bytes(b"\x89PNG")  # a new file in the brand's folder

    watch_and_build([str(outline)], [], str(brand), rebuild, interval=0.01, rounds=4,
                    brand_changed=lambda: reloads.append(len(builds)), events=False)
    assert len(builds) == 3
    assert reloads == [2]  # once, before the third build


def test_a_save_still_moving_is_waited_out(monkeypatch):
    """A change is built only once two snapshots in a row agree (a save seen half-way is not built)."""
    from pathlib import Path

    import workshop.watch as watch

    half, whole = {Path("o.yaml"): (1, 3)}, {Path("o.yaml"): (2, 7)}
    later = iter([whole, whole, whole])
    monkeypatch.setattr(watch, "_snapshot", lambda paths: next(later))
    assert watch._settled([Path("o.yaml")], half, pause=0) == whole
