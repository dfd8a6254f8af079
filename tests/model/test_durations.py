"""Durations and clock times are parsed by our code from text."""

import pytest

from workshop.model.durations import format_clock, parse_clock, parse_duration


@pytest.mark.parametrize("text,minutes", [
    ("15m", 15), ("1h30m", 90), ("1h", 60), ("90", 90), ("1:30", 90), ("2 uur", 120), ("45 min", 45), (20, 20),
    # the four languages' words, singular and plural, any case, with or without a space or a joining word
    ("2u", 120), ("1 minuut", 1), ("15 minuten", 15), ("1 uur 30", 90), ("1 uur en 30 minuten", 90), ("3 uren", 180),
    ("1 hour", 60), ("2 hours", 120), ("1 minute", 1), ("1 hour and 15 minutes", 75), ("2 hrs", 120),
    ("1 Stunde", 60), ("2 Stunden", 120), ("1 Std. 30", 90), ("10 Min.", 10), ("1 Stunde und 30 Minuten", 90),
    ("1 heure", 60), ("2 heures", 120), ("1 h 30", 90), ("1h30", 90), ("45 mn", 45), ("1 heure et 15 minutes", 75),
    ("1 UUR", 60),
])
def test_parse_duration(text, minutes):
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["", "m", "twintig", "0", "-5", "1.5h", True, "en 30", "1 uu", "5 minutess",
                                  "0h0m", "1 hourly", "h 30", "1 uur en", "30 minuten 1 uur", "0:00", "8 days"])
def test_bad_durations(text):
    with pytest.raises(ValueError):
        parse_duration(text)


@pytest.mark.parametrize("text,minutes", [("09:30", 570), ("9.30", 570), ("23:59", 1439), ("0:00", 0)])
def test_parse_clock(text, minutes):
    assert parse_clock(text) == minutes


@pytest.mark.parametrize("text", ["24:00", "9:60", "930", "nine"])
def test_bad_clock(text):
    with pytest.raises(ValueError):
        parse_clock(text)


def test_formatting():
    assert format_clock(570) == "09:30" and format_clock(24 * 60 + 5) == "00:05"
