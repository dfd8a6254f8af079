"""Type sizes and accent contrast in the handout, read back from the PDF (pdfplumber chars)."""

from __future__ import annotations

import pytest
from pdf_support import page_words, plumbed_pages

from workshop.brand.colors import contrast_ratio

BODY = 10.5  # running text: bullets, steps, statements, quotes, takeaways, stat labels
LABEL = 8.0  # running heads, page numbers, labels, captions, sources, chart ticks
CELL = 9.0  # table cells


def _chars(data: bytes) -> list[dict]:
    return [dict(c, page=n) for n, page in enumerate(plumbed_pages(data), start=1)
            for c in page.chars if c["text"].strip()]


def _phrase_sizes(data: bytes, phrase: str) -> list[float]:
    """Sizes of the characters of every line that starts ``phrase`` (its first word, then the rest)."""
    sizes = []
    for words in page_words(data, ("size",)):
        first = phrase.split()[0]
        for n, word in enumerate(words):
            following = " ".join(w["text"] for w in words[n:n + len(phrase.split())])
            if word["text"] == first and following.replace("\u00a0", " ") == phrase:
                sizes.append(word["size"])
    return sizes


def _hex(color) -> str:
    if color is None or len(color) != 3:
        return "#000000" if not color else "#" + f"{round((1 - color[0]) * 255):02X}" * 3
    return "#" + "".join(f"{round(v * 255):02X}" for v in color)


@pytest.mark.slow  # every sample × brand × client
def test_no_text_under_8_pt_in_any_sample_handout(sample_handouts):
    small = {}
    for key, data in sample_handouts.items():
        below = sorted({(c["page"], round(c["size"], 2), c["text"]) for c in _chars(data) if c["size"] < LABEL - 0.01})
        if below:
            small[key] = below[:5]
    assert not small, small


def test_running_text_is_at_least_10_5_pt(handout_pdf):
    for phrase in ["Je bent niet de", "De klant zwemt zelf",  # bullets, second level
                   "Eén snoepje bij de rekening.",  # a step's text
                   "De klant kiest, niet jij.",  # a takeaway
                   "meer fooi met twee snoepjes"]:  # a figure's label
        sizes = _phrase_sizes(handout_pdf, phrase)
        assert sizes, phrase
        assert min(sizes) >= BODY - 0.01, (phrase, sizes)


def test_cells_and_labels_are_readable(handout_pdf):
    for phrase, least in [("laag – zuur", CELL), ("Lokt met aas", CELL),
                          ("Bron:", LABEL), ("pagina 2", LABEL)]:
        sizes = _phrase_sizes(handout_pdf, phrase)
        assert sizes, phrase
        assert min(sizes) >= least - 0.01, (phrase, sizes)


@pytest.mark.slow
@pytest.mark.parametrize("brand", ["default", "noord"])
def test_accent_figures_and_kickers_meet_contrast_on_paper(sample_handouts, brand):
    """The big figure ("21%") and the small accent labels read on white: 4.5:1 (the ochre was 2.9:1)."""
    data = sample_handouts[("een-plus-een", brand, "")]
    chars = _chars(data)
    figure = [c for c in chars if c["page"] > 1 and c["text"] in "21%" and c["size"] > 30]
    assert figure, "the stat figure is not drawn"
    for c in figure:
        assert contrast_ratio(_hex(c["non_stroking_color"]), "#FFFFFF") >= 4.5, (c["non_stroking_color"], c["text"], c["page"], c["size"])
    # "DEEL 1 · …" above each section heading
    kicker = [w for words in page_words(data, ("non_stroking_color", "size"))[1:] for w in words if w["text"] == "DEEL"]
    assert kicker
    for c in kicker:
        assert contrast_ratio(_hex(c["non_stroking_color"]), "#FFFFFF") >= 4.5, (c["non_stroking_color"], c["text"], c["page"], c["size"])
