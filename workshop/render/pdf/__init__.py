"""Shared pieces of the two PDF renderers: safe markup, fonts, styles, pages, charts.

Importing this package does not import reportlab; its modules do, after
``settings`` has pinned reportlab's global configuration.
"""
