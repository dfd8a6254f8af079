"""One painter per slide kind, grouped by what the slides do.

A painter gets a ``Canvas`` (the slide, addressed by shape names) and the
``PlannedSlide``; it writes content only, never positions of its own except
inside composite areas, whose split comes from ``workshop.layouts.grids``.
Each kind's record (``workshop.kinds``) names its painter here.
"""
