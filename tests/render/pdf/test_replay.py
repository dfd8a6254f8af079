"""A chart's canvas calls, recorded while it draws and played back: the same page, byte for byte."""

from __future__ import annotations

import io
import marshal

import pytest
from pdf_support import build
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib.colors import CMYKColor
from reportlab.pdfgen.canvas import Canvas

from workshop.render.pdf import replay
from workshop.render.pdf.kit import make_kit

OUTLINE = """
workshop:
  title: Grafieken
  language: nl
sections:
  - title: Cijfers
    duration: 30m
    slides:
      - kind: chart
        title: Fooi per aanpak
        chart:
          type: column
          categories: [Eén extraatje, Geen, 1+1]
          series: [{name: Fooi, values: [105, 100, 118]}, {name: Vorig jaar, values: [101, 99, 104]}]
          highlight: 1+1
      - kind: chart
        title: Dorst en waarde
        chart:
          type: line
          categories: ["8:00", "10:00", "12:00", "14:00", "16:00", "18:00"]
          series:
            - {name: Dorst, values: [2, 3, 6, 9, 8, 4]}
            - {name: Waarde, values: [1, 2, 5, 9, 7, 3]}
          highlight: Waarde
      - kind: chart
        title: Aandeel
        chart:
          type: pie
          categories: [Grotere fooi — ✓, Geen grotere fooi]
          series: [{name: Obers, values: [21, 79]}]
          unit: "%"
          highlight: Grotere fooi — ✓
      - kind: chart
        title: Wat motiveert
        chart:
          type: bar
          categories: [Geld, Plezier, Uitdaging]
          series: [{name: Stemmen, values: [3, 9, 6]}]
          sort: ascending
"""


@pytest.fixture(scope="module")
def painted(tmp_path_factory):
    """A function giving a fresh drawing of each chart of the outline (widgets lay out while they draw)."""
    built = build(tmp_path_factory.mktemp("replay"), OUTLINE)
    kit = make_kit(built.brand, "nl")
    charts = [p.slide.chart for p in built.plan.deck_slides if getattr(p.slide, "chart", None) is not None]
    assert len(charts) == 4
    return lambda n: kit.charts.drawing(charts[n], 400, 180)


def page(draw) -> bytes:
    """A one-page PDF (reproducible bytes) with something drawn on it first, then ``draw(canvas)``."""
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1, pageCompression=1)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(20, 800, "before")
    canvas.saveState()
    canvas.translate(30, 400)
    draw(canvas)
    canvas.restoreState()
    canvas.drawString(20, 40, "after")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def recorded(drawing: Drawing) -> tuple[bytes, replay.Recording | None]:
    held: list[replay.Recorder] = []

    def draw(canvas: Canvas) -> None:
        held.append(replay.Recorder(canvas))
        renderPDF.draw(drawing, held[0], 0, 0)

    return page(draw), held[0].recording


@pytest.mark.parametrize("n", range(4), ids=["column", "line", "pie", "bar"])
def test_a_played_recording_writes_the_bytes_the_drawing_writes(painted, n):
    direct = page(lambda canvas: renderPDF.draw(painted(n), canvas, 0, 0))
    through, recording = recorded(painted(n))
    assert recording is not None and len(recording[1]) > 20
    stored = marshal.loads(marshal.dumps(recording))  # as the user cache gives it back
    played = page(lambda canvas: replay.play(canvas, stored) or pytest.fail("not played"))
    assert direct == through == played


def test_a_canvas_in_another_state_is_not_played_on(painted):
    _, recording = recorded(painted(0))
    assert recording is not None
    results: list[bool] = []

    def other_font(canvas: Canvas) -> None:
        canvas.setFont("Courier", 10)  # the drawing reads the font back: another start, other operators
        results.append(replay.play(canvas, recording))

    untouched = page(lambda canvas: canvas.setFont("Courier", 10))
    assert page(other_font) == untouched and results == [False]


@pytest.mark.parametrize("bad", [("c", "drawImage", ("#tuple", "x.png", 0, 0), ("#tuple",)),
                                 ("p", 0, "__init__", ("#tuple",)), ("s", "_code", ("#tuple", 1)), ("x",),
                                 ("c", "setLineWidth", ("#tuple", ("#set", 1)), ("#tuple",)),
                                 ("c", "setFont", ("#tuple", "NotRegistered-Regular", 8.0), ("#tuple",))])
def test_a_call_the_recorder_does_not_write_is_never_played(painted, bad):
    _, recording = recorded(painted(1))
    assert recording is not None
    state, calls = recording
    drawn: list[bool] = []
    assert page(lambda canvas: drawn.append(replay.play(canvas, (state, (*calls, bad))))) == page(lambda c: None)
    assert drawn == [False]  # checked before anything is drawn


def test_what_a_recording_cannot_hold_spoils_it_and_the_page_is_still_drawn(monkeypatch):
    cases = {
        "another colour class": Drawing(100, 100, Rect(0, 0, 50, 50, fillColor=CMYKColor(0, 1, 1, 0))),
        "a method it does not know": Drawing(100, 100, Rect(0, 0, 50, 50, rx=4, ry=4)),
    }
    monkeypatch.setattr(replay, "CANVAS_METHODS", replay.CANVAS_METHODS - {"roundRect"})
    for why, drawing in cases.items():
        direct = page(lambda canvas, d=drawing: renderPDF.draw(d, canvas, 0, 0))
        through, recording = recorded(drawing)
        assert recording is None, why
        assert through == direct, why


@pytest.mark.parametrize("misuse", [lambda r: r._code, lambda r: setattr(r, "_fontname", "Courier"),
                                    lambda r: r.beginText(), lambda r: r.beginPath().getCode()],
                         ids=["reads its code", "sets its font", "begins a text", "reads a path's code"])
def test_reading_or_setting_anything_else_on_the_canvas_spoils_the_recording(misuse):
    held: list[replay.Recorder] = []
    page(lambda canvas: (held.append(replay.Recorder(canvas)), misuse(held[0])))
    assert held[0].recording is None
