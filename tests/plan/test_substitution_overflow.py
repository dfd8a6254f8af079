"""Text that breaks only where a viewer substitutes the brand font has a finding of its own."""

from __future__ import annotations

import pytest

from workshop.pipeline import Job, prepare

QUOTE = "Wie de klant laat kiezen, wint het vertrouwen dat geen campagne kan kopen. " * 60


def _codes(tmp_path, length: int) -> dict[str, str]:
    path = tmp_path / "citaat.yaml"
    path.write_text("workshop: {title: Q, language: nl}\nsections:\n  - title: Deel\n    slides:\n"
                    f'      - kind: quote\n        text: "{QUOTE[:length].strip()}"\n        by: Iemand\n',
                    encoding="utf-8")
    prepared = prepare(Job(path))
    return {f.code: f.message for f in prepared.findings if f.code.startswith("text-") and f.code != "text-shrunk"}


def test_text_that_fits_the_brand_font_but_not_its_stand_in_says_so(tmp_path):
    codes = _codes(tmp_path, 1260)  # fits in Red Hat Display at 16 pt, not in Liberation Sans (Arial's widths)
    assert set(codes) == {"text-substitution-overflow"}, codes
    message = codes["text-substitution-overflow"]
    assert "the quote fits in Red Hat Display, but not in Liberation Sans" in message
    assert "shorten it so that it fits everywhere" in message


@pytest.mark.parametrize(("length", "code"), [(900, None), (2600, "text-overflow")])
def test_text_that_fits_everywhere_or_nowhere_keeps_its_finding(tmp_path, length, code):
    codes = _codes(tmp_path, length)
    assert set(codes) == ({code} if code else set()), codes


def test_the_code_is_registered_and_documented():
    from pathlib import Path

    from workshop.findings import CODES

    assert CODES["text-substitution-overflow"].severity.value == "warning"
    doc = (Path(__file__).resolve().parents[2] / "docs" / "findings.md").read_text(encoding="utf-8")
    assert "| `text-substitution-overflow` | warning |" in doc
