"""``gaischema report``: one self-contained page for a folder of reports, for the people who read the result.

Evaluators publish what they find in a province's reports; researchers compare organs and years. A text summary
and a CSV serve an analyst, not them. This module builds one HTML page (Chinese with English) that works offline:
the validation results (from the same :func:`gaischema.corpus.validate_source` path as ``validate``, cross-report
rules included), the numbers of the reports across organs and years (read through the compiled model, as the
exports read them), and, for extracted instances, how the data was obtained.

Why matplotlib, and SVG: the charts are static vector drawings inlined in the page, so there is no charting
runtime to embed (Vega/Vega-Lite with vega-embed is about 1 MB, plotly.min.js about 3.5 MB of a 5 MB page budget)
and nothing to fetch: offline by construction. Text stays text (``svg.fonttype: none``), so Chinese labels are
drawn by the reader's fonts and can be selected; every mark carries an id (``mark-<chart>-<n>``) that a test
counts. The interaction the page needs (sorting and filtering the report table) is a few lines of plain
JavaScript. matplotlib is the optional extra ``gaischema[report]``; colours are the Okabe–Ito palette and the
cividis map, both readable with the common colour-vision deficiencies.

The page carries aggregates, not reports: one row per report in the table (file, organ, year, counts, rules,
two numbers), totals per year, the organs with the most findings in the heatmap. Each report with a finding
links to its annotated rendering (``render --annotate``), written into ``<page>_files/`` beside the page.
"""

from __future__ import annotations

import html
import io
import json
import logging
import os
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Callable, Iterable

from gaischema import loading
from gaischema.corpus import CrossChecker, Summary, pool_map, validate_source
from gaischema.model import Model, get
from gaischema.render import render_html
from gaischema.validate import FileResult, fatal_result, warm

__all__ = ["ChartsUnavailable", "Corpus", "build_page", "collect", "report_record"]

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
OUTCOMES = [("granted", "予以公开", "granted"), ("partially_granted", "部分公开", "granted in part"),
            ("denied", "不予公开", "refused"), ("unable", "无法提供", "unable to provide"),
            ("not_processed", "不予处理", "not processed"), ("other", "其他处理", "handled otherwise")]
HEATMAP_ORGANS = 40
CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "SimHei", "Microsoft YaHei", "PingFang SC"]


class ChartsUnavailable(Exception):
    """matplotlib is not installed (the optional extra ``gaischema[report]``)."""


# ------------------------------------------------------------------------------------------------ one report
def facts(instance: dict) -> dict:
    """The numbers of one report the page aggregates, read along the compiled model's rows (a blank cell is
    None, never 0)."""
    model = Model.load()
    version = instance.get("format_version")
    if version not in model.versions:
        return {}
    rows = model.rows(version, "三")

    def total(path):
        v = get(instance, f"{path}.total")
        return v if type(v) is int else None

    def group(prefix):
        values = [total(r.path) for r in rows if r.path.startswith(prefix)]
        return sum(values) if values and None not in values else None

    out: dict[str, Any] = {
        "organ": instance.get("organ") if isinstance(instance.get("organ"), str) else None,
        "received": total("applications.new_applications"),
        "carried_over": total("applications.carried_over"),
        "granted": total("applications.results.granted"),
        "partially_granted": total("applications.results.partially_granted"),
        "denied": group("applications.results.denied."),
        "unable": group("applications.results.unable."),
        "not_processed": group("applications.results.not_processed."),
        "other": group("applications.results.other_handling"),
        "answered": total("applications.results.results_total"),
        "reasons": {r.label: total(r.path) for r in rows if r.path.startswith("applications.results.denied.")},
    }
    cases = {}
    for r in model.rows(version, "四"):
        cases[r.path.rsplit(".", 1)[1]] = {k: get(instance, f"{r.path}.{k}") for k in ("upheld", "corrected", "other_result", "pending", "total")}
    out["cases"] = cases
    extraction = instance.get("extraction")
    if isinstance(extraction, dict):
        notes = Counter(n.get("kind") for n in extraction.get("notes") or [] if isinstance(n, dict))
        out["provenance"] = {"format": extraction.get("source_format") or "?", "notes": dict(notes),
                             "cell_count": len(model.cells(version))}
    return out


