#!/usr/bin/env python3
"""Benchmark: the organ identity step (gaischema.organs) on a corpus of N reports, and that it is linear.

    .venv/bin/python benchmarks/organs.py                  # 10,000 and 20,000 reports
    .venv/bin/python benchmarks/organs.py --n 10000 --n 40000

A corpus of N reports: N/3 organs over three years (2021-2023), each printed under the spellings real reports use
(a district's government as X区人民政府 / X区政府 / X区, a zone's as 管理委员会 / 管委会, a department with its place,
with spaces or full-width characters, or without its place as 区财政局), and one report in ten published twice
(a copy). Timed, each on its own:

- ``resolve``: organs.resolve over the corpus's (code, name, year) — the identity step, no roster;
- ``resolve + roster``: the same against a roster of every organ (exact resolution, XR-NOT-PUBLISHED's years);
- ``cross-report run``: a CrossChecker fed with N real projections (the 平潭 2023 example's), organs.apply on it
  (which also asks the checker whether an office's report is a copy of its government's) and every
  cross-report finding (copies compared cell by cell, consecutive years), each step's CPU seconds.

Prints CPU seconds (the best of three; the machine may be shared), the peak of Python allocations
(tracemalloc, in a run of its own) in the step, the distinct names before and the
organs after resolution, and for each step the ratio of the largest N's time to the smallest's (linear: the ratio
of the Ns).
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
import tracemalloc
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from gaischema import organs
from gaischema.corpus import CrossChecker, organ_key
from gaischema.validate import FileResult, engine

DEPARTMENTS = ["财政局", "教育局", "统计局", "卫生健康委员会", "自然资源和规划局", "市场监督管理局", "人民政府办公室"]
DIGITS = "零一二三四五六七八九"


def place(i: int) -> str:
    return "".join(DIGITS[int(d)] for d in str(i)) + "区"  # 一二三区: a distinct name for every number


def spellings(i: int) -> list[str]:
    """One organ's name as three years of reports print it."""
    p = place(i // len(DEPARTMENTS))
    kind = i % len(DEPARTMENTS)
    if i % 11 == 0:  # a district's government
        return [f"{p}人民政府", f"{p}政府", p]
    if i % 13 == 0:  # a zone's
        return [f"{p[:-1]}实验区管理委员会", f"{p[:-1]}实验区管委会", f"{p[:-1]}实验区"]
    dept = DEPARTMENTS[kind]
    return [f"{p}{dept}", f"{p} {dept}", f"{p}{dept}".replace("局", "局\u3000")]


def corpus(n: int) -> list[tuple[str, str, int]]:
    """(division code, printed organ, year) of n reports; one in ten a second copy of its year's report."""
    out = []
    i = 0
    while len(out) < n:
        for year, name in zip((2021, 2022, 2023), spellings(i)):
            out.append(("", name, year))
            if len(out) % 10 == 0:
                out.append(("", name.replace(" ", ""), year))  # the same report again, another form
        i += 1
    return out[:n]


def roster_of(uses) -> organs.Roster:
    names = {}
    for _, name, _ in uses:
        key = organs.name_key(name)[0]
        names.setdefault(key, organs.OrganRecord(organs.expand(organs.normal(name))[0]))
    return organs.Roster(list({r.canonical_organ: r for r in names.values()}.values()))


def timed(fn, repeat: int = 3):
    """fn's result, its best CPU seconds of ``repeat`` runs (CPU, not wall: the machine is shared) and the peak
    of its Python allocations (a run of its own, under tracemalloc, which slows Python down)."""
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        result = fn()
        best = min(best, time.process_time() - t)
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, best, peak


def cross(uses, projection) -> tuple[int, dict]:
    """A CrossChecker over the corpus: CPU seconds of adding the reports, of organs.apply, of the findings."""
    checker = CrossChecker()
    cpu = {}
    try:
        t = time.process_time()
        for k, (code, name, year) in enumerate(uses):
            key = organ_key({"organ": name, "division_code": code or None})
            checker.add(FileResult(f"r{k}.yaml", key=list(key), year=year, projection=projection), f"{k:012d}")
        checker.uses()  # the flush and the index, counted with the adding
        cpu["add"] = time.process_time() - t
        t = time.process_time()
        organs.apply(checker)
        cpu["apply"] = time.process_time() - t
        t = time.process_time()
        found = sum(1 for _ in checker.findings())
        cpu["findings"] = time.process_time() - t
        return found, cpu
    finally:
        checker.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, action="append")
    args = ap.parse_args()
    sizes = sorted(args.n or [10000, 20000])
    inst = yaml.safe_load((ROOT / "examples" / "valid" / "AnnualReport-pingtan-2023.yaml").read_text(encoding="utf-8"))
    projection = engine().projection(copy.deepcopy(inst))
    times: dict[str, list[float]] = {}
    for n in sizes:
        uses = [(c, organs.normal(name), y) for c, name, y in corpus(n)]  # what a CrossChecker keeps: the key
        res, wall, peak = timed(lambda uses=uses: organs.resolve(uses))
        names = len({u[1] for u in uses})
        print(f"N={n:>6}  resolve            {wall:6.3f} s CPU  peak {peak / 2**20:6.1f} MiB   "
              f"{names} names -> {len(res.members)} organs")
        times.setdefault("resolve", []).append(wall)
        roster = roster_of(uses)
        res, wall, peak = timed(lambda uses=uses, roster=roster: organs.resolve(uses, roster))
        print(f"N={n:>6}  resolve + roster   {wall:6.3f} s CPU  peak {peak / 2**20:6.1f} MiB   "
              f"{len(roster.records)} roster organs, {len(res.unlisted)} not on it, {len(res.missing())} missing")
        times.setdefault("resolve + roster", []).append(wall)
        (found, cpu), _, peak = timed(lambda uses=uses: cross(uses, projection), repeat=1)
        print(f"N={n:>6}  cross-report run   add {cpu['add']:.2f} s, organs.apply {cpu['apply']:.3f} s, findings "
              f"{cpu['findings']:.2f} s  peak {peak / 2**20:6.1f} MiB   {found} cross-report findings")
        times.setdefault("organs.apply", []).append(cpu["apply"])
        times.setdefault("cross findings", []).append(cpu["findings"])
    if len(sizes) > 1:
        ratio = sizes[-1] / sizes[0]
        for step, ts in times.items():
            print(f"{step:18}  time x{ts[-1] / ts[0]:.2f} for N x{ratio:.0f} (linear: x{ratio:.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
