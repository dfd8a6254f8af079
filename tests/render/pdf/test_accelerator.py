"""reportlab's C accelerator (rl_accel) is installed and used, and the PDFs still build without it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from importlib.metadata import PackageNotFoundError, version

import pytest
from pdf_support import REPO, page_texts


def _installed() -> bool:
    try:
        version("rl-accel")
    except PackageNotFoundError:  # a venv made before it became a dependency: `pip install -e .` brings it
        return False
    return True


installed = pytest.mark.skipif(not _installed(), reason="rl-accel is not installed here (pip install -e . installs it)")


@installed
def test_reportlab_formats_and_measures_in_c():
    from reportlab.lib import rl_accel

    assert {"fp_str", "instanceStringWidthTTF", "escapePDF"} <= set(rl_accel._c_funcs)


_BUILD = textwrap.dedent("""
    import sys
    if sys.argv[1] == "python":
        sys.modules["_rl_accel"] = None  # as where the accelerator is not installed
    from pathlib import Path
    from workshop import pipeline
    from reportlab.lib import rl_accel
    assert bool(rl_accel._c_funcs) == (sys.argv[1] == "c")
    prepared = pipeline.prepare(pipeline.Job(outline=Path("docs/examples/chart.yaml")))
    for output in ("handout", "guide"):
        Path(sys.argv[2], output + ".pdf").write_bytes(pipeline.render(prepared, output))
""")


@installed
def test_without_the_accelerator_the_pdfs_read_the_same(tmp_path):
    texts = {}
    for kind in ("c", "python"):
        folder = tmp_path / kind
        folder.mkdir()
        subprocess.run([sys.executable, "-c", _BUILD, kind, str(folder)], cwd=REPO, check=True, timeout=120)
        texts[kind] = {name: page_texts((folder / f"{name}.pdf").read_bytes()) for name in ("handout", "guide")}
    assert texts["c"] == texts["python"]
    assert all(texts["c"][name] for name in ("handout", "guide"))
