"""Extract an AnnualReport instance from a published report: text copies, HTML pages, Word (.docx) files.

How it reads a report:

1. The file becomes one string. Text is kept as it is; in HTML and Word tables each cell ends with ``\\x1f``
   and each row with ``\\x1e``, so that blank cells keep their place.
2. The tables are found by their labels, taken from the schema's cell map (no second list of labels here):
   the row labels of tables 二 and 三 and the column labels of table 四, in official order. Labels match with
   spaces and line breaks inside them, full-width digits, missing numbering and the 转结 spellings.
3. The text between a row label and the next label holds that row's values. Separated values are read in
   order; blanks (empty cells, —, /, 无) stay blank; a unit in a cell is read and noted. Digits run together
   with no separator are split with the rules as constraints (row totals, results totals, the balance,
   the table 四 totals): a split is taken only when exactly one satisfies them; otherwise the cells stay blank
   and the note lists the candidates.
4. Metadata (organ, year, dates, format version) comes from the text; what is not there stays out.

Everything the extractor could not read or had to infer is listed in ``extraction.notes`` of the instance.
"""

from __future__ import annotations

import html
import html.parser
import io
import itertools
import re
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from gaischema import __version__, resources
from gaischema.loading import MAX_BYTES, InputError

CELL, ROW = "\x1f", "\x1e"
TABLE_SLOTS = ("proactive_disclosure", "applications", "reviews_and_litigation")
BLANK_MARKS = {"", "—", "——", "-", "--", "－", "/", "／", "无", "／", "\\", "空"}
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－（）：", "0123456789.,-（）:")
_NUM = re.compile(r"^([+-]?\d{1,3}(?:,\d{3})+|[+-]?\d+)(\.\d+)?\s*(万元|元|件|个|项|条|宗)?$")
_CN_NUM = "一二三四五六七八九十"
MAX_SPLIT_DIGITS = 40
MAX_COMBINATIONS = 200_000


class NotAReport(InputError):
    pass


