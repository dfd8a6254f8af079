"""A slide's miniature on the guide page: a ``Scene`` drawn as vectors, framed by a hairline.

Vector shapes straight onto the canvas: no images, no fonts, no office
suite, a few hundred bytes per slide and the same bytes on every build.
"""

from __future__ import annotations

import math

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from workshop.render.guide.scene import Polyline, Scene, Shape

#: how the frame names itself to tests reading the PDF back: its stroke colour is the guide's rule colour
FRAME_WIDTH = 0.6  # points


class Thumbnail(Flowable):
    """``scene`` scaled to ``width`` points (its height follows the slide's proportions)."""

    def __init__(self, scene: Scene, width: float, frame: str) -> None:
        super().__init__()
        self.scene = scene
        self.width = width
        self.height = width * scene.height / scene.width
        self.frame = frame

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas, scene = self.canv, self.scene
        scale = self.width / scene.width
        canvas.saveState()
        path = canvas.beginPath()
        path.rect(0, 0, self.width, self.height)
        canvas.clipPath(path, stroke=0, fill=0)
        canvas.setFillColor(HexColor(scene.background))
        canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canvas.translate(0, self.height)
        canvas.scale(scale, -scale)  # slide EMU, y down, from here on
        for item in scene.items:
            if isinstance(item, Shape):
                _shape(canvas, item, scene.width, scene.height)
            else:
                _polyline(canvas, item)
        canvas.restoreState()
        canvas.saveState()
        canvas.setStrokeColor(HexColor(self.frame))
        canvas.setLineWidth(FRAME_WIDTH)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        canvas.restoreState()


def _shape(canvas: Canvas, shape: Shape, width: float, height: float) -> None:
    box = shape.box
    canvas.setFillColor(HexColor(shape.fill))
    inside = box.x >= 0 and box.y >= 0 and box.right <= width and box.bottom <= height
    if shape.geometry == "ellipse" and not inside:
        _polygon(canvas, _clipped(_ellipse_points(box.x, box.y, box.right, box.bottom), width, height))
    elif shape.geometry == "ellipse":
        canvas.ellipse(box.x, box.y, box.right, box.bottom, stroke=0, fill=1)
    elif shape.geometry == "triangle":
        path = canvas.beginPath()
        path.moveTo(box.x, box.bottom)
        path.lineTo(box.x + box.w / 2, box.y)
        path.lineTo(box.right, box.bottom)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
    elif shape.geometry == "wedge":
        # the y axis is flipped, so angles turn the other way round
        canvas.wedge(box.x, box.y, box.right, box.bottom, -shape.start, -shape.extent, stroke=0, fill=1)
    elif shape.geometry in ("roundRect", "bar"):
        radius = min(box.w, box.h) / (2 if shape.geometry == "bar" else 6)
        canvas.roundRect(box.x, box.y, box.w, box.h, radius, stroke=0, fill=1)
    else:
        canvas.rect(box.x, box.y, box.w, box.h, stroke=0, fill=1)


ELLIPSE_POINTS = 72


def _ellipse_points(x0: float, y0: float, x1: float, y1: float) -> list[tuple[float, float]]:
    cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
    return [(cx + rx * math.cos(2 * math.pi * k / ELLIPSE_POINTS), cy + ry * math.sin(2 * math.pi * k / ELLIPSE_POINTS))
            for k in range(ELLIPSE_POINTS)]


def _clipped(points: list[tuple[float, float]], width: float, height: float) -> list[tuple[float, float]]:
    """A convex outline cut to the slide (Sutherland–Hodgman, one frame edge at a time).

    Drawn cut rather than left to the canvas clip, so the page holds only what
    shows: a PDF reader (or a contrast test) sees no shape beyond the frame.
    """
    edges = ((0, 0.0, 1), (0, width, -1), (1, 0.0, 1), (1, height, -1))  # (axis, limit, side kept)
    for axis, limit, side in edges:
        kept: list[tuple[float, float]] = []
        for n, current in enumerate(points):
            previous = points[n - 1]
            now_in = (current[axis] - limit) * side >= 0
            was_in = (previous[axis] - limit) * side >= 0
            if now_in != was_in:
                t = (limit - previous[axis]) / (current[axis] - previous[axis])
                (x0, y0), (x1, y1) = previous, current
                kept.append((x0 + t * (x1 - x0), y0 + t * (y1 - y0)))
            if now_in:
                kept.append(current)
        points = kept
        if not points:
            break
    return points


def _polygon(canvas: Canvas, points: list[tuple[float, float]]) -> None:
    if len(points) < 3:
        return
    path = canvas.beginPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def _polyline(canvas: Canvas, line: Polyline) -> None:
    if len(line.points) < 2:
        return
    canvas.setStrokeColor(HexColor(line.color))
    canvas.setLineWidth(line.width)
    canvas.setLineJoin(1)
    path = canvas.beginPath()
    path.moveTo(*line.points[0])
    for point in line.points[1:]:
        path.lineTo(*point)
    canvas.drawPath(path, stroke=1, fill=0)
