"""The modules python-pptx imports but a deck never uses: deferred, and the real module on first use."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workshop.render.deck import deferred

REPO = Path(__file__).resolve().parents[3]


def _python(code: str, *args: str) -> dict:
    """Run ``code`` in a fresh interpreter (its own ``sys.modules``); it prints one JSON value."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], capture_output=True, text=True,
                          cwd=REPO, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_deck_build_never_runs_the_deferred_modules(tmp_path):
    seen = _python("""
        import json, sys
        from workshop.cli import main
        from workshop.render.deck.deferred import DEFERRED, deferred
        sys.argv = ["workshop", "-q", "build", "tests/data/small.yaml", "--only", "deck", "-o", sys.argv[1]]
        try:
            main()
        except SystemExit as exc:
            assert not exc.code, exc.code
        print(json.dumps({name: deferred(name) for name, _ in DEFERRED}))
    """, str(tmp_path))
    assert seen == {name: True for name, _ in deferred.DEFERRED}
    assert list(tmp_path.glob("*.pptx"))


def test_the_first_use_runs_the_real_module_once_and_everyone_shares_it():
    seen = _python("""
        import json, sys
        import workshop.render.deck.package  # python-pptx, fully imported, on the stand-ins
        from workshop.render.deck.deferred import deferred
        import pptx.parts.image
        before = deferred("PIL.Image"), deferred("urllib.request"), deferred("PIL.ImageFont")
        from PIL import Image, ImageFont
        picture = Image.new("RGB", (3, 2))
        font = ImageFont.load_default()
        import urllib.request
        request = urllib.request.Request("http://example.invalid/")
        print(json.dumps({
            "before": before,
            "after": [deferred("PIL.Image"), deferred("urllib.request"), deferred("PIL.ImageFont")],
            "font": font is not None and not deferred("PIL.ImageFont"),
            "size": list(picture.size), "same": pptx.parts.image.PIL_Image is sys.modules["PIL.Image"] is Image,
            "type": type(Image).__name__, "method": request.get_method(),
        }))
    """)
    assert seen == {"before": [True, True, True], "after": [False, False, False], "font": True, "size": [3, 2],
                    "same": True, "type": "module", "method": "GET"}


def test_a_module_already_imported_is_left_alone():
    import json as already

    deferred.defer("json")
    assert sys.modules["json"] is already and not deferred.deferred("json")


def _write_module(root: Path, body: str) -> None:
    package = root / "deferme"
    package.mkdir(exist_ok=True)
    (package / "__init__.py").write_text("")
    (package / "inner.py").write_text(body)


@pytest.fixture
def fake_package(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in ("deferme.inner", "deferme"):
        sys.modules.pop(name, None)


def test_a_name_it_does_not_have_is_an_attribute_error_after_running_it(fake_package):
    _write_module(fake_package, "RAN = []\nRAN.append(1)\nVALUE = 7\n")
    deferred.defer("deferme.inner")
    import deferme
    from deferme import inner

    assert deferred.deferred("deferme.inner") and deferme.inner is inner
    assert inner.VALUE == 7 and inner.RAN == [1]
    assert not hasattr(inner, "MISSING")
    import deferme.inner as again

    assert again is inner and inner.RAN == [1]  # ran once


def test_a_module_whose_code_fails_is_forgotten_like_a_failed_import(fake_package):
    _write_module(fake_package, "raise RuntimeError('broken on purpose')\n")
    deferred.defer("deferme.inner")
    from deferme import inner

    with pytest.raises(RuntimeError, match="broken on purpose"):
        hasattr(inner, "anything")
    assert "deferme.inner" not in sys.modules
    with pytest.raises(RuntimeError, match="broken on purpose"):
        importlib.import_module("deferme.inner")


def test_a_module_that_is_not_installed_is_left_to_the_usual_error():
    deferred.defer("workshop_no_such_package.inner")
    deferred.defer("workshop_no_such_module")
    assert "workshop_no_such_package.inner" not in sys.modules and "workshop_no_such_module" not in sys.modules
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("workshop_no_such_module")
