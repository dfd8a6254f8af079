"""A QR code drawn as vectors with reportlab's own encoder (reportlab.graphics.barcode.qrencoder).

No new dependency and no raster image: the modules are filled squares, so
the code stays sharp in print and the file stays byte-identical per input.
The squares are one path (each row's runs of dark modules as rectangles, as
reportlab's ``QrCodeWidget`` draws them) filled once: the widget encodes the
value twice (once to measure itself) and builds a shape object per run.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from itertools import groupby

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

CACHE_FOLDER = "qr"


@lru_cache(maxsize=32)
def modules(value: str) -> tuple[tuple[bool, ...], ...]:
    """The code's modules, rows top to bottom, dark is True.

    Error correction level M (15 %): a printed code still scans with a crease or a smudge.
    Kept per value, in the process and in ``<user cache>/qr/`` (keyed by the
    value, reportlab's version and this tool's code): the encoder tries all
    eight masks in Python (10 ms), and most handouts print their brand's same
    address. The encoder is imported only when a code is made: importing it
    loads every barcode of ``reportlab.graphics.barcode`` (about 5 ms of a
    cold PDF worker).
    """
    from workshop.cache import area, enabled, read_entry, write_entry
    from workshop.render.pdf.ondemand import code_version

    key = hashlib.sha256(f"{code_version()}\nqr M\n{value}".encode()).hexdigest()
    path = area(CACHE_FOLDER) / f"{key}.qr"
    saved = read_entry(path, key) if enabled() else None
    if saved is not None:
        rows = saved.split(b"\n")
        size = len(rows)  # 17 + 4 × the version: 21 to 177 modules a side
        if 21 <= size <= 177 and size % 4 == 1 and all(len(row) == size and set(row) <= {48, 49} for row in rows):
            return tuple(tuple(module == 49 for module in row) for row in rows)
    from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(value)
    code.make()
    made = tuple(tuple(bool(module) for module in row) for row in code.modules)
    if enabled():
        write_entry(path, key, b"\n".join(bytes(48 + dark for dark in row) for row in made))
    return made


def draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float, color: Color) -> None:
    """``value`` as a QR code of ``size`` × ``size`` points, lower left at (x, y), no quiet zone."""
    rows = modules(value)
    step = size / len(rows)
    lefts = [fp_str(x + column * step) for column in range(len(rows) + 1)]
    height = fp_str(step)
    path: list[str] = []
    for number, row in enumerate(rows):
        bottom = fp_str(y + size - (number + 1) * step)
        column = 0
        for dark, run in groupby(row):
            count = len(list(run))
            if dark:
                path.append(f"{lefts[column]} {bottom} {fp_str(count * step)} {height} re")
            column += count
    canvas.saveState()
    canvas.setFillColor(color)
    canvas.addLiteral("\n".join([*path, "f"]))
    canvas.restoreState()
