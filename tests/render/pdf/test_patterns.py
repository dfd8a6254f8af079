"""reportlab's URL pattern is compiled on first use: the same matches, and no other pattern changes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]

CHECK = """
import json, re
real_compile = re.compile
import workshop.render.pdf
import reportlab.platypus.paragraph as paragraph
from workshop.render.pdf.patterns import OnFirstUse
stand_in = paragraph.uri_pat
before = isinstance(stand_in, OnFirstUse) and not stand_in.compiled
uris = ["https://example.com/a/b/", "HTTP://Voorbeeld.NL/pad", "ftp://x.org", "www.example.com/x", "not a uri",
        "https://bücher.de/ä/ö", "mailto:a@b.c"]
split = [paragraph._uri_split_pairs(u) for u in uris]
real = re.compile(*stand_in._source)
paragraph.uri_pat = real
print(json.dumps({
    "deferred until used": before,
    "compiled once used": stand_in.compiled,
    "same splits": split == [paragraph._uri_split_pairs(u) for u in uris],
    "same pattern": stand_in.pattern == real.pattern and stand_in.flags == real.flags,
    "re.compile restored": re.compile is real_compile,
    "others compiled": isinstance(paragraph._wsc_re_split.__self__, re.Pattern),
}))
"""


def test_the_url_pattern_waits_for_its_first_use_and_matches_as_compiled():
    done = subprocess.run([sys.executable, "-c", CHECK], cwd=REPO, capture_output=True, text=True, check=True)
    checks = json.loads(done.stdout.splitlines()[-1])
    assert all(checks.values()), checks  # False for "deferred": reportlab's pattern changed; update URL_PATTERN
