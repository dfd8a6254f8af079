"""Benchmark the workshop CLI as a user runs it: whole processes, cold, medians.

    python bench/run.py            # full run (several minutes)
    python bench/run.py --quick    # smoke run: fewer runs, no 3,000 slides, 8-build batch
    python bench/run.py --runs 7 --json results.json

Every figure is a separate process started with the same interpreter as this
script (``sys.executable -m workshop``, cwd = repo root). Each command runs once
to warm up (not counted), then ``--runs`` times; the table shows the median
wall time and the largest peak RSS. Results are information, not pass/fail:
the exit code is 0 unless the tool itself fails (then 1, with its error).
See bench/README.md for what each row means and the targets.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _outlines  # noqa: E402
from _measure import Result, measure, wait_until_idle  # noqa: E402
from _report import Row, commit, header, load, machine, table, write_json  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
CLI = [PY, "-m", "workshop"]
FLOOR = "import pptx, reportlab.platypus"
OUT = "{out}"  # in a command: the row's own output folder, emptied before each run


def child_env(pycache: Path) -> dict:
    """Byte-code cached as after a normal install, but outside the repo; PYTHONDONTWRITEBYTECODE off."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def slides_in(folder: Path) -> int | None:
    """Number of slides in the (single) .pptx under ``folder``."""
    decks = sorted(folder.rglob("*.pptx"))
    if not decks:
        return None
    with zipfile.ZipFile(decks[0]) as z:
        return sum(1 for n in z.namelist() if n.startswith("ppt/slides/slide") and n.endswith(".xml"))


def memory(result: Result) -> float | None:
    """What a memory target is judged on: the whole tree when the build forked, else the one process."""
    return result.tree if result.tree is not None else result.peak


def ratio(a: Result | None, b: Result | None) -> float | None:
    if a is None or b is None or a.median is None or not b.median:
        return None
    return a.median / b.median


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="2 runs each; no 3,000-slide deck; a batch of 8 builds instead of 100")
    parser.add_argument("--runs", type=int, default=None, help="measured runs per row (default 5; quick 2)")
    parser.add_argument("--heavy-runs", type=int, default=None,
                        help="runs for the 3,000-slide deck and the batches (default: min(runs, 3))")
    parser.add_argument("--json", type=Path, help="also write the raw numbers to this file")
    parser.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                        help="before each row wait up to SECONDS for other processes to go quiet (default 0)")
    parser.add_argument("--max-other", type=float, default=0.25, metavar="CORES",
                        help="repeat a run (up to 3 times) when other processes used more than CORES "
                             "cores meanwhile (default 0.25; 0 = never repeat)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (inputs and outputs)")
    args = parser.parse_args(argv)
    args.runs = args.runs or (2 if args.quick else 5)
    args.heavy_runs = args.heavy_runs or min(args.runs, 3)
    args.max_other = args.max_other or None
    return args


