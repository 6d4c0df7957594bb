#!/usr/bin/env python3
"""Benchmark: ``gaischema report`` on many tiny files — the parent's share of a run (collection, facts, the
cache, the files written beside the page, the page itself), which per-report benchmarks hide behind
extraction.

    .venv/bin/python benchmarks/tiny_files.py --n 10000 --n 100000
    .venv/bin/python benchmarks/tiny_files.py --n 2000 --src /tmp/old/src     # another checkout's code

The folder holds, in a fixed mix: small valid instances (北仑 2023 with short narrative, organs in groups of
five consecutive years, so the cross-report rules compare them), the same with a broken total (an error, so
an annotated rendering), tiny text files that are no report (``INPUT-NOT-REPORT`` from the extractor) and
broken YAML. Prints, for each size: wall time; CPU of the whole process tree (``getrusage(RUSAGE_CHILDREN)``
of this measuring process: the command and every worker it waited for); peak RSS of the process tree (the sum
over the command and its descendants, sampled every 0.2 s with psutil) and of the command's own process
(the parent: ``ru_maxrss`` is the largest process, so the sampled parent is shown); the output's size (the
page, the renderings, the copies of the originals, the cache); then a rerun from the cache.

The bounds the README states for any run: exit 0/1/2 (never 3), and 1 GiB of memory; "memory stays flat".
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
import yaml

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "examples" / "valid" / "AnnualReport-beilun-2023.yaml"
MIX = (("valid", 3), ("invalid", 2), ("text", 3), ("broken", 2))  # in tenths


def _template() -> str:
    """北仑's instance with a short narrative, organ and year left as placeholders."""
    inst = yaml.safe_load(BASE.read_text(encoding="utf-8"))
    inst["organ"] = "@ORGAN@"
    inst["report_year"] = 1111
    inst["publication_date"] = "2222-01-05"
    inst["statistical_period"] = {"start_date": "1111-01-01", "end_date": "1111-12-31"}
    inst["overview"] = "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，做好政府信息公开工作。"
    inst["problems_and_improvements"] = "存在的问题：公开内容不够丰富。改进措施：加强培训。"
    inst["other_matters"] = "本年度未收取信息处理费。"
    text = yaml.safe_dump(inst, allow_unicode=True, sort_keys=False)
    return text.replace("report_year: 1111", "report_year: @YEAR@").replace("'2222-", "'@NEXT@-").replace(
        "'1111-", "'@YEAR@-")


def generate(folder: Path, n: int, seed: int = 7) -> dict[str, int]:
    """``n`` tiny files in ``folder`` (in sub-folders of 1,000, as crawls are kept); the count of each kind."""
    rng = random.Random(seed)
    template = _template()
    # the total of applications received, printed once: broken by adding 1 to it
    total = re.search(r"(\n  new_applications:\n(?:    .*\n)*?    total: )(\d+)", template)
    invalid = template[:total.start(2)] + str(int(total.group(2)) + 1) + template[total.end(2):] if total else None
    kinds = [k for k, tenths in MIX for _ in range(tenths)]
    counts = dict.fromkeys((k for k, _ in MIX), 0)
    for i in range(n):
        kind = kinds[rng.randrange(len(kinds))]
        counts[kind] += 1
        sub = folder / f"d{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        if kind in ("valid", "invalid"):
            organ, year = f"测试县第{i // 5}局", 2019 + i % 5
            text = (invalid if kind == "invalid" and invalid else template).replace("@ORGAN@", organ).replace(
                "@YEAR@", str(year)).replace("@NEXT@", str(year + 1))
            (sub / f"r{i:06d}.yaml").write_text(text, encoding="utf-8")
        elif kind == "text":
            (sub / f"t{i:06d}.txt").write_text(f"第{i}号通知：本周五下午开会。\n", encoding="utf-8")
        else:
            (sub / f"b{i:06d}.yaml").write_text("organ: [unclosed\n", encoding="utf-8")
    return counts


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _count(path: Path) -> int:
    return sum(1 for p in path.iterdir()) if path.is_dir() else 0


