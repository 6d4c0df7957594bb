#!/usr/bin/env python3
"""Benchmark: what the narrative checks (NARR-*, XR-NARRATIVE-SIMILAR, issue #10) cost a corpus run.

    .venv/bin/python benchmarks/narrative_cost.py                      # 10,000 reports, against f21941d
    .venv/bin/python benchmarks/narrative_cost.py --n 2000 --runs 3 --base <commit>

Generates one synthetic corpus (3,000-character narratives that state figures agreeing with their tables),
checks out the base commit (the code before the narrative checks) in a temporary git worktree, and runs
``gaischema validate DIR --format json`` of the base and of this checkout alternately, ``--runs`` times each,
on the same files with the same interpreter. Prints each run's wall and CPU time and the ratio of medians.
Target (issue #10): at most 1.3 times the base.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(src: Path, corpus: Path, jobs: int) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "gaischema.cli", "validate", str(corpus), "-j", str(jobs), "--format", "json"],
                   env={**os.environ, "PYTHONPATH": str(src)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--base", default="f21941d", help="the commit before the narrative checks")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="gaischema-narr-") as tmp:
        tmp = Path(tmp)
        subprocess.run([sys.executable, "-m", "gaischema.synthetic", str(args.n), str(tmp / "corpus")], check=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, stdout=subprocess.DEVNULL)
        subprocess.run(["git", "worktree", "add", "-q", "--detach", str(tmp / "base"), args.base], cwd=ROOT, check=True)
        try:
            times: dict[str, list[tuple[float, float]]] = {"base": [], "now": []}
            for i in range(args.runs):
                for name, src in (("base", tmp / "base" / "src"), ("now", ROOT / "src")):
                    wall, cpu = run(src, tmp / "corpus", args.jobs)
                    times[name].append((wall, cpu))
                    print(f"run {i + 1} {name:4}: {wall:6.2f} s wall, {cpu:6.2f} s CPU")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tmp / "base")], cwd=ROOT, check=False)
    base = statistics.median(w for w, _ in times["base"])
    now = statistics.median(w for w, _ in times["now"])
    base_cpu = statistics.median(c for _, c in times["base"])
    now_cpu = statistics.median(c for _, c in times["now"])
    print(f"\n{args.n} reports, {args.jobs} processes: base {base:.2f} s, with the narrative checks {now:.2f} s "
          f"-> {now / base:.2f} x wall ({now_cpu / base_cpu:.2f} x CPU; target <= 1.3 x wall)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
