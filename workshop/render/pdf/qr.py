"""A QR code drawn as vectors with reportlab's own encoder (reportlab.graphics.barcode.qr).

No new dependency and no raster image: the modules are filled squares, so
the code stays sharp in print and the file stays byte-identical per input.
"""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas


def draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float, color: object, font: str) -> None:
    """``value`` as a QR code of ``size`` × ``size`` points, lower left at (x, y), no quiet zone.

    ``font`` is one the document embeds: a drawing sets its font even with no
    text, and reportlab's default (Helvetica) would be an unembedded font.

    Error correction level M (15 %): a printed code still scans with a crease or a smudge.
    """
    widget = QrCodeWidget(value, barLevel="M", barBorder=0, barFillColor=color)
    left, bottom, right, top = widget.getBounds()
    scale = size / max(right - left, top - bottom)
    drawing = Drawing(size, size, transform=[scale, 0, 0, scale, -left * scale, -bottom * scale],
                      initialFontName=font)
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)
