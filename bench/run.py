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
import subprocess
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
# shell completion asks the program by its own name (the variable is _WORKSHOP_COMPLETE)
COMPLETE = [PY, "-c", "import sys; sys.argv[0] = 'workshop'; from workshop.cli import main; main()"]
FLOOR = "import pptx, reportlab.platypus"
SAMPLES = ("citroensap", "co-creatie", "een-plus-een", "visser-of-vis")  # the others are their translations
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
        found = sorted((REPO / "decks").glob("*.yaml"))
        self.samples = [p for p in found if p.stem in SAMPLES] or found[:4]  # the four Dutch originals
        self.floor: Row | None = None
        self.big: dict[int, Row] = {}

    def run(self, label: str, command: list, *, runs: int | None = None, cwd: Path = REPO, tool: bool = True,
            fresh: bool = True, env: dict | None = None, paired: bool = False) -> tuple[Row, Path]:
        folder = self.out / f"row{len(self.rows):02d}"
        command = [str(c).replace(OUT, str(folder)) for c in command]
        if self.args.wait_idle:
            wait_until_idle(self.args.wait_idle)
        print(f"  {label} …", end="", flush=True, file=sys.stderr)
        result = measure(label, command, cwd=cwd, runs=runs or self.args.runs,
                         fresh_dir=folder if fresh else None, env=env or self.env,
                         max_other=self.args.max_other, idle_wait=self.args.wait_idle or 30,
                         floor=[PY, "-c", FLOOR] if paired else None)
        print(f" {result.median:.3f}s" if result.median is not None else " FAILED", file=sys.stderr)
        row = Row(label, result)
        if result.error:
            self.failures.append(f"{label}: {result.error}")
            self.tool_failed |= tool
        self.rows.append(row)
        return row, folder

    def vs_floor(self, row: Row, limit: float | None = None, mib: float | None = None, note: str = "") -> Row:
        """The row as a multiple of the floor: of the floor run beside each of its runs when it has them."""
        paired = row.result.paired_ratio if row.result else None
        row.ratio = paired if paired is not None else ratio(row.result, self.floor.result if self.floor else None)
        beside = row.result.floor_median if paired is not None and row.result else None
        row.note = "; ".join(n for n in (note, f"floor beside each run: {beside:.3f} s" if beside else "") if n)
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

    def vs(self, label: str, a: Row, b: Row, limit: float | None = None, note: str = "") -> Row:
        """A derived row: ``a`` / ``b`` from the same run, with the higher of their loads beside it."""
        r = ratio(a.result, b.result)
        loads = [x.result.load for x in (a, b) if x.result and x.result.load is not None]
        row = Row(label, ratio=r, target=f"≤ {limit:g}" if limit is not None else "",
                  met=None if r is None or limit is None else r <= limit, note=note,
                  load=max(loads) if loads else None)
        self.rows.append(row)
        return row

    def cold(self) -> None:
        """The floor, the light commands, then each sample as a fresh process."""
        base, _ = self.run("python -c pass", [PY, "-c", "pass"])
        self.floor, _ = self.run(f'import floor: python -c "{FLOOR}"', [PY, "-c", FLOOR])
        self.vs_floor(base), self.vs_floor(self.floor)
        first = self.samples[0].relative_to(REPO)
        self.vs_floor(self.run("workshop --help", CLI + ["--help"], paired=True)[0], 0.4)
        completion = {**self.env, "_WORKSHOP_COMPLETE": "complete_bash", "COMP_WORDS": "workshop build --brand ",
                      "COMP_CWORD": "3"}
        row, _ = self.run("shell completion: workshop build --brand <TAB>", COMPLETE, env=completion, paired=True)
        self.vs_floor(row, 0.4, note="the brand names, as bash asks for them")
        built = self.out / "checked"  # check reads the edit records of the deck a build left there
        subprocess.run(CLI + ["build", str(first), "--out", str(built)], cwd=REPO, env=self.env,
                       capture_output=True, check=False)
        row, _ = self.run(f"workshop check {first.stem}", CLI + ["check", first, "--out", built], fresh=False,
                          paired=True)
        self.vs_floor(row, 1.0, note="reads the built deck's edit records too")
        for sample in self.samples:
            path = sample.relative_to(REPO)
            for what, only, limit in (("deck", ["--only", "deck"], 1.3), ("handout", ["--only", "handout"], None),
                                      ("deck+handout+guide", [], 1.8)):
                row, _ = self.run(f"{sample.stem}: {what}", CLI + ["build", path, "--out", OUT] + only, paired=True)
                self.vs_floor(row, limit)

    def scaling(self) -> None:
        for n in (30, 300) if self.args.quick else (30, 300, 3000):
            outline = _outlines.write_outline(self.gen, n, REPO)
            row, folder = self.run(f"generated {n} slides: deck",
                                   CLI + ["build", outline, "--out", OUT, "--only", "deck"],
                                   runs=self.args.heavy_runs if n >= 3000 else self.args.runs)
            count = slides_in(folder)  # the last run's deck is still there
            self.vs_floor(row).note = f"{count} slides in the deck" if count else ""
            if n >= 3000 and not row.result.error:
                row.target = "≤ 200 MiB"
                row.met = memory(row.result) is not None and memory(row.result) <= 200
            self.big[n] = row
        if 3000 in self.big:
            self.vs("ratio 3000 / 300 slides", self.big[3000], self.big[300], 10.5, "10 = linear")
        self.vs("ratio 300 / 30 slides", self.big[300], self.big[30], note="10 = linear; start-up cost lowers it")

    def batch(self, clients: int = 25) -> None:
        """One build command over samples × client profiles, in a copy of decks/ with the profiles beside it,
        against as many serial pandoc runs of the 30-slide Markdown deck.

        Client files must lie inside the project folder (the working folder), so the batch runs in a
        temporary project rather than the repo, which it must not write to.
        """
        project = self.gen / "project"
        shutil.copytree(REPO / "decks", project / "decks")
        profiles = [p.relative_to(project) for p in _outlines.write_clients(project / "clients", clients)]
        outlines = [Path("decks") / s.name for s in self.samples]
        builds = len(outlines) * len(profiles)
        command = CLI + ["build", *outlines, "--out", OUT, "--jobs", "2"]
        command += [a for p in profiles for a in ("--vars", p)]
        row, _ = self.run(f"batch {len(outlines)} × {clients} = {builds} builds, --jobs 2", command,
                          runs=self.args.heavy_runs, cwd=project)
        row.note = "all three outputs; peak = largest process"
        pandoc = shutil.which("pandoc")
        if not pandoc:
            self.rows.append(Row("pandoc", note="pandoc is not installed (apt-get install pandoc to compare)"))
            return
        md = _outlines.write_markdown(self.gen, 30)
        one, folder = self.run("pandoc 30-slide Markdown → pptx", [pandoc, "--slide-level=2", md.name, "-o",
                                                                   f"{OUT}/30.pptx"], cwd=self.gen, tool=False)
        count = slides_in(folder)
        self.vs_floor(one).note = f"{count} slides in the deck" if count else ""
        loop = f'for i in $(seq {builds}); do "{pandoc}" --slide-level=2 {md.name} -o "{OUT}/$i.pptx" || exit 1; done'
        serial, _ = self.run(f"pandoc 30-slide deck, {builds} serial runs", ["sh", "-c", loop],
                             runs=self.args.heavy_runs, cwd=self.gen, tool=False)
        serial.note = "one process per deck, one after the other"
        self.vs(f"ratio batch / {builds} pandoc runs", row, serial, 0.6 if builds >= 100 else None,
                "the target is for 100 builds" if builds < 100 else "")

    def watch(self) -> None:
        """``workshop watch`` on a copy of the first sample: how soon a save is seen, how long the rebuild."""
        from _watch import measure_watch

        project = self.gen / "watched"
        shutil.copytree(REPO / "decks", project / "decks")
        outline = project / "decks" / self.samples[0].name
        if self.args.wait_idle:
            wait_until_idle(self.args.wait_idle)
        # the rows are in seconds, which the machine's speed moves: the floor just before, to read them by
        floor = measure("floor before watch", [PY, "-c", FLOOR], cwd=REPO, runs=5, env=self.env).median
        print("  watch …", end="", flush=True, file=sys.stderr)
        load_now = os.getloadavg()[0]
        found = measure_watch(CLI + ["watch", outline, "--out", self.out / "watch"], outline, cwd=project,
                              env=self.env, rounds=self.args.runs)
        load_now = max(load_now, os.getloadavg()[0])
        print(" done" if not found.error else " FAILED", file=sys.stderr)
        if found.error:
            self.failures.append(f"watch: {found.error}")
            self.tool_failed = True
        for label, value, limit in (("watch: save seen (s)", found.seen_median, 0.2),
                                    ("watch: rebuild of a sample once seen (s)", found.rebuild_median, 0.3)):
            speed = f"; import floor just before: {floor:.3f} s" if floor else ""
            if floor and value is not None:
                speed += f" (this row is {value / floor:.2f}× it)"
            self.rows.append(Row(label, ratio=value, target=f"≤ {limit:g} s", load=load_now,
                                 met=None if value is None else value <= limit,
                                 note=f"median of {len(found.seen)} saves; the Ratio column holds seconds{speed}"))


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
        bench.watch()
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
