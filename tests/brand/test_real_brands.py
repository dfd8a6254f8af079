"""Real ``_brand.yml`` files from public projects load, build, and agree with Posit's reader.

The files in tests/data/brands/real are unedited (their sources are in its
SOURCES file) and come without their logos and font files, as a brand folder
often arrives. Posit's ``brand_yml`` package is the reference for what each
file declares; it is a test dependency only (its import alone costs more than
a whole build's brand load).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.brand.colors import parse_color
from workshop.brand.load import load_brand_with_findings
from workshop.brand.stacks import is_generic, parse_stack
from workshop.errors import Severity
from workshop.pipeline import Job, run_build

REPO = Path(__file__).resolve().parents[2]
REAL = REPO / "tests" / "data" / "brands" / "real"
FOLDERS = sorted(p.parent for p in REAL.glob("*/_brand.yml"))
COLOR_ROLES = ("foreground", "background", "primary", "secondary", "tertiary", "success", "info",
               "warning", "danger", "light", "dark")


def sources() -> dict[str, list[str]]:
    rows = [line.split() for line in (REAL / "SOURCES").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return {row[0]: row for row in rows}


def reference(folder: Path):
    """The brand as ``brand_yml`` reads it, or None when it refuses the file."""
    brand_yml = pytest.importorskip("brand_yml")
    try:
        return brand_yml.Brand.from_yaml(folder / "_brand.yml")
    except Exception:  # pydantic's ValidationError: brand_yml does not accept this file
        return None


def test_the_fixtures_are_real_and_recorded():
    table = sources()
    assert {f.name for f in FOLDERS} == set(table)
    projects = {row[1] for row in table.values()}
    accepted = [name for name, row in table.items() if row[4] == "accepts"]
    assert len(FOLDERS) >= 10 and len(projects) >= 3 and "posit-dev/brand-yml" in projects
    assert len(accepted) >= 10
    for row in table.values():
        assert len(row[3]) == 40 and int(row[3], 16) >= 0  # a full commit id


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_brand_yml_verdict_is_as_recorded(folder):
    expected = sources()[folder.name][4]
    assert (reference(folder) is not None) == (expected == "accepts")


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_real_brand_loads_and_agrees_with_brand_yml(folder):
    brand, findings = load_brand_with_findings(folder)
    assert all(f.location is not None for f in findings if f.severity is Severity.WARNING)
    theirs = reference(folder)
    if theirs is None:
        return
    if theirs.color is not None:
        for role in COLOR_ROLES:
            value = getattr(theirs.color, role)
            if isinstance(value, str):
                assert getattr(brand.colors, role) == parse_color(value), role
    roles = {"base": brand.typography.base, "headings": brand.typography.headings,
             "monospace": brand.typography.monospace}
    for name, ours in roles.items():
        declared = getattr(theirs.typography, name, None) if theirs.typography else None
        family = getattr(declared, "family", None)
        if family:
            wanted = tuple(n for n in parse_stack(family) if not is_generic(n))
            assert ours.stack[: len(wanted)] == wanted, name
            if ours.family.name not in wanted:  # fell back: the warning says which family is missing
                assert any(f.code == "brand-font-missing" and wanted[0] in f.message for f in findings), name
    said = " ".join(f.message for f in findings if f.code.startswith("brand-logo"))
    for size in ("small", "medium", "large"):
        resource = getattr(theirs.logo, size, None) if theirs.logo is not None else None
        variants = {"": resource}
        if resource is not None and hasattr(resource, "light"):
            variants = {"": resource.light, "-dark": resource.dark}
        for suffix, item in variants.items():
            if item is None:
                continue
            name = Path(str(item.path.root)).name
            loaded = brand.logos.images.get(size + suffix)
            assert (loaded is not None and loaded.path.name == name) or name in said, (size, name)


@pytest.mark.slow
@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_real_brand_builds_a_sample(folder, tmp_path):
    result = run_build(Job(REPO / "decks" / "citroensap.yaml", tmp_path, str(folder)))
    assert result.ok and result.exit_code == 0, result.error
    assert {p.suffix for p in result.written} == {".pptx", ".pdf"}
