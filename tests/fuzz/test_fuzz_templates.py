"""Fuzz the template readers: mutate a real template, expect a deck or a named refusal.

Each case changes the shipped ``noord`` template (an attribute value, a
dropped element or part, flipped or truncated bytes, a renamed part, a
damaged zip) and runs what a build and ``workshop template check`` run: the
safety checks, the geometry reader, the template check, the plan and the
deck. Every outcome must be a deck or a ``WorkshopError`` (exit 1); any other
exception would be an internal error (exit 4) and fails the test with the
case's seed and mutation, so it can be replayed.

CI runs 2,000 cases from a fixed seed (the loop is ``tests/fuzz/conftest.py``'s). Longer runs:
``WORKSHOP_FUZZ_SECONDS=3600 pytest tests/fuzz`` (as many cases as fit),
``WORKSHOP_FUZZ_CASES=20000`` or ``WORKSHOP_FUZZ_SEED=7`` for other streams.
"""

from __future__ import annotations

import dataclasses
import io
import random
import re
import zipfile
from pathlib import Path

import pytest

from workshop.assets import collect_assets
from workshop.brand.load import load_brand
from workshop.outline.load import load_outline
from workshop.plan.build import make_plan
from workshop.render.deck import render_deck
from workshop.templatecheck import check_template_file

REPO = Path(__file__).resolve().parents[2]
OUTLINE = REPO / "tests" / "data" / "fuzz" / "outline.yaml"
HOSTILE_VALUES = ["", "-1", "0", "abc", "1.5", "NaN", "99999999999999999999", "-99999999999", "2147483648",
                  "rId999", "../../../etc/passwd", "/ppt/slides/slide1.xml", "\u202e", "x" * 300, "true", "#"]
_ATTRIBUTE = re.compile(rb'(\s[\w:]+=")([^"]*)(")')
_ELEMENT = re.compile(rb"<([\w:]+)\b[^<>]*?/>|<([\w:]+)\b[^<>]*>[^<]*</\2>")


def mutate(rng: random.Random, members: dict[str, bytes]) -> str:
    """Change ``members`` in place; returns what was done, for the failure report."""
    xml = sorted(n for n in members if n.endswith((".xml", ".rels")))
    name = rng.choice(xml)
    data = members[name]
    kind = rng.choices(["attribute", "element", "flip", "truncate", "drop", "splice", "rename", "twice"],
                       weights=[30, 15, 15, 10, 8, 7, 5, 10])[0]
    if kind == "attribute":
        found = list(_ATTRIBUTE.finditer(data))
        if found:
            match = rng.choice(found)
            value = rng.choice(HOSTILE_VALUES).encode()
            members[name] = data[: match.start(2)] + value + data[match.end(2):]
            return f"{name}: attribute{match.group(1).decode(errors='replace')}{value[:20]!r}"
    if kind == "element":
        found = list(_ELEMENT.finditer(data))
        if found:
            match = rng.choice(found)
            members[name] = data[: match.start()] + data[match.end():]
            return f"{name}: dropped {match.group()[:60]!r}"
    if kind == "flip" and data:
        buffer = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            buffer[rng.randrange(len(buffer))] = rng.randrange(256)
        members[name] = bytes(buffer)
        return f"{name}: flipped bytes"
    if kind == "truncate":
        members[name] = data[: rng.randrange(len(data) + 1)]
        return f"{name}: truncated to {len(members[name])} bytes"
    if kind == "drop":
        del members[name]
        return f"dropped {name}"
    if kind == "splice" and len(data) > 2:
        start = rng.randrange(len(data))
        piece = data[start: start + rng.randint(1, 200)]
        at = rng.randrange(len(data))
        members[name] = data[:at] + piece + data[at:]
        return f"{name}: spliced {len(piece)} bytes"
    if kind == "rename":
        members[name.replace(".xml", "9.xml")] = members.pop(name)
        return f"renamed {name}"
    if kind == "twice":
        return mutate(rng, members) + "; " + mutate(rng, members)
    return "unchanged"


def pack(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, (2000, 1, 1, 0, 0, 0)), data)
    return buffer.getvalue()


@pytest.mark.slow
def test_mutated_templates_build_or_are_refused_by_name(fuzz):
    brand = load_brand("noord")
    outline = load_outline(OUTLINE)
    assets = collect_assets(outline)
    source = zipfile.ZipFile(io.BytesIO(Path(brand.settings.template).read_bytes()))
    original = {n: source.read(n) for n in source.namelist()}

    def mutation(rng: random.Random) -> tuple[bytes, str]:
        members = dict(original)
        what = mutate(rng, members)
        data = pack(members)
        if rng.random() < 0.05:  # a damaged zip, not only damaged parts
            buffer = bytearray(data)
            buffer[rng.randrange(len(buffer))] = rng.randrange(256)
            data, what = bytes(buffer), what + "; zip byte flipped"
        return data, what

    def use(path: Path, case: int) -> None:
        mutated = dataclasses.replace(brand, settings=dataclasses.replace(brand.settings, template=path))
        check_template_file(path, mutated)
        plan = make_plan(outline.workshop, mutated, name="fuzz", outline_path=str(OUTLINE), sources=outline.sources)
        render_deck(plan, mutated, assets)

    fuzz("templates", ".pptx", mutation, use).check()
