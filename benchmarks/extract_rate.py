#!/usr/bin/env python3
"""Benchmark: text reports extracted per second on one core (in one process, after start-up).

    .venv/bin/python benchmarks/extract_rate.py [--seconds S]

Rates are per CPU second of this process (time.process_time), so that a busy or throttled virtual machine
does not move the figure. Uses the text samples beside the checkout (../shared/samples: 北仑, one cell per line; 平潭, digits run
together, which needs the constraint search) and the bundled examples laid out as text. Target (issue #27):
at least 623 reports per CPU second, the rate before the column-aligned reading (issue #8's was 500). The
figure moves with the machine's load even per CPU second (a busy machine's shared caches): compare two
versions in alternating runs, not with a figure taken another day.
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
    ap.add_argument("--seconds", type=float, default=5.0, help="per round")
    ap.add_argument("--rounds", type=int, default=3, help="the median round is reported (virtual machines vary)")
    args = ap.parse_args()
    from gaischema.extract import extract

    samples = next((p for p in (ROOT.parent / "shared" / "samples", Path("/work/shared/samples")) if p.exists()),
                   ROOT.parent / "shared" / "samples")
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
    rounds = []
    for _ in range(args.rounds):
        rates = []
        for name, data in blobs:
            n, t0 = 0, time.process_time()
            while time.process_time() - t0 < args.seconds / len(blobs):
                extract(name, data)
                n += 1
            rates.append((n, time.process_time() - t0))
        rounds.append(rates)
    rounds.sort(key=lambda rates: sum(n for n, _ in rates) / sum(t for _, t in rates))
    median = rounds[len(rounds) // 2]
    print(f"{'file':45} {'KiB':>6} {'reports/s':>10}   (median of {args.rounds} rounds)")
    for (name, data), (n, dt) in zip(blobs, median):
        print(f"{Path(name).name:45} {len(data) / 1024:6.1f} {n / dt:10.0f}")
    all_rates = [sum(n for n, _ in r) / sum(t for _, t in r) for r in rounds]
    print(f"{'all':45} {'':6} {all_rates[len(all_rates) // 2]:10.0f}   (rounds: "
          f"{', '.join(f'{x:.0f}' for x in all_rates)}; target: >= 623 per CPU second, issue #27)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
