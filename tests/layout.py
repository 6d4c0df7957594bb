"""Test helper: lay an instance out as a published report would (text, HTML, Word), from the cell map.

A minimal stand-in for real published files, so the extractor is tested on every input kind with known
values; it is not the renderer (which would produce the official merged layout).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from gaischema import resources
from gaischema.model import Model, get
from gaischema.docx import package

HEADINGS = {"二": "二、主动公开政府信息情况", "三": "三、收到和处理政府信息公开申请情况",
            "四": "四、政府信息公开行政复议、行政诉讼情况"}


def _get(inst, path):
    for step in path.split("."):
        inst = inst.get(step) if isinstance(inst, dict) else None
    return inst


def rows(inst: dict):
    """Blocks in reading order: ('p', text) paragraphs and ('row', [cells]) table rows."""
    cells = resources.model()["cells"][inst["format_version"]]
    out = [("p", f"{inst['report_year']}年{inst['organ']}政府信息公开工作年度报告"), ("p", "一、总体情况"),
           ("p", inst.get("overview", "概述。"))]
    for table in "二三四":
        out.append(("p", HEADINGS[table]))
        tc = [c for c in cells if c["table"] == table]
        if table == "四":
            out.append(("row", ["行政复议", "行政诉讼"]))
            out.append(("row", [c["column"] for c in tc[:5]] + ["未经复议直接起诉", "复议后起诉"]))
            out.append(("row", [c["column"] for c in tc[5:]]))
            out.append(("row", [_fmt(_get(inst, c["path"])) for c in tc]))
            continue
        seen, row, current = set(), None, None
        for c in tc:
            parts = c["row"].split(" / ")
            for i, part in enumerate(parts[:-1]):
                if (i, part) not in seen:
                    seen.add((i, part))
                    out.append(("row", [part] + ([c2["column"] for c2 in tc if c2["row"] == c["row"]]
                                                 if part.startswith("第二十条") else [])))
            if c["row"] != current:
                current, row = c["row"], [parts[-1]]
                out.append(("row", row))
            row.append(_fmt(_get(inst, c["path"])))
    out += [("p", "五、存在的主要问题及改进情况"), ("p", inst.get("problems_and_improvements", "问题。")),
            ("p", "六、其他需要报告的事项"), ("p", inst.get("other_matters", "无。"))]
    return out


def _fmt(v):
    return "" if v is None else str(v)


def as_text(inst: dict, sep: str = "\n") -> str:
    """One cell per line (sep='\\n'), cells separated by spaces (sep=' ') or run together (sep='')."""
    lines = []
    for kind, value in rows(inst):
        lines.append(value if kind == "p" else sep.join(value))
    return "\n".join(lines) + "\n"


def as_html(inst: dict) -> str:
    body = []
    for kind, value in rows(inst):
        if kind == "p":
            body.append("".join(f"<p>{escape(line)}</p>" for line in value.split("\n")))
        else:
            body.append("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in value) + "</tr>")
    html, in_table = [], False
    for b in body:
        if b.startswith("<tr>") and not in_table:
            html.append('<table border="1">')
            in_table = True
        if not b.startswith("<tr>") and in_table:
            html.append("</table>")
            in_table = False
        html.append(b)
    return "<html><body>" + "\n".join(html) + "</body></html>"


def as_docx(inst: dict) -> bytes:
    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    parts, table = [], []

    def para(text):
        return f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>"

    def flush():
        if table:
            parts.append("<w:tbl>" + "".join(table) + "</w:tbl>")
            table.clear()

    for kind, value in rows(inst):
        if kind == "p":
            flush()
            parts.extend(para(line) for line in value.split("\n"))
        else:
            table.append("<w:tr>" + "".join(f"<w:tc>{para(v)}</w:tc>" for v in value) + "</w:tr>")
    flush()
    return docx_package(f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{"".join(parts)}</w:body></w:document>')


# --------------------------------------------------------------------------------------------------- layouts
# Other kinds of layout seen in the wild, built from the official layout model (render.layout), so that every
# valid example can be laid out in each of them.
def _official_grid(inst: dict, table: str):
    from gaischema.render import grid, layout

    out = []
    for line in grid(layout(inst["format_version"], table)):
        out.append([(c.text if c.path is None else _fmt(_get(inst, c.path)), c, first) for c, first in line])
    return out


def _frame(inst: dict, body: dict[str, list[str]]) -> list[str]:
    out = [f"{inst['organ']}{inst['report_year']}年度政府信息公开工作年度报告", "一、总体情况", inst.get("overview", "概述。")]
    for table in "二三四":
        out.append(HEADINGS[table])
        out.extend(body[table])
    out += ["五、存在的主要问题及改进情况", inst.get("problems_and_improvements", "问题。"),
            "六、其他需要报告的事项", inst.get("other_matters", "无。")]
    return out


def as_pipe_markdown(inst: dict) -> str:
    """As PDF-to-Markdown converters write: one small pipe table per row block, placeholder headers
    (数据1 … 数据N), '-' for an empty cell, merged labels repeated on every row, merged values repeated."""
    body: dict[str, list[str]] = {}
    for table in "二三四":
        lines: list[str] = []
        for n, row in enumerate(_official_grid(inst, table)):
            texts = [t or "-" for t, _, _ in row]
            if n % 4 == 0:  # a new small table, with a placeholder header
                lines += ["", "| " + " | ".join(["项目"] + [f"数据{i}" for i in range(1, len(texts))]) + " |",
                          "|" + " --- |" * len(texts)]
            lines.append("| " + " | ".join(" ".join(t.split()) for t in texts) + " |")
        body[table] = lines + [""]
    return "\n".join(_frame(inst, body)) + "\n"


def as_wrapped_text(inst: dict, width: int = 9) -> str:
    """As a PDF text layer converted to text: labels hard-wrapped every `width` characters, and each row's
    values on a line of their own after its label lines."""
    body: dict[str, list[str]] = {}
    for table in "二三四":
        lines: list[str] = []
        for row in _official_grid(inst, table):
            label, seen = [], set()
            for text, cell, first in row:
                if cell.path is None and id(cell) not in seen and first:
                    seen.add(id(cell))
                    label.append("".join(text.split()))
            values = [t for t, c, first in row if c.path is not None and first]
            text = "".join(label)
            lines += [text[i:i + width] for i in range(0, len(text), width)]
            if values:
                lines.append(" ".join(v if v else "—" for v in values))
        body[table] = lines
    return "\n".join(_frame(inst, body)) + "\n"


def as_docx_merged(inst: dict) -> bytes:
    """A Word file with the official layout: merged cells as gridSpan and vMerge."""
    from gaischema.render import layout

    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def para(text):
        return f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>"

    parts: list[str] = []
    for line in _frame(inst, {t: [f"@table {t}"] for t in "二三四"}):
        if not line.startswith("@table "):
            parts.extend(para(x) for x in line.split("\n"))
            continue
        rows = layout(inst["format_version"], line[-1])
        placed: dict[tuple[int, int], tuple] = {}  # (r, c) -> (cell, first row of a vertical merge?)
        for r, row in enumerate(rows):
            c = 0
            for cell in row:
                while (r, c) in placed:
                    c += 1
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        placed[(r + dr, c + dc)] = (cell, dr == 0, dc == 0)
                c += cell.colspan
        trs = []
        for r in range(len(rows)):
            tcs = []
            for c in range(max(cc for rr, cc in placed) + 1):
                if (r, c) not in placed:
                    continue
                cell, top, left = placed[(r, c)]
                if not left:
                    continue
                props = (f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else "")
                if cell.rowspan > 1:
                    props += '<w:vMerge w:val="restart"/>' if top else "<w:vMerge/>"
                text = (cell.text if cell.path is None else _fmt(_get(inst, cell.path))) if top else ""
                tcs.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{para(text)}</w:tc>")
            trs.append("<w:tr>" + "".join(tcs) + "</w:tr>")
        borders = "".join(f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                          for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
        parts.append(f"<w:tbl><w:tblPr><w:tblBorders>{borders}</w:tblBorders></w:tblPr>" + "".join(trs) + "</w:tbl>")
    return docx_package(f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{"".join(parts)}</w:body></w:document>')


def docx_package(document_xml: str, parts: dict | None = None, types: dict | None = None) -> bytes:
    """A minimal but complete .docx package around a document.xml: gaischema's own package writer."""
    return package(document_xml, parts, types)


def as_separate_blocks(inst: dict, model: Model) -> str | None:
    """The report as text whose table 三 lists its labels (each group label once, where it first appears), then
    its value rows in a second block, as some PDFs' text layers hold them; None without the 三 and 四 headings."""
    text = as_text(inst, " ")
    if "三、收到和处理" not in text or "四、政府信息公开行政复议" not in text:
        return None
    rows = model.rows(inst["format_version"], "三")
    labels, seen = [], set()
    for row in rows:
        for group in row.labels[:-1]:
            if group not in seen:
                seen.add(group)
                labels.append(group)
        labels.append(row.label)
    values = [" ".join(str(get(inst, p)) for p in row.cells) for row in rows]
    start, end = text.index("三、收到和处理"), text.index("四、政府信息公开行政复议")
    return (text[:start] + "三、收到和处理政府信息公开申请情况\n" + "\n".join(labels) + "\n" + "\n".join(values)
            + "\n" + text[end:])
