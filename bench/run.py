"""Benchmark the workshop CLI as a user runs it: whole processes, cold, medians.

    python bench/run.py            # full run (several minutes)
    python bench/run.py --quick    # smoke run: fewer runs, no 3,000 slides, no batch
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
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _outlines  # noqa: E402
from _measure import Result, measure  # noqa: E402
from _report import Row, commit, header, load, machine, table, write_json  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
CLI = [PY, "-m", "workshop"]
FLOOR = "import pptx, reportlab.platypus"
OUT = object()  # stands for the row's own (emptied) output folder in a command


def slides_in(folder: Path) -> int | None:
    """Number of slides in the (single) .pptx under ``folder``."""
    decks = sorted(folder.rglob("*.pptx"))
    if not decks:
        return None
    with zipfile.ZipFile(decks[0]) as z:
        return sum(1 for n in z.namelist() if n.startswith("ppt/slides/slide") and n.endswith(".xml"))


def ratio(a: Result | None, b: Result | None) -> float | None:
    if a is None or b is None or a.median is None or not b.median:
        return None
    return a.median / b.median


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="2 runs each; skip the 3,000-slide deck and the 100-build batch")
    parser.add_argument("--runs", type=int, default=None, help="measured runs per row (default 5; quick 2)")
    parser.add_argument("--heavy-runs", type=int, default=None,
                        help="runs for the 3,000-slide deck and the batches (default: min(runs, 3))")
    parser.add_argument("--json", type=Path, help="also write the raw numbers to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (inputs and outputs)")
    args = parser.parse_args(argv)
    args.runs = args.runs or (2 if args.quick else 5)
    args.heavy_runs = args.heavy_runs or min(args.runs, 3)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    facts, sha, load_before = machine(), commit(REPO), load()
    tmp = Path(tempfile.mkdtemp(prefix="workshop-bench-"))
    gen, out = tmp / "gen", tmp / "out"
    out.mkdir()
    rows: list[Row] = []
    failures: list[str] = []
    tool_rows: set[int] = set()  # rows whose failure means the tool failed

    def run(label: str, command: list, *, runs: int | None = None, cwd: Path = REPO, tool: bool = True,
            fresh: bool = True) -> tuple[Row, Path]:
        folder = out / f"row{len(rows):02d}"
        command = [str(folder if c is OUT else c) for c in command]
        print(f"  {label} …", end="", flush=True, file=sys.stderr)
        result = measure(label, command, cwd=cwd, runs=runs or args.runs, fresh_dir=folder if fresh else None)
        print(f" {result.median:.3f}s" if result.median is not None else " FAILED", file=sys.stderr)
        row = Row(label, result)
        if result.error:
            failures.append(f"{label}: {result.error}")
            if tool:
                tool_rows.add(len(rows))
        rows.append(row)
        return row, folder

    def vs_floor(row: Row, limit: float | None = None, mib: float | None = None) -> None:
        row.ratio = ratio(row.result, floor.result)
        targets, met = [], []
        if limit is not None:
            targets.append(f"≤ {limit:g}× floor")
            met.append(row.ratio is not None and row.ratio <= limit)
        if mib is not None:
            targets.append(f"< {mib:g} MiB")
            met.append(row.result.peak is not None and row.result.peak < mib)
        row.target = ", ".join(targets)
        row.met = all(met) if met and not row.result.error else None

    try:
        samples = sorted((REPO / "decks").glob("*.yaml"))
        print(f"benchmark in {tmp} ({args.runs} runs, heavy rows {args.heavy_runs})", file=sys.stderr)
        base, _ = run("python -c pass", [PY, "-c", "pass"])
        floor, _ = run(f'import floor: python -c "{FLOOR}"', [PY, "-c", FLOOR])
        vs_floor(base), vs_floor(floor)
        vs_floor(run("workshop --help", CLI + ["--help"])[0], 1.5)
        vs_floor(run(f"workshop check {samples[0].stem}", CLI + ["check", samples[0].relative_to(REPO)])[0], 1.5)
        for sample in samples:
            path = sample.relative_to(REPO)
            for what, only in (("deck", ["--only", "deck"]), ("handout", ["--only", "handout"]),
                               ("deck+handout+guide", [])):
                row, _ = run(f"{sample.stem}: {what}", CLI + ["build", path, "--out", OUT] + only)
                vs_floor(row, 2.0 if not only else None, 100 if not only else None)

        sizes = (30, 300) if args.quick else (30, 300, 3000)
        big: dict[int, Row] = {}
        for n in sizes:
            outline = _outlines.write_outline(gen, n, REPO)
            row, folder = run(f"generated {n} slides: deck", CLI + ["build", outline, "--out", OUT, "--only", "deck"],
                              runs=args.heavy_runs if n >= 3000 else args.runs)
            count = slides_in(folder)  # the last run's deck is still there
            row.note = f"{count} slides in the deck" if count else ""
            vs_floor(row)
            if n >= 3000:
                row.target = "< 10 s, < 400 MiB"
                r = row.result
                row.met = None if r.error else (r.median < 10 and r.peak < 400)
            big[n] = row
        if 3000 in big:
            r = ratio(big[3000].result, big[300].result)
            rows.append(Row("ratio 3000 / 300 slides", ratio=r, target="≤ 11",
                            met=None if r is None else r <= 11, note="10 = linear"))
        r = ratio(big[300].result, big[30].result)
        rows.append(Row("ratio 300 / 30 slides", ratio=r, note="10 = linear; fixed start-up cost lowers it"))

        if not args.quick:
            clients = _outlines.write_clients(gen / "clients", 25)
            batch = {}
            for jobs in (1, 2):
                command = CLI + ["build", *[s.relative_to(REPO) for s in samples], "--out", OUT,
                                 "--jobs", str(jobs)] + [a for c in clients for a in ("--vars", c)]
                row, _ = run(f"batch {len(samples)} × {len(clients)} = {len(samples) * len(clients)} builds, "
                             f"--jobs {jobs}", command, runs=args.heavy_runs)
                row.note = "all three outputs; peak = largest process"
                batch[jobs] = row
            r = ratio(batch[2].result, batch[1].result)
            rows.append(Row("ratio --jobs 2 / --jobs 1", ratio=r, target="≤ 0.6",
                            met=None if r is None else r <= 0.6, note="0.5 = both cores used fully"))

        pandoc = shutil.which("pandoc")
        if pandoc:
            for n in (30, 300):
                md = _outlines.write_markdown(gen, n)
                row, _ = run(f"pandoc {n}-slide Markdown → pptx", [pandoc, md.name, "-o", out / f"pandoc{n}.pptx"],
                             cwd=gen, tool=False, fresh=False)
                vs_floor(row)
                r = ratio(big[n].result, row.result)
                rows.append(Row(f"ratio workshop / pandoc, {n} slides", ratio=r,
                                note="same slides; pandoc draws charts as tables"))
        else:
            rows.append(Row("pandoc", note="pandoc is not installed (apt-get install pandoc to compare)"))
    finally:
        load_after = load()
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    print()
    print(header(facts, sha, f"{PY} -m workshop", load_before, load_after))
    print()
    print(table(rows))
    if args.json:
        write_json(args.json, facts, sha, rows, {"runs": args.runs, "heavy_runs": args.heavy_runs,
                                                 "quick": args.quick, "load_before": load_before,
                                                 "load_after": load_after, "cli": CLI})
        print(f"\nraw numbers written to {args.json}")
    if failures:
        print("\nerrors:", *failures, sep="\n", file=sys.stderr)
    return 1 if tool_rows else 0


if __name__ == "__main__":
    sys.exit(main())
