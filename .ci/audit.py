"""Dependency audit that works without the vulnerability service.

pip-audit needs PyPI's JSON API or OSV; where neither is reachable it can only
say "not found". This check keeps a short table of known advisories for what
the tool loads at run time and fails when either the declared lower bound in
pyproject.toml or the installed version still admits a vulnerable release.
Update the table when an advisory lands.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

# package: (first safe version, advisories it fixes)
ADVISORIES = {
    "reportlab": ("3.6.13", "CVE-2023-33733 (code execution via colour strings)"),
    "jinja2": ("3.1.6", "CVE-2025-27516 (sandbox escape via |attr and format)"),
    "pillow": ("12.3.0", "CVE-2026-40192, CVE-2026-55379 and earlier decoder overflows"),
    "lxml": ("6.1.0", "CVE-2026-41066 (XXE / local file read)"),
    "pyyaml": ("5.4", "CVE-2020-14343 (full_load code execution)"),
    "fonttools": ("4.60.2", "CVE-2025-66034 (varLib arbitrary file write)"),
}


def parse(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:4])


def declared() -> dict[str, str]:
    project = tomllib.loads(Path(__file__).resolve().parents[1].joinpath("pyproject.toml").read_text())
    bounds = {}
    extras = [r for group in project["project"].get("optional-dependencies", {}).values() for r in group]
    for requirement in project["project"]["dependencies"] + extras:
        match = re.match(r"\s*([A-Za-z0-9_.-]+)\s*>=\s*([0-9][0-9.]*)", requirement)
        if match:
            bounds[match.group(1).lower()] = match.group(2)
    return bounds


def pip_audit() -> list[str]:
    """Run pip-audit where present; its findings fail, its blind spots are reported."""
    if not shutil.which("pip-audit"):
        print("pip-audit not installed; advisory table only")
        return []
    run = subprocess.run(["pip-audit", "--skip-editable", "--progress-spinner", "off", "--format", "json"],
                         capture_output=True, text=True)
    try:
        report = json.loads(run.stdout or "{}")
    except json.JSONDecodeError:
        print(f"pip-audit gave no report (exit {run.returncode}); advisory table only")
        return []
    dependencies = report.get("dependencies", [])
    skipped = [d for d in dependencies if d.get("skip_reason")]
    audited = len(dependencies) - len(skipped)
    print(f"pip-audit: {audited} audited, {len(skipped)} not reachable on the vulnerability service")
    return [f"{d['name']} {d['version']}: {', '.join(v['id'] for v in d['vulns'])}"
            for d in dependencies if d.get("vulns")]


def main() -> int:
    problems = pip_audit()
    bounds = declared()
    for name, (safe, why) in ADVISORIES.items():
        lower = bounds.get(name)
        if lower is None:
            problems.append(f"{name}: no lower bound in pyproject.toml; needs >={safe} ({why})")
        elif parse(lower) < parse(safe):
            problems.append(f"{name}: pyproject.toml allows {lower}; needs >={safe} ({why})")
        try:
            installed = version(name)
        except PackageNotFoundError:
            continue
        if parse(installed) < parse(safe):
            problems.append(f"{name}: {installed} is installed; needs >={safe} ({why})")
        else:
            print(f"ok  {name} {installed} (>= {safe})")
    for problem in problems:
        print(f"FAIL {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
