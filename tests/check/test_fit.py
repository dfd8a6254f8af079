"""`workshop check` says what will not fit before anything is built, with file:line and slide."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from workshop.check import check_plan
from workshop.errors import Severity
from workshop.outline.load import load_outline
from workshop.plan.build import make_plan

REPO = Path(__file__).resolve().parents[2]
LONG = REPO / "tests" / "fixtures" / "long" / "lang-nl.yaml"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workshop", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=120)


def test_check_plan_reports_the_fit(plain_brand):
    outline = load_outline(LONG)
    plan = make_plan(outline.workshop, plain_brand, name=outline.name, outline_path=str(LONG),
                     sources=outline.sources)
    found = check_plan(plan, plain_brand, outline)
    codes = {f.code for f in found}
    assert {"text-overflow", "text-shrunk", "text-continued"} <= codes
    assert all(f.severity is Severity.INFO for f in found if f.code in ("text-shrunk", "text-continued"))
    overflows = [f for f in found if f.code == "text-overflow"]
    assert {f.details["shape"] for f in overflows} == {"Title", "Quote", "Statement"}
    assert all(f.slide and f.location.line for f in overflows)
    assert len([f for f in found if f.code.startswith("text-")]) == len(plan.fit_findings)  # once, not twice


def test_check_prints_overflows_with_place_and_fails_strict():
    result = run("check", "--strict", str(LONG.relative_to(REPO)))
    assert result.returncode == 3
    lines = [line for line in result.stderr.splitlines() if "text-overflow" in line]
    assert len(lines) == 3
    for line in lines:
        assert line.startswith("tests/fixtures/long/lang-nl.yaml:") and "(slide " in line
    assert "text-shrunk" not in result.stderr  # information, shown with --verbose
    verbose = run("--verbose", "check", str(LONG.relative_to(REPO)))
    assert "info[text-shrunk]" in verbose.stderr and "info[text-continued]" in verbose.stderr


def test_samples_fit_without_warnings():
    result = run("check", "--strict", "decks")
    assert result.returncode == 0, result.stderr


def test_check_needs_no_office_library():
    code = ("import sys; from workshop.cli import main\n"
            "sys.argv = ['workshop', 'check', 'tests/fixtures/long']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pptx', 'reportlab')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


def test_overflow_error_stops_the_deck_after_check_has_listed_every_place(write_outline, plain_brand, tmp_path):
    from dataclasses import replace

    import pytest

    from workshop.assets import collect_assets
    from workshop.errors import WorkshopError
    from workshop.render.deck import render_deck

    strict = replace(plain_brand, settings=replace(plain_brand.settings, overflow="error"))
    items = "".join(f"      - punt {n} over de waarde van het juiste moment voor de klant\n" for n in range(30))
    path = write_outline("workshop:\n  title: Fout\nsections:\n  - title: Een\n    slides:\n"
                         "      - kind: bullets\n        title: Te veel\n        bullets:\n" + items.replace("  - ", "    - "))
    outline = load_outline(path)
    plan = make_plan(outline.workshop, strict, name="fout", outline_path=str(path), sources=outline.sources)
    (overflow,) = [f for f in check_plan(plan, strict, outline) if f.code == "text-overflow"]
    assert "overflow: error" in overflow.message
    with pytest.raises(WorkshopError) as raised:
        render_deck(plan, strict, collect_assets(outline))
    assert raised.value.location == overflow.location
    assert f"(slide {overflow.slide})" in str(raised.value)
    render_deck(make_plan(outline.workshop, plain_brand, name="fout"), plain_brand, collect_assets(outline))
