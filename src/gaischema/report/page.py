"""The report page: one self-contained HTML file from an autoescaped Jinja template
(``templates/report.html.j2``); the one data block is JSON with ``<``, ``>`` and ``&`` escaped, so no organ
name can close it. The page carries aggregates, not reports."""

from __future__ import annotations

import json
from collections import Counter
from typing import Iterator

from gaischema.render import templates
from gaischema.report.charts import (HEATMAP_ORGANS, bars, clusters_figure, figure, heatmap, line, pyplot,
                                     stacked)
from gaischema.report.facts import OUTCOMES, Corpus, Packed, share, shown

REPORT_COLUMNS = [("file", "text", "文件 file"), ("format", "text", "格式 format"), ("organ", "text", "机关 organ"),
                  ("canonical", "text", "机关（标准）canonical organ"), ("year", "number", "年度 year"),
                  ("copies", "number", "副本 copies"), ("status", "text", "状态 status"),
                  ("errors", "number", "错误 errors"), ("warnings", "number", "警告 warnings"),
                  ("rules", "text", "规则 rules"), ("notes", "text", "说明 notes / reason"),
                  ("received", "number", "新收 received"), ("granted_share", "number", "公开比例 share %")]


GRID_STATES = {"published": "已发布 published", "errors": "有错误 errors", "unreadable": "无法读取 unreadable",
               "missing": "未发布 missing", "none": "无报告 none", "": "—"}


_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                                "\u2029": "\\u2029"})


