"""The few words the deck adds itself; they live with the layouts so the text fit measures them too."""

from __future__ import annotations

from workshop.layouts.words import continued, words

__all__ = ["words", "continued"]
