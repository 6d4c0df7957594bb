#!/usr/bin/env python3
"""Benchmark: `gaischema validate` on one file in a fresh process, against `linkml-validate` with the rules
config on the same file (the LinkML reference path). Prints the median of several runs of each.

    .venv/bin/python benchmarks/validate_one.py [FILE] [--runs N]

Target (issue #2): gaischema under 0.5 s and at most a fifth of linkml-validate.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(cmd: list[str], runs: int) -> tuple[float, int]:
    times, code = [], None
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True)
        times.append(time.perf_counter() - t)
        code = proc.returncode
    return statistics.median(times), code


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default="examples/valid/AnnualReport-beilun-2023.yaml")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    size = (ROOT / args.file).stat().st_size
    ours, c1 = timed([str(BIN / "gaischema"), "validate", args.file], args.runs)
    ref, c2 = timed([str(BIN / "linkml-validate"), "--config", "linkml-validate.yaml", args.file],
                    max(3, args.runs // 2))
    imp, _ = timed([sys.executable, "-c", "pass"], args.runs)
    print(f"file: {args.file} ({size / 1024:.1f} KiB)")
    print(f"python startup alone          : {imp * 1000:7.0f} ms")
    print(f"gaischema validate (fresh)    : {ours * 1000:7.0f} ms   exit {c1}")
    print(f"linkml-validate --config      : {ref * 1000:7.0f} ms   exit {c2}")
    print(f"ratio linkml / gaischema      : {ref / ours:7.1f} x   (target: >= 5 x, and gaischema < 500 ms)")
    return 0 if c1 == c2 else 1


if __name__ == "__main__":
    sys.exit(main())
