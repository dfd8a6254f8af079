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
