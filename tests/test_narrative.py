"""The narrative against the tables (NARR-* rules, XR-NARRATIVE-SIMILAR): readings, blank cells as intervals,
rounding, quotes, the samples' known text/table defects, and the near-duplicate index."""

from __future__ import annotations

import copy
import random

import pytest
from conftest import EXAMPLES, SAMPLES, load, needs_samples

from gaischema import corpus, validate
from gaischema.narrative import (
    Literals,
    normalize,
    required_literals,
    share_agrees,
    similarity,
    sketch,
)
from gaischema.validate import engine

PINGTAN = EXAMPLES / "valid" / "AnnualReport-pingtan-2023.yaml"


def narr(instance: dict) -> list:
    return [f for f in validate(instance) if f.rule.startswith("NARR")]


def with_overview(text: str) -> dict:
    inst = load(PINGTAN)
    inst["overview"] = text
    return inst


# ------------------------------------------------------------------------------------------------ readings
def test_received_counts_new_or_new_plus_carried_over():
    inst = with_overview("全年共收到政府信息公开申请81件。")
    assert narr(inst) == []
    inst["applications"]["carried_over"]["natural_person"] = 4
    inst["applications"]["carried_over"]["total"] = 4
    inst["overview"] = "全年共收到政府信息公开申请85件。"  # 81 new + 4 carried over: the second reading
    assert [f.rule for f in narr(inst)] == []
    inst["overview"] = "全年共收到政府信息公开申请83件。"  # neither reading
    (f,) = narr(inst)
    assert (f.rule, f.reported, f.expected, f.path) == ("NARR-RECEIVED", 83, 81, "overview")
    assert f.quote == "全年共收到政府信息公开申请83件" and "83" in f.message and "81" in f.message_en


def test_denied_may_quote_one_reason_only():
    assert narr(with_overview("因属于行政查询事项不予公开2件。")) == []  # row 8 alone is 2
    assert [f.rule for f in narr(with_overview("不予公开9件。"))] == ["NARR-DENIED"]


def test_percent_rounded_half_up_or_half_even_never_truncated():
    assert share_agrees(35, 805, "4.35") and not share_agrees(35, 805, "4.34")
    assert share_agrees(1, 8, "12.5") and share_agrees(1, 8, "13") and share_agrees(1, 8, "12")
    assert share_agrees(42, 81, "51.85") and not share_agrees(42, 81, "51.8")
    assert narr(with_overview("予以公开及部分公开42件，占51.85%。")) == []
    (f,) = narr(with_overview("予以公开及部分公开42件，占51.8%。"))
    assert (f.rule, f.reported, f.expected) == ("NARR-PERCENT", "51.8", "51.9")


def test_blank_cells_bound_the_reading_and_nothing_is_guessed():
    inst = with_overview("予以公开22件。")
    del inst["applications"]["results"]["granted"]["total"]  # blank: 22 + 0 + ... from its columns
    assert [f.rule for f in narr(inst)] == []
    inst["overview"] = "予以公开21件。"  # below what the filled cells already add up to
    (f,) = narr(inst)
    assert (f.rule, f.reported, f.expected) == ("NARR-GRANTED", 21, 22)
    # blank its column and the totals row too: the balance (81 new = 总计) and the other rows still pin it at 22
    inst["applications"]["results"]["granted"]["natural_person"] = None
    del inst["applications"]["results"]["results_total"]
    assert [(f.rule, f.expected) for f in narr(inst)] == [("NARR-GRANTED", 22)]
    del inst["applications"]["results"]["partially_granted"]  # now 予以公开 lies in 0–41 (部分公开 has ≥ 1)
    assert narr(inst) == []
    inst["overview"] = "予以公开90件。"  # more than any filling of the blanks allows
    assert [(f.rule, f.expected) for f in narr(inst)] == [("NARR-GRANTED", "0–41")]


def test_claims_need_the_table_to_contradict_them():
    inst = with_overview("本年度无行政复议、行政诉讼案件。")
    for group in inst["reviews_and_litigation"].values():
        for k in group:
            group[k] = 0
    assert narr(inst) == []
    inst["reviews_and_litigation"]["litigation_direct"]["pending"] = None  # blank: could be 0
    assert narr(inst) == []
    inst["reviews_and_litigation"]["litigation_direct"]["pending"] = 1
    inst["reviews_and_litigation"]["litigation_direct"]["total"] = 1
    assert [f.rule for f in narr(inst)] == ["NARR-CLAIM-NO-CASES"]


def test_fee_statement_only_required_in_the_2021_format():
    inst = load(EXAMPLES / "valid" / "AnnualReport-format2019-shanghai-totals-filled.yaml")
    assert inst["other_matters"] == "无。" and narr(inst) == []  # 2019 format: no fee statement required