def report_record(path: str, renderings: str | None = None) -> dict:
    """Validate one file as ``validate`` does, read its numbers and, when it has a finding, write its annotated
    rendering into ``renderings``: a plain dict for the pool."""
    try:
        instance = loading.load(path)
    except loading.InputError as err:
        return {"result": fatal_result(path, err).to_record(), "facts": None, "link": None}
    result = validate_source(instance, path)
    record = {"result": result.to_record(), "facts": None, "link": None}
    if not isinstance(instance, dict) or result.fatal:
        return record
    record["facts"] = facts(instance)
    if renderings and result.findings:
        name = os.path.basename(path).rsplit(".", 1)[0] + f"-{zlib.crc32(path.encode('utf-8')):08x}.html"
        try:
            page = render_html(instance, annotate=True)
        except (ValueError, KeyError, TypeError):
            return record  # no layout for this instance (no usable format_version): no link
        with open(os.path.join(renderings, name), "w", encoding="utf-8") as fh:
            fh.write(page)
        record["link"] = f"{os.path.basename(renderings)}/{name}"
    return record


# ------------------------------------------------------------------------------------------------ the corpus
@dataclass
class Corpus:
    """What the page shows, aggregated as the results come in."""

    summary: Summary = field(default_factory=Summary)
    rows: list[dict] = field(default_factory=list)
    heat: Counter = field(default_factory=Counter)  # (organ, rule) -> findings
    by_year: dict = field(default_factory=lambda: defaultdict(Counter))  # year -> numbers
    reasons: dict = field(default_factory=lambda: defaultdict(Counter))  # year -> reason -> count
    cases: dict = field(default_factory=lambda: defaultdict(Counter))  # year -> "group.result" -> count
    organs: dict = field(default_factory=lambda: defaultdict(Counter))  # (organ, year) -> numbers
    provenance: dict = field(default_factory=lambda: defaultdict(Counter))  # source format -> counts
    index: dict = field(default_factory=dict)  # file -> its row

    def add(self, record: dict) -> FileResult:
        result = FileResult.from_record(record["result"])
        self.summary.add(result)
        f = record.get("facts") or {}
        organ = f.get("organ") or "?"
        errors = sum(x.severity == "error" for x in result.findings)
        self.rows.append({"file": result.file, "organ": organ, "year": result.year,
                          "status": "unreadable" if result.fatal else "errors" if not result.valid
                          else "warnings" if result.findings else "valid",
                          "errors": errors, "warnings": len(result.findings) - errors,
                          "rules": sorted({x.rule for x in result.findings}),
                          "received": f.get("received"), "granted_share": _share(f),
                          "link": record.get("link")})
        self.index[result.file] = self.rows[-1]
        for x in result.findings:
            self.heat[(organ, x.rule)] += 1
        if f and result.year is not None:
            year = self.by_year[result.year]
            year["reports"] += 1
            for key in ("received", "carried_over", "answered", *(o for o, _, _ in OUTCOMES)):
                if f.get(key) is not None:
                    year[key] += f[key]
            organ_year = self.organs[(organ, result.year)]
            for key in ("received", "answered", "granted", "partially_granted"):
                if f.get(key) is not None:
                    organ_year[key] += f[key]
            for reason, n in (f.get("reasons") or {}).items():
                if n is not None:
                    self.reasons[result.year][reason] += n
            for grp, results in (f.get("cases") or {}).items():
                for k, n in results.items():
                    if type(n) is int:
                        self.cases[result.year][f"{grp}.{k}"] += n
        if f.get("provenance"):
            p = f["provenance"]
            prov = self.provenance[p["format"]]
            prov["reports"] += 1
            prov["cell_count"] += p["cell_count"]
            for kind, n in p["notes"].items():
                prov[kind] += n
        return result

    def add_cross(self, result: FileResult) -> None:
        """A cross-report result: its findings count for the report it is about."""
        self.summary.add_cross(result)
        row = self.index[result.file]
        for x in result.findings:
            self.heat[(row["organ"], x.rule)] += 1
        row["rules"] = sorted(set(row["rules"]) | {x.rule for x in result.findings})
        row["warnings"] += sum(x.severity != "error" for x in result.findings)
        row["errors"] += sum(x.severity == "error" for x in result.findings)


