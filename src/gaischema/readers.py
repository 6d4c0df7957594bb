"""Readers: one per input format, each turning a file into a :class:`~gaischema.document.Document`.

Formats: HTML (rowspan/colspan; layout tables that only hold other tables are looked through), Word .docx
(gridSpan, vMerge), workbooks .xlsx (merged ranges; the 报告信息 sheet of a gaischema workbook), Markdown
(pipe tables, HTML tables anywhere in it, text), plain text (UTF-8 with or without BOM, GB18030/GBK) and PDF
(text layer and ruled tables through pdfplumber, the optional ``pdf`` extra).

Every reader is bounded: input at most ``MAX_BYTES``, decompressed Word XML at most ``MAX_UNPACKED``, HTML
and XML nesting at most ``MAX_DEPTH`` (deeper content is kept as text of its ancestor), tables at most
``MAX_TABLE_CELLS`` positions, PDFs at most ``MAX_PAGES`` pages. What is not a readable report raises
:class:`~gaischema.loading.InputError` (exit 2 in the command line).
"""

from __future__ import annotations

import html
import html.parser
import io
import logging
import re
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

from gaischema.document import Block, Cell, Document, Paragraph, Table
from gaischema.loading import MAX_BYTES, InputError, read_bytes

MAX_UNPACKED = 8 * MAX_BYTES
MAX_DEPTH = 200
MAX_TABLE_CELLS = 20_000
MAX_PAGES = 200
META_SHEET = "报告信息"  # the sheet of a gaischema workbook that holds the metadata and narrative


class NotAReport(InputError):
    """The input is readable but is not an annual report."""


def _not_report(zh: str, en: str) -> NotAReport:
    return NotAReport("INPUT-NOT-REPORT", zh, en)


# --------------------------------------------------------------------------------------------------- text
def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, else GB18030 (a superset of GBK)."""
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        name = "utf-8" if enc == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf") else enc
        return text.replace("\r\n", "\n").replace("\r", "\n"), name
    raise InputError("INPUT-ENCODING", "无法识别的文字编码（支持 UTF-8、GB18030/GBK）",
                     "unknown text encoding (UTF-8 and GB18030/GBK are read)")


def _paragraphs(text: str, page: int | None = None) -> list[Block]:
    return [Paragraph(s, page) for line in text.split("\n") if (s := line.strip())]


def read_text(text: str) -> list[Block]:
    """A text copy: one paragraph a line (the matcher's segmenter makes rows of them)."""
    return _paragraphs(text)


# --------------------------------------------------------------------------------------------------- HTML
class _Node:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag: str, attrs: dict):
        self.tag, self.attrs, self.children = tag, attrs, []


class _TreeBuilder(html.parser.HTMLParser):
    """A small DOM: elements and text, nesting bounded by MAX_DEPTH, implicit ends of td/tr/p honoured."""

    VOID = {"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source"}
    SKIP = {"script", "style", "head", "noscript", "template"}
    CLOSES = {"td": {"td", "th"}, "th": {"td", "th"}, "tr": {"tr", "td", "th"}, "p": {"p"}, "li": {"li"}}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("root", {})
        self.stack = [self.root]
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag == "br":
            self.stack[-1].children.append("\n")
            return
        if tag in self.VOID:
            return
        closes = self.CLOSES.get(tag)
        if closes:  # a new cell ends the open cell of the same row, a new row the open row
            for i in range(len(self.stack) - 1, 0, -1):
                if self.stack[i].tag == "table":
                    break
                if self.stack[i].tag in closes:
                    del self.stack[i:]
                    break
        node = _Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip or tag in self.VOID:
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return
            if self.stack[i].tag == "table" and tag != "table":
                return  # an end tag that does not belong inside this table

    def handle_data(self, data):
        if not self.skip:
            self.stack[-1].children.append(data)


_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "title", "header",
               "footer", "blockquote", "pre", "ul", "ol", "center", "body", "html", "tbody", "thead", "tfoot"}


def _text_of(node) -> str:
    """All text below a node; block elements and <br> become line breaks."""
    out: list[str] = []
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, str):
            out.append(n)
            continue
        if n.tag in _BLOCK_TAGS or n.tag in ("tr", "table"):
            out.append("\n")
        stack.extend(reversed(n.children))
    return "".join(out).replace("\xa0", " ")