def test_findings_name_the_cell_and_carry_the_quote_in_json():
    (f,) = narr(with_overview("行政诉讼案件6件。"))
    d = f.as_dict()
    assert d["quote"] == "行政诉讼案件6件" and d["cell"].startswith("表四") and d["severity"] == "warning"
    assert "quote" not in validate(load(EXAMPLES / "invalid" / "AnnualReport-t4-total.yaml"))[0].as_dict()


def test_normalize_joins_hard_wrapped_and_spaced_numbers():
    assert normalize("受理政府信息公开申请 1,295\n件，占１７.４６％") == "受理政府信息公开申请1295件，占17.46%"
    assert narr(with_overview("受理政府信息公开\n申请 81 件。")) == []
    assert [f.rule for f in narr(with_overview("受理政府信息公开\n申请 82 件。"))] == ["NARR-RECEIVED"]


# ------------------------------------------------------------------------------------------------ prefilter
def test_required_literals_per_branch():
    assert required_literals("(?:收到|受理)[^。]{0,24}?申请(\\d+)件") == (("申请", "件"),)
    assert required_literals("均(?:获|被)?维持|全部维持") == (("均", "维持"), ("全部维持",))
    assert required_literals("a?b") == (("b",),)
    assert required_literals("(x)|y") == ()  # a branch with no literal: the pattern always runs


def test_literal_finder_is_exact():
    lits = ["全部", "部分公开", "件", "申请", "未被", "被纠错", "处理费", "费用"]
    finder = Literals(lits)
    rng = random.Random(5)
    alphabet = list("".join(lits)) + list("的了")
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        assert finder.present(text) == {lit for lit in lits if lit in text}, text


# ------------------------------------------------------------------------------------------------ near duplicates
LONG = "。".join(f"第{i}项工作，本机关持续推进政务公开{w}建设并取得成效" for i, w in
                 enumerate(["标准化", "规范化", "信息化", "平台", "制度", "队伍", "解读", "回应", "培训", "考核", "目录", "指南"]))


def test_sketch_similarity_estimates_jaccard():
    a = sketch(LONG)
    assert similarity(a, sketch(LONG)) == 1.0
    edited = LONG.replace("队伍建设", "队伍的建设工作")
    assert 0.7 <= similarity(a, sketch(edited)) < 1.0
    assert similarity(a, sketch("完全不同的一段文字，讲的是另外的事情。" * 3 + "再加一句。")) < 0.2
    assert sketch("。，") is None


def test_corpus_names_the_report_a_section_was_copied_from():
    a = load(PINGTAN)
    del a["problems_and_improvements"]
    b, c = copy.deepcopy(a), copy.deepcopy(a)
    b["organ"], c["organ"] = "乙县统计局", "丙县统计局"
    b["overview"] = a["overview"].replace("平潭综合实验区", "乙县")  # the same text, another organ's name
    c["overview"] = "。".join(f"丙县第{i}条工作各不相同的内容{i * 7}" for i in range(40))
    found = corpus.cross_check([a, b, c])
    got = sorted((i, f.rule, f.path, j) for i, f, j in found)
    assert got == [(0, "XR-NARRATIVE-SIMILAR", "overview", 1), (1, "XR-NARRATIVE-SIMILAR", "overview", 0)]
    f = next(f for i, f, j in found if i == 1)
    assert f.severity == "warning" and f.reported >= 0.8 and "平潭综合实验区管委会办公室 2023" in f.expected


def _template_corpus(n: int, unique: int = 3) -> list[dict]:
    """n towns of one year whose overview copies one template with their own name and figures, and a few
    reports with texts of their own."""
    base = load(PINGTAN)
    del base["problems_and_improvements"]
    template = "{town}" + "。".join(f"坚持以公开为常态、不公开为例外，第{i}项工作稳步推进，全年办理事项{{k}}件" for i in range(30))
    out = []
    for i in range(n):
        inst = copy.deepcopy(base)
        inst["organ"] = f"某县第{i}镇人民政府"
        inst["overview"] = template.replace("{town}", inst["organ"]).replace("{k}", "7", 1)
        out.append(inst)
    for j in range(unique):
        inst = copy.deepcopy(base)
        inst["organ"] = f"某县第{j}局"
        inst["overview"] = "。".join(f"本局第{j}部分第{i}条工作与众不同{i * 13 + j}" for i in range(40))
        out.append(inst)
    return out


def test_a_template_copied_by_many_towns_is_one_cluster_and_one_finding_a_report():
    reports = _template_corpus(30)
    found = corpus.cross_check(reports)
    similar = [(i, f, j) for i, f, j in found if f.rule == "XR-NARRATIVE-SIMILAR"]
    # every town once, naming the earliest town (the earliest itself names the next); the others none
    assert sorted(i for i, _, _ in similar) == list(range(30))
    assert {i: j for i, _, j in similar} == {0: 1, **{i: 0 for i in range(1, 30)}}
    assert all(f.path == "overview" and f.reported >= 0.8 for _, f, _ in similar)


