"""``workshop template check``: what a master offers each slide kind, what is missing, and the exit code."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from types import MappingProxyType

import pytest

from workshop.brand.model import DEFAULT_LAYOUT_NAMES
from workshop.errors import WorkshopError
from workshop.findings import Severity
from workshop.kinds import KINDS
from workshop.layouts import default_layouts
from workshop.templatecheck import check_brand, check_template_file, format_report

# -- the command ------------------------------------------------------------------------------


def test_renamed_layout_and_deleted_placeholder_are_reported_by_name(cli, designed, edit):
    path = designed(edit.two_mistakes)
    result = cli("template", "check", str(path))
    assert result.exit_code == 1
    out = result.stdout
    assert "Layout 'Quote' is missing: slides of kind quote will be drawn on the 'Blank' layout" in out
    assert "rename it to 'Quote'" in out and "'Citaat'" in out  # the renamed layout is pointed at
    assert "Layout 'Compare' has no placeholder named 'Left Heading'" in out
    assert "name it 'Left Heading' in the" in " ".join(out.split())  # the fix, across wrapped lines
    assert "Result: 2 of 16 slide kinds cannot be drawn as designed: quote, compare." in out
    assert "Traceback" not in result.output


@pytest.mark.parametrize("brand", ["default", "noord"])
def test_shipped_brands_pass(cli, brand):
    result = cli("template", "check", "--brand", brand)
    assert result.exit_code == 0, result.output
    assert "Result: all 16 slide kinds can be drawn as designed." in result.stdout
    assert "Problems" not in result.stdout and "Warnings" not in result.stdout


def test_the_listing_names_layouts_placeholders_types_and_positions(cli):
    out = cli("template", "check", "--brand", "noord").stdout
    assert "Template: " in out and "template.pptx" in out and "brand 'noord'" in out
    assert "Slide size 33.87 × 19.05 cm, 17 layouts, 1 slide master." in out
    assert "  Layout 'Quote' — slide kind quote" in out
    quote = next(line for line in out.splitlines() if line.strip().startswith("Quote ") and "←" in line)
    # noord's designer moved the quotation onto a card: 1.91 cm from the left, 1.6 cm down, 24.2 × 12.2 cm
    assert quote.split()[1:9] == ["Text", "(body)", "1.91", "1.60", "24.20", "×", "12.20", "←"]
    assert "quote → 'Quote'" in " ".join(out.split()) and "placed by you: Quote, Attribution" in out
    assert "Layout 'Blank' — used for kinds whose layout is missing (none are)" in out


def test_a_generated_master_says_where_it_comes_from(cli):
    out = cli("template", "check", "--brand", "default").stdout
    assert "the master generated for brand 'default'" in out
    assert "workshop template export --brand default" in out


def test_quiet_prints_only_the_problems(cli, designed, edit):
    path = designed(edit.two_mistakes)
    result = cli("--quiet", "template", "check", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Layout 'Quote' is missing" in result.stderr and "Layout 'Compare'" in result.stderr


def test_hostile_or_broken_files_give_the_safety_error(cli, tmp_path):
    text = tmp_path / "letter.pptx"
    text.write_text("Dear designer, …", encoding="utf-8")
    result = cli("template", "check", str(text))
    assert result.exit_code == 1
    assert "not a PowerPoint file" in result.stderr and "Traceback" not in result.output

    macro = tmp_path / "macro.pptx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/vbaProject.bin", b"\x00")
    macro.write_bytes(buffer.getvalue())
    result = cli("template", "check", str(macro))
    assert result.exit_code == 1 and "macros" in result.stderr

    entity = tmp_path / "entity.pptx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>')
    entity.write_bytes(buffer.getvalue())
    result = cli("template", "check", str(entity))
    assert result.exit_code == 1 and "DOCTYPE" in result.stderr


def test_a_zip_that_is_no_presentation_is_a_plain_error(cli, tmp_path):
    path = tmp_path / "notes.pptx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml",
                         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    path.write_bytes(buffer.getvalue())
    result = cli("template", "check", str(path))
    assert result.exit_code == 1
    assert "the template has no main document" in result.stderr


def test_a_missing_file_or_a_folder_is_exit_1(cli, tmp_path):
    for target, words in ((tmp_path / "nope.pptx", "does not exist"), (tmp_path, "is a folder")):
        result = cli("template", "check", str(target))
        assert result.exit_code == 1 and words in result.stderr, result.output


# -- the report -------------------------------------------------------------------------------


def test_a_placeholder_found_by_type_is_a_note_not_a_problem(designed, edit, house):
    path = designed(lambda prs: setattr(edit.placeholder(edit.layout(prs, "Quiz"), "Question"), "name",
                                        "Text Placeholder 7"))
    report = check_template_file(path, house)
    assert report.ok
    quiz = next(k for k in report.kinds if k.kind == "quiz")
    question = next(s for s in quiz.shapes if s.name == "Question")
    assert question.how == "type" and question.placeholder.name == "Text Placeholder 7"
    notes = [p for p in report.of(Severity.INFO) if p.layout == "Quiz"]
    assert len(notes) == 1 and notes[0].shape == "Question"
    assert "'Text Placeholder 7' takes the question (name it 'Question')" in notes[0].message
    assert "rename it in the Selection Pane" in notes[0].fix


def test_placeholders_found_by_type_are_one_note_per_layout(designed, edit, house):
    def change(prs):
        compare = edit.layout(prs, "Compare")
        for n, name in enumerate(("Left Heading", "Right Heading")):
            edit.placeholder(compare, name).name = f"Text Placeholder {n + 3}"

    report = check_template_file(designed(change), house)
    notes = [p for p in report.of(Severity.INFO) if "found by type" in p.message]
    assert len(notes) == 1 and notes[0].layout == "Compare", notes
    assert "2 placeholders are found by type" in notes[0].message
    assert "'Text Placeholder 3' takes" in notes[0].message and "(name it 'Left Heading')" in notes[0].message
    assert "(name it 'Right Heading')" in notes[0].message


def test_a_missing_optional_placeholder_is_a_warning(designed, edit, house):
    path = designed(lambda prs: edit.remove(edit.placeholder(edit.layout(prs, "Quiz"), "Explanation")))
    report = check_template_file(path, house)
    assert report.ok and not report.broken_kinds
    warning = next(p for p in report.of("warning") if p.shape == "Explanation")
    assert "on quiz slides that have it" in warning.message
    assert "Result: all 16 slide kinds can be drawn as designed (1 warning above)." in format_report(report)


def test_a_placeholder_too_small_for_one_line_is_a_problem(designed, edit, house):
    from pptx.util import Cm

    def shrink(prs):
        edit.placeholder(edit.layout(prs, "Bullets"), "Body").height = Cm(0.3)

    report = check_template_file(designed(shrink), house)
    assert report.broken_kinds == ("bullets",)
    assert "too small for the bullet points" in report.errors[0].message


def test_a_placeholder_off_the_slide_is_a_warning(designed, edit, house):
    from pptx.util import Cm

    def push(prs):
        edit.placeholder(edit.layout(prs, "Stat"), "Source").left = Cm(30)

    report = check_template_file(designed(push), house)
    assert report.ok
    assert any("reaches past the edge of the slide" in p.message for p in report.of("warning"))


def test_layout_names_from_the_brand_are_honoured(designed, edit, house):
    path = designed(lambda prs: setattr(edit.layout(prs, "Quote"), "name", "Citaat"))
    assert check_template_file(path, house).broken_kinds == ("quote",)
    dutch = replace(house, settings=replace(house.settings, layouts=MappingProxyType({**DEFAULT_LAYOUT_NAMES, "quote": "Citaat"})))
    report = check_template_file(path, dutch)
    assert report.ok
    assert next(k for k in report.kinds if k.kind == "quote").layout == "Citaat"


def test_a_misspelt_layout_is_pointed_out(designed, edit, house):
    path = designed(lambda prs: setattr(edit.layout(prs, "Exercise"), "name", "Excercise"))
    problem = check_template_file(path, house).errors[0]
    assert "The layout 'Excercise' looks like a misspelling: rename it to 'Exercise'." in problem.fix


def test_sample_slides_and_unused_layouts_are_noted(designed, edit, house):
    def change(prs):
        prs.slides.add_slide(edit.layout(prs, "Bullets"))
        edit.layout(prs, "Quote").name = "Citaat"

    report = check_template_file(designed(change), house)
    notes = " ".join(p.message for p in report.of(Severity.INFO))
    assert "The file holds 1 slide; it is left out of every deck" in notes
    assert "Layouts no slide kind uses (they stay in the file, unused): 'Citaat'." in notes


def test_the_check_agrees_with_the_renderer(designed, edit, house):
    """Kinds the report calls missing are exactly the kinds the deck draws on the blank layout."""
    from workshop.layouts import layouts_for
    from workshop.render.deck.colors import Palette
    from workshop.render.deck.deck import template_deck

    path = designed(edit.two_mistakes)
    report = check_template_file(path, house)
    deck = template_deck(path.read_bytes(), house, layouts_for(house), Palette(house, None, scheme=False), "nl-NL")
    assert {k for k, p in deck.placements.items() if p.fallback} == {k.kind for k in report.kinds if k.layout is None}
    for kind in report.kinds:
        resolved = deck.placements[kind.kind].resolved
        for shape in kind.shapes:
            assert (resolved.matches.get(shape.name) is None) == (shape.how == "missing"), (kind.kind, shape.name)


def test_check_brand_refuses_a_hostile_brand_template(tmp_path, house):
    (tmp_path / "template.pptx").write_bytes(b"PK\x03\x04 but not really a zip")
    brand = replace(house, folder=tmp_path, settings=replace(house.settings, template=tmp_path / "template.pptx"))
    with pytest.raises(WorkshopError, match="damaged zip archive"):
        check_brand(brand)


# -- the contract the docs are written from --------------------------------------------------------


def test_the_contract_covers_every_placeholder_of_every_kind():
    specs = default_layouts()
    assert tuple(specs) == tuple(KINDS)
    for kind, spec in specs.items():
        named = [s.name for s in spec.shapes if s.placeholder]
        assert list(KINDS[kind].shapes) == named, kind