def _share(f: dict) -> float | None:
    if not f or not f.get("answered") or f.get("granted") is None or f.get("partially_granted") is None:
        return None
    return round(100 * (f["granted"] + f["partially_granted"]) / f["answered"], 1)


def _failed(path: str, err: loading.InputError) -> dict:
    return {"result": fatal_result(path, err).to_record(), "facts": None, "link": None}


def collect(files: Iterable[str], renderings: str | None, jobs: int = 0, cross: bool = True,
            progress: Callable[[int, str], None] = lambda done, status: None) -> Corpus:
    """Validate and aggregate ``files`` in parallel (see :func:`gaischema.corpus.pool_map`)."""
    warm()
    corpus = Corpus()
    checker = CrossChecker() if cross else None
    try:
        work = partial(report_record, renderings=renderings)
        for i, record in enumerate(pool_map(work, files, jobs, serial_below=8, failed=_failed), 1):
            result = corpus.add(record)
            if checker:
                checker.add(result)
            progress(i, f"errors {corpus.summary.errors}")
        if checker:
            for result in checker.results():
                if result.file in corpus.index:
                    corpus.add_cross(result)
    finally:
        if checker:
            checker.close()
    return corpus


# ------------------------------------------------------------------------------------------------ charts
def _pyplot():
    try:
        import matplotlib

        matplotlib.use("svg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise ChartsUnavailable("图表需要 matplotlib：pip install 'gaischema[report]' / the charts need matplotlib: "
                                "pip install 'gaischema[report]'") from exc
    from matplotlib import font_manager

    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    installed = {f.name for f in font_manager.fontManager.ttflist}
    # text stays text in the SVG: these fonts only size the layout; the reader's browser draws the glyphs
    fonts = [f for f in CJK_FONTS if f in installed] + ["DejaVu Sans"]
    plt.rcParams.update({"svg.fonttype": "none", "font.family": fonts, "font.size": 9, "svg.hashsalt": "gaischema", "axes.spines.top": False,
                         "axes.spines.right": False})
    return plt


def _svg(fig, plt) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]  # inline: no XML declaration or DOCTYPE


def _bars(plt, name: str, labels: list[str], values: list[int], title: str) -> str:
    fig, ax = plt.subplots(figsize=(7, 0.3 * len(labels) + 0.8))
    bars = ax.barh(range(len(labels)), values, color=OKABE_ITO[4])
    for i, bar in enumerate(bars):
        bar.set_gid(f"mark-{name}-{i}")
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_title(title, loc="left")
    return _svg(fig, plt)


def _stacked(plt, name: str, years: list[int], series: list[tuple[str, list[int]]], title: str) -> str:
    fig, ax = plt.subplots(figsize=(7, 3.2))
    bottom = [0] * len(years)
    k = 0
    for (label, values), colour in zip(series, OKABE_ITO):
        bars = ax.bar([str(y) for y in years], values, bottom=bottom, label=label, color=colour)
        for bar in bars:
            bar.set_gid(f"mark-{name}-{k}")
            k += 1
        bottom = [a + b for a, b in zip(bottom, values)]
    ax.legend(loc="upper left", bbox_to_anchor=(1, 1), frameon=False)
    ax.set_title(title, loc="left")
    return _svg(fig, plt)


def _line(plt, name: str, years: list[int], values: list[float | None], title: str) -> str:
    fig, ax = plt.subplots(figsize=(7, 2.6))
    xs = [str(y) for y, v in zip(years, values) if v is not None]
    ys = [v for v in values if v is not None]
    ax.plot(xs, ys, color=OKABE_ITO[5], marker="o")
    for i, (x, y) in enumerate(zip(xs, ys)):
        point = ax.plot([x], [y], "o", color=OKABE_ITO[5])[0]
        point.set_gid(f"mark-{name}-{i}")
    ax.set_ylim(0, 100)
    ax.set_ylabel("%")
    ax.set_title(title, loc="left")
    return _svg(fig, plt)


