""""Did you mean …?" for misspelt keys and kinds."""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    import difflib  # only a misspelling pays for it

    matches = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    choices = sorted(choices)
    match = closest(word, choices)
    if match:
        return f"did you mean '{match}'?"
    return "valid names: " + ", ".join(choices)