def _checked(reports: list[dict], monkeypatch) -> tuple[list, list, int]:
    """Near-duplicate findings, clusters and the number of sketch comparisons, the reports added in reverse
    (the order they arrive in must not matter)."""
    calls = []
    real = corpus.similarity
    monkeypatch.setattr(corpus, "similarity", lambda a, b: calls.append(1) or real(a, b))
    checker = corpus.CrossChecker()
    eng = engine()
    for i in reversed(range(len(reports))):
        inst = reports[i]
        checker.add(corpus.FileResult(f"r{i:04d}.yaml", key=list(corpus.organ_key(inst)), year=inst["report_year"],
                                      projection=eng.projection(inst)))
    try:
        return list(checker.near_duplicates()), checker.clusters(), len(calls)
    finally:
        checker.close()


def test_near_duplicates_cost_linear_time_and_clusters_list_the_towns(monkeypatch):
    found, clusters, calls = _checked(_template_corpus(120), monkeypatch)
    assert {file for file, _, _ in found} == {f"r{i:04d}.yaml" for i in range(120)}
    assert {other for file, _, other in found if file != "r0000.yaml"} == {"r0000.yaml"}
    assert len(clusters) == 1 and clusters[0]["section"] == "overview" and clusters[0]["year"] == 2023
    members = clusters[0]["members"]
    assert [m["file"] for m in members] == [f"r{i:04d}.yaml" for i in range(120)]
    assert members[0]["organ"] == "某县第0镇人民政府"
    # each report is compared with at most `candidates` (4) first reports of each of its 8 buckets, never
    # with every other report: twice the towns, twice the comparisons
    assert calls <= 8 * 4 * 123
    _, _, twice = _checked(_template_corpus(240), monkeypatch)
    assert twice <= 2.2 * calls


def test_short_sections_are_not_compared():
    a = load(PINGTAN)
    b = copy.deepcopy(a)
    b["organ"] = "乙县统计局"
    for inst in (a, b):
        inst["overview"] = inst["problems_and_improvements"] = "无。"
    assert corpus.cross_check([a, b]) == []


def test_every_narrative_rule_is_declared_with_its_pattern_in_the_schema():
    rules = {r["id"]: r for r in engine().model["rules"]}
    narrative = [r for r in rules.values() if r["kind"].startswith("narrative")]
    assert len(narrative) >= 20 and all(r["severity"] == "warning" and r.get("pattern") for r in narrative)


# ------------------------------------------------------------------------------------------------ the samples
@needs_samples
@pytest.mark.parametrize("name", ["shanghai-gov-office-2019.html", "shanghai-gov-office-2019.pdf"])
def test_shanghai_2019_text_table_defects_are_found_quoting_their_sentences(name):
    if name.endswith(".pdf"):
        pytest.importorskip("pypdfium2")
    from gaischema.extract import extract

    found = {(f.rule, f.reported, f.expected): f for f in narr(extract(str(SAMPLES / name)).instance)}
    assert set(found) == {("NARR-GRANTED-AND-PARTIAL", 258, 275), ("NARR-UNABLE", 265, 337),
                          ("NARR-PERCENT", "33.9", "32.0"), ("NARR-PERCENT", "4.34", "4.35"),
                          ("NARR-CLAIM-UPHELD", "≥3", 0)}
    assert "予以公开及部分公开258件" in found[("NARR-GRANTED-AND-PARTIAL", 258, 275)].quote
    assert "无法提供265件" in found[("NARR-UNABLE", 265, 337)].quote
    assert "不予公开35件，占4.34%" in found[("NARR-PERCENT", "4.34", "4.35")].quote
    assert "均获维持" in found[("NARR-CLAIM-UPHELD", "≥3", 0)].quote


@needs_samples
@pytest.mark.parametrize("name", ["000_56695964816e1b37.txt", "pingtan-2023.txt", "shanghai-gov-office-2025.md"])
def test_reports_whose_text_agrees_with_their_tables_get_no_narrative_finding(name):
    from gaischema.extract import extract

    inst = extract(str(SAMPLES / name)).instance
    assert narr(inst) == []
    assert inst["extraction"]["section_headings"] == ["一", "二", "三", "四", "五", "六"]


@needs_samples
def test_page_numbers_are_not_narrative():
    from gaischema.extract import extract

    inst = extract(str(SAMPLES / "shanghai-gov-office-2025.md")).instance
    assert "— 1 —" not in inst["overview"] and "— 7 —" not in inst["other_matters"]
