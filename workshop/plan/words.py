"""The few words the deck adds itself (labels, the break's return time, continued titles), per language."""

from __future__ import annotations

_WORDS = {
    "nl": {"group": "Groep", "materials": "Materiaal", "back": "We gaan verder om {time}",
           "answer": "Antwoord", "source": "Bron", "explanation": "Uitleg", "continued": "{title} (vervolg)"},
    "en": {"group": "Group", "materials": "Materials", "back": "Back at {time}",
           "answer": "Answer", "source": "Source", "explanation": "Explanation",
           "continued": "{title} (continued)"},
    "de": {"group": "Gruppe", "materials": "Material", "back": "Weiter um {time}",
           "answer": "Antwort", "source": "Quelle", "explanation": "Erklärung",
           "continued": "{title} (Fortsetzung)"},
    "fr": {"group": "Groupe", "materials": "Matériel", "back": "Reprise à {time}",
           "answer": "Réponse", "source": "Source", "explanation": "Explication", "continued": "{title} (suite)"},
}


def words(language: str) -> dict[str, str]:
    """Labels for ``language`` (``nl``, ``nl-BE``…), English when we have none."""
    return _WORDS.get(language.split("-")[0].lower(), _WORDS["en"])


def continued(title: str, language: str) -> str:
    """A follow-up slide's title: ``Title (vervolg)`` in Dutch, ``Title (continued)`` in English."""
    return words(language)["continued"].format(title=title)