def json_for_script(data: object) -> str:
    """JSON to embed in a ``<script>`` block: ``<``, ``>`` and ``&`` (so ``</script>``, ``<!--`` and ``<script``)
    and the two JavaScript line separators escaped; the block can never end early."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_UNSAFE)


def row_chunks(rows: list[dict], skip: tuple[str, ...] = ()) -> Iterator[str]:
    """The report table's rows as :func:`json_for_script` writes a list of them, a row at a time (no copy of
    the rows, no text of them all at once), each :class:`~.facts.Packed` part written as the JSON it already is,
    escaped alike."""
    yield "["
    for i, row in enumerate(rows):
        plain = {k: v for k, v in row.items() if k not in skip and not isinstance(v, Packed)}
        text = json.dumps(plain, ensure_ascii=False, separators=(",", ":"))
        packed = [f"{json.dumps(k)}:{v}" for k, v in row.items() if k not in skip and isinstance(v, Packed)]
        if packed:
            text = text[:-1] + ("," if plain else "") + ",".join(packed) + "}"
        yield ("," if i else "") + text.translate(_SCRIPT_UNSAFE)
    yield "]"


def build_page(corpus: Corpus, title: str = "政府信息公开工作年度报告核查 Report check") -> str:
    """The whole page, as one string of HTML (see :func:`page_parts`)."""
    return "".join(page_parts(corpus, title))


def page_parts(corpus: Corpus, title: str = "政府信息公开工作年度报告核查 Report check") -> Iterator[str]:
    """The whole page, in pieces to write one after another (Jinja's generate): the report table's rows are
    never one string, so writing the page of 100,000 reports holds no 100 MB of text (``gaischema report``
    streams it into the page's file)."""
    plt = pyplot()
    s = corpus.summary
    cards = [("报告 reports", s.files), ("有效 valid", s.valid), ("有错误 with errors", s.errors),
             ("有警告 with warnings", s.warned), ("无法读取 unreadable", s.fatal)]
    top: list[dict] = []
    figures: list[dict] = []
    rules = s.rules.most_common()
    if rules:
        chart = bars(plt, "rules", [r for r, _ in rules], [n for _, n in rules], "规则 Rules broken (findings)")
        top.append(figure("rules", "最常违反的规则 Rules broken most often", chart,
                           ["规则 rule", "发现 findings"], [[r, n] for r, n in rules]))
        # heatmap: the organs with most findings
        organ_total: Counter = Counter()
        for (organ, _), n in corpus.heat.items():
            organ_total[organ] += n
        organs = [o for o, _ in organ_total.most_common(HEATMAP_ORGANS)]
        rule_names = [r for r, _ in rules]
        heat_rows = [[o, r, corpus.heat[(o, r)]] for o in organs for r in rule_names if corpus.heat[(o, r)]]
        note = (f"（发现最多的 {len(organs)} 个机关 / the {len(organs)} organs with most findings, of "
                f"{len(organ_total)}）")
        top.append(figure("heatmap", "机关 × 规则 Organs × rules " + note, heatmap(plt, organs, rule_names, corpus.heat),
                           ["机关 organ", "规则 rule", "发现 findings"], heat_rows))
    if corpus.clusters:
        top.append(clusters_figure(plt, corpus.clusters))
    years = sorted(corpus.by_year)
    organ_table = None
    if years:
        series = [(f"{zh} {en}", [corpus.by_year[y][key] for y in years]) for key, zh, en in OUTCOMES]
        rows = [[y, corpus.by_year[y]["reports"], shown(corpus.by_year[y], "received"),
                 shown(corpus.by_year[y], "carried_over"), *(shown(corpus.by_year[y], k) for k, _, _ in OUTCOMES)]
                for y in years]
        figures.append(figure("outcomes", "办理结果 Handling outcomes, all reports, by year",
                               stacked(plt, "outcomes", years, series, "办理结果 Outcomes"),
                               ["年度 year", "报告 reports", "新收 received", "上年结转 carried over",
                                *(f"{zh} {en}" for _, zh, en in OUTCOMES)], rows))
        shares = [share(corpus.by_year[y]) for y in years]
        figures.append(figure("share", "予以公开及部分公开占办结的比例 Share granted (in full or in part) of answered",
                               line(plt, "share", years, shares, "予以公开比例 Share granted (%)"),
                               ["年度 year", "比例 share %"], [[y, v] for y, v in zip(years, shares)]))
        reasons = sorted({r for y in years for r in corpus.reasons[y]})
        if reasons:
            totals = [sum(corpus.reasons[y][r] for y in years) for r in reasons]
            figures.append(figure("reasons", "不予公开的理由 Refusal reasons (all years)",
                                   bars(plt, "reasons", reasons, totals, "不予公开 Refusals by reason"),
                                   ["理由 reason", *map(str, years)], [[r, *(corpus.reasons[y][r] for y in years)] for r in reasons]))
        keys = [("administrative_review", "行政复议 review"), ("litigation_direct", "直接起诉 lawsuits"),
                ("litigation_after_review", "复议后起诉 lawsuits after review")]
        results = [("upheld", "维持 upheld"), ("corrected", "纠正 corrected"), ("other_result", "其他 other"),
                   ("pending", "尚未审结 pending")]
        case_series = [(zh, [sum(corpus.cases[y][f"{g}.{k}"] for g, _ in keys) for y in years]) for k, zh in results]
        case_rows = [[y, zg, *(corpus.cases[y][f"{g}.{k}"] for k, _ in results)] for y in years for g, zg in keys]
        figures.append(figure("cases", "行政复议、行政诉讼结果 Reviews and lawsuits, by result and year",
                               stacked(plt, "cases", years, case_series, "复议、诉讼 Reviews and lawsuits"),
                               ["年度 year", "类别 kind", *(zh for _, zh in results)], case_rows))
        organ_rows = [r[1:] for r in sorted(([c["received"], o, y, shown(c, "received"), shown(c, "answered"), share(c)]
                                             for (o, y), c in corpus.organs.items()),
                                            key=lambda r: (-r[0], r[1], r[2]))[:200]]
        organ_table = {"header": ["机关 organ", "年度 year", "新收 received", "办结 answered", "予以公开比例 share %"],
                       "rows": organ_rows}
    provenance = None
    if corpus.provenance:
        kinds = sorted({k for p in corpus.provenance.values() for k in p if k not in ("reports", "cell_count")})
        provenance = {"header": ["格式 format", "报告 reports", "单元格 cells", *kinds],
                      "rows": [[fmt, p["reports"], p["cell_count"], *(p[k] for k in kinds)]
                               for fmt, p in sorted(corpus.provenance.items())]}
    copies = [{"organ": c["organ"], "year": c["year"], "disagree": c["disagree"],
               "copies": [{"file": r["file"], "format": r["format"], "status": r["status"], "link": r.get("link")}
                          for r in c["copies"]]} for c in corpus.copies()]
    missing = [[f.reported, f.expected] for f in corpus.missing]
    review = [("未复核 unreviewed", corpus.review["unreviewed"]), ("已确认 confirmed", corpus.review["confirmed"]),
              ("误读 misread", corpus.review["misread"]), ("已更正单元格 cells corrected", corpus.review["corrected"])]
    yield from templates().get_template("report.html.j2").generate(
        title=title, cards=cards, figures_top=top, figures=figures, organs=organ_table, provenance=provenance,
        columns=REPORT_COLUMNS, grid=corpus.grid(), copies=copies, missing=missing, proposed=corpus.proposed_link,
        states=GRID_STATES, review=review, stale=corpus.stale, confirmed_csv=corpus.confirmed_csv,
        data=row_chunks(corpus.rows, skip=("seq", "key", "entry", "facts")))