def _heatmap(plt, organs: list[str], rules: list[str], heat: Counter) -> str:
    from matplotlib import colormaps
    from matplotlib.patches import Rectangle

    fig, ax = plt.subplots(figsize=(max(5, 0.45 * len(rules) + 3), 0.28 * len(organs) + 1.5))
    top = max([heat[(o, r)] for o in organs for r in rules] or [1])
    cmap = colormaps["cividis"]
    k = 0
    for i, organ in enumerate(organs):
        for j, rule in enumerate(rules):
            n = heat[(organ, rule)]
            if n:
                rect = Rectangle((j, i), 1, 1, color=cmap(0.15 + 0.85 * n / top))
                rect.set_gid(f"mark-heatmap-{k}")
                ax.add_patch(rect)
                ax.text(j + 0.5, i + 0.5, str(n), ha="center", va="center", fontsize=7,
                        color="white" if n / top < 0.6 else "black")
                k += 1
    ax.set_xlim(0, len(rules))
    ax.set_ylim(len(organs), 0)
    ax.set_xticks([j + 0.5 for j in range(len(rules))], rules, rotation=60, ha="right")
    ax.set_yticks([i + 0.5 for i in range(len(organs))], organs)
    ax.set_title("机关 × 规则 Organs × rules (findings)", loc="left")
    return _svg(fig, plt)