def _span(attrs: dict, name: str) -> int:
    m = re.match(r"\s*(\d{1,4})", attrs.get(name) or "")
    return max(1, min(int(m.group(1)), 1000)) if m else 1


def _has_table(node) -> bool:
    stack = list(node.children)
    while stack:
        n = stack.pop()
        if not isinstance(n, str):
            if n.tag == "table":
                return True
            stack.extend(n.children)
    return False


def _rows_of(table: _Node) -> list[_Node]:
    rows = []
    stack = list(reversed(table.children))
    while stack:
        n = stack.pop()
        if isinstance(n, str):
            continue
        if n.tag == "tr":
            rows.append(n)
        elif n.tag != "table":
            stack.extend(reversed(n.children))
    return rows


def _html_blocks(node, out: list[Block]) -> None:
    """Walk the DOM in document order: data tables become Table blocks, other text paragraphs."""
    buf: list[str] = []

    def flush():
        text = "".join(buf)
        buf.clear()
        out.extend(_paragraphs(re.sub(r"[ \t\u3000]+", " ", text)))

    def walk(n):
        if isinstance(n, str):
            buf.append(n)
            return
        if n.tag == "table":
            flush()
            if _has_table(n):  # a layout table: look through it
                for row in _rows_of(n):
                    for cell in row.children:
                        if not isinstance(cell, str):
                            walk(cell)
                            buf.append("\n")
                flush()
                return
            rows = []
            for tr in _rows_of(n):
                cells = [c for c in tr.children if not isinstance(c, str) and c.tag in ("td", "th")]
                rows.append([(_text_of(c).strip(), _span(c.attrs, "rowspan"), _span(c.attrs, "colspan"))
                             for c in cells])
            if sum(len(r) for r in rows) > MAX_TABLE_CELLS:
                raise InputError("INPUT-TOO-LARGE", "表格过大", "a table is too large")
            if rows:
                out.append(_bounded(Table.from_rows(rows)))
            return
        if n.tag in _BLOCK_TAGS or n.tag == "br":
            buf.append("\n")
        for child in n.children:
            walk(child)
        if n.tag in _BLOCK_TAGS:
            buf.append("\n")

    for child in node.children:  # recursion depth is bounded by the tree builder's MAX_DEPTH
        walk(child)
    flush()


def _bounded(table: Table) -> Table:
    if table.nrows * table.ncols > MAX_TABLE_CELLS:
        raise InputError("INPUT-TOO-LARGE", "表格过大（合并单元格范围过大）", "a table is too large (a huge merged range)")
    return table


def read_html(text: str) -> list[Block]:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    blocks: list[Block] = []
    _html_blocks(builder.root, blocks)
    return blocks  # a page without <table> (tables drawn with positioned text) goes to the text segmenter


# --------------------------------------------------------------------------------------------------- Word
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _unzip(data: bytes, name: str, what_zh: str, what_en: str) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            info = z.getinfo(name)
            if info.file_size > MAX_UNPACKED:
                raise InputError("INPUT-TOO-LARGE", f"{what_zh}解压后过大", f"the {what_en} is too large unpacked")
            with z.open(info) as fh:
                out = fh.read(MAX_UNPACKED + 1)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, NotImplementedError):
        raise _not_report(f"不是{what_zh}文件或文件损坏", f"not a {what_en} file, or a damaged one") from None
    if len(out) > MAX_UNPACKED:
        raise InputError("INPUT-TOO-LARGE", f"{what_zh}解压后过大", f"the {what_en} is too large unpacked")
    return out


def _xml(data: bytes, what_zh: str, what_en: str) -> ET.Element:
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:65536]:
        raise _not_report(f"{what_zh}含有 DTD，不予读取", f"the {what_en} has a DTD; not read")
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        raise _not_report(f"{what_zh}内容损坏", f"the {what_en} is damaged") from None
    return root


def _w_text(el: ET.Element) -> str:
    parts = []
    for node in el.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append(" ")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif node.tag == f"{_W}p":
            parts.append("\n")
    return "".join(parts).strip()


