#!/usr/bin/env python3
"""Benchmark: ``gaischema report`` on a generated corpus, the whole command as a user runs it.

    .venv/bin/python benchmarks/report.py               # 10,000 reports (10% with an injected error)
    .venv/bin/python benchmarks/report.py --n 2000 --jobs 2

Prints the wall time, the page's size, the renderings written beside it and the summary line.
Targets (issue #12, this machine's 2 cores): 10,000 reports in under 30 s; the page under 5 MB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--error-share", type=float, default=0.1)
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with tempfile.TemporaryDirectory(prefix="gaischema-report-") as tmp:
        tmp = Path(tmp)
        subprocess.run([sys.executable, "-m", "gaischema.synthetic", str(args.n), str(tmp / "corpus"),
                        "--error-share", str(args.error_share)], check=True, env=env, stdout=subprocess.DEVNULL)
        page = tmp / "report.html"
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "gaischema.cli", "report", str(tmp / "corpus"), "-o", str(page),
                               "-j", str(args.jobs)], env=env, capture_output=True, text=True)
        wall = time.perf_counter() - t
        if proc.returncode not in (0, 1):  # 1: some reports have (injected) errors
            print(proc.stderr[-2000:], file=sys.stderr)
            return proc.returncode
        renderings = [p for p in (tmp / "report_files" / "r").iterdir()]
        print(f"{args.n} reports, {args.jobs} processes: {wall:.1f} s (target < 30 s); page "
              f"{page.stat().st_size / 1e6:.2f} MB (target < 5 MB); {len(renderings)} annotated renderings, "
              f"{sum(p.stat().st_size for p in renderings) / 1e6:.1f} MB")
        print(proc.stderr.strip().splitlines()[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