# ------------------------------------------------------------------------------------------------ the page
def build_page(corpus: Corpus, title: str = "政府信息公开工作年度报告核查 Report check") -> str:
    """The whole page, as one string of HTML."""
    plt = _pyplot()
    s = corpus.summary
    parts: list[str] = []
    # overview
    cards = [("报告 reports", s.files), ("有效 valid", s.valid), ("有错误 with errors", s.errors),
             ("有警告 with warnings", s.warned), ("无法读取 unreadable", s.fatal)]
    parts.append('<section id="overview"><h2>概览 Overview</h2><div class="cards">'
                 + "".join(f'<div class="card" data-count="{html.escape(k)}"><b>{v}</b><span>{html.escape(k)}</span></div>'
                           for k, v in cards) + "</div></section>")
    # rules
    rules = s.rules.most_common()
    if rules:
        chart = _bars(plt, "rules", [r for r, _ in rules], [n for _, n in rules], "规则 Rules broken (findings)")
        parts.append(_figure("rules", "最常违反的规则 Rules broken most often", chart,
                             ["规则 rule", "发现 findings"], [[r, n] for r, n in rules]))
        # heatmap: the organs with most findings
        organ_total = Counter()
        for (organ, _), n in corpus.heat.items():
            organ_total[organ] += n
        organs = [o for o, _ in organ_total.most_common(HEATMAP_ORGANS)]
        rule_names = [r for r, _ in rules]
        heat_rows = [[o, r, corpus.heat[(o, r)]] for o in organs for r in rule_names if corpus.heat[(o, r)]]
        note = (f"（发现最多的 {len(organs)} 个机关 / the {len(organs)} organs with most findings, of "
                f"{len(organ_total)}）")
        parts.append(_figure("heatmap", "机关 × 规则 Organs × rules " + note, _heatmap(plt, organs, rule_names, corpus.heat),
                             ["机关 organ", "规则 rule", "发现 findings"], heat_rows))
    # the numbers
    years = sorted(corpus.by_year)
    if years:
        series = [(f"{zh} {en}", [corpus.by_year[y][key] for y in years]) for key, zh, en in OUTCOMES]
        rows = [[y, corpus.by_year[y]["reports"], corpus.by_year[y]["received"], corpus.by_year[y]["carried_over"],
                 *(corpus.by_year[y][k] for k, _, _ in OUTCOMES)] for y in years]
        parts.append(_figure("outcomes", "办理结果 Handling outcomes, all reports, by year",
                             _stacked(plt, "outcomes", years, series, "办理结果 Outcomes"),
                             ["年度 year", "报告 reports", "新收 received", "上年结转 carried over",
                              *(f"{zh} {en}" for _, zh, en in OUTCOMES)], rows))
        shares = [_share(corpus.by_year[y]) for y in years]
        parts.append(_figure("share", "予以公开及部分公开占办结的比例 Share granted (in full or in part) of answered",
                             _line(plt, "share", years, shares, "予以公开比例 Share granted (%)"),
                             ["年度 year", "比例 share %"], [[y, v] for y, v in zip(years, shares)]))
        reasons = sorted({r for y in years for r in corpus.reasons[y]})
        if reasons:
            totals = [sum(corpus.reasons[y][r] for y in years) for r in reasons]
            parts.append(_figure("reasons", "不予公开的理由 Refusal reasons (all years)",
                                 _bars(plt, "reasons", reasons, totals, "不予公开 Refusals by reason"),
                                 ["理由 reason", *map(str, years)], [[r, *(corpus.reasons[y][r] for y in years)] for r in reasons]))
        keys = [("administrative_review", "行政复议 review"), ("litigation_direct", "直接起诉 lawsuits"),
                ("litigation_after_review", "复议后起诉 lawsuits after review")]
        results = [("upheld", "维持 upheld"), ("corrected", "纠正 corrected"), ("other_result", "其他 other"),
                   ("pending", "尚未审结 pending")]
        case_series = [(zh, [sum(corpus.cases[y][f"{g}.{k}"] for g, _ in keys) for y in years]) for k, zh in results]
        case_rows = [[y, zg, *(corpus.cases[y][f"{g}.{k}"] for k, _ in results)] for y in years for g, zg in keys]
        parts.append(_figure("cases", "行政复议、行政诉讼结果 Reviews and lawsuits, by result and year",
                             _stacked(plt, "cases", years, case_series, "复议、诉讼 Reviews and lawsuits"),
                             ["年度 year", "类别 kind", *(zh for _, zh in results)], case_rows))
        organ_rows = sorted(([o, y, c["received"], c["answered"], _share(c)] for (o, y), c in corpus.organs.items()),
                            key=lambda r: (-r[2], r[0], r[1]))[:200]
        parts.append('<section id="organs"><h2>各机关 By organ and year</h2><p>（收到申请最多的 200 行 / the 200 rows '
                     "with most applications）</p>" + _table("organs", ["机关 organ", "年度 year", "新收 received",
                                                                     "办结 answered", "予以公开比例 share %"], organ_rows) + "</section>")
    if corpus.provenance:
        kinds = sorted({k for p in corpus.provenance.values() for k in p if k not in ("reports", "cell_count")})
        prov_rows = [[fmt, p["reports"], p["cell_count"], *(p[k] for k in kinds)] for fmt, p in sorted(corpus.provenance.items())]
        parts.append('<section id="provenance"><h2>数据来源 How the data was obtained</h2><p>由 gaischema extract 抽取的'
                     "报告：单元格数与抽取说明（按来源格式）/ extracted reports: cells and extraction notes, by source format."
                     "</p>" + _table("provenance", ["格式 format", "报告 reports", "单元格 cells", *kinds], prov_rows) + "</section>")
    # the report table
    parts.append('<section id="reports"><h2>报告 Reports</h2><p><input id="filter" type="search" '
                 'placeholder="筛选 filter: 机关、规则、文件 organ, rule, file" aria-label="filter"> '
                 '<span id="shown"></span></p><table id="report-table"><thead><tr>'
                 + "".join(f'<th data-key="{k}" data-type="{t}">{html.escape(label)}</th>' for k, t, label in REPORT_COLUMNS)
                 + "</tr></thead><tbody></tbody></table></section>")
    data = json.dumps(corpus.rows, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return PAGE.format(title=html.escape(title), body="\n".join(parts), data=data, script=SCRIPT, style=STYLE)


REPORT_COLUMNS = [("file", "text", "文件 file"), ("organ", "text", "机关 organ"), ("year", "number", "年度 year"),
                  ("status", "text", "状态 status"), ("errors", "number", "错误 errors"),
                  ("warnings", "number", "警告 warnings"), ("rules", "text", "规则 rules"),
                  ("received", "number", "新收 received"), ("granted_share", "number", "公开比例 share %")]


def _table(name: str, header: list[str], rows: list[list]) -> str:
    def cell(v):
        return "" if v is None else html.escape(str(v))

    return (f'<table class="data" id="table-{name}"><thead><tr>' + "".join(f"<th>{html.escape(h)}</th>" for h in header)
            + "</tr></thead><tbody>" + "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>" for row in rows)
            + "</tbody></table>")


