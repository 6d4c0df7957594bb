#!/usr/bin/env python3
"""Benchmark: near-duplicate narratives (XR-NARRATIVE-SIMILAR) when many reports share one template.

    .venv/bin/python benchmarks/neardup.py                  # 1,000 and 4,000 reports
    .venv/bin/python benchmarks/neardup.py --sizes 1000 4000 10000 --jobs 2

乡镇 and 部门 reports of one county often copy one text and change the name: every pair of them shares
a band of the sketch index. Writes, for each size, that many reports of one year (the bundled 平潭 2023
example with its overview replaced by the template, the organ's name in its first sentence), runs
``gaischema validate DIR --format json`` on them, with and without the cross-report checks (--no-cross), and
prints the wall time, the peak resident memory of the largest process and the number of
XR-NARRATIVE-SIMILAR findings (one a report). Targets (issue #17): 4,000 reports at most 5 times the time
of 1,000, at most 300 MiB peak.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "valid" / "AnnualReport-pingtan-2023.yaml"
MEASURE = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[2:], stdout=open(sys.argv[1], "wb"), stderr=subprocess.DEVNULL)
print(json.dumps({"wall": time.perf_counter() - t, "rc": p.returncode,
                  "maxrss_kib": max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, 0)}))
"""


def write_corpus(folder: Path, n: int) -> None:
    base = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    template = "。".join(f"坚持以公开为常态、不公开为例外，第{i}项工作稳步推进，全年共办理相关事项，群众满意度不断提升"
                        for i in range(40)) + "。"
    folder.mkdir(parents=True)
    for i in range(n):
        inst = copy.deepcopy(base)
        inst["organ"] = f"某县第{i}镇人民政府"
        inst["overview"] = f"{inst['organ']}认真贯彻落实《中华人民共和国政府信息公开条例》。" + template
        (folder / f"town-{i:05d}.json").write_text(json.dumps(inst, ensure_ascii=False), encoding="utf-8")


def run(folder: Path, jobs: int, cross: bool) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        pass
    cmd = [sys.executable, "-m", "gaischema.cli", "validate", str(folder), "--format", "json", "-j", str(jobs)]
    if not cross:
        cmd.append("--no-cross")
    proc = subprocess.run([sys.executable, "-c", MEASURE, out.name, *cmd], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, check=True)
    stats = json.loads(proc.stdout.strip().splitlines()[-1])
    results = json.loads(Path(out.name).read_text(encoding="utf-8"))
    os.unlink(out.name)
    stats["similar"] = sum(f["rule"] == "XR-NARRATIVE-SIMILAR" for r in results for f in r["findings"])
    return stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="gaischema-neardup-") as tmp:
        for n in args.sizes:
            folder = Path(tmp) / str(n)
            write_corpus(folder, n)
            with_cross, without = run(folder, args.jobs, True), run(folder, args.jobs, False)
            rows.append((n, with_cross, without))
            print(f"{n:6} reports: {with_cross['wall']:6.2f} s, peak {with_cross['maxrss_kib'] / 1024:6.1f} MiB, "
                  f"{with_cross['similar']} XR-NARRATIVE-SIMILAR findings | --no-cross {without['wall']:6.2f} s, "
                  f"peak {without['maxrss_kib'] / 1024:6.1f} MiB", flush=True)
    (n0, a, _), (n1, b, _) = rows[0], rows[-1]
    if n1 != n0:
        print(f"time ×{b['wall'] / a['wall']:.2f} for ×{n1 / n0:.1f} the reports (target at 4×: at most 5×); "
              f"peak memory {b['maxrss_kib'] / 1024:.0f} MiB (target at most 300 MiB)")
    print(f"(CPU time of this process tree: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime:.1f} s user)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
