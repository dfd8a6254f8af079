"""The small parts: language tags, number formats, part names, relationships, text runs."""

from __future__ import annotations

import pytest
from pptx import Presentation

from workshop.language import language_for
from workshop.render.deck.charts import chart_colors, number_format
from workshop.render.deck.language import language_tag
from workshop.render.deck.package import Linker, PartNames


@pytest.mark.parametrize("given, tag", [
    ("nl", "nl-NL"), ("en", "en-GB"), ("de", "de-DE"), ("nl-BE", "nl-BE"), ("en_us", "en-US"), ("xx", "xx"),
])
def test_language_tags_get_a_region(given, tag):
    assert language_tag(given) == tag


def test_words_follow_the_language_with_english_as_fallback():
    assert language_for("nl").word("source") == "Bron"
    assert language_for("nl-BE").word("group") == "Groep"
    assert language_for("sv").word("materials") == "Materials"


@pytest.mark.parametrize("unit, values, expected", [
    (None, [1, 2], "#,##0"),
    ("%", [0, 3.3, 21], 'General"%"'),
    ("%", [10, 20], '#,##0"%"'),
    ("€", [12000, 3], '"€"#,##0'),
    ("min", [5, 10], '#,##0" min"'),
    ('"x', [1], '#,##0" x"'),
])
def test_number_formats_show_values_as_typed_with_their_unit(unit, values, expected):
    assert number_format(unit, values) == expected


def test_series_colours_start_with_the_brand_and_never_run_out(brand):
    from workshop.plan.charts import Tone
    from workshop.render.deck.colors import Palette

    colors = chart_colors(brand, Palette(brand))
    colours = [colors.paint(Tone("series", n)) for n in range(8)]
    assert colours[:3] == [brand.colors.primary, brand.colors.secondary, brand.colors.tertiary]
    assert len(set(colours)) == 8


def test_part_names_count_per_template_without_walking_the_package():
    prs = Presentation()
    names = PartNames(prs.part.package).install()
    assert names.next_partname("/ppt/slides/slide%d.xml") == "/ppt/slides/slide1.xml"
    assert names.next_partname("/ppt/slides/slide%d.xml") == "/ppt/slides/slide2.xml"
    assert names.next_partname("/ppt/slideLayouts/slideLayout%d.xml") == "/ppt/slideLayouts/slideLayout12.xml"
    assert prs.part.package.next_partname("/ppt/charts/chart%d.xml") == "/ppt/charts/chart1.xml"


def test_identical_images_share_one_part():
    prs = Presentation()
    names = PartNames(prs.part.package)
    data = b"\x89PNG\r\n\x1a\n" + b"0" * 20
    assert names.image_part(data, "png") is names.image_part(data, "png")
    assert names.image_part(data + b"1", "png").partname == "/ppt/media/image2.png"


def test_linker_skips_relationship_ids_already_taken():
    prs = Presentation()
    linker = Linker(prs.part)
    taken = set(prs.part.rels.keys())
    first = linker.relate(prs.slide_masters[0].part, "http://example/rel")
    assert first not in taken
    second = prs.part.relate_to(prs.slide_layouts[0].part, "http://example/other")
    third = linker.relate(prs.slide_masters[0].part, "http://example/rel")
    assert len({first, second, third}) == 3
