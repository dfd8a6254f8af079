"""Every ``yaml`` snippet in docs/brand.md is a brand file that loads."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from workshop.brand.fontfiles import package_place
from workshop.brand.load import load_brand_with_findings
from workshop.brand.model import DEFAULT_SIZES, WorkshopSettings
from workshop.kinds import KINDS

DOC = Path(__file__).resolve().parents[2] / "docs" / "brand.md"
SNIPPETS = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)


def test_the_doc_has_snippets():
    assert len(SNIPPETS) >= 6


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[f"snippet{i + 1}" for i in range(len(SNIPPETS))])
def test_doc_snippet_loads(tmp_path, snippet):
    folder = tmp_path / "brand"
    folder.mkdir()
    (folder / "_brand.yml").write_text(snippet, encoding="utf-8")
    fonts = {p.name: p for p in package_place().fonts}
    for name in set(re.findall(r"[\w/-]+\.(?:png|ttf|pptx)", snippet)):
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".png"):
            Image.new("RGBA", (120, 40), (20, 60, 40, 255)).save(target)
        elif name.endswith(".ttf"):
            shutil.copy(fonts[Path(name).name], target)
        else:
            target.write_bytes(b"PK\x03\x04")
    brand, findings = load_brand_with_findings(folder)
    assert not [f for f in findings if f.code in ("brand-unknown-key", "brand-contrast")], findings


def test_doc_tables_match_the_defaults():
    text = DOC.read_text(encoding="utf-8")
    for role, size in DEFAULT_SIZES.items():
        assert re.search(rf"\| `{role}` \|[^\n]*\| {size.max_pt:g} \| {size.min_pt:g} \|", text), role
    for kind, layout in ((k.name, k.layout_name) for k in KINDS.records()):
        assert f"| `{kind}` | {layout} |" in text, kind
    defaults = WorkshopSettings()
    assert f"| `paper` | `{defaults.paper}` |" in text
    assert f"| `overflow` | `{defaults.overflow}` |" in text
    assert f"| `minutes_per_slide` | `{defaults.minutes_per_slide:g}` |" in text
    assert f"| `max_minutes_without_break` | `{defaults.max_minutes_without_break}` |" in text
