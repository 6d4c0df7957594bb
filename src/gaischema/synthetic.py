"""Synthetic corpora: reports that satisfy every rule, with a chosen share of recorded, injected errors.

For benchmarks and for testing pipelines that consume gaischema findings::

    python -m gaischema.synthetic 1000 corpus/ --error-share 0.1 --seed 1

writes ``corpus/<organ>-<year>.yaml`` and, beside the folder, ``corpus.injected.json``
({file name: [[rule, path], ...]}): exactly
the findings ``gaischema validate`` must report. Organs have reports for consecutive years that agree with
each other (carried-over applications, documents in force, narratives that change), so the cross-report
rules find nothing but what was injected.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from decimal import Decimal
from pathlib import Path

import yaml

from gaischema.model import Model, get, put

REGIONS = ["东城", "西城", "海淀", "朝阳", "浦东", "黄浦", "鼓楼", "天河", "越秀", "江北", "北仑", "鄞州", "平潭",
           "武侯", "雁塔", "历下", "南岗", "和平", "江岸", "岳麓"]
KINDS = [("区人民政府", "people_government"), ("区统计局", "government_department"),
         ("区教育局", "government_department"), ("区财政局", "government_department"),
         ("区市场监督管理局", "government_department"), ("区人民政府办公室", "government_department")]
# a narrative is made of clauses drawn from these three lists (12 × 12 × 12 clauses), so that two reports
# share a few clauses, as real ones do, and never a whole section (XR-NARRATIVE-SIMILAR stays silent)
WHO = ["我单位", "办公室", "各科室", "信息公开工作机构", "分管领导", "工作专班", "网站管理部门", "保密审查小组",
       "依申请公开承办人员", "政务新媒体团队", "法制审核部门", "档案管理部门"]
DOES = ["持续推进", "认真落实", "着力加强", "不断完善", "统筹推进", "扎实开展", "切实抓好", "稳步推进",
        "全面梳理", "深入开展", "积极探索", "严格规范"]
WHAT = ["政务公开标准化规范化建设", "政府信息公开指南和目录更新", "保密审查和发布审核", "政策解读和回应关切",
        "依申请公开答复规范", "政府网站栏目优化", "重点领域信息公开", "公开平台建设和运维", "政务新媒体管理",
        "业务培训和考核评估", "基层政务公开", "政府信息管理"]
COLUMNS = ["natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
           "legal_service_org", "other_org"]
CASE = ["upheld", "corrected", "other_result", "pending"]


def _narrative(rng: random.Random, organ: str, year: int, section: str, size: int) -> str:
    lines = [f"{year}年，{organ}{section}。"]
    while sum(len(x) for x in lines) < size:
        clauses = [rng.choice(WHO) + rng.choice(DOES) + rng.choice(WHAT) for _ in range(4)]
        lines.append(f"（{len(lines)}）" + "，".join(clauses) + f"，全年共办理相关事项{rng.randint(1, 999)}项。")
    return "\n".join(lines)


def make_series(rng: random.Random, organ: str, kind: str, code: str, years: list[int], narrative: int) -> list[dict]:
    """Consecutive reports of one organ that satisfy every rule, single and cross-report."""
    reports = []
    carry = {c: rng.randint(0, 3) for c in COLUMNS}
    in_force = {"regulations": rng.randint(0, 30), "normative_documents": rng.randint(0, 300)}
    for year in years:
        version = Model.load().format_version_for_year(year)
        inst: dict = {"organ": organ, "organ_kind": kind, "division_code": code, "report_year": year,
                      "format_version": version,
                      "publication_date": f"{year + 1}-01-{rng.randint(5, 28):02d}" if kind == "government_department"
                      else f"{year + 1}-03-{rng.randint(1, 28):02d}",
                      "statistical_period": {"start_date": f"{year}-01-01", "end_date": f"{year}-12-31"}}
        if narrative:
            inst["overview"] = _narrative(rng, organ, year, "政府信息公开工作总体情况", narrative)
        # table 二
        for c in Model.load().cells(version, "二"):
            if c["type"] == "amount":
                value = round(rng.uniform(0, 5000), rng.choice([0, 2, 6])) if rng.random() < 0.5 else 0
            elif c["type"] == "signed_count":
                value = rng.randint(-5, 5)
            else:
                value = rng.randint(0, 50) if rng.random() < 0.6 else 0
            put(inst, c["path"], value)
        if version == "v2021":
            for doc in in_force:
                issued, repealed = rng.randint(0, 10), rng.randint(0, 5)
                repealed = min(repealed, in_force[doc] + issued)
                in_force[doc] = in_force[doc] + issued - repealed
                base = f"proactive_disclosure.{doc}"
                put(inst, f"{base}.issued", issued)
                put(inst, f"{base}.repealed", repealed)
                put(inst, f"{base}.in_force", in_force[doc])
        # table 三, column by column: 一 + 二 = （七） + 四 and （七） = the sum of the result rows
        rows = sorted({c["path"].rsplit(".", 1)[0] for c in Model.load().cells(version, "三")},
                      key=[c["path"].rsplit(".", 1)[0] for c in Model.load().cells(version, "三")].index)
        result_rows = [r for r in rows if ".results." in r and not r.endswith("results_total")]
        for col in COLUMNS:
            new = rng.randint(0, 400) if col == "natural_person" else rng.choice([0, 0, 0, rng.randint(0, 30)])
            total_in = new + carry[col]
            carry_out = rng.randint(0, total_in // 5)
            done = total_in - carry_out
            cuts = sorted(rng.randint(0, done) for _ in range(len(result_rows) - 1))
            parts = [b - a for a, b in zip([0] + cuts, cuts + [done])]
            put(inst, f"applications.new_applications.{col}", new)
            put(inst, f"applications.carried_over.{col}", carry[col])
            put(inst, f"applications.results.results_total.{col}", done)
            put(inst, f"applications.carried_forward.{col}", carry_out)
            for row, value in zip(result_rows, parts):
                put(inst, f"{row}.{col}", value)
            carry[col] = carry_out
        for row in rows:
            put(inst, f"{row}.total", sum(get(inst, f"{row}.{col}") for col in COLUMNS))
        # table 四
        for group in ("administrative_review", "litigation_direct", "litigation_after_review"):
            values = [rng.choice([0, 0, rng.randint(0, 20)]) for _ in CASE]
            for k, v in zip(CASE, values):
                put(inst, f"reviews_and_litigation.{group}.{k}", v)
            put(inst, f"reviews_and_litigation.{group}.total", sum(values))
        if narrative:  # what the text says of the tables agrees with them (the NARR-* rules stay silent)
            done, granted = get(inst, "applications.results.results_total.total"), get(inst, "applications.results.granted.total")
            share = f"，占{Decimal(granted * 100) / done:.2f}%" if done else ""
            inst["overview"] += f"\n全年办结政府信息公开申请{done}件，其中予以公开{granted}件{share}。"
            inst["problems_and_improvements"] = _narrative(rng, organ, year, "存在的主要问题及改进情况", narrative // 3)
            inst["other_matters"] = f"{year}年度，{organ}未收取信息处理费。"
            inst["processing_fee_charged"] = False
        reports.append(inst)
    return reports


def inject(rng: random.Random, inst: dict) -> list[list[str]]:
    """Break one rule in a recorded way; return the [rule, path] findings the validator must report."""
    version = inst["format_version"]
    t3 = inst["applications"]
    rows = [c["path"].rsplit(".", 1)[0] for c in Model.load().cells(version, "三")]
    result_rows = sorted({r for r in rows if ".results." in r and not r.endswith("results_total")})
    kind = rng.choice(["t4", "row", "balance", "minimum", "blank", "deadline"])
    if kind == "t4":
        group = rng.choice(["administrative_review", "litigation_direct", "litigation_after_review"])
        path = f"reviews_and_litigation.{group}.total"
        put(inst, path, get(inst, path) + 1)
        return [["T4-TOTAL", path]]
    if kind == "row":
        col = "natural_person"
        donors = [r for r in result_rows if get(inst, f"{r}.{col}") > 0]
        if donors:
            a = rng.choice(donors)
            b = rng.choice([r for r in result_rows if r != a])
            put(inst, f"{a}.{col}", get(inst, f"{a}.{col}") - 1)
            put(inst, f"{b}.{col}", get(inst, f"{b}.{col}") + 1)
            return sorted([["T3-ROW-TOTAL", f"{a}.total"], ["T3-ROW-TOTAL", f"{b}.total"]])
        kind = "balance"
    if kind == "balance":
        col = rng.choice(COLUMNS)
        t3["new_applications"][col] += 1
        t3["new_applications"]["total"] += 1
        return sorted([["T3-BALANCE", f"applications.new_applications.{col}"],
                       ["T3-BALANCE", "applications.new_applications.total"]])
    if kind == "minimum":
        row = "licensing" if version == "v2021" else "other_services"
        table = "proactive_disclosure" if version == "v2021" else "proactive_disclosure_2019"
        path = f"{table}.{row}.decisions"
        put(inst, path, -1)
        return [["SCHEMA-MINIMUM", path]]
    if kind == "blank":
        row = rng.choice(result_rows)
        col = rng.choice(COLUMNS[1:])
        del get(inst, row)[col]
        return [["T3-BLANK", f"{row}.{col}"]]
    inst["organ_kind"] = "government_department"
    inst["publication_date"] = f"{inst['report_year'] + 1}-02-{rng.randint(1, 28):02d}"
    return [["META-DEADLINE", "publication_date"]]


def generate(n: int, out: Path, error_share: float = 0.1, seed: int = 1, narrative: int = 3000) -> dict:
    """Write n reports into ``out`` (and ``<out>.injected.json`` beside it); return {file: [[rule, path]]}."""
    class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
        pass

    def _str(dumper, value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)

    Dumper.add_representer(str, _str)
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    injected: dict[str, list] = {}
    written = 0
    organ_no = 0
    while written < n:
        organ_no += 1
        region = REGIONS[organ_no % len(REGIONS)]
        suffix, kind = KINDS[organ_no % len(KINDS)]
        organ = f"{region}{organ_no}{suffix}"
        code = f"{110000 + organ_no:06d}"
        first = rng.randint(2019, 2023)
        years = list(range(first, min(2025, first + rng.randint(1, 6)) + 1))[: n - written]
        for inst in make_series(rng, organ, kind, code, years, narrative):
            name = f"{organ_no:06d}-{inst['report_year']}.yaml"
            if rng.random() < error_share:
                injected[name] = inject(rng, inst)
            (out / name).write_text(yaml.dump(inst, Dumper=Dumper, allow_unicode=True, sort_keys=False,
                                              width=100000), encoding="utf-8")
            written += 1
    injected_path(out).write_text(json.dumps(injected, ensure_ascii=False, indent=0), encoding="utf-8")
    return injected


def injected_path(out: Path) -> Path:
    return out.parent / f"{out.name}.injected.json"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--error-share", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--narrative", type=int, default=3000, help="characters of narrative per report (0: none)")
    args = ap.parse_args(argv)
    injected = generate(args.n, args.out, args.error_share, args.seed, args.narrative)
    print(f"wrote {args.n} reports to {args.out} ({len(injected)} with an injected error)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
