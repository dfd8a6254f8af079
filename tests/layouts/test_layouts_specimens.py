"""Layouts taken back from the labelled sample slides after a LibreOffice save (layouts.specimens)."""

from __future__ import annotations

from workshop.layouts.geometry import Box
from workshop.layouts.specimens import Specimen, label_of, recover
from workshop.layouts.template import PlaceholderGeometry, TemplateLayout

TITLE = PlaceholderGeometry("PlaceHolder 1", "title", 0, Box(100_000, 100_000, 5_000_000, 1_000_000))
CHART = PlaceholderGeometry("PlaceHolder 2", "body", 0, Box(100_000, 2_000_000, 5_000_000, 3_000_000))
FOOTER = PlaceholderGeometry("PlaceHolder 3", "ftr", 13, Box(100_000, 6_000_000, 3_000_000, 200_000))
SUBTITLE = PlaceholderGeometry("PlaceHolder 2", "subTitle", 0, Box(100_000, 1_200_000, 5_000_000, 500_000))


def lo_layouts() -> list[TemplateLayout]:
    """Two LibreOffice masters of stock layouts, as a 7.4 save of an exported master leaves them."""
    return [TemplateLayout("Blank Slide", (), 0, "ppt/slideLayouts/slideLayout1.xml"),
            TemplateLayout("Title Slide", (), 0, "ppt/slideLayouts/slideLayout2.xml"),
            TemplateLayout("Blank Slide", (), 1, "ppt/slideLayouts/slideLayout3.xml"),
            TemplateLayout("Blank Slide", (), 2, "ppt/slideLayouts/slideLayout4.xml")]


def test_label_of_reads_the_sample_slide_label():
    assert label_of("  Layout: Quote ") == "Quote"
    assert label_of("Layout: ") is None and label_of("Quote") is None


def test_each_labelled_layout_is_taken_back_with_its_masters_placeholders_by_position():
    specimens = [Specimen("Chart", "ppt/slideLayouts/slideLayout1.xml", (TITLE, SUBTITLE)),
                 Specimen("Blank", "ppt/slideLayouts/slideLayout3.xml", ())]
    masters = {0: (TITLE, CHART, FOOTER), 1: ()}
    layouts = recover(lo_layouts(), specimens, masters)
    assert [(ly.name, ly.master) for ly in layouts] == [("Chart", 0), ("Blank", 1), ("Blank Slide", 2)]
    chart = layouts[0]
    # the master's placeholders, content ones as Content (obj), then the slide's own subtitle; numbered once
    assert [(ph.name, ph.type, ph.box) for ph in chart.placeholders] == [
        ("PlaceHolder 1", "title", TITLE.box), ("PlaceHolder 2", "obj", CHART.box),
        ("PlaceHolder 3", "ftr", FOOTER.box), ("PlaceHolder 4", "subTitle", SUBTITLE.box)]
    assert not any(ph.inherits for ph in chart.placeholders)  # slides must write each position


def test_layouts_that_keep_their_names_are_left_alone():
    layouts = [TemplateLayout("Chart", (CHART,), 0, "ppt/slideLayouts/slideLayout1.xml")]
    specimens = [Specimen("Chart", "ppt/slideLayouts/slideLayout1.xml", (TITLE,))]
    assert recover(layouts, specimens, {0: (TITLE,)}) == layouts
    assert recover(lo_layouts(), [], {}) == lo_layouts()
