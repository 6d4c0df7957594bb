#!/usr/bin/env python3
"""Benchmark: validate a generated corpus with gaischema, with linkml-validate (the LinkML reference path:
its JSON Schema plugin and the gaischema rules plugin) and, as the floor, only parse the files.

    .venv/bin/python benchmarks/corpus.py                 # 10,000 reports, and 1,000 for the memory check
    .venv/bin/python benchmarks/corpus.py --n 2000 --small 500 --linkml-sample 100
    .venv/bin/python benchmarks/corpus.py --linkml-all     # run linkml-validate on every file (minutes)

Prints wall times, ratios, reports per second and peak memory (the largest resident set of the run's
processes), and checks that gaischema found exactly the injected errors, no other finding.
Targets (issue #4, on 2 cores): 10,000 reports in at most 10 s; at least 20 times faster than linkml-validate;
at most 3 times the parsing floor; peak memory no higher at 10,000 files than at 1,000.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PY = sys.executable

# run a command, print its wall time and the peak RSS (KiB) of it and its children, as JSON on stderr's last line
MEASURE = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[2:], stdout=open(sys.argv[1], "wb"), stderr=subprocess.DEVNULL)
wall = time.perf_counter() - t
print(json.dumps({"wall": wall, "rc": p.returncode,
                  "maxrss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""

FLOOR = r"""
import sys, multiprocessing as mp
from gaischema import loading
def parse(path):
    loading.load(path)
    return 0
files = [l.strip() for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
with mp.get_context("fork").Pool(int(sys.argv[2])) as pool:
    sum(pool.imap(parse, files, chunksize=16))
"""


def measure(cmd: list[str], stdout: str) -> dict:
    out = subprocess.run([PY, "-c", MEASURE, stdout, *cmd], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def corpus(n: int, cache: Path, seed: int) -> Path:
    from gaischema import synthetic

    out = cache / f"corpus-{n}-seed{seed}"
    if not synthetic.injected_path(out).exists():
        t = time.perf_counter()
        synthetic.generate(n, out, error_share=0.1, seed=seed)
        print(f"generated {n} reports in {out} ({time.perf_counter() - t:.0f} s)", flush=True)
    return out


def check_injected(findings_json: str, out: Path) -> tuple[bool, int]:
    from gaischema import synthetic

    injected = json.loads(synthetic.injected_path(out).read_text(encoding="utf-8"))
    got: dict[str, list] = {}
    with open(findings_json, encoding="utf-8") as fh:
        for r in json.load(fh):
            got.setdefault(Path(r["file"]).name, []).extend([f["rule"], f["path"]] for f in r["findings"])
    got = {k: sorted(v) for k, v in got.items() if v}
    return got == {k: sorted(v) for k, v in injected.items()}, len(injected)


def run_size(n: int, out: Path, jobs: int, tmp: str) -> dict:
    files = sorted(str(p) for p in out.glob("*.yaml"))
    listing = os.path.join(tmp, f"files-{n}.txt")
    Path(listing).write_text("\n".join(files), encoding="utf-8")
    findings = os.path.join(tmp, f"findings-{n}.json")
    ours = measure([str(BIN / "gaischema"), "validate", str(out), "-j", str(jobs), "--format", "json"], findings)
    floor = measure([PY, "-c", FLOOR, listing, str(jobs)], os.devnull)
    exact, n_injected = check_injected(findings, out)
    return {"n": len(files), "ours": ours, "floor": floor, "exact": exact, "injected": n_injected}


def run_linkml(out: Path, sample: int | None, tmp: str) -> dict:
    files = sorted(str(p) for p in out.glob("*.yaml"))
    cmd = [str(BIN / "linkml-validate"), "--config", "linkml-validate.yaml"]
    if sample is None or sample >= len(files):
        t = time.perf_counter()
        subprocess.run(cmd + files, cwd=ROOT, capture_output=True)
        return {"measured_files": len(files), "total": time.perf_counter() - t, "extrapolated": False}
    step = max(1, len(files) // sample)
    chosen = files[::step][:sample]
    t = time.perf_counter()
    subprocess.run(cmd + chosen[:1], cwd=ROOT, capture_output=True)
    one = time.perf_counter() - t
    t = time.perf_counter()
    subprocess.run(cmd + chosen, cwd=ROOT, capture_output=True)
    many = time.perf_counter() - t
    per_file = (many - one) / (len(chosen) - 1)
    return {"measured_files": len(chosen), "startup": one - per_file, "per_file": per_file,
            "total": one - per_file + per_file * len(files), "extrapolated": True}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--small", type=int, default=1000, help="the smaller corpus, for the memory comparison")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--linkml-sample", type=int, default=200, help="files linkml-validate runs on (then extrapolated)")
    ap.add_argument("--linkml-all", action="store_true", help="run linkml-validate on every file")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "gaischema-bench")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    big, small = corpus(args.n, args.cache, args.seed), corpus(args.small, args.cache, args.seed + 1)
    with tempfile.TemporaryDirectory() as tmp:
        r_small = run_size(args.small, small, args.jobs, tmp)
        r_big = run_size(args.n, big, args.jobs, tmp)
        lk = run_linkml(big, None if args.linkml_all else args.linkml_sample, tmp)

    size = sum(p.stat().st_size for p in big.glob("*.yaml")) / args.n / 1024
    ours, floor = r_big["ours"]["wall"], r_big["floor"]["wall"]
    print(f"\ncorpus: {r_big['n']} reports, {size:.1f} KiB each on average, {r_big['injected']} with an injected "
          f"error; {args.jobs} processes; {os.cpu_count()} CPUs")
    print(f"{'':38}{'wall s':>9}{'reports/s':>11}{'peak MiB':>10}")
    print(f"{'gaischema validate':38}{ours:9.2f}{r_big['n'] / ours:11.0f}{r_big['ours']['maxrss_kib'] / 1024:10.1f}")
    print(f"{'parsing floor (same parser, same pool)':38}{floor:9.2f}{r_big['n'] / floor:11.0f}"
          f"{r_big['floor']['maxrss_kib'] / 1024:10.1f}")
    how = (f"extrapolated from {lk['measured_files']} files: {lk['startup']:.1f} s start + {lk['per_file'] * 1000:.1f} ms/file"
           if lk["extrapolated"] else f"measured on all {lk['measured_files']} files")
    print(f"{'linkml-validate --config (1 process)':38}{lk['total']:9.1f}{r_big['n'] / lk['total']:11.0f}{'':>10}  ({how})")
    print(f"\nlinkml-validate / gaischema : {lk['total'] / ours:6.1f} x   (target >= 20)")
    print(f"gaischema / parsing floor   : {ours / floor:6.2f} x   (target <= 3)")
    print(f"{args.n} reports in           : {ours:6.2f} s   (target <= 10 s)")
    print(f"peak memory {args.small} -> {args.n} files: {r_small['ours']['maxrss_kib'] / 1024:.1f} -> "
          f"{r_big['ours']['maxrss_kib'] / 1024:.1f} MiB   (target: no higher)")
    print(f"injected errors found exactly, nothing else: {args.small} files: {r_small['exact']}, "
          f"{args.n} files: {r_big['exact']}")
    return 0 if r_big["exact"] and r_small["exact"] else 1


if __name__ == "__main__":
    sys.exit(main())