def _docx_table(tbl: ET.Element) -> Table:
    cells: list[Cell] = []
    open_by_col: dict[int, Cell] = {}
    nrows = ncols = 0
    for r, tr in enumerate(tbl.findall(f"{_W}tr")):
        c = 0
        before = tr.find(f"{_W}trPr/{_W}gridBefore")
        if before is not None:
            c = _int_attr(before)
        for tc in tr.findall(f"{_W}tc"):
            span = _int_attr(tc.find(f"{_W}tcPr/{_W}gridSpan"))
            vmerge = tc.find(f"{_W}tcPr/{_W}vMerge")
            if vmerge is not None and vmerge.get(f"{_W}val", "continue") != "restart" and c in open_by_col:
                above = open_by_col[c]
                above.rowspan = r - above.row + 1
            else:
                cell = Cell(r, c, _w_text(tc), 1, span)
                cells.append(cell)
                for k in range(c, c + span):
                    open_by_col.pop(k, None)
                open_by_col[c] = cell
            c += span
        ncols = max(ncols, c)
        nrows = r + 1
        if nrows * max(ncols, 1) > MAX_TABLE_CELLS:
            raise InputError("INPUT-TOO-LARGE", "表格过大", "a table is too large")
    return Table(cells, nrows, ncols)


def _int_attr(el) -> int:
    if el is None:
        return 1
    m = re.match(r"\d{1,4}", el.get(f"{_W}val", "1") or "1")
    return max(1, int(m.group(0))) if m else 1


def read_docx(data: bytes) -> list[Block]:
    root = _xml(_unzip(data, "word/document.xml", "Word 文档", "Word document"), "Word 文档", "Word document")
    body = root.find(f"{_W}body")
    blocks: list[Block] = []

    def walk(el, depth=0):
        for child in el:
            if child.tag == f"{_W}p":
                blocks.extend(_paragraphs(_w_text(child)))
            elif child.tag == f"{_W}tbl":
                blocks.append(_docx_table(child))
            elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml") and depth < 20:
                walk(child, depth + 1)

    if body is not None:
        walk(body)
    return blocks


# --------------------------------------------------------------------------------------------------- workbook
def read_xlsx(data: bytes) -> tuple[list[Block], dict]:
    """A workbook's sheets as tables (merged ranges resolved; values, not formulas), and the 报告信息 sheet's
    values by slot path."""
    from openpyxl import load_workbook  # a dependency of linkml; slow to import, so only here

    _check_sheets(data)
    try:
        wb = load_workbook(io.BytesIO(data), data_only=True, read_only=False)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise _not_report("Excel 文件损坏或不是工作簿", "a damaged workbook, or not one") from None
    blocks: list[Block] = []
    fields: dict = {}
    for ws in wb.worksheets:
        if ws.max_row * ws.max_column > MAX_TABLE_CELLS:
            raise InputError("INPUT-TOO-LARGE", "工作表过大", f"the sheet {ws.title!r} is too large")
        if ws.title == META_SHEET:
            for row in ws.iter_rows(min_row=2, values_only=True):
                if row and isinstance(row[0], str) and len(row) > 2 and row[2] not in (None, ""):
                    fields[row[0]] = row[2]
            continue
        spans = {}
        covered = set()
        for rng in ws.merged_cells.ranges:
            if (rng.max_row - rng.min_row + 1) * (rng.max_col - rng.min_col + 1) > MAX_TABLE_CELLS:
                raise InputError("INPUT-TOO-LARGE", "合并单元格范围过大", "a merged range is too large")
            spans[(rng.min_row, rng.min_col)] = (rng.max_row - rng.min_row + 1, rng.max_col - rng.min_col + 1)
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != (rng.min_row, rng.min_col):
                        covered.add((r, c))
        heading = ws.cell(row=1, column=1).value
        start = 1
        if isinstance(heading, str) and all(ws.cell(row=1, column=c).value in (None, "")
                                            for c in range(2, ws.max_column + 1)):
            blocks.append(Paragraph(heading.strip()))
            start = 2
        cells = []
        for row in ws.iter_rows(min_row=start):
            for c in row:
                if (c.row, c.column) in covered:
                    continue
                value = c.value
                rs, cs = spans.get((c.row, c.column), (1, 1))
                text = "" if value is None else (repr(value) if isinstance(value, float) else str(value))
                if isinstance(value, float) and value.is_integer():
                    text = str(int(value))
                cells.append(Cell(c.row - start, c.column - 1, text, rs, cs))
        if cells:
            nrows = max(c.row + c.rowspan for c in cells)
            ncols = max(c.col + c.colspan for c in cells)
            blocks.append(Table(cells, nrows, ncols))
    return blocks, fields


_RANGE = re.compile(rb'<(?:\w+:)?(?:mergeCell|dimension) ref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"')


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _check_sheets(data: bytes) -> None:
    """Before openpyxl reads a workbook (it makes a cell object for every position of a merged range): the
    whole package at most MAX_UNPACKED unpacked, no merged range or sheet dimension over MAX_TABLE_CELLS."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            if sum(i.file_size for i in infos) > MAX_UNPACKED:
                raise InputError("INPUT-TOO-LARGE", "工作簿解压后过大", "the workbook is too large unpacked")
            for info in infos:
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    with z.open(info) as fh:
                        xml = fh.read(MAX_UNPACKED + 1)
                    for m in _RANGE.finditer(xml):
                        c1, r1, c2, r2 = m.group(1), int(m.group(2)), m.group(3) or m.group(1), int(m.group(4) or m.group(2))
                        area = (abs(r2 - r1) + 1) * (abs(_column(c2) - _column(c1)) + 1)
                        if area > MAX_TABLE_CELLS and b"mergeCell" in m.group(0):
                            raise InputError("INPUT-TOO-LARGE", "合并单元格范围过大", "a merged range is too large")
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError):
        raise _not_report("Excel 文件损坏或不是工作簿", "a damaged workbook, or not one") from None


# --------------------------------------------------------------------------------------------------- Markdown
_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def read_markdown(text: str) -> list[Block]:
    """Pipe tables (one Table per run of '|' lines), HTML tables anywhere, other lines as paragraphs."""
    blocks: list[Block] = []
    pos = 0
    for m in re.finditer(r"<table\b.*?</table\s*>", text, re.S | re.I):
        blocks.extend(_markdown_part(text[pos:m.start()]))
        blocks.extend(b for b in read_html(m.group(0)) if isinstance(b, Table))
        pos = m.end()
    blocks.extend(_markdown_part(text[pos:]))
    return blocks


def _markdown_part(text: str) -> list[Block]:
    blocks: list[Block] = []
    rows: list[list[tuple[str, int, int]]] = []

    def flush():
        if rows:
            blocks.append(Table.from_rows(rows))
            rows.clear()

    for line in text.split("\n"):
        s = line.strip()
        if s.startswith("|") and len(s) > 1:
            if _SEPARATOR.match(s):
                continue
            inner = s[1:-1] if s.endswith("|") else s[1:]
            rows.append([(_md_inline(c), 1, 1) for c in re.split(r"(?<!\\)\|", inner)])
            continue
        flush()
        s = re.sub(r"^(#{1,6}\s+|>\s*|[-*+]\s+(?=\S))", "", s)
        s = _md_inline(s)
        if s:
            blocks.append(Paragraph(s))
    flush()
    return blocks


def _md_inline(s: str) -> str:
    s = re.sub(r"<br\s*/?>", "\n", s, flags=re.I)
    s = s.replace("**", "").replace("__", "").replace("\\|", "|")
    return html.unescape(s).strip()  # Markdown text reads entities as their characters


# --------------------------------------------------------------------------------------------------- PDF
_KANGXI = {cp: unicodedata.normalize("NFKC", chr(cp)) for r in ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF))
           for cp in range(r[0], r[1] + 1) if unicodedata.normalize("NFKC", chr(cp)) != chr(cp)}
# radicals that Unicode gives no decomposition, as the ordinary (simplified) characters they stand for
_KANGXI.update({ord(r): c for r, c in zip("⺠⻅⻆⻈⻉⻋⻐⻓⻔⻙⻚⻛⻜⻠⻢⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳⺟⺩⻄⻘",
                                          "民见角讠贝车钅长门韦页风飞饣马鱼鸟卤麦黄黾齐齿龙龟母王西青")})
_PAGE_NUMBER = re.compile(r"^(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?"
                          r"|\d{1,4}\s*/\s*\d{1,4})$")
_BARE_NUMBER = re.compile(r"^\d{1,4}$")


def fold_radicals(text: str) -> str:
    """Kangxi and CJK radical code points (which PDF text layers often give for ordinary characters: ⼈
    for 人) as the ordinary characters."""
    return text.translate(_KANGXI)


def is_page_number(line: str, at_edge: bool = False) -> bool:
    """A page footer such as '— 3 —', '- 3 -', '3/7', '第 3 页 共 7 页'; a bare '3' only at a page's edge."""
    line = line.strip()
    if len(line) > 24 or not line or line[0] not in "-—–－第0123456789":
        return False
    return bool(_PAGE_NUMBER.match(line) or (at_edge and _BARE_NUMBER.match(line)))


