"""Type styles inside composite areas, where one area holds many small text boxes.

Agenda rows, step cells, quiz options and table cells are split by
``grids``; these are the styles their text is set in, so the text fit can
measure exactly what the renderer draws (role, weight, line spacing, insets).
"""

from __future__ import annotations

from workshop.layouts.geometry import Insets, inch
from workshop.layouts.spec import TextStyle

NO_INSETS = Insets(0, 0, 0, 0)

AGENDA_TIME = TextStyle("body", font="heading", bold=True, color="primary", anchor="middle")
AGENDA_TITLE = TextStyle("body", color="foreground", anchor="middle", line_spacing=0.95)
AGENDA_MINUTES = TextStyle("body", color="muted", anchor="middle", align="right")

#: a step's heading (heading font, bold, bottom-aligned in its band) and its text, in a smaller role:
#: the two shrink together, so the heading stays the larger
STEP_HEADING = TextStyle("subtitle", font="heading", bold=True, color="dark", anchor="bottom", line_spacing=1.0)
STEP_TEXT = TextStyle("attribution", color="foreground", line_spacing=1.1)

OPTION = TextStyle("body", color="foreground", anchor="middle", line_spacing=1.0)

TABLE_HEADER = TextStyle("table", bold=True, color="on-primary", anchor="middle", line_spacing=1.0)
TABLE_CELL = TextStyle("table", color="foreground", anchor="middle", line_spacing=1.0)
TABLE_INSETS = Insets(inch(0.12), inch(0.06), inch(0.12), inch(0.06))

#: numbers and letters in circles are sized to the circle, not by a text role
MARKER_SCALE = 0.42  # point size = circle height in points × this

CHART_ROLE = "caption"  # axis labels, legend and data labels
