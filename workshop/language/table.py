"""Every fixed word and format the outputs print, in one table: a row per word, a column per language.

The outline's own text is never translated; these are only the words the tool
adds (labels, default titles, duration units, number separators). A row must
give all four languages, so a new word cannot be added in one language only.
Placeholders in braces (``{n}``, ``{time}``…) are filled by ``Language.word``.
"""

from __future__ import annotations

LANGUAGES = ("nl", "en", "de", "fr")
FALLBACK = "en"  # for a language with no column
DEFAULT = "nl"  # for an outline that names none

#: key: (nl, en, de, fr)
WORDS: dict[str, tuple[str, str, str, str]] = {
    # running headers, footers and covers of the PDFs
    "page": ("pagina {n} van {total}", "page {n} of {total}", "Seite {n} von {total}", "page {n} sur {total}"),
    "handout": ("Handout", "Handout", "Handout", "Support participant"),
    "guide": ("Draaiboek", "Run sheet", "Ablaufplan", "Déroulé"),
    "agenda": ("Programma", "Programme", "Programm", "Programme"),
    "for": ("Voor", "For", "Für", "Pour"),
    "date": ("Datum", "Date", "Datum", "Date"),
    "facilitator": ("Begeleiding", "Facilitator", "Moderation", "Animation"),
    # agenda and run-sheet tables
    "time": ("Tijd", "Time", "Zeit", "Horaire"),
    "duration": ("Duur", "Duration", "Dauer", "Durée"),
    "part": ("Onderdeel", "Part", "Teil", "Partie"),
    "total": ("Totaal", "Total", "Gesamt", "Total"),
    "section": ("Deel {n}", "Part {n}", "Teil {n}", "Partie {n}"),
    "slide": ("dia {n}", "slide {n}", "Folie {n}", "diapo {n}"),
    "slide_range": ("dia's {n}–{last}", "slides {n}–{last}", "Folien {n}–{last}", "diapos {n}–{last}"),
    "slides": ("dia's", "slides", "Folien", "diapos"),
    "opening": ("Opening", "Opening", "Einstieg", "Ouverture"),
    "timeline": ("Tijdlijn", "Timeline", "Zeitleiste", "Chronologie"),
    "facilitator_only": ("alleen begeleider", "facilitator only", "nur Moderation", "animation seulement"),
    "say": ("Zeggen en doen", "Say and do", "Sagen und tun", "À dire et à faire"),
    # exercises and worksheets
    "worksheet": ("Werkblad", "Worksheet", "Arbeitsblatt", "Fiche de travail"),
    "goal": ("Doel", "Goal", "Ziel", "Objectif"),
    "how": ("Zo werk je", "How it works", "So geht's", "Déroulement"),
    "group": ("Groep", "Group", "Gruppe", "Groupe"),
    "materials": ("Materialen", "Materials", "Material", "Matériel"),
    "checklist": ("Materialen klaarzetten", "Materials to prepare", "Material vorbereiten", "Matériel à préparer"),
    "also_for": ("ook bij {what}", "also for {what}", "auch für {what}", "aussi pour {what}"),
    "no_materials": ("Geen materialen nodig.", "No materials needed.", "Kein Material nötig.",
                     "Aucun matériel nécessaire."),
    "notes": ("Aantekeningen", "Notes", "Notizen", "Notes"),
    "steps": ("Stappen", "Steps", "Schritte", "Étapes"),
    "more_rows": ("en nog {n} rijen", "and {n} more rows", "und {n} weitere Zeilen", "et {n} lignes de plus"),
    "and_more": ("en nog {n}", "and {n} more", "und {n} weitere", "et {n} autres"),
    # quizzes
    "question": ("Vraag", "Question", "Frage", "Question"),
    "options": ("Opties", "Options", "Optionen", "Options"),
    "answer": ("Antwoord", "Answer", "Antwort", "Réponse"),
    "correct": ("juist", "correct", "richtig", "juste"),
    "explanation": ("Uitleg", "Explanation", "Erklärung", "Explication"),
    "reveal_next": ("Antwoorddia: laat het juiste antwoord zien", "Answer slide: show the right answer",
                    "Antwortfolie: die richtige Antwort zeigen", "Diapo réponse : montrer la bonne réponse"),
    "reveal_notes": ("Antwoord alleen in dit draaiboek", "Answer only in this run sheet",
                     "Antwort nur in diesem Ablaufplan", "Réponse uniquement dans ce déroulé"),
    # closing, sources, images
    "closing": ("Tot slot", "To close", "Zum Schluss", "Pour finir"),
    "takeaways": ("Wat je meeneemt", "Key takeaways", "Das nehmen Sie mit", "À retenir"),
    "action": ("Aan de slag", "Take action", "Jetzt sind Sie dran", "À vous de jouer"),
    "discuss": ("Om over na te praten", "To discuss", "Zum Weiterdenken", "À discuter"),
    "sources": ("Bronnen", "Sources", "Quellen", "Sources"),
    # the handout's back cover
    "next_steps": ("Volgende stappen", "Next steps", "Nächste Schritte", "Prochaines étapes"),
    "contact": ("Contact", "Contact", "Kontakt", "Contact"),
    "more": ("Meer weten?", "Want to know more?", "Mehr erfahren?", "En savoir plus ?"),
    "scan": ("Scan de code of ga naar", "Scan the code or go to", "Code scannen oder besuchen Sie",
             "Scannez le code ou rendez-vous sur"),
    "go_to": ("Ga naar", "Go to", "Besuchen Sie", "Rendez-vous sur"),
    "source": ("Bron", "Source", "Quelle", "Source"),
    "image": ("Beeld", "Image", "Bild", "Image"),
    "logo_of": ("Logo {client}", "Logo {client}", "Logo {client}", "Logo {client}"),
    "client_logo": ("Logo klant", "Client logo", "Kundenlogo", "Logo du client"),
    # a chart's alt text: what its highlight (`highlight:`) points at
    "chart_highlight": ("Uitgelicht: {name}", "Highlighted: {name}", "Hervorgehoben: {name}",
                        "Mis en avant\u00a0: {name}"),
    # words the deck adds itself
    "back": ("We gaan verder om {time}", "Back at {time}", "Weiter um {time}", "Reprise à {time}"),
    "continued": ("{title} (vervolg)", "{title} (continued)", "{title} (Fortsetzung)", "{title} (suite)"),
    # default titles of slides that may leave theirs out
    "title_agenda": ("Agenda", "Agenda", "Agenda", "Programme"),
    "title_break": ("Pauze", "Break", "Pause", "Pause"),
    "title_quiz": ("Quiz", "Quiz", "Quiz", "Quiz"),
    "title_closing": ("Tot slot", "To close", "Zum Schluss", "Pour finir"),
    # durations: under an hour, whole hours, hours and minutes
    "minutes": ("{m} min", "{m} min", "{m} Min.", "{m} min"),
    "hours": ("{h} u", "{h} h", "{h} Std.", "{h} h"),
    "hours_minutes": ("{h} u {m:02d}", "{h} h {m:02d}", "{h} Std. {m:02d}", "{h} h {m:02d}"),
    # numbers on charts: decimal and thousands separators (no-break space in French)
    "decimal": (",", ".", ",", ","),
    "thousands": (".", ",", ".", "\u00a0"),
}

