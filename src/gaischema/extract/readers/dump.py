"""Crawler dumps: one file (CSV, TSV, JSON Lines, a JSON array of objects, a workbook with a header row)
with a row per published page — its title, date, content, URL and source.

Why a reader of its own: a crawler keeps what it fetched as a table, and a table of ten pages read as one text
is one report that is none of them. So a dump is told by its content (a header row, or JSON objects, with a
column whose name says it holds a page's content: 内容, 正文, content, text, html), not by its file name, and is
handed over as rows: each :class:`DumpRow` carries the page's content (and whether it is HTML or text) and the
crawler's own fields, which the pipeline turns into one document per row with the fields as document metadata
(a crawler's title and source are more specific than what the text suggests). A file with no such column is no
dump and is read as before (a workbook of report tables, the gaischema workbook, a text).

Columns are found by name (:data:`COLUMNS`); ``columns={"content": NAME, "title": NAME}`` names them where a
crawler used other names (``--content-column``, ``--title-column`` of ``gaischema extract``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass

from gaischema.extract.readers.common import MAX_TABLE_CELLS, META_SHEET, NotAReport, not_report
from gaischema.extract.readers.package import check_package
from gaischema.extract.readers.text import decode_text
from gaischema.loading import MAX_BYTES, InputError

__all__ = ["COLUMNS", "DUMP_SUFFIXES", "DumpRow", "find_columns", "read_dump"]

DUMP_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json")
# the names crawlers give their columns, per field, most telling first (compared case-insensitively)
COLUMNS = {
    "content": ("正文", "内容", "正文内容", "全文", "content", "text", "html", "body", "article", "page"),
    "title": ("标题", "题目", "文章标题", "名称", "title", "name", "headline"),
    "date": ("发布时间", "发布日期", "时间", "日期", "成文日期", "date", "pubdate", "publish_time", "published",
             "time"),
    "url": ("原文链接", "链接", "网址", "url", "link", "href", "source_url"),
    "source": ("发布机构", "来源", "机构", "发布单位", "source", "publisher", "organ", "author"),
}
_HTML = re.compile(r"<(?:p|div|table|tr|td|br|span|html|body|h[1-6])\b", re.I)
_MAX_ROWS = 100_000


@dataclass
class DumpRow:
    """One page of a dump: its row number (1 = the first row after the header), its content and the
    crawler's fields, raw as found (None where the dump has no such column or the cell is empty)."""

    row: int
    content: str | None
    content_format: str  # "html" or "txt"
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    broken: bool = False  # a line of JSON Lines that is no JSON object

    def meta(self) -> dict[str, str]:
        """The crawler's fields as document metadata (keys ``title``, ``date``, ``url``, ``source``)."""
        return {k: v for k in ("title", "date", "url", "source") if (v := getattr(self, k))}


def find_columns(header: list[str], columns: dict[str, str] | None = None) -> dict[str, int]:
    """Field -> column index, by name: a name given in ``columns`` first, else the known names (exact, then
    a header that contains one). No content column: an empty mapping (not a dump)."""
    names = [" ".join(str(h or "").split()).lower() for h in header]
    out: dict[str, int] = {}
    for field, known in COLUMNS.items():
        wanted = (columns or {}).get(field)
        if wanted:
            hit = [i for i, n in enumerate(names) if n == wanted.strip().lower()]
        else:
            hit = next(([i for i, n in enumerate(names) if n == k.lower()] for k in known
                        if any(n == k.lower() for n in names)), [])
            if not hit and field != "content":
                hit = next(([i for i, n in enumerate(names) if k.lower() in n] for k in known
                            if any(k.lower() in n for n in names)), [])
        if hit and hit[0] not in out.values():
            out[field] = hit[0]
    return out if "content" in out else {}


def _row(n: int, values: list, cols: dict[str, int]) -> DumpRow:
    def get(field):
        i = cols.get(field)
        v = values[i] if i is not None and i < len(values) else None
        if v is None:
            return None
        v = str(v).replace("\r\n", "\n").replace("\r", "\n")
        return v if v.strip() else None

    content = get("content")
    fmt = "html" if content and _HTML.search(content[:8192]) else "txt"
    return DumpRow(n, content, fmt, get("title"), get("date"), get("url"), get("source"))


