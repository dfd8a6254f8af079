"""Outline cases as data: each file in ``tests/data/outlines/`` ends with what the tool must report.

A case is an outline whose last comment block, after ``# expect:``, lists every
problem the tool reports for it, in file order, and nothing else::

    # expect:
    # error 8:15: unknown slide kind 'qoute'
    #   hint: did you mean 'quote'?
    # finding time-crowded 20:5: section 'Twee' has 3 slides

``error LINE:COL`` is an error loading the outline (all of them are reported at
once, so each is listed); ``finding CODE LINE:COL`` a finding of the plan and
its checks, with the test brand; ``# nothing`` says the outline is clean. The
text after the place must appear in the message, a ``hint:`` line in the hint.
Line and column count in the case file itself, comments included. To add a
case, write the file with ``# expect:`` and run this test: a wrong or missing
expectation fails with everything that was reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from workshop.brand.model import Brand
from workshop.check import check_plan
from workshop.errors import WorkshopError
from workshop.outline.load import load_outline
from workshop.plan.build import make_plan

CASES = sorted((Path(__file__).resolve().parents[1] / "data" / "outlines").glob("*.yaml"))
_PROBLEM = re.compile(r"^# (?:(?P<error>error)|finding (?P<code>[a-z0-9-]+)) (?P<line>\d+):(?P<column>\d+): (?P<text>.+)$")
_HINT = re.compile(r"^#\s+hint: (?P<hint>.+)$")


@dataclass
class Expected:
    what: str  # "error" or a finding code
    line: int
    column: int
    text: str
    hint: str | None = None

    def matches(self, what: str, line: int, column: int, message: str, hint: str | None) -> bool:
        return ((self.what, self.line, self.column) == (what, line, column) and self.text in message
                and (self.hint is None or (hint is not None and self.hint in hint)))


def expectations(case: Path) -> list[Expected]:
    lines = case.read_text(encoding="utf-8").splitlines()
    assert "# expect:" in lines, f"{case.name}: no '# expect:' block"
    block = lines[lines.index("# expect:") + 1:]
    found: list[Expected] = []
    for text in block:
        if text == "# nothing":
            continue
        if (hint := _HINT.match(text)) is not None:
            assert found, f"{case.name}: a hint before any problem"
            found[-1].hint = hint["hint"]
        elif (problem := _PROBLEM.match(text)) is not None:
            found.append(Expected(problem["code"] or "error", int(problem["line"]), int(problem["column"]),
                                  problem["text"]))
        else:
            raise AssertionError(f"{case.name}: cannot read the expectation {text!r}")
    assert found or block == ["# nothing"], f"{case.name}: say '# nothing' for a clean outline"
    return found


def reported(case: Path, brand: Brand) -> list[tuple[str, int, int, str, str | None]]:
    """(error or code, line, column, message, hint) for everything the tool reports, in file order."""
    try:
        outline = load_outline(case)
    except WorkshopError as exc:
        errors = getattr(exc, "errors", (exc,))
        return [("error", e.location.line if e.location else 0, e.location.column if e.location else 0,
                 e.message, e.hint) for e in errors]
    plan = make_plan(outline.workshop, brand, name=outline.name, outline_path=str(case), sources=outline.sources)
    findings = [*plan.findings, *check_plan(plan, brand, outline)]
    rows = [(f.code, f.location.line if f.location else 0, f.location.column if f.location else 0, f.message, None)
            for f in findings]
    return sorted(rows, key=lambda row: (row[1], row[2]))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_outline_case_reports_exactly_what_it_expects(case: Path, plain_brand: Brand):
    expected = expectations(case)
    got = reported(case, plain_brand)
    shown = "\n".join(f"  {what} {line}:{column}: {message}" + (f"\n    hint: {hint}" if hint else "")
                      for what, line, column, message, hint in got)
    assert len(got) == len(expected), f"{case.name}: expected {len(expected)} problem(s), the tool reported:\n{shown}"
    for want, row in zip(expected, got, strict=True):
        assert want.matches(*row), f"{case.name}: expected {want}, the tool reported:\n{shown}"


def test_there_are_cases_of_each_sort():
    sorts = {e.what == "error" for case in CASES for e in expectations(case)}
    assert sorts == {True, False} and any("# nothing" in c.read_text(encoding="utf-8") for c in CASES)
