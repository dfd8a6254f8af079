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
