"""The results table, machine facts and the JSON dump."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from _measure import Result


@dataclass
class Row:
    label: str
    result: Result | None = None  # None for a derived ratio row
    ratio: float | None = None  # × floor for timings; the named ratio for ratio rows
    target: str = ""
    met: bool | None = None
    note: str = ""
    load: float | None = None  # for a row measured outside ``measure`` (watch): the load beside it


def _fmt(value: float | None, digits: int) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def table(rows: list[Row]) -> str:
    head = ["Measurement", "Median s", "Ratio", "Peak MiB", "Tree MiB", "Runs", "Other CPU", "Load", "Target", "Met",
            "Note"]
    body = []
    for row in rows:
        r = row.result
        if r is not None and r.error:
            cells = [row.label, "FAILED", "", "", "", "", "", "", row.target, "", "see errors below"]
        else:
            cells = [row.label,
                     _fmt(r.median, 3) if r else "",
                     _fmt(row.ratio, 2),
                     _fmt(r.peak, 0) if r else "",
                     _fmt(r.tree, 0) if r else "",
                     str(len(r.seconds)) if r else "",
                     _fmt(r.other, 2) if r else "",
                     _fmt(r.load if r else row.load, 2),
                     row.target,
                     "" if row.met is None else ("yes" if row.met else "NO"),
                     "; ".join(x for x in (row.note, f"{r.repeated} disturbed run(s) repeated"
                                             if r and r.repeated else "") if x)]
        body.append(cells)
    widths = [max(len(c) for c in column) for column in zip(head, *body, strict=True)]
    right = {1, 2, 3, 4, 5, 6, 7}

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.rjust(w) if i in right else c.ljust(w)
                                 for i, (c, w) in enumerate(zip(cells, widths, strict=True))) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if i in right else ("-" * (w + 2))
                          for i, w in enumerate(widths)) + "|"
    return "\n".join([line(head), rule] + [line(c) for c in body])


def git(repo: Path, *args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def commit(repo: Path) -> str:
    short = git(repo, "rev-parse", "--short", "HEAD") or "unknown"
    dirty = git(repo, "status", "--porcelain", "--untracked-files=no", "--", "workshop", "pyproject.toml")
    return short + (" (+ uncommitted changes in workshop/)" if dirty else "")


def machine() -> dict:
    facts = {"python": sys.version.split()[0], "executable": sys.executable,
             "platform": platform.platform(), "cores": os.cpu_count()}
    try:
        facts["usable_cores"] = len(os.sched_getaffinity(0))
    except AttributeError:
        pass
    try:
        for text in Path("/proc/cpuinfo").read_text().splitlines():
            if text.startswith("model name"):
                facts["cpu"] = text.split(":", 1)[1].strip()
                break
        for text in Path("/proc/meminfo").read_text().splitlines():
            if text.startswith("MemTotal"):
                facts["memory_gib"] = round(int(text.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    return facts


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def busiest(rows: list[Row]) -> float | None:
    others = [r.result.other for r in rows if r.result and r.result.other is not None]
    return max(others) if others else None


def header(facts: dict, sha: str, cli: str, load_before: str, load_after: str, rows: list[Row]) -> str:
    cpu = facts.get("cpu", "?")
    worst = busiest(rows)
    if worst is None:
        busy = "other processes: not measured (no /proc/stat)"
    else:
        verdict = ("the machine was quiet" if worst < 0.1 else
                   "the machine was mostly quiet" if worst < 0.3 else "the machine was BUSY; figures are disturbed")
        busy = f"other processes used at most {worst:.2f} cores (average over a row's runs): {verdict}"
    return "\n".join([
        f"commit {sha} · {facts['platform']}",
        f"python {facts['python']} · {facts.get('usable_cores', facts['cores'])} usable of {facts['cores']} cores"
        f" · {cpu} · {facts.get('memory_gib', '?')} GiB",
        f"CLI run as: {cli} (cwd = repo root)",
        f"load average (1/5/15 min) before: {load_before} · after: {load_after}",
        busy,
    ])


def write_json(path: Path, facts: dict, sha: str, rows: list[Row], extra: dict) -> None:
    data = {"commit": sha, "machine": facts, **extra,
            "rows": [{**{k: v for k, v in asdict(r).items() if k != "result"},
                      "result": asdict(r.result) if r.result else None,
                      "median": r.result.median if r.result else None,
                      "peak_mib": r.result.peak if r.result else None,
                      "tree_mib": r.result.tree if r.result else None} for r in rows]}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
