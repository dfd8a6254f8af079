"""``defaults: workshop:``: our own settings, checked strictly with line numbers."""

from __future__ import annotations

import pytest

from workshop.brand.load import load_brand
from workshop.brand.model import DEFAULT_LAYOUT_NAMES, DEFAULT_SIZES, SizeRange
from workshop.errors import WorkshopError


def settings_yaml(body: str) -> str:
    return "meta:\n  name: Acme\ndefaults:\n  workshop:\n" + "".join(f"    {line}\n" for line in body.splitlines())


def error_for(brand_dir, body: str, files=None) -> WorkshopError:
    with pytest.raises(WorkshopError) as caught:
        load_brand(brand_dir(settings_yaml(body), files))
    return caught.value


def test_all_settings_are_read(brand_dir):
    folder = brand_dir(settings_yaml(
        "template: master/template.pptx\n"
        "layouts:\n  quote: Citaat\n  stat: Groot getal\n"
        "paper: Letter\n"
        "footer: '{client} · {date}'\n"
        "sizes:\n  body: {max: 22, min: 16}\n  footer: {min: 9}\n"
        "overflow: error\n"
        "minutes_per_slide: 1.5\n"
        "max_minutes_without_break: 75\n"
    ), {"master/template.pptx": b"PK\x03\x04rest-of-a-zip"})
    settings = load_brand(folder).settings
    assert settings.template == folder.resolve() / "master" / "template.pptx"
    assert {k: v for k, v in settings.layouts.items() if DEFAULT_LAYOUT_NAMES[k] != v} == {
        "quote": "Citaat", "stat": "Groot getal"}
    assert set(settings.layouts) == set(DEFAULT_LAYOUT_NAMES)  # every kind resolved
    assert settings.paper == "letter"
    assert settings.footer == "{client} · {date}"
    assert settings.sizes["body"] == SizeRange(22, 16)
    assert settings.sizes["footer"] == SizeRange(DEFAULT_SIZES["footer"].max_pt, 9)
    assert settings.sizes["title"] == DEFAULT_SIZES["title"]
    assert settings.overflow == "error"
    assert settings.minutes_per_slide == 1.5
    assert settings.max_minutes_without_break == 75
    brand = load_brand(folder)
    assert brand.layout_name("quote") == "Citaat" and brand.layout_name("bullets") == "Bullets"


def test_empty_section_keeps_defaults(brand_dir):
    brand = load_brand(brand_dir("defaults:\n  workshop:\n"))
    assert brand.settings.paper == "A4" and brand.settings.sizes == DEFAULT_SIZES


def test_every_problem_in_the_sizes_and_layouts_is_reported_at_once(brand_dir):
    error = error_for(brand_dir, "sizes:\n  title: {max: 40, mn: 20, mx: 3}\n  bdy: {max: 20}\n"
                                 "  body: {max: 9, min: 12}\nlayouts:\n  qoute: Citaat\n  statment: X")
    found = [(e.location.line, e.location.column, e.message) for e in error.errors]
    assert [(line, column) for line, column, _ in found] == [(6, 24), (6, 32), (7, 7), (8, 13), (10, 7), (11, 7)]
    assert [m.split(" in ")[0] for _, _, m in found[:3]] == ["unknown setting 'mn'", "unknown setting 'mx'",
                                                             "unknown setting 'bdy'"]
    assert "min (12 pt) is larger than max (9 pt)" in found[3][2]
    assert {e.hint for e in error.errors[4:]} == {"did you mean 'quote'?", "did you mean 'statement'?"}


def test_unknown_key_is_an_error_with_line_and_suggestion(brand_dir):
    error = error_for(brand_dir, "paper: A4\npapr: letter")
    assert "unknown setting 'papr'" in error.message
    assert (error.location.line, error.location.column) == (6, 5)
    assert error.hint == "did you mean 'paper'?"
    assert str(error).startswith(f"{error.location.file}:6:5: ")


def test_unknown_text_role_in_sizes(brand_dir):
    error = error_for(brand_dir, "sizes:\n  bodytext: {max: 20}")
    assert "bodytext" in error.message and error.location.line == 6
    assert "did you mean 'body'?" == error.hint


def test_unknown_key_inside_a_size(brand_dir):
    error = error_for(brand_dir, "sizes:\n  body: {maximum: 20}")
    assert "maximum" in error.message and "max" in error.hint


def test_unknown_slide_kind_in_layouts(brand_dir):
    error = error_for(brand_dir, "layouts:\n  qoute: Citaat")
    assert "qoute" in error.message and "quote" in error.hint


def test_min_larger_than_max(brand_dir):
    error = error_for(brand_dir, "sizes:\n  body: {max: 14, min: 20}")
    assert "min (20 pt) is larger than max (14 pt)" in error.message


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("paper: A5", "not one of"),
        ("overflow: shrink", "not one of"),
        ("minutes_per_slide: fast", "should be a number"),
        ("minutes_per_slide: 0", "between"),
        ("max_minutes_without_break: 1.5", "whole number"),
        ("footer: '{clinet}'", "unknown placeholder {clinet}"),
        ("footer: 'oops {'", "unmatched"),
        ("sizes: big", "group of"),
        ("sizes:\n  body: {max: huge}", "should be a number"),
        ("template: master.potx", ".pptx"),
    ],
)
def test_bad_values(brand_dir, body, words):
    error = error_for(brand_dir, body)
    assert words in error.message
    assert error.location.line >= 5


def test_footer_placeholder_suggestion(brand_dir):
    assert error_for(brand_dir, "footer: '{clinet}'").hint == "did you mean 'client'?"


def test_template_must_exist_be_inside_and_be_a_pptx(brand_dir):
    assert "does not exist" in error_for(brand_dir, "template: missing.pptx").message
    assert "climb out" in error_for(brand_dir, "template: ../other.pptx").message
    error = error_for(brand_dir, "template: fake.pptx", {"fake.pptx": b"<html>not a zip</html>"})
    assert "not a PowerPoint file" in error.message


@pytest.mark.parametrize("footer", ["'{client:>1500000000}'", "'{client:>{date}}'", "'{title:.999999999}'"])
def test_footer_format_widths_are_bounded_at_load(brand_dir, footer):
    """``{client:>1500000000}`` used to build a 1.5 GB footer and exit 0."""
    error = error_for(brand_dir, f"footer: {footer}")
    assert "footer" in error.message and error.location.line >= 5


def test_footer_that_values_make_too_long_falls_back_without_allocating():
    from workshop.safety.formats import FormatLimit, bounded_format

    with pytest.raises(FormatLimit):
        bounded_format("{client:>900}{client:>900}", 1_000, client="x")
    assert bounded_format("{client:>6}", 1_000, client="Acme") == "  Acme"


def test_contact_lines_for_the_handout_back_cover(brand_dir):
    settings = load_brand(brand_dir(settings_yaml("contact:\n  - Helder\n  - hallo@helder.example"))).settings
    assert settings.contact == ("Helder", "hallo@helder.example")
    assert load_brand(brand_dir(settings_yaml("contact: Helder"))).settings.contact == ("Helder",)


@pytest.mark.parametrize(("body", "words", "line"), [
    ("contact:\n  - a: b", "should be a single value", 6),
    ("contact: [" + ", ".join(["x"] * 9) + "]", "at most 8", 5),
    ("contact:\n  - " + "x" * 201, "1 to 200 characters", 6),
])
def test_bad_contact_is_located(brand_dir, body, words, line):
    error = error_for(brand_dir, body)
    assert words in error.message and error.location.line == line
