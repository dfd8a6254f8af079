"""Story + templates → PDF bytes, with document properties and fixed dates.

Renderers build a list of flowables; this module owns what every PDF we write
has in common: title, author, subject, keywords and language in the document
info and catalog, the viewer showing the title, a PDF outline for navigation,
and reproducible bytes (reportlab's invariant mode: a fixed creation date and
document ID, so the same input always gives the same file).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import field

from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate

from workshop import __version__ as _version
from workshop.lazyclass import lazy_dataclass
from workshop.render.pdf import deflate, settings
from workshop.render.pdf.pages import Geometry, numbered_canvas


@lazy_dataclass(frozen=True)
class DocInfo:
    title: str
    author: str
    subject: str
    language: str
    keywords: Sequence[str] = field(default_factory=tuple)


def build_pdf(
    story: list[Flowable],
    *,
    info: DocInfo,
    geo: Geometry,
    templates: list[PageTemplate],
    paint: Callable,
    initial_font: str,
) -> bytes:
    settings.pin()
    settings.check_source_date_epoch()
    deflate.install()  # a stream deflated before is not deflated again (deflate.py)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(geo.width, geo.height),
        pageTemplates=templates,
        title=info.title,
        author=info.author,
        subject=info.subject,
        keywords=[k for k in info.keywords if k],
        creator=f"workshop {_version}",
        lang=info.language,
        invariant=1,
        pageCompression=1,
        displayDocTitle=1,
        initialFontName=initial_font,
        leftMargin=geo.left, rightMargin=geo.right, topMargin=geo.top, bottomMargin=geo.bottom,
    )
    doc.build(story, canvasmaker=numbered_canvas(paint))
    return buffer.getvalue()


class Bookmark(Flowable):
    """An invisible entry in the PDF outline (the viewer's navigation pane)."""

    _counter_key = "_workshop_bookmarks"

    def __init__(self, title: str, level: int = 0) -> None:
        super().__init__()
        self.title = title
        self.level = level
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        count = getattr(canvas, self._counter_key, 0) + 1
        setattr(canvas, self._counter_key, count)
        key = f"b{count}"
        canvas.bookmarkPage(key)
        canvas.addOutlineEntry(self.title, key, level=self.level, closed=self.level > 0)
        canvas.showOutline()
