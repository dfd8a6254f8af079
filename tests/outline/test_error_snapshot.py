"""Every error the outline cases raise, word for word and place for place, against a golden file.

``test_cases`` checks that the expected text appears in each message; this
pins the whole message, its hint and its position, so a change of the
validation layer cannot reword or move an error unnoticed. After a
deliberate change, regenerate with ``WORKSHOP_UPDATE_GOLDEN=1 pytest`` this
file and say why in the commit.
"""

from __future__ import annotations

import os
from pathlib import Path

from workshop.errors import WorkshopError
from workshop.outline.load import load_outline

DATA = Path(__file__).resolve().parents[1] / "data"
CASES = sorted([*(DATA / "outlines").glob("*.yaml"), *(DATA / "schema" / "broken").glob("*.yaml")])
GOLDEN = Path(__file__).with_name("golden") / "errors.txt"


def errors_of(case: Path) -> list[str]:
    try:
        load_outline(case)
    except WorkshopError as exc:
        lines = []
        for error in getattr(exc, "errors", (exc,)):
            where = f"{error.location.line}:{error.location.column}" if error.location else "-"
            lines.append(f"error {where}: {error.message}")
            if error.hint:
                lines.append(f"  hint: {error.hint}")
        return lines
    return ["loads"]


def snapshot() -> str:
    parts = []
    for case in CASES:
        parts.append(f"== {case.parent.name}/{case.name}")
        parts += errors_of(case)
    return "\n".join(parts) + "\n"


def test_every_case_reports_exactly_the_golden_errors():
    got = snapshot()
    if os.environ.get("WORKSHOP_UPDATE_GOLDEN"):
        GOLDEN.write_text(got, encoding="utf-8")
    assert got == GOLDEN.read_text(encoding="utf-8")


def test_the_golden_file_covers_errors():
    assert GOLDEN.read_text(encoding="utf-8").count("\nerror ") >= 40
