"""Test helper: lay an instance out as a published report would (text, HTML, Word), from the cell map.

A minimal stand-in for real published files, so the extractor is tested on every input kind with known
values; it is not the renderer (which would produce the official merged layout).
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from gaischema import resources

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
    doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{"".join(parts)}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", doc)
    return buf.getvalue()
