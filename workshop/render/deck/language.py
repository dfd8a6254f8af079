"""The outline's language as the tag PowerPoint puts on every run (``nl`` → ``nl-NL``).

PowerPoint's spell checker and screen readers want a region; a two-letter
code gets the region where the language is mainly written.
"""

from __future__ import annotations

_REGIONS = {
    "nl": "NL", "en": "GB", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "pt": "PT", "da": "DK",
    "sv": "SE", "nb": "NO", "nn": "NO", "no": "NO", "fi": "FI", "pl": "PL", "cs": "CZ", "sk": "SK",
    "hu": "HU", "ro": "RO", "el": "GR", "tr": "TR", "ru": "RU", "uk": "UA", "ja": "JP", "zh": "CN",
    "ko": "KR", "ar": "SA", "he": "IL", "et": "EE", "lv": "LV", "lt": "LT", "sl": "SI", "hr": "HR",
    "bg": "BG", "ga": "IE", "is": "IS", "fy": "NL", "af": "ZA",
}


def language_tag(language: str) -> str:
    """``nl`` → ``nl-NL``, ``en-us`` → ``en-US``; unknown two-letter codes stay as given."""
    parts = language.replace("_", "-").split("-")
    base = parts[0].lower()
    if len(parts) > 1:
        given = parts[1]
        return f"{base}-{given.upper() if len(given) == 2 else given}"
    region = _REGIONS.get(base)
    return f"{base}-{region}" if region else base