class Bench:
    """Runs the rows in order and collects them; each section is one method."""

    def __init__(self, args: argparse.Namespace, tmp: Path):
        self.args, self.gen, self.out = args, tmp / "gen", tmp / "out"
        self.out.mkdir()
        self.env = child_env(tmp / "pycache")
        self.rows: list[Row] = []
        self.failures: list[str] = []
        self.tool_failed = False
        self.samples = sorted((REPO / "decks").glob("*.yaml"))
        self.floor: Row | None = None
        self.big: dict[int, Row] = {}

    def run(self, label: str, command: list, *, runs: int | None = None, cwd: Path = REPO, tool: bool = True,
            fresh: bool = True, env: dict | None = None) -> tuple[Row, Path]:
        folder = self.out / f"row{len(self.rows):02d}"
        command = [str(c).replace(OUT, str(folder)) for c in command]
        if self.args.wait_idle:
            wait_until_idle(self.args.wait_idle)
        print(f"  {label} …", end="", flush=True, file=sys.stderr)
        result = measure(label, command, cwd=cwd, runs=runs or self.args.runs,
                         fresh_dir=folder if fresh else None, env=env or self.env,
                         max_other=self.args.max_other, idle_wait=self.args.wait_idle or 30)
        print(f" {result.median:.3f}s" if result.median is not None else " FAILED", file=sys.stderr)
        row = Row(label, result)
        if result.error:
            self.failures.append(f"{label}: {result.error}")
            self.tool_failed |= tool
        self.rows.append(row)
        return row, folder

    def vs_floor(self, row: Row, limit: float | None = None, mib: float | None = None) -> Row:
        row.ratio = ratio(row.result, self.floor.result if self.floor else None)
        targets, met = [], []
        if limit is not None:
            targets.append(f"≤ {limit:g}× floor")
            met.append(row.ratio is not None and row.ratio <= limit)
        if mib is not None:
            targets.append(f"< {mib:g} MiB")
            met.append(memory(row.result) is not None and memory(row.result) < mib)
        row.target = ", ".join(targets)
        row.met = all(met) if met and not row.result.error else None
        return row

    def cold(self) -> None:
        """The floor, then each sample as a fresh process."""
        base, _ = self.run("python -c pass", [PY, "-c", "pass"])
        self.floor, _ = self.run(f'import floor: python -c "{FLOOR}"', [PY, "-c", FLOOR])
        self.vs_floor(base), self.vs_floor(self.floor)
        first = self.samples[0].relative_to(REPO)
        self.vs_floor(self.run("workshop --help", CLI + ["--help"])[0], 1.5)
        self.vs_floor(self.run(f"workshop check {first.stem}", CLI + ["check", first])[0], 1.5)
        for sample in self.samples:
            path = sample.relative_to(REPO)
            for what, only in (("deck", ["--only", "deck"]), ("handout", ["--only", "handout"]),
                               ("deck+handout+guide", [])):
                row, _ = self.run(f"{sample.stem}: {what}", CLI + ["build", path, "--out", OUT] + only)
                self.vs_floor(row, None if only else 2.0, None if only else 100)

    def scaling(self) -> None:
        for n in (30, 300) if self.args.quick else (30, 300, 3000):
            outline = _outlines.write_outline(self.gen, n, REPO)
            row, folder = self.run(f"generated {n} slides: deck",
                                   CLI + ["build", outline, "--out", OUT, "--only", "deck"],
                                   runs=self.args.heavy_runs if n >= 3000 else self.args.runs)
            count = slides_in(folder)  # the last run's deck is still there
            self.vs_floor(row).note = f"{count} slides in the deck" if count else ""
            if n >= 3000 and not row.result.error:
                row.target = "< 10 s, < 400 MiB"
                row.met = row.result.median < 10 and memory(row.result) < 400
            self.big[n] = row
        if 3000 in self.big:
            r = ratio(self.big[3000].result, self.big[300].result)
            self.rows.append(Row("ratio 3000 / 300 slides", ratio=r, target="≤ 11",
                                 met=None if r is None else r <= 11, note="10 = linear"))
        r = ratio(self.big[300].result, self.big[30].result)
        self.rows.append(Row("ratio 300 / 30 slides", ratio=r, note="10 = linear; start-up cost lowers it"))

    def batch(self, clients: int = 25) -> None:
        """One build command over samples × client profiles, in a copy of decks/ with the profiles beside it.

        Client files must lie inside the project folder (the working folder), so the batch runs in a
        temporary project rather than the repo, which it must not write to.
        """
        project = self.gen / "project"
        shutil.copytree(REPO / "decks", project / "decks")
        profiles = [p.relative_to(project) for p in _outlines.write_clients(project / "clients", clients)]
        outlines = [Path("decks") / s.name for s in self.samples]
        builds = len(outlines) * len(profiles)
        results = {}
        for jobs in (1, 2):
            command = CLI + ["build", *outlines, "--out", OUT, "--jobs", str(jobs)]
            command += [a for p in profiles for a in ("--vars", p)]
            row, _ = self.run(f"batch {len(outlines)} × {clients} = {builds} builds, --jobs {jobs}", command,
                              runs=self.args.heavy_runs, cwd=project)
            row.note = "all three outputs; peak = largest process"
            results[jobs] = row.result
        r = ratio(results[2], results[1])
        judged = builds >= 100  # the target is for 100 builds; a small batch pays start-up twice
        self.rows.append(Row("ratio --jobs 2 / --jobs 1", ratio=r, target="≤ 0.6" if judged else "",
                             met=None if r is None or not judged else r <= 0.6,
                             note="0.5 = both cores fully used"))

    def pandoc(self) -> None:
        pandoc = shutil.which("pandoc")
        if not pandoc:
            self.rows.append(Row("pandoc", note="pandoc is not installed (apt-get install pandoc to compare)"))
            return
        for n in (30, 300):
            md = _outlines.write_markdown(self.gen, n)
            row, folder = self.run(f"pandoc {n}-slide Markdown → pptx",
                                   [pandoc, "--slide-level=2", md.name, "-o", f"{OUT}/{n}.pptx"],
                                   cwd=self.gen, tool=False)
            count = slides_in(folder)
            self.vs_floor(row).note = f"{count} slides in the deck" if count else ""
            self.rows.append(Row(f"ratio workshop / pandoc, {n} slides", ratio=ratio(self.big[n].result, row.result),
                                 note="same slides; pandoc draws charts as tables"))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    facts, sha, load_before = machine(), commit(REPO), load()
    tmp = Path(tempfile.mkdtemp(prefix="workshop-bench-"))
    print(f"benchmark in {tmp} ({args.runs} runs, heavy rows {args.heavy_runs})", file=sys.stderr)
    bench = Bench(args, tmp)
    try:
        bench.cold()
        bench.scaling()
        bench.batch(2 if args.quick else 25)  # quick: 4 × 2 builds, to smoke-test the batch path
        bench.pandoc()
    finally:
        load_after = load()
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    print()
    print(header(facts, sha, f"{PY} -m workshop", load_before, load_after, bench.rows))
    print()
    print(table(bench.rows))
    if args.json:
        write_json(args.json, facts, sha, bench.rows, {
            "runs": args.runs, "heavy_runs": args.heavy_runs, "quick": args.quick,
            "load_before": load_before, "load_after": load_after, "cli": CLI})
        print(f"\nraw numbers written to {args.json}")
    if bench.failures:
        print("\nerrors:", *bench.failures, sep="\n", file=sys.stderr)
    return 1 if bench.tool_failed else 0


if __name__ == "__main__":
    sys.exit(main())