#: slide kind names, as the run sheet tags each slide
KINDS: dict[str, tuple[str, str, str, str]] = {
    "title": ("titel", "title", "Titel", "titre"),
    "agenda": ("agenda", "agenda", "Agenda", "programme"),
    "section": ("hoofdstuk", "section", "Kapitel", "chapitre"),
    "bullets": ("opsomming", "bullets", "Aufzählung", "liste"),
    "statement": ("stelling", "statement", "These", "affirmation"),
    "quote": ("citaat", "quote", "Zitat", "citation"),
    "compare": ("vergelijking", "compare", "Vergleich", "comparaison"),
    "stat": ("cijfer", "figure", "Kennzahl", "chiffre"),
    "chart": ("grafiek", "chart", "Diagramm", "graphique"),
    "table": ("tabel", "table", "Tabelle", "tableau"),
    "image": ("beeld", "image", "Bild", "image"),
    "steps": ("stappen", "steps", "Schritte", "étapes"),
    "quiz": ("quiz", "quiz", "Quiz", "quiz"),
    "exercise": ("oefening", "exercise", "Übung", "exercice"),
    "break": ("pauze", "break", "Pause", "pause"),
    "closing": ("afsluiting", "closing", "Abschluss", "conclusion"),
}

#: chart types, as the run sheet describes a chart
CHARTS: dict[str, tuple[str, str, str, str]] = {
    "bar": ("liggende staven", "bar", "Balken", "barres"),
    "column": ("staven", "column", "Säulen", "colonnes"),
    "pie": ("taart", "pie", "Kreis", "secteurs"),
    "line": ("lijn", "line", "Linie", "courbe"),
}

#: the unit words a duration may use, in any of the four languages, singular and plural
#: (compared without case; a trailing full stop is allowed, as in "Std." or "Min.")
HOUR_WORDS: tuple[str, ...] = (
    "h", "hr", "hrs", "hour", "hours",  # en, fr "h"
    "u", "uur", "uren",  # nl
    "std", "stunde", "stunden",  # de
    "heure", "heures",  # fr
)
MINUTE_WORDS: tuple[str, ...] = (
    "m", "min", "mins", "minute", "minutes",  # en, fr, de "Minute"
    "minuut", "minuten",  # nl, de "Minuten"
    "mn",  # fr
)
#: words that may join hours and minutes: "1 uur en 30 minuten", "1 hour and 30 minutes"…
JOIN_WORDS: tuple[str, ...] = ("en", "and", "und", "et")
