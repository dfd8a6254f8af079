"""Renderers: the only modules that import python-pptx or reportlab; each reads the plan."""
