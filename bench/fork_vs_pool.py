"""Which batch worker is faster: the warm pool the batch uses, or a fresh fork per build?

    python bench/fork_vs_pool.py [--clients 5] [--rounds 2]

Both start from the same preloaded parent (``batch.preload``: every module a
build uses imported once, the collector frozen) and run the 4 samples ×
``--clients`` profiles with two builds at a time:

- **pool**: ``batch.run_jobs(..., workers=2)``, two forked workers that each
  build job after job and keep their caches (fonts, metrics, brand, master);
- **fork per build**: a child forked from the parent for every build, which
  builds it, sends its result back and exits (fresh heap every time, caches
  only as warm as the parent's).

It prints wall and CPU seconds (this process and its children) per variant,
alternating the variants ``--rounds`` times. Standard library and workshop only.
"""

from __future__ import annotations

import argparse
import os
import pickle
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _outlines  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def fork_per_build(jobs: list, workers: int) -> list:
    from workshop.pipeline import run_build

    results, pending, running = [], list(jobs), {}
    while pending or running:
        while pending and len(running) < workers:
            job = pending.pop(0)
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: one build, its result, exit
                os.close(read)
                try:
                    data = pickle.dumps(run_build(job))
                finally:
                    with os.fdopen(write, "wb") as out:
                        out.write(data)
                    os._exit(0)
            os.close(write)
            running[pid] = read
        pid, _ = os.wait()
        with os.fdopen(running.pop(pid), "rb") as pipe:
            results.append(pickle.loads(pipe.read()))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="workshop-forkpool-"))
    shutil.copytree(REPO / "decks", tmp / "decks")
    profiles = _outlines.write_clients(tmp / "clients", args.clients)
    os.chdir(tmp)
    from workshop.batch import preload, run_jobs
    from workshop.pipeline import Job, get_brand

    samples = sorted((tmp / "decks").glob("*.yaml"))[:4]
    get_brand("default")
    preload(check_only=False)
    try:
        for _ in range(args.rounds):
            for name in ("pool", "fork per build"):
                out = tmp / "out" / name.replace(" ", "-")
                jobs = [Job(s.relative_to(tmp), out, vars_file=p.relative_to(tmp)) for s in samples for p in profiles]
                started, cpu = time.perf_counter(), _cpu()
                if name == "pool":
                    results = run_jobs(jobs, workers=2).results
                else:
                    results = fork_per_build(jobs, 2)
                failed = [r.error for r in results if not r.ok]
                print(f"{name:>15}: {len(results)} builds, wall {time.perf_counter() - started:6.2f} s, "
                      f"cpu {_cpu() - cpu:6.2f} s, load {os.getloadavg()[0]:.2f}"
                      + (f", {len(failed)} failed: {failed[0]}" if failed else ""), flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
