"""Masters as designers really make them: standard layout names, other languages, LibreOffice saves."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from workshop.check.template import check_template as check_build
from workshop.layouts.names import LIBREOFFICE, OFFICE
from workshop.layouts.template import read_template
from workshop.templatecheck import check_template_file, format_report

DUTCH = {"Title Slide": "Titeldia", "Title and Content": "Titel en object", "Section Header": "Sectiekop",
         "Two Content": "Twee objecten", "Comparison": "Vergelijking", "Title Only": "Alleen titel",
         "Blank": "Leeg", "Picture with Caption": "Afbeelding met bijschrift"}
GERMAN = {"Title Slide": "Titelfolie", "Title and Content": "Titel und Inhalt",
          "Section Header": "Abschnittsüberschrift", "Comparison": "Vergleich", "Title Only": "Nur Titel",
          "Picture with Caption": "Bild mit Überschrift"}


def pptx_default() -> bytes:
    import pptx

    return (Path(pptx.__file__).parent / "templates" / "default.pptx").read_bytes()


def renamed(names: dict[str, str]) -> bytes:
    from pptx import Presentation

    prs = Presentation(io.BytesIO(pptx_default()))
    for layout in prs.slide_layouts:
        layout.name = names.get(layout.name, layout.name)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def brand_on(house, data: bytes, tmp_path: Path):
    (tmp_path / "template.pptx").write_bytes(data)
    return replace(house, settings=replace(house.settings, template=tmp_path / "template.pptx"))


MAPPED = {"title": "Title Slide", "agenda": "Title and Content", "section": "Section Header",
          "bullets": "Title and Content", "statement": "Title Only", "compare": "Comparison",
          "chart": "Title and Content", "table": "Title and Content", "image": "Picture with Caption",
          "break": "Section Header"}
FALLS_BACK = {"quote", "stat", "steps", "quiz", "exercise", "closing"}


@pytest.mark.parametrize("names", [{}, DUTCH, GERMAN], ids=["english", "dutch", "german"])
def test_python_pptx_default_template_maps_by_office_names(house, tmp_path, names):
    path = tmp_path / "template.pptx"
    path.write_bytes(renamed(names))
    report = check_template_file(path, house)
    used = {k.kind: k.layout for k in report.kinds}
    assert {kind: used[kind] for kind in MAPPED} == {k: names.get(v, v) for k, v in MAPPED.items()}
    assert {k for k, layout in used.items() if layout is None} == FALLS_BACK
    assert report.blank == names.get("Blank", "Blank")


def test_build_names_each_kind_that_falls_back(house, tmp_path, write_outline):
    from workshop.outline.load import load_outline
    from workshop.plan.build import make_plan

    brand = brand_on(house, pptx_default(), tmp_path)
    outline = load_outline(write_outline("""
        workshop: {title: Proef, start: "09:00", language: nl}
        sections:
          - title: Deel
            duration: 20m
            slides:
              - {kind: bullets, title: Punten, bullets: [een, twee]}
              - {kind: quote, text: Wie het weet mag het zeggen., by: Iemand}
              - {kind: quote, text: Nog een., by: Iemand anders}
              - {kind: stat, value: "21%", label: meer fooi}
        """))
    plan = make_plan(outline.workshop, brand, name="proef")
    findings = check_build(plan, brand, outline)
    missing = {f.details["kind"]: f for f in findings if f.code == "template-layout-missing"}
    assert set(missing) == {"quote", "stat"}
    quotes = [item.number for item in plan.deck_slides if item.kind == "quote"]
    assert f"slides {quotes[0]}, {quotes[1]}" in missing["quote"].message and "'Quote'" in missing["quote"].message
    assert missing["stat"].location.file.endswith("template.pptx")
    standard = {f.details["kind"] for f in findings if f.code == "template-layout-standard"}
    assert "bullets" in standard


def test_every_mapped_kind_has_a_name_in_each_office_language():
    for kind, names in OFFICE.items():
        assert len(names) >= 4, kind
    assert set(LIBREOFFICE) <= set(OFFICE) | {"section", "break"}


SOFFICE = shutil.which("soffice")


@pytest.mark.office
@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is needed; .ci/run installs libreoffice-impress")
def test_exported_master_resaved_by_libreoffice(house, tmp_path):
    """A LibreOffice save of ``template export`` passes the check with every kind drawn as designed."""
    from workshop.layouts import layouts_for, resolve_layout
    from workshop.render.deck import build_master
    from workshop.render.deck.colors import Palette
    from workshop.render.deck.deck import template_deck

    exported = tmp_path / "master.pptx"
    exported.write_bytes(build_master(house, specimens=True))
    designed = read_template(exported.read_bytes())
    assert len(designed.layouts) == 17
    out = tmp_path / "lo"
    env = {**os.environ, "HOME": str(tmp_path)}
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pptx", "--outdir", str(out), str(exported)],
                   check=True, capture_output=True, timeout=240, env=env)
    resaved = out / "master.pptx"
    data = resaved.read_bytes()
    report = check_template_file(resaved, house)
    text = "\n".join(format_report(report))
    assert report.ok, text
    assert "saved by LibreOffice" not in text and not report.of("warning"), text
    # the renamed placeholders are said once for the whole template, not once per placeholder (54)
    by_type = [p for p in report.of("info") if "found by their type" in p.message or "found by type" in p.message]
    assert len(by_type) == 1 and "54 placeholders on 16 layouts" in by_type[0].message, by_type
    specs = layouts_for(house)
    assert {k.kind: k.layout for k in report.kinds} == {kind: spec.name for kind, spec in specs.items()}
    geometry = read_template(data)
    for kind, spec in specs.items():  # every placeholder where the exported master put it
        resolved = resolve_layout(spec, geometry)
        wanted = resolve_layout(spec, designed)
        assert set(resolved.matches) == set(wanted.matches), kind
        for name, placeholder in resolved.matches.items():
            box, design = placeholder.box, wanted.matches[name].box
            assert box is not None and design is not None
            assert abs(box.x - design.x) + abs(box.y - design.y) + abs(box.w - design.w) + abs(box.h - design.h) \
                <= 4 * 3600, (kind, name, box, design)
    # build draws every kind on its recovered layout, none on the fallback
    deck = template_deck(data, house, specs, Palette(house, None, scheme=False), "nl")
    assert not [kind for kind, placement in deck.placements.items() if placement.fallback]
    parts = {kind: str(placement.layout.part.partname) for kind, placement in deck.placements.items()}
    assert len(set(parts.values())) == len(parts)