def read_dump(path: str, data: bytes, columns: dict[str, str] | None = None) -> list[DumpRow] | None:
    """The rows of a crawler dump, or None when the file is no dump (no header row or JSON objects with a
    content column). Raises InputError for a dump that cannot be read."""
    if data.startswith(b"PK\x03\x04"):
        return _xlsx_rows(data, columns)
    if b"\x00" in data[:8192] or data.lstrip()[:5] == b"%PDF-":
        return None
    try:
        text, _ = decode_text(data)
    except InputError:
        return None
    start = text.lstrip()[:1]
    if start in ("[", "{"):
        return _json_rows(text, columns)
    first = text.split("\n", 1)[0]
    if "<" in first and re.search(r"<(?:html|!doctype|table|p|div|body)\b", first, re.I):
        return None
    delimiter = "\t" if first.count("\t") > first.count(",") or path.lower().endswith(".tsv") else ","
    if delimiter not in first:
        return None
    if csv.field_size_limit() < MAX_BYTES:  # a page's HTML is often more than the module's default 128 KiB
        csv.field_size_limit(MAX_BYTES)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
        cols = find_columns(header, columns)
        if not cols:
            return None
        rows = []
        for n, values in enumerate(reader, 1):
            if not any(v.strip() for v in values):
                continue
            rows.append(_row(n, values, cols))
            if len(rows) > _MAX_ROWS:
                raise InputError("INPUT-TOO-LARGE", f"数据行过多（上限 {_MAX_ROWS}）", f"too many rows (the limit is {_MAX_ROWS})")
    except csv.Error as exc:
        raise not_report(f"CSV 文件损坏：{exc}", f"a damaged CSV file: {exc}") from None
    return rows


def _loads(text: str):
    """json.loads, with nesting too deep for the parser as a ValueError like any other bad JSON."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _json_rows(text: str, columns: dict[str, str] | None) -> list[DumpRow] | None:
    """A JSON array of objects, or JSON Lines (one object a line)."""
    stripped = text.strip()
    objects: list = []
    try:
        value = _loads(stripped)
        objects = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
    except ValueError:
        lines = [x for x in stripped.split("\n") if x.strip()]
        try:
            objects = [_loads(x) for x in lines[:1]]
        except ValueError:
            return None
        if not objects or not isinstance(objects[0], dict):
            return None
        objects = []
        for x in lines:
            try:
                objects.append(_loads(x))
            except ValueError:
                objects.append(None)  # a broken line is that row's error, not the file's
    dicts = [o for o in objects if isinstance(o, dict)]
    if not dicts:
        return None
    keys: list[str] = []
    for o in dicts[:50]:
        keys.extend(k for k in o if k not in keys)
    cols = find_columns(keys, columns)
    if not cols:  # JSON objects are no report either: say what would make them readable
        raise not_report("JSON 数据中没有正文列（正文/内容/content/text/html；其他列名用 --content-column 指定）",
                         "JSON objects without a content column (正文/内容/content/text/html; name another "
                         "with --content-column)")
    if len(objects) > _MAX_ROWS:
        raise InputError("INPUT-TOO-LARGE", f"数据行过多（上限 {_MAX_ROWS}）", f"too many rows (the limit is {_MAX_ROWS})")
    return [_row(n, [o.get(k) for k in keys], cols) if isinstance(o, dict) else DumpRow(n, None, "txt", broken=True)
            for n, o in enumerate(objects, 1)]


def _xlsx_rows(data: bytes, columns: dict[str, str] | None) -> list[DumpRow] | None:
    """A workbook whose first sheet has a header row with a content column (a gaischema workbook, with its
    报告信息 sheet, or a workbook of report tables is no dump)."""
    try:
        import openpyxl
    except ImportError:
        return None
    try:  # bounded before openpyxl unpacks anything, by what the parts unpack to (readers.package)
        check_package(data, "Excel 工作簿", "workbook")
    except NotAReport:
        return None  # damaged: the workbook or Word reader says how
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - not a workbook: the workbook or Word reader says what it is
        return None
    try:
        if META_SHEET in wb.sheetnames or not wb.worksheets:
            return None
        it = wb.worksheets[0].iter_rows(values_only=True)
        header = next(it, None)
        cols = find_columns([("" if h is None else str(h)) for h in header or ()], columns)
        if not cols:
            return None
        rows = []
        cells = 0
        for n, values in enumerate(it, 1):
            cells += len(values)
            if cells > 50 * MAX_TABLE_CELLS:
                raise InputError("INPUT-TOO-LARGE", "工作表过大", "the sheet is too large")
            if any(v is not None and str(v).strip() for v in values):
                rows.append(_row(n, list(values), cols))
        return rows
    finally:
        wb.close()
