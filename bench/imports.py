"""Where a cold start spends its import time, by top-level package.

    python bench/imports.py check decks/citroensap.yaml
    python bench/imports.py build decks/citroensap.yaml --only deck --out /tmp/x
    python bench/imports.py --top 25 --help

Runs ``python -X importtime -m workshop ARGS`` once (after one warm-up run so
.pyc files exist) and sums the *self* time of every imported module per
top-level package (pptx, reportlab, yaml, workshop.model, ...), so the
table says which dependency a command pays for. ``workshop`` is split one level
deeper. Standard library only.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def import_times(args: list[str]) -> tuple[dict[str, int], int]:
    command = [sys.executable, "-X", "importtime", "-m", "workshop", *args]
    subprocess.run(command, cwd=REPO, capture_output=True)  # warm-up: write .pyc files
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    per_package: dict[str, int] = defaultdict(int)
    total = 0
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _, name = line[len("import time:"):].split("|", 2)
        name = name.strip()
        parts = name.split(".")
        key = ".".join(parts[:2]) if parts[0] == "workshop" else parts[0]
        per_package[key] += int(self_us)
        total += int(self_us)
    return per_package, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], add_help=False)
    parser.add_argument("--top", type=int, default=15, help="rows to show (default 15)")
    opts, rest = parser.parse_known_args()
    per_package, total = import_times(rest or ["--help"])
    print(f"workshop {' '.join(rest or ['--help'])}: {total / 1000:.0f} ms of imports\n")
    print(f"| {'package':<28} | {'ms':>6} | {'share':>5} |")
    print(f"|{'-' * 30}|{'-' * 7}:|{'-' * 6}:|")
    for name, us in sorted(per_package.items(), key=lambda kv: -kv[1])[:opts.top]:
        print(f"| {name:<28} | {us / 1000:6.1f} | {us / total:5.0%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
