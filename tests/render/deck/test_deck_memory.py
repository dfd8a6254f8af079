"""Building a deck holds a finished slide's few KiB of zip bytes, not its trees (~150 KiB).

Each size is rendered in a fresh process, from the benchmark's generated
outline (every kind, notes and charts): the resident memory the render adds
on top of the prepared plan is measured for N and 4N slides. Holding every
slide's lxml trees until the end, as the deck did before slides were
finished one by one, adds ~140 KiB per slide; finished slides add ~20 KiB
(their deflated entries, the bytes of the archive, allocator slack).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SMALL, LARGE = 120, 480
PER_SLIDE_KIB = 60  # the most the render may add per extra slide

_PROBE = """
import gc, json, os, resource, sys
from pathlib import Path
repo, slides, folder = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
sys.path.insert(0, str(repo / "bench"))
import _outlines
from workshop.pipeline import Job, prepare, render
outline = _outlines.write_outline(folder, slides, repo)
os.chdir(folder)
prepared = prepare(Job(Path(outline.name)))
import workshop.render.deck.render
gc.collect()
page = os.sysconf("SC_PAGE_SIZE")
before = int(Path("/proc/self/statm").read_text().split()[1]) * page
deck = render(prepared, "deck")
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"growth": peak - before, "deck": len(deck)}))
"""


def _render_growth(slides: int, folder: Path) -> int:
    """Bytes of resident memory rendering a ``slides``-slide deck adds, in a fresh process."""
    done = subprocess.run([sys.executable, "-c", _PROBE, str(REPO), str(slides), str(folder)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return int(json.loads(done.stdout.strip().splitlines()[-1])["growth"])


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads the resident size from /proc")
def test_memory_does_not_grow_with_the_slide_count(tmp_path):
    small = _render_growth(SMALL, tmp_path / "small")
    large = _render_growth(LARGE, tmp_path / "large")
    per_slide = (large - small) / (LARGE - SMALL) / 1024
    assert per_slide < PER_SLIDE_KIB, (
        f"rendering {LARGE} slides took {large / 2**20:.1f} MiB more memory, {SMALL} slides "
        f"{small / 2**20:.1f} MiB: {per_slide:.0f} KiB per slide (finished slides should add ~20)")


def test_finishing_slides_early_changes_no_byte(tmp_path, monkeypatch):
    """The streamed deck is the deck built with every tree kept to the end, byte for byte."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import _outlines
    finally:
        sys.path.remove(str(REPO / "bench"))
    from workshop.pipeline import Job, prepare, render
    from workshop.render.deck.deck import Deck

    outline = _outlines.write_outline(tmp_path, 30, REPO)  # every kind, notes, charts, an image
    monkeypatch.chdir(tmp_path)
    prepared = prepare(Job(Path(outline.name)))
    streamed = render(prepared, "deck")
    monkeypatch.setattr(Deck, "finish", lambda self, slide: None)
    kept = render(prepared, "deck")
    assert streamed == kept
