"""The list of checks ``workshop check`` and ``build`` run, in reporting order."""

from workshop.check.accessibility import check_accessibility
from workshop.check.embedding import check_embedding
from workshop.check.fit import check_fit
from workshop.check.glyphs import check_glyphs
from workshop.check.template import check_template
from workshop.check.timing import check_timing

CHECKS = [check_timing, check_fit, check_glyphs, check_embedding, check_accessibility, check_template]