def measure(cmd: list[str], env: dict) -> dict:
    """Run ``cmd``; wall, CPU of the tree, peak RSS of the tree and of the command's own process (MiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = {"tree": 0, "parent": 0}
    done = threading.Event()

    def sample() -> None:
        top = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                own = top.memory_info().rss
                tree = own
                for child in top.children(recursive=True):
                    try:
                        tree += child.memory_info().rss
                    except psutil.Error:
                        pass
                peak["tree"], peak["parent"] = max(peak["tree"], tree), max(peak["parent"], own)
            except psutil.Error:
                return
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = proc.stderr.read().decode("utf-8", "replace")
    rc = proc.wait()
    wall = time.perf_counter() - t
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"rc": rc, "wall": wall, "cpu": cpu, "tree_mib": peak["tree"] / 2**20, "parent_mib": peak["parent"] / 2**20,
            "stderr": stderr}


def run(n: int, jobs: int, src: Path, keep: bool, rerun: bool = True) -> None:
    env = {**os.environ, "PYTHONPATH": str(src)}
    tmp = Path(tempfile.mkdtemp(prefix="gaischema-tiny-"))
    try:
        t = time.perf_counter()
        counts = generate(tmp / "in", n)
        print(f"\n{n:,} files ({', '.join(f'{k} {v:,}' for k, v in counts.items())}), generated in "
              f"{time.perf_counter() - t:.1f} s; code {src}", flush=True)
        page = tmp / "page.html"
        files = tmp / "page_files"
        cmd = [sys.executable, "-m", "gaischema.cli", "report", str(tmp / "in"), "-o", str(page), "-j", str(jobs)]
        for label, extra in (("first run", []), ("rerun (cache)", ["--force"]))[:2 if rerun else 1]:
            m = measure(cmd + extra, env)
            stages = next((line for line in m["stderr"].splitlines() if "CPU" in line and "s" in line), "")
            ok = m["rc"] in (0, 1) and "Traceback" not in m["stderr"]
            print(f"  {label}: exit {m['rc']}; wall {m['wall']:.1f} s; CPU {m['cpu']:.1f} s; peak RSS tree "
                  f"{m['tree_mib']:.0f} MiB, parent {m['parent_mib']:.0f} MiB"
                  f"{'' if m['tree_mib'] < 1024 else ' (over the 1 GiB bound)'}", flush=True)
            if stages:
                print(f"    {stages.strip()}")
            if not ok:
                print(m["stderr"][-3000:], file=sys.stderr)
                return
            r = files / "r"
            print(f"    output: page {_size(page) / 1e6:.2f} MB; renderings {_count(r):,} files "
                  f"{_size(r) / 1e6:.1f} MB ({_size(r) / max(_count(r), 1) / 1e3:.1f} KB each); rendering.css "
                  f"{_size(files / 'rendering.css') / 1e3:.1f} KB; copies {_size(files / 'src') / 1e6:.1f} MB; "
                  f"cache {_size(files / 'cache') / 1e6:.1f} MB; all {_size(files) / 1e6 + _size(page) / 1e6:.1f} MB",
                  flush=True)
    finally:
        if keep:
            print(f"  kept: {tmp}")
        else:
            subprocess.run(["rm", "-rf", str(tmp)], check=False)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, action="append", help="files (repeatable); default 10,000")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--src", type=Path, default=ROOT / "src", help="the gaischema code to run (its src folder)")
    ap.add_argument("--keep", action="store_true", help="keep the generated folder and the output")
    ap.add_argument("--no-rerun", dest="rerun", action="store_false", help="skip the rerun from the cache")
    args = ap.parse_args()
    for n in args.n or [10000]:
        run(n, args.jobs, args.src.resolve(), args.keep, args.rerun)
    return 0


if __name__ == "__main__":
    sys.exit(main())
