"""The English, German and French samples print our words, durations and dates in their language.

Read back as a person would see them: the deck's shapes and notes with
python-pptx, the handout with pdfplumber and the guide with pypdf.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

#: per sample: what each output must show, and Dutch (or English) words it must not
EXPECTED = {
    "lemon-juice": {
        "deck": ["April 15, 2027", "Agenda", "20 min", "Break", "15 min", "Back at 10:30",
                 "Group", "Materials", "Key takeaways", "To discuss", "Answer: B – When it solves a customer's problem",
                 "Explanation: Value appears"],
        "handout": ["Programme", "April 15, 2027", "09:30–10:45 (1 h 15)", "Worksheet", "How it works", "Goal",
                    "Key takeaways", "Take action", "To discuss", "Total", "page 2 of"],
        "guide": ["Run sheet", "April 15, 2027", "(1 h 15)", "Timeline", "Materials to prepare", "slide 1",
                  "Say and do", "Answer only in this run sheet", "page 1 of"],
        "absent": ["Pauze", "pagina", "Draaiboek", "Programma", " u ", "Tot slot", "2027-04-15"],
    },
    "fisch-statt-fischer": {
        "deck": ["6. Mai 2027", "Agenda", "25 Min.", "1 Std.", "Pause", "20 Min.", "Weiter um 14:25", "Gruppe",
                 "Material", "Das nehmen Sie mit", "Zum Weiterdenken"],
        "handout": ["Programm", "6. Mai 2027", "13:00–14:30 (1 Std. 30)", "Arbeitsblatt", "So geht's",
                    "Das nehmen Sie mit", "Zum Weiterdenken", "Gesamt", "Seite 2 von", "Quellen"],
        "guide": ["Ablaufplan", "6. Mai 2027", "(1 Std. 30)", "Zeitleiste", "Material vorbereiten", "Folie 1",
                  "Sagen und tun", "Seite 1 von", "Zitat", "Vergleich"],
        "absent": ["Pauze", "pagina", "Programme", "Break", " u ", " h ", "page ", "2027-05-06", "Worksheet"],
    },
    "un-plus-un": {
        "deck": ["3 juin 2027", "Programme", "20 min", "40 min", "Groupe", "Matériel", "À retenir", "Réponse",
                 "Source: Journal of Applied Psychology"],
        "handout": ["Programme", "3 juin 2027", "10:00–11:05 (1 h 05)", "Fiche de travail", "Déroulement",
                    "À retenir", "À vous de jouer", "Total", "page 2 sur", "21,5"],
        "guide": ["Déroulé", "3 juin 2027", "(1 h 05)", "Chronologie", "Matériel à préparer", "diapo 1",
                  "À dire et à faire", "page 1 sur", "Diapo réponse"],
        "absent": ["Pauze", "pagina", "Draaiboek", "Worksheet", " u ", "page 1 of", "2027-06-03", "Agenda"],
    },
}


@pytest.fixture(scope="module")
def outputs(sample_build) -> Callable[[str], dict[str, str]]:
    """``outputs(sample)`` → the text of its deck, handout and guide (read once, when first asked for)."""
    import pdfplumber
    from pptx import Presentation
    from pypdf import PdfReader

    @functools.cache
    def read(name: str) -> dict[str, str]:
        result = sample_build(REPO / "decks" / f"{name}.yaml").result
        assert result.ok, result.error
        deck, handout, guide = result.written
        lines = []
        for slide in Presentation(deck).slides:
            lines += [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
            if slide.has_notes_slide:
                lines.append(slide.notes_slide.notes_text_frame.text)
        with pdfplumber.open(io.BytesIO(handout.read_bytes())) as pdf:
            handout_text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        guide_text = "\n".join(page.extract_text() for page in PdfReader(guide).pages)
        return {"deck": "\n".join(lines), "handout": handout_text, "guide": guide_text}

    return read


@pytest.mark.parametrize("name", EXPECTED)
@pytest.mark.parametrize("output", ["deck", "handout", "guide"])
def test_outputs_speak_the_outline_language(outputs, name, output):
    text = " ".join(outputs(name)[output].split()).casefold()  # kickers print in capitals
    missing = [word for word in EXPECTED[name][output] if word.casefold() not in text]
    assert not missing, f"{name} {output} lacks {missing}"
    present = [word for word in EXPECTED[name]["absent"] if word.casefold() in text]
    assert not present, f"{name} {output} shows words of another language: {present}"
