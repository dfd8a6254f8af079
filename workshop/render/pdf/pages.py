"""Page geometry, page templates and the running header and footer.

"page N of M" needs the page count before any page is final, so pages are
drawn in two steps (reportlab's canvasmaker pattern): the canvas keeps every
finished page in memory and paints header and footer on all of them in
``save()``, when the total is known. Templates only record which kind of page
they are, so the cover gets no running header.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, PageTemplate

from workshop.lazyclass import lazy_dataclass
from workshop.render.pdf.fallback import draw_string
from workshop.render.pdf.measure import shorten
from workshop.render.pdf.styles import Styles
from workshop.text.inline import plain


@lazy_dataclass(frozen=True)
class Geometry:
    """Page size and margins in points."""

    width: float
    height: float
    left: float = 22 * mm
    right: float = 22 * mm
    top: float = 26 * mm
    bottom: float = 22 * mm

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


def geometry(paper: str) -> Geometry:
    width, height = LETTER if paper.lower() == "letter" else A4
    return Geometry(width, height)


def body_frame(geo: Geometry, name: str = "body") -> Frame:
    return Frame(geo.left, geo.bottom, geo.frame_width, geo.frame_height, id=name,
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


def template(template_id: str, frames: list[Frame], geo: Geometry,
             paint: Callable | None = None) -> PageTemplate:
    """A page template that records its id on the canvas (and paints static art, if any)."""

    def on_page(canvas: Canvas, doc: Any) -> None:
        canvas._workshop_template = template_id
        if paint is not None:
            canvas.saveState()
            paint(canvas, doc)
            canvas.restoreState()

    return PageTemplate(id=template_id, frames=frames, onPage=on_page,
                        pagesize=(geo.width, geo.height))


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """Shorten one line of decoration text (header, footer) to ``width`` with an ellipsis."""
    return shorten(" ".join(plain(text).split()), font, size, width)


@lazy_dataclass(frozen=True)
class RunningText:
    """What the header and footer say."""

    header_left: str
    header_right: str
    footer_left: str
    page_label: str  # "pagina {n} van {total}"


def running_painter(geo: Geometry, styles: Styles, text: RunningText) -> Callable:
    """Header and footer on every page except those whose template id starts with 'cover'."""
    p = styles.palette
    regular, bold = styles.fonts.body.regular, styles.fonts.body.bold
    chain = styles.fonts.chain
    size = 8.0  # labels are never smaller than 8 pt

    def paint(canvas: Canvas, number: int, total: int) -> None:
        if getattr(canvas, "_workshop_template", "").startswith("cover"):
            return
        canvas.saveState()
        top = geo.height - geo.top + 9 * mm
        half = geo.frame_width / 2 - 4 * mm
        canvas.setFillColor(p.c(p.muted))
        draw_string(canvas, geo.left, top + 2.2 * mm, fit_text(text.header_left, regular, size, half),
                    regular, size, chain)
        canvas.setFillColor(p.c(p.primary))
        draw_string(canvas, geo.width - geo.right, top + 2.2 * mm,
                    fit_text(text.header_right, bold, size, half), bold, size, chain, anchor="end")
        canvas.setStrokeColor(p.c(p.rule))
        canvas.setLineWidth(0.5)
        canvas.line(geo.left, top, geo.width - geo.right, top)
        canvas.setFillColor(p.c(p.accent))
        canvas.rect(geo.left, top - 0.6, 12 * mm, 1.8, stroke=0, fill=1)

        bottom = geo.bottom - 11 * mm
        label = text.page_label.format(n=number, total=total)
        canvas.setFillColor(p.c(p.text))
        label_width = draw_string(canvas, geo.width - geo.right, bottom, label, bold, size, chain,
                                  anchor="end")
        canvas.setFillColor(p.c(p.muted))
        room = geo.frame_width - label_width - 8 * mm
        draw_string(canvas, geo.left, bottom, fit_text(text.footer_left, regular, size, room),
                    regular, size, chain)
        canvas.restoreState()

    return paint


def numbered_canvas(paint: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A Canvas class that holds pages until ``save()`` so ``paint`` knows the total.

    Bookmarks (the outline's destinations) are held with their page too: the
    document's page count only moves when a page is really shown, so a
    bookmark set on a held page would otherwise point at the first page.
    """

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict] = []
            self._held_marks: list[tuple[str, dict[str, Any]]] = []

        def bookmarkPage(self, key: str, **kwargs: Any) -> None:
            self._held_marks.append((key, kwargs))

        def showPage(self) -> None:
            self.__dict__["_page_marks"] = self._held_marks
            self._held_pages.append(dict(self.__dict__))
            self._held_marks = []
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            for state in self._held_pages:
                self.__dict__.update(state)
                for key, kwargs in state["_page_marks"]:
                    Canvas.bookmarkPage(self, key, **kwargs)
                paint(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas
