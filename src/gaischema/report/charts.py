"""The page's charts: static SVG drawn by matplotlib and inlined (no charting runtime to embed, nothing to
fetch). Text stays text (``svg.fonttype: none``), every mark carries an id (``mark-<chart>-<n>``), text from
reports is never read as mathtext and is cut to a length; Okabe–Ito colours and the cividis map."""

from __future__ import annotations

import io
import logging
import warnings
from collections import Counter

from gaischema.report.facts import TEXT_CHARS, cut

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
HEATMAP_ORGANS = 40
LABEL_CHARS = 40  # a chart label from a report is cut to this many characters
CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "SimHei", "Microsoft YaHei", "PingFang SC"]


class ChartsUnavailable(Exception):
    """matplotlib is not installed (the optional extra ``gaischema[report]``)."""


def pyplot():
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
    # text from reports is text: never mathtext ($…$ would be parsed, and can recurse or run for ever), never TeX
    plt.rcParams.update({"svg.fonttype": "none", "font.family": fonts, "font.size": 9, "svg.hashsalt": "gaischema",
                         "axes.spines.top": False, "axes.spines.right": False, "text.usetex": False,
                         "text.parse_math": False})
    return plt


def _label(text: object) -> str:
    """A chart label from a report: one line, cut to LABEL_CHARS."""
    return cut(" ".join(str(text).split()), LABEL_CHARS)


def _svg(fig, plt) -> str:
    buf = io.StringIO()
    with warnings.catch_warnings():  # a glyph missing from the layout fonts: the reader's browser draws it
        warnings.filterwarnings("ignore", "Glyph .* missing from", UserWarning)
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]  # inline: no XML declaration or DOCTYPE


def bars(plt, name: str, labels: list[str], values: list[int], title: str) -> str:
    fig, ax = plt.subplots(figsize=(7, 0.3 * len(labels) + 0.8))
    bars = ax.barh(range(len(labels)), values, color=OKABE_ITO[4])
    for i, bar in enumerate(bars):
        bar.set_gid(f"mark-{name}-{i}")
    ax.set_yticks(range(len(labels)), [_label(x) for x in labels])
    ax.invert_yaxis()
    ax.set_title(title, loc="left")
    return _svg(fig, plt)


def stacked(plt, name: str, years: list[int], series: list[tuple[str, list[int]]], title: str) -> str:
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


def line(plt, name: str, years: list[int], values: list[float | None], title: str) -> str:
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


def heatmap(plt, organs: list[str], rules: list[str], heat: Counter) -> str:
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
    ax.set_xticks([j + 0.5 for j in range(len(rules))], [_label(r) for r in rules], rotation=60, ha="right")
    ax.set_yticks([i + 0.5 for i in range(len(organs))], [_label(o) for o in organs])
    ax.set_title("机关 × 规则 Organs × rules (findings)", loc="left")
    return _svg(fig, plt)


def figure(name: str, heading: str, svg: str, header: list[str], rows: list[list]) -> dict:
    return {"name": name, "heading": heading, "svg": svg, "header": header, "rows": rows}


def clusters_figure(plt, clusters: list) -> dict:
    """The near-duplicate clusters (CrossChecker.clusters(): per section and year, the reports whose text is
    nearly the same, the earliest first): which organs publish the same text. The 200 largest in the table,
    the 30 largest drawn."""
    rows = []
    for n, cluster in enumerate(clusters[:200], 1):
        members = cluster["members"]
        organs = list(dict.fromkeys(str(m["organ"] or "?") for m in members))
        rows.append([n, cluster["section"], cluster["year"], len(members), len(organs),
                     cut("、".join(organs), TEXT_CHARS), str(members[0]["file"]),
                     cut("、".join(str(m["file"]) for m in members[:20]) + ("…" if len(members) > 20 else ""),
                          TEXT_CHARS)])
    drawn = clusters[:30]
    labels = [f"{c['section']} {c['year']} {c['members'][0]['organ'] or '?'}" for c in drawn]
    svg = bars(plt, "clusters", labels, [len(c["members"]) for c in drawn], "相同文字的报告数 Reports per cluster")
    return figure("clusters", f"相同文字的报告 Near-duplicate narratives: which organs publish the same text "
                               f"（{len(clusters)} 个簇 clusters）", svg,
                   ["簇 cluster", "部分 section", "年度 year", "报告 reports", "机关 organs", "机关名 organ names",
                    "最早 earliest", "文件 files"], rows)
