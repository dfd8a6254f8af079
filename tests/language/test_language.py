"""The one table of fixed words: complete per language, and read the same way by every output."""

from __future__ import annotations

import pytest

from workshop.language import LANGUAGES, language_for, supported
from workshop.language.table import CHARTS, KINDS, WORDS
from workshop.model import SLIDE_KINDS
from workshop.model.slides import ChartType


def test_every_row_names_all_four_languages_with_the_same_placeholders():
    import string

    for key, row in {**WORDS, **KINDS, **CHARTS}.items():
        assert len(row) == len(LANGUAGES) and all(row), key
        fields = [{f for _, f, _, _ in string.Formatter().parse(text) if f} for text in row]
        assert all(f == fields[0] for f in fields), f"{key}: placeholders differ between languages"


def test_every_slide_kind_and_chart_type_has_a_name():
    assert set(KINDS) == set(SLIDE_KINDS)
    assert set(CHARTS) == {t.value for t in ChartType}


@pytest.mark.parametrize("tag,short,hour,long,date", [
    ("nl", "45 min", "1 u", "1 u 30", "12 maart 2027"),
    ("nl-BE", "45 min", "1 u", "1 u 30", "12 maart 2027"),
    ("en", "45 min", "1 h", "1 h 30", "March 12, 2027"),
    ("en-GB", "45 min", "1 h", "1 h 30", "12 March 2027"),
    ("de", "45 Min.", "1 Std.", "1 Std. 30", "12. März 2027"),
    ("fr", "45 min", "1 h", "1 h 30", "12 mars 2027"),
    ("fr-CA", "45 min", "1 h", "1 h 30", "12 mars 2027"),
])
def test_durations_and_dates_per_language(tag, short, hour, long, date):
    lang = language_for(tag)
    assert (lang.duration(45), lang.duration(60), lang.duration(90)) == (short, hour, long)
    assert lang.duration(65).endswith(" 05")
    assert lang.date("2027-03-12") == date


def test_a_date_that_is_not_iso_is_shown_as_typed():
    lang = language_for("de")
    assert lang.date("nach Absprache") == "nach Absprache"
    assert lang.date("2027-02-30") == "2027-02-30"  # not a real day: the outline's text stands
    assert lang.date(None) is None


@pytest.mark.parametrize("tag,text", [("nl", "1.234,5"), ("en", "1,234.5"), ("de", "1.234,5"),
                                      ("fr", "1\u00a0234,5")])
def test_numbers_use_the_language_separators(tag, text):
    assert language_for(tag).number(1234.5) == text


def test_other_languages_fall_back_to_english():
    assert not supported("sv") and supported("de-AT") and supported("NL")
    swedish = language_for("sv")
    assert swedish.code == "en" and swedish.word("page", n=1, total=2) == "page 1 of 2"
    assert swedish.date("2027-03-12") == "March 12, 2027"


def test_untitled_slides_get_their_title_in_the_outline_language(write_outline):
    from workshop.outline.load import load_outline

    text = """
workshop: {title: T, language: {language}}
sections:
  - title: S
    slides:
      - kind: break
        duration: 10m
      - kind: quiz
        question: Q?
        options: [a, b]
        answer: a
      - kind: closing
      - kind: break
        title: Koffie
        duration: 5m
"""
    expected = {"nl": ["Pauze", "Quiz", "Tot slot", "Koffie"], "en": ["Break", "Quiz", "To close", "Koffie"],
                "de": ["Pause", "Quiz", "Zum Schluss", "Koffie"], "fr": ["Pause", "Quiz", "Pour finir", "Koffie"],
                "sv": ["Break", "Quiz", "To close", "Koffie"]}
    for language, titles in expected.items():
        workshop = load_outline(write_outline(text.replace("{language}", language))).workshop
        assert [s.title for s in workshop.sections[0].slides] == titles
        assert workshop.opening[1].title == ("Programme" if language == "fr" else "Agenda")


def test_an_unsupported_language_is_said_once_as_information(write_outline):
    from workshop.errors import Severity
    from workshop.pipeline import Job, run_check

    path = write_outline("workshop: {title: T, language: sv}\nsections:\n"
                         "  - title: S\n    slides:\n      - {kind: statement, text: Hej}\n")
    result = run_check(Job(path))
    said = [f for f in result.findings if f.code == "language-fallback"]
    assert len(said) == 1 and said[0].severity is Severity.INFO
    assert "'sv'" in said[0].message and "English" in said[0].message and said[0].location.line == 1
