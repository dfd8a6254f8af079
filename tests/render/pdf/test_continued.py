"""A split paragraph's rest carries its lines: the same lines reportlab would break, the same PDF, linear work."""

from __future__ import annotations

import copy
import io

import pytest
from pdf_support import counting_breaks
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate

from workshop.brand.load import load_brand
from workshop.render.pdf import continued, markup, paragraphs
from workshop.render.pdf.flowables import box
from workshop.render.pdf.kit import Kit, make_kit

WORDS = ("samen werken vraagt vertrouwen en een heldere afspraak over wie wat doet "
         "samenwerkingsovereenkomst verantwoordelijkheidsgevoel kwaliteitsbewaking "
         "informatievoorziening " + "x" * 70 + " a").split()


def _text(chars: int, seed: int = 7) -> str:
    """Dutch words (long compounds to hyphenate, one too long for a line) in a fixed shuffled order."""
    out, n, state = [], 0, seed
    while n < chars:
        state = (state * 1103515245 + 12345) % 2**31
        word = WORDS[state % len(WORDS)]
        out.append(word)
        n += len(word) + 1
    return " ".join(out)


@pytest.fixture(scope="module")
def kit() -> Kit:
    return make_kit(load_brand("default"), "nl", 1.1)


def _makers(kit: Kit, text: str) -> dict[str, object]:
    s = kit.styles
    return {  # reportlab's two kinds of break: one style (kind 0) and mixed styles (kind 1)
        "mixed, with a bullet": lambda: kit.raw(markup.bold("Stap — ") + markup.inline(text), s.bullet, bullet="3."),
        "mixed": lambda: kit.raw(markup.bold("A: ") + markup.inline(text), s.tight),
        "one style, with a bullet": lambda: kit.p(text, s.bullet, bullet="•"),
        "one style, in a cell": lambda: kit.p(text, s.cell),
    }


def _lines(para: Paragraph) -> list[tuple[str, float]]:
    """What is drawn of each line: its text and the room left on it."""
    bl = para.blPara
    if bl.kind == 1:
        return [("".join(w.text for w in line.words).strip(), round(line.extraSpace, 6)) for line in bl.lines]
    return [(" ".join(line[1]), round(line[0], 6)) for line in bl.lines]


def _rebroken(rest: Paragraph, width: float) -> Paragraph:
    """The rest as reportlab leaves it: a plain paragraph of its fragments, broken afresh."""
    fresh = Paragraph(None, rest.style, bulletText=rest.bulletText, frags=copy.deepcopy(rest.frags))
    fresh.wrap(width, 1e6)
    return fresh


@pytest.mark.parametrize("kind", ["mixed, with a bullet", "mixed", "one style, with a bullet", "one style, in a cell"])
def test_the_carried_lines_are_the_lines_reportlab_breaks_for_the_rest(kit, kind):
    make = _makers(kit, _text(5000))[kind]
    width = 300.0
    checked = 0
    for lines in range(2, 70):  # every split point, hyphenated line ends and a word cut in two among them
        para = make()
        para.wrap(width, 1e6)
        parts = para.split(width, lines * para.style.leading + 0.5)
        if len(parts) != 2:
            continue
        first, rest = parts
        assert rest._carried is not None
        rest.wrap(width, 1e6)
        assert rest._carried is None, "the rest was broken again instead of using its lines"
        assert _lines(rest) == _lines(_rebroken(rest, width)), (kind, lines)
        assert rest.height == len(rest.blPara.lines) * rest.style.leading
        checked += 1
    assert checked > 50


def test_a_rest_split_again_splits_where_reportlab_would(kit):
    """Three pages: the second part's fragments are cut at its own lines' starts."""
    para = _makers(kit, _text(6000))["mixed"]()
    width, height = 300.0, 20 * kit.styles.tight.leading + 0.5
    para.wrap(width, 1e6)
    _, rest = para.split(width, height)
    rest.wrap(width, 1e6)
    middle, last = rest.split(width, height)
    plain = _rebroken(rest, width)
    plain_middle, plain_last = plain.split(width, height)
    for ours, theirs in ((middle, plain_middle), (last, plain_last)):
        ours.wrap(width, 1e6)
        theirs.wrap(width, 1e6)
        assert _lines(ours) == _lines(theirs)


def test_a_rest_measured_at_another_width_is_broken_again(kit):
    para = _makers(kit, _text(3000))["mixed"]()
    para.wrap(300, 1e6)
    _, rest = para.split(300, 10 * kit.styles.tight.leading + 0.5)
    rest.wrap(200, 1e6)
    assert _lines(rest) == _lines(_rebroken(rest, 200))


def _story(kit: Kit, text: str) -> list[object]:
    s = kit.styles
    return [kit.raw(markup.bold("Los: ") + markup.inline(text), s.body),
            box([kit.raw(markup.escape("ZEG"), s.kicker), kit.p(text, s.body), kit.p(text[::-1], s.body)],
                kit.palette.c(kit.palette.light), s.fonts.body.regular, padding=3.5 * mm)]


def _pdf(kit: Kit, text: str) -> bytes:
    out = io.BytesIO()
    SimpleDocTemplate(out, invariant=1).build(_story(kit, text))
    return out.getvalue()


def test_pdfs_are_byte_identical_with_and_without_carried_lines(kit, monkeypatch):
    text = _text(40_000)  # some ten pages: a free paragraph, then two in a box split inside its rows
    carried = _pdf(kit, text)
    paragraphs.forget()
    monkeypatch.setattr(continued.CarriedLines, "split", Paragraph.split)  # reportlab's own: the rest breaks again
    assert _pdf(kit, text) == carried


def _broken_chars(kit: Kit, text: str) -> int:
    with counting_breaks() as counted:
        _pdf(kit, text)
    return counted[0]


def test_breaking_a_paragraph_over_pages_is_linear_in_its_length(kit):
    short = _broken_chars(kit, _text(20_000))
    long = _broken_chars(kit, _text(40_000))
    assert long < 2.3 * short, (short, long)  # quadratic (each page breaking all the rest again) is 3 to 4 times
    assert long < 5 * 3 * 40_000  # each of the three paragraphs broken about twice: whole, then page by page


@pytest.mark.parametrize("kind", ["mixed, with a bullet", "one style, with a bullet"])
def test_a_paragraph_with_no_room_keeps_its_lines_for_the_next_page(kit, kind):
    """reportlab drops a paragraph's lines when not even two fit at a page's foot; the next page reuses them."""
    make = _makers(kit, _text(3000))[kind]
    para = make()
    para.wrap(300, 1e6)
    first_widths = list(para._wrapWidths)  # the first narrowed for the bullet
    assert para.split(300, para.style.leading * 1.5) == []
    with counting_breaks() as counted:
        para.wrap(300, 1e6)
    assert counted[0] == 0
    assert para._wrapWidths == first_widths
    fresh = make()
    fresh.wrap(300, 1e6)
    assert _lines(para) == _lines(fresh) and para.height == fresh.height