def read_pdf(data: bytes) -> list[Block]:
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    except ImportError:
        raise InputError("INPUT-NOT-REPORT", "读取 PDF 需要 pdfplumber：pip install 'gaischema[pdf]'",
                         "reading PDF needs pdfplumber: pip install 'gaischema[pdf]'") from None
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # fonts without full metrics: no warnings spilled
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError("INPUT-ENCRYPTED", "PDF 已加密，需要密码才能读取", "the PDF is encrypted; it needs a password") from None
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds for a damaged file
        causes = [exc, *getattr(exc, "args", ())]  # pdfplumber wraps pdfminer's exception in its args
        if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes):
            raise InputError("INPUT-ENCRYPTED", "PDF 已加密，需要密码才能读取",
                             "the PDF is encrypted; it needs a password") from None
        raise _not_report("PDF 文件损坏，无法读取", "a damaged PDF; it cannot be read") from None
    try:
        if len(pages) > MAX_PAGES:
            raise InputError("INPUT-TOO-LARGE", f"PDF 页数过多（{len(pages)} 页，上限 {MAX_PAGES}）",
                             f"too many pages ({len(pages)}; the limit is {MAX_PAGES})")
        per_page = [_pdf_page(page, i) for i, page in enumerate(pages)]
    except InputError:
        raise
    except Exception:  # noqa: BLE001
        raise _not_report("PDF 文件损坏，无法读取", "a damaged PDF; it cannot be read") from None
    finally:
        pdf.close()
    if not any(chars for _, chars in per_page):
        raise InputError("INPUT-NO-TEXT", "PDF 没有文字层（扫描件？），需先进行文字识别（OCR）",
                         "the PDF has no text layer (a scan?); it needs OCR first")
    return _drop_running_lines([blocks for blocks, _ in per_page])


def _pdf_page(page, number: int) -> tuple[list[tuple[float, Block]], int]:
    chars = len(page.chars)
    if not chars:
        return [], 0
    found = page.find_tables()
    placed: list[tuple[float, Block]] = []
    boxes = []
    for t in found:
        table = _pdf_table(t, number)
        if table is not None:
            placed.append((t.bbox[1], table))
            boxes.append(t.bbox)
    lines = []
    for line in page.extract_text_lines(return_chars=False):
        cy = (line["top"] + line["bottom"]) / 2
        cx = (line["x0"] + line["x1"]) / 2
        if any(x0 - 1 <= cx <= x1 + 1 and top - 1 <= cy <= bottom + 1 for x0, top, x1, bottom in boxes):
            continue
        text = fold_radicals(line["text"]).strip()
        if text:
            lines.append((line, text))
    # a line that reaches the right margin goes on in the next one (hard-wrapped paragraphs), unless the
    # next line is indented (a new paragraph) or a table stands between them
    right = max((ln["x1"] for ln, _ in lines), default=0)
    merged: list[tuple[dict, str]] = []
    for line, text in lines:
        if merged:
            prev, prev_text = merged[-1]
            height = max(1.0, prev["bottom"] - prev["top"])
            between = any(prev["bottom"] <= top <= line["top"] for _, top, _, _ in boxes)
            if (right - prev["x1"] <= 1.5 * height and line["x0"] <= merged[-1][0]["x0"] + 0.5 * height
                    and 0 <= line["top"] - prev["bottom"] <= height and not between
                    and not is_page_number(text, True)):
                sep = " " if prev_text[-1:].isascii() and text[:1].isascii() else ""
                merged[-1] = ({**prev, "x1": line["x1"], "bottom": line["bottom"]}, prev_text + sep + text)
                continue
        merged.append((line, text))
    placed.extend((line["top"], Paragraph(text, number)) for line, text in merged)
    placed.sort(key=lambda tb: tb[0])
    return [(top / float(page.height or 1), b) for top, b in placed], chars


