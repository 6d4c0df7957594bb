#!/usr/bin/env python3
"""Benchmark: text reports extracted per second on one core (in one process, after start-up).

    .venv/bin/python benchmarks/extract_rate.py [--seconds S]

Uses the text samples beside the checkout (../shared/samples: 北仑, one cell per line; 平潭, digits run
together, which needs the constraint search) and the bundled examples laid out as text. Target (issue #3):
at least 200 reports per second for reports of the samples' size.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=5.0)
    args = ap.parse_args()
    from gaischema.extract import extract

    samples = ROOT.parent / "shared" / "samples"
    files = [samples / "000_56695964816e1b37.txt", samples / "pingtan-2023.txt"]
    files = [f for f in files if f.exists()]
    import layout
    import yaml

    for name, sep in (("beilun", "\n"), ("pingtan", " ")):
        inst = yaml.safe_load((ROOT / "examples" / "valid" / f"AnnualReport-{name}-2023.yaml").read_text("utf-8"))
        kind = {"\n": "lines", " ": "spaces"}[sep]
        files.append((f"{name}-layout-{kind}.txt", layout.as_text(inst, sep).encode()))
    blobs = [(str(f), f.read_bytes()) if isinstance(f, Path) else f for f in files]
    for name, data in blobs:  # warm up (label regexes compiled once per process)
        extract(name, data)
    print(f"{'file':45} {'KiB':>6} {'reports/s':>10}")
    total_n, total_t = 0, 0.0
    for name, data in blobs:
        n, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < args.seconds / len(blobs):
            extract(name, data)
            n += 1
        dt = time.perf_counter() - t0
        total_n, total_t = total_n + n, total_t + dt
        print(f"{Path(name).name:45} {len(data) / 1024:6.1f} {n / dt:10.0f}")
    print(f"{'all':45} {'':6} {total_n / total_t:10.0f}   (target: >= 200 per second on one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
