"""Check what .ci/wheel_smoke.sh built: every file there, readable, with its content, mode 0644.

Runs in the fresh venv the wheel was installed into (python-pptx is there; the
test extras are not, so the PDFs are checked by their own structure).
"""

from __future__ import annotations

import re
import stat
import sys
import zipfile
from pathlib import Path

from pptx import Presentation

PAGE = re.compile(rb"/Type\s*/Page(?![a-z])")
EXPECTED = {
    "build": ["demo.pptx", "demo-handout.pdf", "demo-guide.pdf"],
    "build-noord": ["demo.pptx", "demo-handout.pdf", "demo-guide.pdf"],
    "build/voorbeeld": ["demo.pptx", "demo-handout.pdf"],
    ".": ["master.pptx", "master-noord.pptx", "workshop.toml", "outline.schema.json"],
}


def check_pdf(path: Path, problems: list[str]) -> None:
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:] or not PAGE.search(data):
        problems.append(f"{path}: not a complete PDF with pages")


def check_pptx(path: Path, problems: list[str], *, slides: bool) -> None:
    if not zipfile.is_zipfile(path):
        problems.append(f"{path}: not a zip package")
        return
    deck = Presentation(str(path))
    if slides and len(deck.slides) < 3:
        problems.append(f"{path}: only {len(deck.slides)} slides")
    if not slides and len(deck.slide_layouts) < 5:
        problems.append(f"{path}: a master with only {len(deck.slide_layouts)} layouts")


def main(folder: Path, venv: Path) -> int:
    problems: list[str] = []
    for sub, names in EXPECTED.items():
        for name in names:
            path = folder / sub / name
            if not path.is_file() or path.stat().st_size == 0:
                problems.append(f"{path}: missing or empty")
                continue
            mode = stat.S_IMODE(path.stat().st_mode)
            if mode != 0o644:
                problems.append(f"{path}: mode {mode:04o}, expected 0644 under umask 022")
            if name.endswith(".pdf"):
                check_pdf(path, problems)
            elif name.endswith(".pptx"):
                check_pptx(path, problems, slides=not name.startswith("master"))
    with zipfile.ZipFile(folder / "build-noord" / "demo.pptx") as deck:
        themes = b"".join(deck.read(n) for n in deck.namelist() if n.startswith("ppt/theme/"))
    if b"Source Serif Pro" not in themes:
        problems.append("build-noord/demo.pptx: the theme does not name noord's fonts: --brand noord changed nothing")
    listing = (folder / "brands.txt").read_text(encoding="utf-8").splitlines()
    for name in ("default", "noord"):
        line = next((entry for entry in listing if entry.split()[:1] == [name]), "")
        if "installed" not in line or str(venv.resolve()) not in str(Path(line.split()[-1]).resolve()):
            problems.append(f"workshop brands: '{name}' is not listed from the installed package: {line!r}")
    for problem in problems:
        print(f"smoke: {problem}", file=sys.stderr)
    print(f"smoke: {'FAILED' if problems else 'ok'}: checked {sum(map(len, EXPECTED.values()))} files")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