def _edges(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > 1.5:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - v))


def _pdf_table(t, page: int) -> Table | None:
    """A pdfplumber table as a grid: spans from the cells' edges, text from its extraction."""
    text_of: dict[tuple, str] = {}
    for row, texts in zip(t.rows, t.extract()):
        for bbox, text in zip(row.cells, texts):
            if bbox is not None:
                text_of[tuple(bbox)] = fold_radicals(text or "")
    if not t.cells:
        return None
    xs = _edges([v for b in t.cells for v in (b[0], b[2])])
    ys = _edges([v for b in t.cells for v in (b[1], b[3])])
    if len(xs) * len(ys) > MAX_TABLE_CELLS:
        return None
    cells = []
    for b in t.cells:
        c0, c1, r0, r1 = _index(xs, b[0]), _index(xs, b[2]), _index(ys, b[1]), _index(ys, b[3])
        if c1 <= c0 or r1 <= r0:
            continue
        cells.append(Cell(r0, c0, text_of.get(tuple(b), ""), r1 - r0, c1 - c0))
    if not cells:
        return None
    return Table(cells, len(ys) - 1, len(xs) - 1, page)


def _drop_running_lines(pages: list[list[tuple[float, Block]]]) -> list[Block]:
    """Page numbers, and lines repeated at the top or bottom of several pages (running headers), are page
    furniture, not report text."""
    edge_lines: dict[str, int] = {}
    for placed in pages:
        for rel, b in placed:
            if isinstance(b, Paragraph) and (rel < 0.1 or rel > 0.9):
                edge_lines[b.text] = edge_lines.get(b.text, 0) + 1
    running = {t for t, n in edge_lines.items() if n >= 2 and len(pages) >= 3}
    out: list[Block] = []
    for placed in pages:
        for rel, b in placed:
            edge = rel < 0.1 or rel > 0.9
            if isinstance(b, Paragraph) and (is_page_number(b.text, edge) or (b.text in running and edge)):
                continue
            out.append(b)
    return out


# --------------------------------------------------------------------------------------------------- dispatch
def read_document(path: str, data: bytes | None = None) -> Document:
    """Read a report file (or its bytes) into the document model. Raises InputError for what is not a
    readable report."""
    if data is None:
        data = read_bytes(path)
    if len(data) > MAX_BYTES:
        raise InputError("INPUT-TOO-LARGE", f"文件过大（上限 {MAX_BYTES} 字节）", f"file too large (the limit is {MAX_BYTES})")
    lower = path.lower()
    if not data.strip():
        raise InputError("INPUT-EMPTY", "文件为空", "the file is empty")
    if data.lstrip()[:5] == b"%PDF-" or data[:1024].find(b"%PDF-") >= 0 and lower.endswith(".pdf"):
        return Document(read_pdf(data), "pdf")
    if data.startswith(b"PK\x03\x04"):  # a zip: a workbook, a Word file, or not a report
        if lower.endswith((".xlsx", ".xlsm")) or b"xl/workbook.xml" in data[:200_000]:
            blocks, fields = read_xlsx(data)
            return Document(blocks, "xlsx", None, fields or None)
        return Document(read_docx(data), "docx")
    if b"\x00" in data[:8192]:
        raise _not_report("二进制文件，不是年度报告", "binary data: not a report")
    text, enc = decode_text(data)
    head = text[:2048].lower()
    if lower.endswith(".md") or lower.endswith(".markdown"):
        return Document(read_markdown(text), "md", enc)
    if lower.endswith((".html", ".htm")) or re.search(r"<(html|table|p|div|body)\b", head) is not None:
        return Document(read_html(text), "html", enc)
    return Document(read_text(text), "txt", enc)