def _figure(name: str, heading: str, svg: str, header: list[str], rows: list[list]) -> str:
    return (f'<section id="{name}"><h2>{html.escape(heading)}</h2><div class="pair"><figure class="chart" '
            f'id="chart-{name}">{svg}</figure><div class="numbers">{_table(name, header, rows)}</div></div></section>')


STYLE = """
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
.cards { display: flex; gap: 1em; flex-wrap: wrap; }
.card { border: 1px solid #ccc; border-radius: 6px; padding: .6em 1em; min-width: 8em; }
.card b { display: block; font-size: 1.6em; }
.pair { display: flex; gap: 1.5em; flex-wrap: wrap; align-items: flex-start; }
figure.chart { margin: 0; max-width: 100%; overflow-x: auto; } figure.chart svg { max-width: 100%; height: auto; }
.numbers { max-height: 28em; overflow: auto; }
table { border-collapse: collapse; font-size: .85em; }
th, td { border: 1px solid #ccc; padding: .2em .5em; text-align: left; }
td { font-variant-numeric: tabular-nums; }
#report-table th { cursor: pointer; background: #f4f4f4; user-select: none; }
#report-table th.asc::after { content: " ▲"; } #report-table th.desc::after { content: " ▼"; }
tr.errors td:nth-child(4) { color: #D55E00; font-weight: bold; } tr.warnings td:nth-child(4) { color: #0072B2; }
input[type=search] { width: 24em; padding: .3em; }
"""

SCRIPT = """
(function () {
  const rows = JSON.parse(document.getElementById('report-data').textContent);
  const table = document.getElementById('report-table');
  const body = table.tBodies[0];
  const heads = [...table.tHead.rows[0].cells];
  const keys = heads.map(h => h.dataset.key);
  let order = {key: null, dir: 1}, query = '';
  function text(r, k) { const v = r[k]; return Array.isArray(v) ? v.join(' ') : (v === null || v === undefined ? '' : String(v)); }
  function draw() {
    let shown = rows;
    if (query) { const q = query.toLowerCase(); shown = rows.filter(r => keys.some(k => text(r, k).toLowerCase().includes(q))); }
    if (order.key) {
      const k = order.key, num = heads[keys.indexOf(k)].dataset.type === 'number';
      shown = [...shown].sort((a, b) => {
        const x = a[k], y = b[k];
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        return (num ? x - y : text(a, k).localeCompare(text(b, k), 'zh')) * order.dir;
      });
    }
    const frag = document.createDocumentFragment();
    for (const r of shown) {
      const tr = document.createElement('tr');
      tr.className = r.status;
      for (const k of keys) {
        const td = document.createElement('td');
        if (k === 'file' && r.link) { const a = document.createElement('a'); a.href = r.link; a.textContent = r.file; td.appendChild(a); }
        else td.textContent = text(r, k);
        tr.appendChild(td);
      }
      frag.appendChild(tr);
    }
    body.replaceChildren(frag);
    document.getElementById('shown').textContent = shown.length + ' / ' + rows.length;
  }
  heads.forEach(h => h.addEventListener('click', () => {
    order = {key: h.dataset.key, dir: order.key === h.dataset.key ? -order.dir : 1};
    heads.forEach(x => x.classList.remove('asc', 'desc'));
    h.classList.add(order.dir > 0 ? 'asc' : 'desc');
    draw();
  }));
  document.getElementById('filter').addEventListener('input', e => { query = e.target.value.trim(); draw(); });
  draw();
})();
"""

PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{style}</style></head>
<body><h1>{title}</h1>
<p>由 gaischema 生成；离线可用，不连接网络。Made by gaischema; works offline, fetches nothing.</p>
{body}
<script type="application/json" id="report-data">{data}</script>
<script>{script}</script>
</body></html>
"""