# ------------------------------------------------------------------------------------------------ reading
def _decode(data: bytes) -> tuple[str, str]:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        return text, ("utf-8" if enc == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf") else enc)
    raise InputError("INPUT-ENCODING", "无法识别的文字编码（支持 UTF-8、GB18030/GBK）",
                     "unknown text encoding (UTF-8 and GB18030/GBK are read)")


class _HTMLFlattener(html.parser.HTMLParser):
    """HTML to the one-string form: paragraphs on lines, table cells ended by CELL, rows by ROW."""

    BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "title", "table", "tr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.buf: list[str] = []
        self.in_cell = 0
        self.skip = 0
        self.tables = 0

    def _flush(self, end: str = "\n"):
        text = "".join(self.buf)
        self.buf = []
        if self.in_cell:
            return
        text = " ".join(text.split())
        if text:
            self.out.append(text + end)

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in ("td", "th"):
            self._flush()
            self.in_cell += 1
        elif tag == "br":
            self.buf.append("\n")
        elif tag == "table":
            self.tables += 1
            self._flush()
        elif tag in self.BLOCK and not self.in_cell:
            self._flush()

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.in_cell:
            self.in_cell -= 1
            text = "".join(self.buf).replace("\xa0", " ").strip()
            self.buf = []
            self.out.append(text.replace(CELL, " ").replace(ROW, " ") + CELL)
        elif tag == "tr":
            self.out.append(ROW)
        elif tag == "table":
            self.out.append("\n")
        elif tag in self.BLOCK and not self.in_cell:
            self._flush()

    def handle_data(self, data):
        if not self.skip:
            self.buf.append(data)

    def result(self) -> str:
        self._flush()
        return "".join(self.out)


def _from_html(text: str) -> str:
    p = _HTMLFlattener()
    p.feed(text)
    p.close()
    if not p.tables:
        raise NotAReport("INPUT-NOT-REPORT", "网页中没有表格，不是年度报告", "the HTML page has no tables: not a report")
    return p.result()


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _from_docx(data: bytes) -> str:
    import xml.etree.ElementTree as ET

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            info = z.getinfo("word/document.xml")
            if info.file_size > 8 * MAX_BYTES:
                raise InputError("INPUT-TOO-LARGE", "Word 文档解压后过大", "the Word document is too large unpacked")
            xml = z.read(info)
    except (zipfile.BadZipFile, KeyError):
        raise InputError("INPUT-NOT-REPORT", "不是 Word（.docx）文件", "not a Word (.docx) file") from None
    try:
        root = ET.fromstring(xml)
    except ET.ParseError:
        raise InputError("INPUT-NOT-REPORT", "Word 文档内容损坏", "the Word document is damaged") from None
    body = root.find(f"{_W}body")
    out: list[str] = []

    def para_text(p) -> str:
        parts = []
        for node in p.iter():
            if node.tag == f"{_W}t" and node.text:
                parts.append(node.text)
            elif node.tag in (f"{_W}tab", f"{_W}br"):
                parts.append(" ")
        return "".join(parts)

    def walk(el):
        for child in el:
            if child.tag == f"{_W}p":
                text = " ".join(para_text(child).split())
                if text:
                    out.append(text + "\n")
            elif child.tag == f"{_W}tbl":
                for tr in child.iter(f"{_W}tr"):
                    for tc in tr.findall(f"{_W}tc"):
                        vmerge = tc.find(f"{_W}tcPr/{_W}vMerge")
                        if vmerge is not None and vmerge.get(f"{_W}val") != "restart":
                            continue  # the continuation of a vertically merged cell: no cell of its own
                        text = " ".join(" ".join(para_text(p) for p in tc.iter(f"{_W}p")).split())
                        out.append(text + CELL)
                    out.append(ROW)
                out.append("\n")
            elif child.tag == f"{_W}sdt":
                walk(child.find(f"{_W}sdtContent") or [])

    if body is not None:
        walk(body)
    return "".join(out)


def _from_markdown(text: str) -> str:
    """Markdown tables ('| a | b |') to cells; other lines stay lines."""
    lines = []
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("|") and s.endswith("|") and len(s) > 1:
            cells = [c.strip() for c in s[1:-1].split("|")]
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue
            lines.append(CELL.join(cells) + CELL + ROW)
        else:
            lines.append(line)
    return "\n".join(lines)


@dataclass
class Source:
    text: str
    fmt: str
    encoding: str | None
    meta: dict | None = None  # fields read structurally (the 报告信息 sheet of a gaischema workbook)


def read_source(path: str, data: bytes | None = None) -> Source:
    """Read a report file into the one-string form. Raises InputError for what is not a readable report."""
    from gaischema.loading import read_bytes

    if data is None:
        data = read_bytes(path)
    lower = path.lower()
    if not data.strip():
        raise InputError("INPUT-EMPTY", "文件为空", "the file is empty")
    if data.startswith(b"%PDF"):
        raise InputError("INPUT-NOT-REPORT", "不支持 PDF：请先转换为文本、网页或 Word 文件",
                         "PDF is not read: convert it to text, HTML or Word first")
    if data.startswith(b"PK\x03\x04"):  # a zip: a workbook, a Word file, or not a report
        if lower.endswith(".xlsx") or b"xl/workbook.xml" in data[:200000]:
            from gaischema import workbook

            try:
                text, meta = workbook.read(data)
            except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
                raise InputError("INPUT-NOT-REPORT", "Excel 文件损坏或不是工作簿", "a damaged workbook, or not one") from None
            return Source(text, "xlsx", None, meta)
        return Source(_from_docx(data), "docx", None)
    if b"\x00" in data[:8192]:
        raise InputError("INPUT-NOT-REPORT", "二进制文件，不是年度报告", "binary data: not a report")
    text, enc = _decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    head = text[:2048].lower()
    if lower.endswith((".html", ".htm")) or (re.search(r"<(html|table|p|div|body)\b", head) is not None):
        return Source(_from_html(text), "html", enc)
    if lower.endswith(".md"):
        return Source(_from_markdown(text), "md", enc)
    return Source(text, "txt", enc)


# ------------------------------------------------------------------------------------------------ labels
def _norm(text: str) -> str:
    """The form labels are matched in: full-width digits and punctuation folded, 转结 read as 结转."""
    # every replacement keeps the length, so positions in the folded text are positions in the source
    return (text.translate(_FULLWIDTH).replace("(", "（").replace(")", "）").replace("转结", "结转")
            .replace("“", '"').replace("”", '"').replace("‘", '"').replace("’", '"').replace("．", "."))


_NUMBERING = re.compile(rf"^([{_CN_NUM}]+[、.]|（[{_CN_NUM}]+）|\d+\.)")


def _label_regex(label: str) -> re.Pattern:
    """A regex for a label: its numbering optional, whitespace allowed between characters, a trailing
    parenthetical optional."""
    lab = _norm(label)
    m = _NUMBERING.match(lab)
    prefix, core = (m.group(0), lab[m.end():]) if m else ("", lab)
    paren = ""
    pm = re.search(r"（[^（）]*）$", core)
    if pm and pm.start() > 0:
        core, paren = core[:pm.start()], core[pm.start():]

    def spaced(s: str) -> str:
        return _spaced(s)

    pattern = ""
    if prefix:
        pattern += f"(?:{spaced(prefix)}\\s*)?"
    pattern += spaced(core)
    if paren:
        pattern += f"(?:\\s*{spaced(paren)})?"
    return re.compile(pattern)


@dataclass
class Anchor:
    label: str
    regex: re.Pattern
    paths: list[str] = field(default_factory=list)  # the cells of the row, in column order; [] for a group label
    row: str = ""  # the row's path


@lru_cache(maxsize=None)
def _anchors(version: str, table: str) -> list[Anchor]:
    """The labels of a table in official order (from the cell map), each with the cells that follow it."""
    cells = [c for c in resources.model()["cells"][version] if c["table"] == table]
    anchors: list[Anchor] = []
    seen_groups: set[str] = set()
    if table == "四":
        for c in cells:  # table 四 has no row labels: its 15 column labels come before one row of values
            anchors.append(Anchor(c["column"], _label_regex(c["column"]), [c["path"]]))
        return anchors
    for c in cells:
        parts = c["row"].split(" / ")
        row_path = c["path"].rsplit(".", 1)[0]
        if anchors and anchors[-1].row == row_path:
            anchors[-1].paths.append(c["path"])
            continue
        for i, part in enumerate(parts[:-1]):
            key = " / ".join(parts[: i + 1])
            if key not in seen_groups:
                seen_groups.add(key)
                anchors.append(Anchor(part, _label_regex(part)))
        anchors.append(Anchor(parts[-1], _label_regex(parts[-1]), [c["path"]], row_path))
    return anchors


# ------------------------------------------------------------------------------------------------ values
@dataclass
class Note:
    kind: str
    path: str
    message: str
    raw: str | None = None
    candidates: list[str] | None = None

    def as_dict(self) -> dict:
        d = {"note_kind": self.kind, "note_path": self.path, "note_message": self.message}
        if self.raw is not None:
            d["note_raw"] = self.raw
        if self.candidates:
            d["note_candidates"] = self.candidates
        return d


@dataclass
class RowRead:
    paths: list[str]
    values: list[Any]  # None: blank or unknown
    raw: str
    row: str = ""  # the path notes about the whole row name
    candidates: list[list[int]] | None = None  # for run-together digits


def _piece_value(piece: str, path: str, notes: list[Note]):
    p = piece.strip()
    if p in BLANK_MARKS:
        notes.append(Note("blank", path, f"单元格空白 / blank cell{f' ({p})' if p else ''}", p or None))
        return None
    m = _NUM.match(p.replace(" ", ""))
    if not m:
        notes.append(Note("unreadable", path, "不是数字，未读取 / not a number; left blank", p))
        return None
    whole, frac, unit = m.group(1).replace(",", ""), m.group(2), m.group(3)
    value = float(whole + frac) if frac else int(whole)
    if unit:
        notes.append(Note("unit", path, f"单元格含单位“{unit}”，已读取数字 / the cell has a unit ({unit}); the number was read", p))
    return value


def _splits(digits: str, n: int):
    """Every way to cut a digit string into n non-negative integers without leading zeros."""
    if n == 1:
        if digits and (digits == "0" or digits[0] != "0"):
            yield [int(digits)]
        return
    for i in range(1, len(digits) - n + 2):
        head = digits[:i]
        if len(head) > 1 and head[0] == "0":
            break
        for rest in _splits(digits[i:], n - 1):
            yield [int(head), *rest]


def _read_region(region: str, paths: list[str], notes: list[Note], group_totals: int | None,
                 row_path: str) -> RowRead:
    """The values of one row from the text between its label and the next label."""
    n = len(paths)
    row = RowRead(paths, [None] * n, region.strip(), row_path)
    if CELL in region or ROW in region:  # explicit cells (HTML, Word, Markdown tables)
        body = region[1:] if region[:1] in (CELL, ROW) else region
        pieces = re.split(f"[{CELL}{ROW}]", body)
        while len(pieces) > n and pieces and pieces[-1].strip() == "":
            pieces.pop()
        while len(pieces) > n and pieces and pieces[0].strip() == "":
            pieces.pop(0)
    else:
        pieces = region.split()
    if len(pieces) == n:
        row.values = [_piece_value(p, path, notes) for p, path in zip(pieces, paths)]
        return row
    nonblank = [p for p in pieces if p.strip()]
    if len(nonblank) == 1 and n > 1 and re.fullmatch(r"\d+", nonblank[0].translate(_FULLWIDTH)):
        digits = nonblank[0]
        if len(digits) > MAX_SPLIT_DIGITS:
            notes.append(Note("unreadable", row_path, "数字过长，无法拆分 / too many digits to split", digits))
            return row
        cands = []
        for split in _splits(digits, n):
            if group_totals and any(split[g + group_totals - 1] != sum(split[g:g + group_totals - 1])
                                    for g in range(0, n, group_totals)):
                continue
            cands.append(split)
            if len(cands) > 5000:
                break
        row.candidates = cands
        return row
    if not pieces or not any(p.strip() for p in pieces):
        for path in paths:
            notes.append(Note("blank", path, "单元格空白 / blank cell"))
        return row
    notes.append(Note("unreadable", row_path,
                      f"应有 {n} 个数值，读到 {len(pieces)} 个，未读取 / {n} values expected, {len(pieces)} found; "
                      "left blank", " ".join(p.strip() for p in pieces)))
    return row


# ------------------------------------------------------------------------------------------------ splitting
def _table3_constraints(rows: dict[str, RowRead]) -> list:
    """The column identities of table 三 as (left paths, right paths) over row paths, per column index."""
    model = resources.model()
    ids = []
    results = [r for r in rows if ".results." in r + "." and not r.endswith("results_total")]
    total = next((r for r in rows if r.endswith("results.results_total")), None)
    new = next((r for r in rows if r.endswith("new_applications")), None)
    cin = next((r for r in rows if r.endswith("carried_over")), None)
    cout = next((r for r in rows if r.endswith("carried_forward")), None)
    ncol = len(model["enums"]["ApplicantColumnEnum"]["values"])
    for c in range(ncol):
        if total:
            ids.append(([(total, c)], [(r, c) for r in results]))
        if new and cin and total and cout:
            ids.append(([(new, c), (cin, c)], [(total, c), (cout, c)]))
    return ids


def _resolve_run_together(rows: dict[str, RowRead], identities: list, notes: list[Note]) -> None:
    """Choose among the candidate splits of run-together rows with the table's identities."""
    for r in rows.values():
        if r.candidates == []:
            notes.append(Note("impossible", r.row, "数字连写，没有符合该行总计的拆分，留空 / digits run "
                              "together; no split satisfies the row total; left blank", r.raw))
            r.candidates = None
    open_rows = [r for r in rows.values() if r.candidates]
    if not open_rows:
        return
    combos = 1
    for r in open_rows:
        combos *= max(1, len(r.candidates))
    solutions: list[tuple] = []
    if combos <= MAX_COMBINATIONS:
        keys = [r.row for r in open_rows]
        fixed = {k: r.values for k, r in rows.items() if r.candidates is None}

        def value(assign, row, col):
            v = assign[row][col] if row in assign else fixed.get(row, [None] * 99)[col]
            return v

        for combo in itertools.product(*(r.candidates for r in open_rows)):
            assign = dict(zip(keys, combo))
            ok = True
            for left, right in identities:
                lv = [value(assign, r, c) for r, c in left]
                rv = [value(assign, r, c) for r, c in right]
                if None in lv or None in rv:
                    continue
                if sum(lv) != sum(rv):
                    ok = False
                    break
            if ok:
                solutions.append(combo)
    for i, r in enumerate(open_rows):
        path = r.row
        options = sorted({tuple(s[i]) for s in solutions}) if solutions else []
        if combos > MAX_COMBINATIONS:
            options = [tuple(c) for c in r.candidates] if len(r.candidates) == 1 else []
        if len(options) == 1:
            r.values = list(options[0])
            notes.append(Note("inferred", path, "数字连写，按勾稽关系唯一拆分 / digits run together; the only split "
                              "that satisfies the rules was taken", r.raw, [",".join(map(str, options[0]))]))
        elif options or (r.candidates and combos > MAX_COMBINATIONS):
            shown = options or [tuple(c) for c in r.candidates]
            notes.append(Note("ambiguous", path, f"数字连写，有 {len(shown)} 种拆分均符合规则，留空 / digits run "
                              f"together; {len(shown)} splits satisfy the rules; left blank", r.raw,
                              [",".join(map(str, o)) for o in shown[:50]]))
        else:
            notes.append(Note("impossible", path, "数字连写，没有符合规则的拆分，留空 / digits run together; no "
                              "split satisfies the rules; left blank", r.raw))


# ------------------------------------------------------------------------------------------------ the report
def _search(regex: re.Pattern, text: str, start: int, end: int | None = None):
    return regex.search(text, start, len(text) if end is None else end)


def _spaced(s: str) -> str:
    return r"\s*".join('"?' if ch == '"' else re.escape(ch) for ch in s if not ch.isspace())


@lru_cache(maxsize=1)
def _headings() -> dict[str, re.Pattern]:
    """The six section headings, from the titles and aliases of the report's section slots: numbering
    optional (一 excepted: its words also stand in introductions), spaces allowed between characters."""
    model = resources.model()
    out: dict[str, re.Pattern] = {}
    for slot in model["classes"][model["root"]]["slots"]:
        title = slot.get("title") or ""
        m = re.match(rf"([{_CN_NUM}])[、.]", _norm(title))
        if not m or slot["name"].endswith("_2019"):
            continue
        number = m.group(1)
        cores = [_norm(t)[m.end():] for t in [title, *slot.get("aliases", [])]]
        prefix = rf"{number}\s*[、.．]\s*" if number == "一" else rf"(?:{number}\s*[、.．]\s*)?"
        out[number] = re.compile(prefix + "(?:" + "|".join(_spaced(c) for c in sorted(cores, key=len, reverse=True)) + ")")
    return out


@lru_cache(maxsize=1)
def _version_markers() -> dict[str, list[str]]:
    """Labels that only one format version has (and that no label of another version contains)."""
    model = resources.model()
    labels = {v: {p for c in cells for p in (c["column"], c["row"].split(" / ")[-1])}
              for v, cells in model["cells"].items()}
    out = {}
    for v, mine in labels.items():
        others = {lab for w, theirs in labels.items() if w != v for lab in theirs}
        keep = [lab for lab in mine - others
                if not any(_core(lab) in _core(o) or _core(o) in _core(lab) for o in others)]
        out[v] = ["".join(_core(lab).split()) for lab in sorted(keep)]
    return out


def _core(label: str) -> str:
    lab = _norm(label)
    m = _NUMBERING.match(lab)
    return lab[m.end():] if m else lab


def _find_table(text: str, version: str, table: str, start: int, end: int, notes: list[Note],
                values: dict[str, Any]) -> tuple[int, dict[str, RowRead]]:
    """Read one table between start and end; return the position after its last label and its rows."""
    anchors = _anchors(version, table)
    found: list[tuple[Anchor, re.Match]] = []
    pos = start
    for a in anchors:
        m = _search(a.regex, text, pos, end)
        if m is None:
            if a.paths:
                notes.append(Note("missing", a.row or a.paths[0], f"未找到“{a.label}” / label not found: {a.label}"))
            continue
        found.append((a, m))
        pos = m.end()
    rows: dict[str, RowRead] = {}
    if table == "四":
        if not found:
            return start, rows
        region = text[found[-1][1].end():end]
        paths = [p for a in anchors for p in a.paths]
        row = _read_region(region, paths, notes, group_totals=5, row_path="reviews_and_litigation")
        rows["reviews_and_litigation"] = row
        _resolve_run_together(rows, [], notes)
        for p, v in zip(paths, row.values):
            values[p] = v
        return found[-1][1].end(), rows
    for i, (a, m) in enumerate(found):
        if not a.paths:
            continue
        stop = found[i + 1][1].start() if i + 1 < len(found) else end
        row = _read_region(text[m.end():stop], a.paths, notes, 7 if table == "三" else None, a.row)
        rows[a.row] = row
    if table == "三":
        _resolve_run_together(rows, _table3_constraints(rows), notes)
    else:
        _resolve_run_together(rows, [], notes)
    for row in rows.values():
        for p, v in zip(row.paths, row.values):
            values[p] = v
    return (found[-1][1].end() if found else start), rows


def _detect_version(text: str, year: int | None) -> tuple[str | None, str]:
    """The format version from the labels only one version has; the report year when they do not tell."""
    compact = "".join(text.split())  # labels may be broken by spaces or line breaks
    found = {v: sum(1 for m in markers if m in compact) for v, markers in _version_markers().items()}
    ranked = sorted(found.items(), key=lambda kv: kv[1], reverse=True)
    if ranked and ranked[0][1] > (ranked[1][1] if len(ranked) > 1 else 0):
        return ranked[0][0], "table headers"
    if year:
        from gaischema.engine import format_version_for_year

        version = format_version_for_year(resources.model(), year)
        if version:
            return version, "report year"
    return None, ""


_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?")


def _iso(m: re.Match) -> str | None:
    y, mo, d = (int(x) for x in m.groups())
    try:
        import datetime

        return datetime.date(y, mo, d).isoformat()
    except ValueError:
        return None


def _metadata(t: str, orig: str, notes: list[Note]) -> dict:
    """Organ, year, dates and URL from the folded text ``t``; strings are taken from ``orig``."""
    meta: dict[str, Any] = {}
    head = t[:3000]
    m = re.search(r"发布(?:机构|机关|单位)\s*[:：]\s*([^\n\x1e\x1f]{2,40})", head)
    organ = orig[m.start(1):m.end(1)].strip() if m else None
    m = re.search(r"(\d{4})\s*年度?\s*([^\s\d，。、（）《》“”\n\x1e\x1f]{2,40}?)\s*政府信息公开(?:工作)?年度报告", t)
    title_year = int(m.group(1)) if m else None
    if not organ and m:
        organ = orig[m.start(2):m.end(2)]
    if not organ:
        m = re.search(r"^\s*([^\s\d，。、（）《》\n\x1e\x1f]{2,40}?)\s*(\d{4})\s*年度?\s*政府信息公开(?:工作)?年度报告",
                      t, re.M)
        if m:
            organ, title_year = orig[m.start(1):m.end(1)], int(m.group(2))
    signature = re.search(r"\n\s*([^\s\d，。、\n\x1e\x1f]{2,40})\s*\n\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*$",
                          t)
    if not organ and signature:
        organ = orig[signature.start(1):signature.end(1)]
    if organ:
        meta["organ"] = organ
    else:
        notes.append(Note("missing", "organ", "未找到发布机关 / the publishing organ was not found"))
    period = re.search(r"统计期限?[^\n。]{0,6}?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^\n。]{0,6}?"
                       r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日", t)
    year = title_year
    if period:
        y1, m1, d1, y2, m2, d2 = period.groups()
        y2 = y2 or y1
        import datetime

        try:
            meta["statistical_period"] = {"start_date": datetime.date(int(y1), int(m1), int(d1)).isoformat(),
                                          "end_date": datetime.date(int(y2), int(m2), int(d2)).isoformat()}
        except ValueError:
            pass
        year = year or int(y1)
    if year:
        meta["report_year"] = year
    else:
        notes.append(Note("missing", "report_year", "未找到报告年度 / the report year was not found"))
    m = re.search(r"(?:发布日期|发布时间|成文日期)\s*[:：]\s*(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})", head)
    date = None
    if m:
        dm = _DATE.search(m.group(1) + "日")
        date = _iso(dm) if dm else None
    if not date and signature:
        dm = _DATE.search(signature.group(2))
        date = _iso(dm) if dm else None
    if date:
        meta["publication_date"] = date
    else:
        notes.append(Note("missing", "publication_date", "文中没有发布日期 / no publication date in the text"))
    m = re.search(r"(?:原文链接|来源|网址|URL)\s*[:：]\s*(https?://\S+)", head)
    if m:
        meta["source_url"] = orig[m.start(1):m.end(1)]
    return meta


NARRATIVE = ("overview", "problems_and_improvements", "other_matters")


def _text_narratives(orig: str, text: str, notes: list[Note], one: int | None, one_end: int,
                     h5: re.Match | None, h6: re.Match | None) -> dict:
    """Sections 一, 五 and 六 from the source text, between their headings (六 without the signature)."""
    out = {}
    if one is not None:
        out["overview"] = _narrative(orig[one:one_end])
    else:
        notes.append(Note("missing", "overview", "未找到“一、总体情况” / section 一 not found"))
    if h5:
        out["problems_and_improvements"] = _narrative(orig[h5.end():h6.start() if h6 else len(text)])
    else:
        notes.append(Note("missing", "problems_and_improvements",
                          "未找到“五、存在的主要问题及改进情况” / section 五 not found"))
    if h6:
        six = orig[h6.end():]
        sig = re.search(r"\n\s*[^\s\d，。、\n]{2,40}\s*\n\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$", six)
        out["other_matters"] = _narrative(six[: sig.start()] if sig else six)
    else:
        notes.append(Note("missing", "other_matters", "未找到“六、其他需要报告的事项” / section 六 not found"))
    return out


def _sheet_metadata(sheet: dict, notes: list[Note]) -> dict:
    """The 报告信息 sheet's values, typed as the schema wants them (what a spreadsheet turned into a date or
    a float is turned back); nothing is added that the sheet does not hold."""
    import datetime

    meta: dict[str, Any] = {}
    for key, value in sheet.items():
        if isinstance(value, (datetime.datetime, datetime.date)):
            value = value.strftime("%Y-%m-%d")
        if isinstance(value, float) and value.is_integer() and key in ("report_year",):
            value = int(value)
        if key == "processing_fee_charged" and isinstance(value, str):
            value = {"true": True, "false": False, "是": True, "否": False}.get(value.strip().lower(), value)
        if isinstance(value, str):
            value = value.replace("\r\n", "\n").strip()
        if key.startswith("statistical_period."):
            meta.setdefault("statistical_period", {})[key.split(".", 1)[1]] = value
        else:
            meta[key] = value
    for key in ("organ", "report_year", "publication_date"):
        if key not in meta:
            notes.append(Note("missing", key, f"工作簿中没有“{key}” / the workbook has no {key}"))
    return meta


def _narrative(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.replace(CELL, " ").replace(ROW, "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def _set(instance: dict, path: str, value) -> None:
    *parents, last = path.split(".")
    obj = instance
    for step in parents:
        obj = obj.setdefault(step, {})
    obj[last] = value


@dataclass
class Extraction:
    instance: dict
    notes: list[Note]

    @property
    def complete(self) -> bool:
        """Every cell was read (a blank cell counts as read: it is the validator's finding)."""
        return not any(n.kind in ("unreadable", "ambiguous", "impossible", "missing")
                       and n.path.startswith(TABLE_SLOTS) for n in self.notes)


def extract(path: str, data: bytes | None = None) -> Extraction:
    """Extract one report. Raises InputError (exit 2) for what is not a readable report."""
    src = read_source(path, data)
    text = _norm(src.text)
    notes: list[Note] = []
    meta = _sheet_metadata(src.meta, notes) if src.meta is not None else _metadata(text, src.text, notes)
    version, why = _detect_version(text, meta.get("report_year"))
    if meta.get("format_version") in resources.model()["cells"]:
        version, why = meta["format_version"], "workbook"
    first_t2 = _anchors(version, "二")[0].regex.search(text) if version else None
    if version is None or first_t2 is None:
        raise NotAReport("INPUT-NOT-REPORT", "找不到年度报告的表格（第二十条第（一）项……），不是年度报告",
                         "no table of the annual report format found (第二十条第（一）项 ...): not a report")
    values: dict[str, Any] = {}
    h2 = None
    for m in _headings()["二"].finditer(text, 0, first_t2.start()):
        h2 = m
    h1 = None
    for m in _headings()["一"].finditer(text, 0, h2.start() if h2 else first_t2.start()):
        h1 = m
    h3 = _search(_headings()["三"], text, first_t2.end())
    t3_start = h3.end() if h3 else first_t2.end()
    _find_table(text, version, "二", first_t2.start(), h3.start() if h3 else len(text), notes, values)
    h4 = _search(_headings()["四"], text, t3_start)
    end3, _ = _find_table(text, version, "三", t3_start, h4.start() if h4 else len(text), notes, values)
    h4 = _search(_headings()["四"], text, end3) or h4
    start4 = h4.end() if h4 else end3
    h5 = _search(_headings()["五"], text, start4)
    h6 = _search(_headings()["六"], text, h5.end() if h5 else start4)
    _find_table(text, version, "四", start4, (h5 or h6).start() if (h5 or h6) else len(text), notes, values)

    inst: dict[str, Any] = {}
    inst.update({k: meta[k] for k in ("organ", "report_year") if k in meta})
    inst["format_version"] = version
    for k in ("publication_date", "source_url", "statistical_period"):
        if k in meta:
            inst[k] = meta[k]
    orig = src.text  # narrative and names come from the source itself, not the folded text
    for k in ("organ_kind", "division_code", "source_url", "processing_fee_charged", "processing_fee_amount"):
        if k in meta:
            inst[k] = meta[k]
    for p, v in values.items():
        if v is not None:
            _set(inst, p, v)
    if src.meta is not None:  # a workbook's 报告信息 sheet holds the narrative
        inst.update({k: meta[k] for k in NARRATIVE if k in meta})
    else:
        inst.update(_text_narratives(orig, text, notes, h1.end() if h1 else None,
                                     h2.start() if h2 else first_t2.start(), h5, h6))
    for k in [k for k in NARRATIVE if inst.get(k) == ""]:
        del inst[k]
    if why == "report year":
        notes.insert(0, Note("inferred", "format_version", "表头不能判断格式版本，依据报告年度判断 / the table "
                             "headers do not tell the format version; it follows from the report year"))
    inst["extraction"] = {
        "source_file": path,
        "source_format": src.fmt,
        **({"source_encoding": src.encoding} if src.encoding else {}),
        "extractor": f"gaischema {__version__}",
        "notes": [n.as_dict() for n in notes],
    }
    if not inst["extraction"]["notes"]:
        del inst["extraction"]["notes"]
    return Extraction(_order(inst), notes)


def _order(inst: dict) -> dict:
    """Keys in the schema's slot order, so that the YAML reads like the report."""
    order = [s["name"] for s in resources.model()["classes"]["AnnualReport"]["slots"]]
    return {k: inst[k] for k in order if k in inst}


# ------------------------------------------------------------------------------------------------ output
def dumps(instance: dict, fmt: str = "yaml") -> str:
    """The instance as YAML (narrative as literal blocks, dates quoted) or JSON."""
    if fmt == "json":
        import json

        return json.dumps(instance, ensure_ascii=False, indent=1) + "\n"
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def _str(dumper, value):
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, _str)
    return yaml.dump(instance, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1000)
