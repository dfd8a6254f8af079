"""The finding codes: declared once, all used, all documented, each with one severity."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import workshop
from workshop.errors import Finding, Location, Severity
from workshop.findings import AREAS, CODES, markdown_table

PACKAGE = Path(workshop.__file__).resolve().parent
DOC = PACKAGE.parent / "docs" / "findings.md"


def _emitted() -> dict[str, list[str]]:
    """Codes given as literals to ``Finding(...)``/``Note(...)`` anywhere in the package, with where."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("Finding", "Note")):
                continue
            first = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "code"), None)
            candidates = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
            for value in candidates:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    found.setdefault(value.value, []).append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


EMITTED = _emitted()


@pytest.mark.parametrize("code", sorted(EMITTED))
def test_every_code_the_tool_emits_is_declared(code: str):
    assert code in CODES, f"{code} ({', '.join(EMITTED[code])}) is not declared in workshop/findings.py"


@pytest.mark.parametrize("code", list(CODES))
def test_every_declared_code_is_emitted_somewhere(code: str):
    assert code in EMITTED, f"{code} is declared but nothing reports it: remove it from workshop/findings.py"


@pytest.mark.parametrize("code", list(CODES))
def test_every_declaration_is_complete(code: str):
    declared = CODES[code]
    assert declared.code == code and declared.severity in (Severity.WARNING, Severity.INFO)
    assert declared.meaning and "\n" not in declared.meaning and declared.area in AREAS


@pytest.mark.parametrize("area", AREAS)
def test_the_docs_list_every_code_as_declared(area: str):
    text = DOC.read_text(encoding="utf-8")
    assert f"## {area}\n\n{markdown_table(area)}\n" in text, (
        f"docs/findings.md's {area} table differs from workshop/findings.py; it should read:\n\n"
        + markdown_table(area))


def test_a_finding_takes_its_codes_severity():
    assert Finding("text-shrunk", "smaller").severity is Severity.INFO
    assert Finding("text-overflow", "too long", Location("a.yaml", 1, 1)).severity is Severity.WARNING


def test_a_finding_with_another_severity_or_an_undeclared_code_is_a_bug():
    with pytest.raises(ValueError, match="declared as info"):
        Finding("text-shrunk", "smaller", severity=Severity.WARNING)
    with pytest.raises(ValueError, match="not declared"):
        Finding("text-overflowing", "typo")


def test_the_strict_docs_point_to_the_list():
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    outline = (PACKAGE.parent / "docs" / "outline-format.md").read_text(encoding="utf-8")
    assert "docs/findings.md" in readme and "findings.md" in outline
