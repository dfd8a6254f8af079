"""Charts played from the user cache: the handout's bytes as drawn, the chart widgets never loaded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from workshop import pipeline
from workshop.cache import CACHE_ENV, write_entry
from workshop.render.pdf import figures
from workshop.render.pdf.fonts import Family

REPO = Path(__file__).resolve().parents[3]
CHARTS = Path("docs/examples/chart.yaml")  # a line, a column, a bar and a pie chart


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.chdir(REPO)
    return tmp_path / "cache" / "workshop" / figures.CACHE_FOLDER


def handout() -> bytes:
    return pipeline.render(pipeline.prepare(pipeline.Job(CHARTS)), "handout")


def test_recorded_played_and_off_give_the_same_handout(cache, monkeypatch):
    cold = handout()
    entries = sorted(cache.iterdir())
    assert len(entries) == 4
    from workshop.render.pdf.charts import ChartPainter

    monkeypatch.setattr(ChartPainter, "drawing", lambda *a: pytest.fail("drawn although recorded"))
    warm = handout()
    monkeypatch.undo()
    monkeypatch.setenv(CACHE_ENV, "off")
    for entry in entries:
        entry.unlink()
    off = handout()
    assert cold == warm == off and not any(cache.iterdir())


def test_a_damaged_or_foreign_entry_is_drawn_again_and_rewritten(cache):
    cold = handout()
    entry = sorted(cache.iterdir())[0]
    sound = entry.read_bytes()
    for damage in (sound[:-30], sound[:-1] + b"x", b""):
        entry.write_bytes(damage)
        assert handout() == cold and entry.read_bytes() == sound
    for payload in (b"not marshal", b"\x00" * 40):  # a sound digest, no recording inside
        write_entry(entry, entry.stem, payload)
        assert handout() == cold and entry.read_bytes() == sound


def test_the_key_holds_the_fonts_by_their_files(monkeypatch):
    family = Family("A-Regular", "A-Bold", "A-Italic", "A-BoldItalic")
    fallback = Family("F-Regular", "F-Bold", "F-Italic", "F-BoldItalic")
    digests = {"A-Regular": "1" * 64, "F-Regular": "3" * 64}
    monkeypatch.setattr(figures, "digest_of", digests.get)
    monkeypatch.setattr(figures, "register_family", lambda _: fallback)
    first = figures.figure_key(("chart", 1.0), ("A-Regular",), (family,))
    assert figures.figure_key(("chart", 1.0), ("A-Regular",), (family,)) == first
    assert figures.figure_key(("chart", 2.0), ("A-Regular",), (family,)) != first
    digests["A-Regular"] = "2" * 64  # the same name, another file
    second = figures.figure_key(("chart", 1.0), ("A-Regular",), (family,))
    digests["F-Regular"] = "4" * 64  # the shipped fallback upgraded
    assert len({first, second, figures.figure_key(("chart", 1.0), ("A-Regular",), (family,))}) == 3


def test_a_played_chart_loads_no_chart_widget(tmp_path):
    code = ("import sys\nfrom pathlib import Path\nfrom workshop import pipeline\n"
            "p = pipeline.prepare(pipeline.Job(Path('docs/examples/chart.yaml')))\n"
            "pipeline.render(p, 'handout')\n"
            "print(sorted(m for m in sys.modules if m.startswith('reportlab.graphics.charts')))\n")
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
                           check=True).stdout.strip() for _ in range(2)]
    assert runs[0] != "[]" and runs[1] == "[]"
