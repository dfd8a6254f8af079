"""Durations and clock times are parsed by our code from text."""

import pytest

from workshop.model.durations import format_clock, format_duration, parse_clock, parse_duration


@pytest.mark.parametrize("text,minutes", [("15m", 15), ("1h30m", 90), ("1h", 60), ("90", 90), ("1:30", 90), ("2 uur", 120), ("45 min", 45), (20, 20)])
def test_parse_duration(text, minutes):
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["", "m", "twintig", "0", "-5", "1.5h", True])
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
    assert format_duration(45) == "45 min" and format_duration(90) == "1 u 30"
