"""Terminal escapes and bidi controls are shown, never obeyed; output names refuse them."""

from __future__ import annotations

import subprocess
import sys

from workshop.text.terminal import printable, unsafe_characters

HOSTILE = "x\x1b]0;pwned\x07\x1b[2J\u202eevil\u2066\x9b"


def test_printable_escapes_every_control_and_bidi_character():
    shown = printable(HOSTILE + "\nnext\tline")
    assert shown == "x\\x1b]0;pwned\\x07\\x1b[2J\\u202eevil\\u2066\\x9b\nnext\tline"
    assert printable("gewoon één zin — met “quotes” en 漢字") == "gewoon één zin — met “quotes” en 漢字"


def test_names_refuse_tabs_and_newlines_too():
    assert unsafe_characters("a\tb\nc.pptx") == ["\\x09", "\\x0a"]
    assert unsafe_characters("Klantreis Q3.pptx") == []


def test_the_cli_prints_hostile_file_names_and_values_escaped(tmp_path):
    bad = tmp_path / f"{HOSTILE}.yaml"
    bad.write_text('workshop:\n  title: "\\e]0;title\\a"\nsections: []\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "workshop", "check", str(bad)], capture_output=True,
                          text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 1
    output = done.stdout + done.stderr
    assert "\\x1b]0;pwned\\x07" in output and "\\u202e" in output
    for raw in ("\x1b", "\x07", "\u202e", "\u2066", "\x9b"):
        assert raw not in output


def test_exactly_the_controls_bidi_characters_and_separators_are_escaped():
    import re

    # the set as a regular expression, as it was written before it became a table
    unsafe = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    expected = [c for c in every if unsafe.match(c)]
    assert [c for c in every if printable(c) != c] == expected
    assert unsafe_characters(every) == sorted(
        {f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}" for c in expected + ["\t", "\n"]})
    assert printable(every) == unsafe.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", every)
