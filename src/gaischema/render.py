"""Render an instance in the official layout of its format version: HTML (one standalone page, A4 print
CSS, merged header cells) or Markdown. Everything comes from the schema's cell map and labels: the row
label paths give the row spans, the enumerations give the column headers.
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache
from html import escape

from gaischema.model import Model, get
from gaischema.validate import validate

CSS = """
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "FangSong", "仿宋", "STFangsong", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC",
       "Source Han Serif SC", serif; font-size: 12pt; line-height: 1.7; color: #000; max-width: 180mm;
       margin: 0 auto; padding: 12mm 0; }
h1 { font-family: "SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 18pt;
     text-align: center; font-weight: bold; margin: 0 0 6mm; }
h2 { font-family: "SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 14pt; margin: 8mm 0 3mm; }
p { text-indent: 2em; margin: 0 0 2mm; }
p.meta, p.signature { text-indent: 0; text-align: right; }
p.date { text-indent: 0; text-align: center; }
table { border-collapse: collapse; width: 100%; margin: 3mm 0 6mm; font-size: 10.5pt; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 1mm 1.5mm; text-align: center; vertical-align: middle; }
td.label { text-align: left; }
td:not(.label) { font-variant-numeric: tabular-nums; }
td.bad { background: #fde2e1; outline: 2px solid #c00; }
aside.findings { border: 1px solid #c00; padding: 2mm 4mm; margin: 0 0 6mm; font-size: 10pt; }
aside.findings li { margin: 1mm 0; }
aside.findings summary { cursor: pointer; }
td.corrected { background: #e4f1fb; outline: 2px solid #0072B2; }
.evidence { margin: 1mm 0 2mm; } .evidence img { max-width: 100%; border: 1px solid #999; display: block; }
.evidence .shot { position: relative; display: inline-block; max-width: 100%; }
.evidence .frame { position: absolute; outline: 2px solid #D55E00; outline-offset: 1px; pointer-events: none; }
.evidence .row { font-family: monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
.evidence mark { background: #ffd699; outline: 1px solid #D55E00; }
@media print { aside.findings { break-inside: avoid; } }
"""

# A standalone rendering (gaischema render) carries its CSS; a report's renderings link one shared file beside
# them instead (``<page>_files/rendering.css``, written by the report), so that each is its own content and not
# 2 KB of the same CSS again. The stylesheet comes only from the rendering's own origin (style-src-elem
# 'self': no other place, and no <style> element at all); style attributes stay allowed (the evidence's frame
# is placed by one), as before. style-src is the fallback of browsers older than CSP level 3. No script.
CSP = "default-src 'none'; img-src data: 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
LINKED_CSP = ("default-src 'none'; img-src 'self'; style-src 'self' 'unsafe-inline'; style-src-elem 'self'; "
              "style-src-attr 'unsafe-inline'")


def cell_text(value) -> str:
    """A cell's value as the official layout prints it: blank for None, 3.0 as 3."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class Cell:
    """One cell of the official layout: a label (text) or a value (path), with its spans."""

    __slots__ = ("text", "path", "rowspan", "colspan", "label")

    def __init__(self, text: str = "", path: str | None = None, rowspan: int = 1, colspan: int = 1,
                 label: bool = False):
        self.text, self.path, self.rowspan, self.colspan, self.label = text, path, rowspan, colspan, label


def _layout2(cells: list[dict]) -> list[list[Cell]]:
    blocks: dict[str, list[list[dict]]] = {}
    for cell in cells:
        group, _ = cell["row"].split(" / ")
        rows = blocks.setdefault(group, [])
        if not rows or rows[-1][0]["row"] != cell["row"]:
            rows.append([])
        rows[-1].append(cell)
    width = max(len(r) for rows in blocks.values() for r in rows)
    span_total = width * 2  # an even grid, so that 1, 2 or 3 value columns all divide it

    def spans(k: int) -> list[int]:
        base = span_total // k
        return [base] * (k - 1) + [span_total - base * (k - 1)]

    out: list[list[Cell]] = []
    for group, rows in blocks.items():
        out.append([Cell(group, colspan=1 + span_total)])
        heads = rows[0]
        out.append([Cell("信息内容")] + [Cell(h["column"], colspan=sp) for h, sp in zip(heads, spans(len(heads)))])
        for row in rows:
            out.append([Cell(row[0]["row"].split(" / ")[-1], label=True)]
                       + [Cell(path=c["path"], colspan=sp) for c, sp in zip(row, spans(len(row)))])
    return out


def _layout3(cells: list[dict]) -> list[list[Cell]]:
    enum = Model.load().enums["ApplicantColumnEnum"]["values"]
    cols = list(enum)
    org = [k for k in cols if enum[k].get("group")]
    out = [[Cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowspan=3, colspan=3),
            Cell("申请人情况", colspan=len(cols))],
           [Cell(enum[cols[0]]["title"], rowspan=2), Cell(enum[org[0]]["group"], colspan=len(org)),
            Cell(enum[cols[-1]]["title"], rowspan=2)],
           [Cell(enum[k]["title"]) for k in org]]
    rows: list[tuple[list[str], str]] = []  # (label path, row path)
    for cell in cells:
        rp = cell["path"].rsplit(".", 1)[0]
        if not rows or rows[-1][1] != rp:
            rows.append((cell["row"].split(" / "), rp))
    span: dict[tuple, int] = {}
    for parts, _ in rows:
        for i in range(1, len(parts)):
            span[tuple(parts[:i])] = span.get(tuple(parts[:i]), 0) + 1
    opened: set[tuple] = set()
    for parts, rp in rows:
        row = []
        for i in range(1, len(parts)):
            key = tuple(parts[:i])
            if key not in opened:
                opened.add(key)
                row.append(Cell(parts[i - 1], rowspan=span[key]))
        row.append(Cell(parts[-1], colspan=3 - (len(parts) - 1), label=True))
        row.extend(Cell(path=f"{rp}.{k}") for k in cols)
        out.append(row)
    return out


def _layout4(cells: list[dict]) -> list[list[Cell]]:
    groups: list[tuple[list[str], list[dict]]] = []
    for cell in cells:
        if not groups or groups[-1][1][0]["row"] != cell["row"]:
            groups.append((cell["row"].split(" / "), []))
        groups[-1][1].append(cell)
    first, rest = groups[0], groups[1:]
    n = len(first[1])
    top = rest[0][0][0] if rest and len(rest[0][0]) > 1 else ""
    return [[Cell(first[0][-1], colspan=n), Cell(top, colspan=n * len(rest))],
            [Cell(x["column"], rowspan=2) for x in first[1]] + [Cell(g[0][-1], colspan=n) for g in rest],
            [Cell(x["column"]) for g in rest for x in g[1]],
            [Cell(path=x["path"]) for g in groups for x in g[1]]]


LAYOUTS = {"二": _layout2, "三": _layout3, "四": _layout4}


def layout(version: str, table: str) -> list[list[Cell]]:
    """The official layout of a table of a format version, from the cell map."""
    return LAYOUTS[table](Model.load().cells(version, table))


def _html_rows(rows: list[list[Cell]], instance: dict, bad: dict[str, list],
               corrected: dict[str, str] | None = None) -> list[list[dict]]:
    """A table's cells for the template: text, spans, and for a value its path, the findings on it and, for a
    cell an evaluator corrected, the correction's note."""
    out = []
    for row in rows:
        cells = []
        for c in row:
            cell = {"rowspan": c.rowspan, "colspan": c.colspan, "label": c.label, "path": c.path, "note": None,
                    "corrected": None}
            if c.path is None:
                cell["text"] = c.text
            else:
                cell["text"] = cell_text(get(instance, c.path))
                found = bad.get(c.path)
                if found:
                    cell["note"] = "；".join(f"{f.rule}: {f.message}" for f in found)
                if corrected and c.path in corrected:
                    cell["corrected"] = corrected[c.path]
            cells.append(cell)
        out.append(cells)
    return out


def _text(value) -> str:
    """A text slot as shown: text as it is; a number as written; anything else (a list, a mapping: a
    type-broken slot, which the validator reports) shown as nothing."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return cell_text(value)
    return ""


def _paragraphs(text) -> list[str]:
    return [line for line in _text(text).split("\n") if line.strip()]


def _cn_date(iso) -> str | None:
    """2024-01-05 as 2024年1月5日; None for what is not a date (the validator reports it)."""
    try:
        d = _dt.date.fromisoformat(iso) if isinstance(iso, str) else None
    except ValueError:
        return None
    return f"{d.year}年{d.month}月{d.day}日" if d else None


@lru_cache(maxsize=1)
def templates():
    """The package's Jinja templates (``gaischema/templates``), autoescaped: every value is text unless a
    template marks it safe."""
    import jinja2  # late: comes with linkml; only the renderings and the report page need it

    return jinja2.Environment(loader=jinja2.PackageLoader("gaischema", "templates"), autoescape=True,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def render_html(instance: dict, annotate: bool = False, findings: list | None = None,
                evidence: dict[int, dict] | None = None, stylesheet: str | None = None) -> str:
    """The report as one standalone HTML page in the official layout (the template
    ``templates/rendering.html.j2``, autoescaped: nothing in a report is markup). ``findings``: the report's
    findings when already known (annotate without validating again). ``evidence``: by finding index, the
    original's piece that holds the finding's cell — ``{"img": link, "where"}`` (a picture of the printed
    row) or ``{"text", "start", "end", "where"}`` (the source row, the cell's characters marked) — shown
    under the finding, one click away. Cells an evaluator corrected (``corrected`` notes) are marked.
    ``stylesheet``: a link to :data:`CSS` in a file (``report`` writes one beside its renderings) instead of the
    CSS inlined, under :data:`LINKED_CSP`; the rendering is then compact (only marked cells carry a path)."""
    model = Model.load()
    version = instance.get("format_version") if isinstance(instance, dict) else None
    if not isinstance(version, str) or version not in model.versions:
        raise ValueError("the instance has no valid format_version")
    if annotate and findings is None:
        findings = validate(instance)
    findings = findings if annotate else []
    bad: dict[str, list] = {}
    for f in findings:
        bad.setdefault(f.path, []).append(f)
    shown = {id(f): _evidence_view((evidence or {}).get(i)) for i, f in enumerate(findings)}
    extraction = instance.get("extraction")
    notes = extraction.get("notes") if isinstance(extraction, dict) else None
    corrected = {n["note_path"]: n.get("note_message", "") for n in notes or []
                 if isinstance(n, dict) and n.get("note_kind") == "corrected" and isinstance(n.get("note_path"), str)}
    organ, year = _text(instance.get("organ")), _text(instance.get("report_year"))
    slots = {s["name"]: s for s in model.root_slots}
    period = instance.get("statistical_period")
    period = period if isinstance(period, dict) else {}
    start, end = _cn_date(period.get("start_date")), _cn_date(period.get("end_date"))
    table_slots = model.table_slots(version)
    tables = []
    for table, slot in table_slots.items():
        tables.append({"title": slot["title"], "cls": f"t{ {'二': 2, '三': 3, '四': 4}[table] }",
                       "rows": _html_rows(layout(version, table), instance, bad, corrected),
                       "findings": [(f, shown[id(f)]) for f in findings if f.path.split(".")[0] == slot["name"]]})
    names = {s["name"] for s in table_slots.values()}
    published = instance.get("publication_date")
    return templates().get_template("rendering.html.j2").render(
        css=CSS, stylesheet=stylesheet, csp=LINKED_CSP if stylesheet else CSP, title=f"{organ}{year}年政府信息公开工作年度报告", organ=organ,
        publication_date=published if isinstance(published, str) else None,
        period=(start, end) if start and end else None,
        overview=(slots["overview"]["title"], _paragraphs(instance.get("overview"))),
        tables=tables,
        sections=[(slots[n]["title"], _paragraphs(instance.get(n))) for n in ("problems_and_improvements", "other_matters")],
        rest=[f for f in findings if f.path.split(".")[0] not in names], corrected=len(corrected),
        signature=_cn_date(published) if organ else None)


def _evidence_view(ev: dict | None) -> dict | None:
    """A finding's evidence for the template: the picture's link, or the row's text in three pieces (before
    the cell, the cell, after it)."""
    if not ev:
        return None
    if "img" in ev:
        frame = ev.get("frame") or [0, 0, 0, 0]
        return {"img": ev["img"], "where": ev.get("where", ""),
                "frame": "left:{}%;top:{}%;width:{}%;height:{}%".format(*frame) if ev.get("frame") else None}
    text, start, end = ev.get("text", ""), ev.get("start", 0), ev.get("end", 0)
    return {"img": None, "before": text[:start], "mark": text[start:end] or "□", "after": text[end:],
            "where": ev.get("where", "")}


def grid(rows: list[list[Cell]]) -> list[list[tuple[Cell, bool]]]:
    """A layout's rows as a full grid: each position holds (the cell covering it, whether the cell starts
    there)."""
    out: list[list[tuple[Cell, bool] | None]] = []
    for r, row in enumerate(rows):
        while len(out) <= r:
            out.append([])
        col = 0
        for cell in row:
            while col < len(out[r]) and out[r][col] is not None:
                col += 1
            for dr in range(cell.rowspan):
                while len(out) <= r + dr:
                    out.append([])
                line = out[r + dr]
                while len(line) < col + cell.colspan:
                    line.append(None)
                for dc in range(cell.colspan):
                    line[col + dc] = (cell, dr == 0 and dc == 0)
            col += cell.colspan
    return [[c for c in line if c is not None] for line in out]


def render_markdown(instance: dict) -> str:
    """The report as Markdown: headings, narrative, and each table as a pipe table of the official layout
    (a merged label repeated in every position it covers, as PDF-to-Markdown converters write it)."""
    model = Model.load()
    version = instance.get("format_version")
    if version not in model.versions:
        raise ValueError("the instance has no valid format_version")
    slots = {s["name"]: s for s in model.root_slots}
    out = [_md(f"# {instance.get('organ', '')}{instance.get('report_year', '')}年政府信息公开工作年度报告"), ""]
    if isinstance(instance.get("publication_date"), str):
        out += [_md(f"发布日期：{instance['publication_date']}"), ""]
    out += [f"## {slots['overview']['title']}", "", *[_md(line) for line in (instance.get("overview") or "").split("\n")], ""]
    for table, slot in model.table_slots(version).items():
        out += [f"## {slot['title']}", ""]
        for n, line in enumerate(grid(layout(version, table))):
            # a merged label is repeated in each position; a merged value is written once
            texts = [_md_cell(c.text if c.path is None else cell_text(get(instance, c.path)) if first else "")
                     for c, first in line]
            out.append("| " + " | ".join(texts) + " |")
            if n == 0:
                out.append("|" + "---|" * len(texts))
        out.append("")
    for name in ("problems_and_improvements", "other_matters"):
        out += [f"## {slots[name]['title']}", "", *(_md(x) for x in (instance.get(name) or "").split("\n")), ""]
    return "\n".join(out)


def _md_cell(text: str) -> str:
    return _md(" ".join(text.split())).replace("|", "\\|")


def _md(text: str) -> str:
    """Report text in Markdown: HTML in it is shown, not run (<script> becomes &lt;script&gt;)."""
    return escape(text, quote=False)
