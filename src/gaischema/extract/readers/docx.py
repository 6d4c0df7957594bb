"""Word .docx files: paragraphs and tables of word/document.xml (gridSpan, vMerge), bounded unpacked; with the
``ocr`` extra, pictures in the text (a table pasted as a picture) are read by OCR where they stand."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from typing import Any

import defusedxml
import defusedxml.ElementTree as DET

from gaischema import cellmap
from gaischema.extract.document import Block, Cell, Table
from gaischema.extract.readers import ocr
from gaischema.extract.readers.pdf import blocks_from_pages
from gaischema.extract.readers.common import MAX_TABLE_CELLS, MAX_UNPACKED, NotAReport, not_report, paragraphs
from gaischema.extract.readers.package import check_package
from gaischema.loading import InputError
from gaischema.model import Model


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def _unzip(data: bytes, name: str, what_zh: str, what_en: str) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            info = z.getinfo(name)
            if info.file_size > MAX_UNPACKED:
                raise InputError("INPUT-TOO-LARGE", f"{what_zh}解压后过大", f"the {what_en} is too large unpacked")
            with z.open(info) as fh:
                out = fh.read(MAX_UNPACKED + 1)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, NotImplementedError):
        raise not_report(f"不是{what_zh}文件或文件损坏", f"not a {what_en} file, or a damaged one") from None
    if len(out) > MAX_UNPACKED:
        raise InputError("INPUT-TOO-LARGE", f"{what_zh}解压后过大", f"the {what_en} is too large unpacked")
    return out


MAX_ELEMENTS = 500_000  # a report's document.xml has some thousands; a tree of these stays ~100 MB
MAX_TEXT = 4 * 1024 * 1024  # characters: a report has some tens of thousands (a text file's limit is 10 MiB of bytes)
_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")
_EXPAT_ENCODINGS = {"utf-8", "utf8", "utf-16", "utf16", "iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"}


def _xml(data: bytes, what_zh: str, what_en: str) -> ET.Element:
    """The element tree of a Word XML part, read by a parser that refuses DTDs and entities wherever they
    stand (defusedxml over expat), in the encoding the XML declares (GBK too: expat itself knows only UTF-8,
    UTF-16 and Latin-1, so other encodings are decoded here first), at most MAX_ELEMENTS elements."""
    data = _as_utf8(data, what_zh, what_en)
    count, root = 0, None
    try:
        for _event, el in DET.iterparse(io.BytesIO(data), events=("start",), forbid_dtd=True):
            if root is None:
                root = el  # the first element started is the root
            count += 1
            if count > MAX_ELEMENTS:
                raise InputError("INPUT-TOO-LARGE", f"{what_zh}元素过多（上限 {MAX_ELEMENTS} 个）",
                                 f"the {what_en} has too many elements (the limit is {MAX_ELEMENTS})")
    except defusedxml.DefusedXmlException:
        raise not_report(f"{what_zh}含有 DTD 或实体声明，不予读取", f"the {what_en} has a DTD or entities; not read") from None
    except (ET.ParseError, ValueError, LookupError):
        raise not_report(f"{what_zh}内容损坏", f"the {what_en} is damaged") from None
    if root is None:
        raise not_report(f"{what_zh}内容损坏", f"the {what_en} is damaged")
    if sum(len(t) for t in root.itertext()) > MAX_TEXT:
        raise InputError("INPUT-TOO-LARGE", f"{what_zh}文字过多（上限 {MAX_TEXT} 字）",
                         f"the {what_en} holds too much text (the limit is {MAX_TEXT} characters)")
    return root


def _as_utf8(data: bytes, what_zh: str, what_en: str) -> bytes:
    """The part as UTF-8 when it declares an encoding expat does not read (GBK, GB18030, Big5 ...)."""
    m = _DECLARATION.match(data[:200])
    if m is None:
        return data
    name = m.group(1).decode("ascii").lower()
    if name in _EXPAT_ENCODINGS:
        return data
    try:
        text = data.decode(name)
    except LookupError:
        raise not_report(f"{what_zh}声明了未知的编码 {name}", f"the {what_en} declares an unknown encoding, {name}") from None
    except UnicodeDecodeError:
        raise not_report(f"{what_zh}不是所声明的 {name} 编码", f"the {what_en} is not in the {name} it declares") from None
    declared = m.group(1).decode("ascii")
    i = text.find(declared, 0, 200)  # the declaration is ASCII in every such encoding: the same characters
    return (text[:i] + "UTF-8" + text[i + len(declared):]).encode("utf-8")


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


MAX_CELL_ELEMENTS = 5_000  # a template's cell holds a number: some tens of elements


def _cell_text(tc: ET.Element) -> str:
    """A bookmarked cell's text, read from at most MAX_CELL_ELEMENTS elements: each of a template's 200
    bookmarks may stand in one table cell holding the whole document (or in cells nested 200 deep), and
    reading it whole for each would be quadratic. A cell that holds more is no number: its text so far and
    ``…``, which the cell map reads as text (CELL-TEXT), never as a blank or a shorter number."""
    parts = []
    for n, node in enumerate(tc.iter()):
        if n >= MAX_CELL_ELEMENTS:
            return "".join(parts).strip() + "…"
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append(" ")
        elif node.tag in (f"{_W}br", f"{_W}cr", f"{_W}p"):
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


def _pictures(data: bytes, root: ET.Element) -> dict[str, tuple[bytes, float | None]]:
    """The pictures the document shows (relationship id → (bytes, shown width in points)), for OCR."""
    widths = {}
    for drawing in root.iter(f"{_W}drawing"):
        extent = next(drawing.iter(f"{_WP}extent"), None)
        for blip in drawing.iter(f"{_A}blip"):
            cx = extent.get("cx") if extent is not None else None
            widths[blip.get(f"{_R}embed")] = int(cx) / 12700 if cx and cx.isdigit() and int(cx) > 0 else None
    if not widths:
        return {}
    try:
        rels = _xml(_unzip(data, "word/_rels/document.xml.rels", "Word 文档", "Word document"), "Word 文档",
                    "Word document")
    except NotAReport:
        return {}  # no relationships: no pictures to find
    out = {}
    for rel in rels:
        rid, target = rel.get("Id"), (rel.get("Target") or "").lstrip("/")
        if rid in widths and target.startswith(("media/", "word/media/")) and rel.get("TargetMode") != "External":
            name = target if target.startswith("word/") else f"word/{target}"
            try:
                out[rid] = (_unzip(data, name, "Word 文档", "Word document"), widths[rid])
            except NotAReport:
                continue  # a picture the package lacks: nothing to read
    return out


def read_docx(data: bytes) -> list[Block]:
    return read_docx_draft(data)[0]


@dataclass
class Draft:
    """What a Word file made from gaischema's template holds by its bookmarks (gaischema.cellmap): each official
    cell's text (the whole table cell its bookmark stands in), the format version (the bookmarks' names), and
    as a 报告信息 sheet would hold them the title's organ and year and the narrative sections (the paragraphs
    after each section's heading bookmark)."""

    cells: dict[str, str]
    version: str
    fields: dict[str, Any]


def read_docx_draft(data: bytes) -> tuple[list[Block], Draft | None]:
    """read_docx, and the Draft when the file has the template's bookmarks (None otherwise). The package is
    checked first by what its parts actually unpack to (gaischema.extract.readers.package): every part read
    after is bounded by that count."""
    check_package(data, "Word 文档", "Word document")
    root = _xml(_unzip(data, "word/document.xml", "Word 文档", "Word document"), "Word 文档", "Word document")
    blocks = _blocks(data, root)
    return blocks, _draft(root)


_BOOKMARK = re.compile(r"gs_(v[0-9]{4})_t[0-9]_r[0-9]{1,3}_c[0-9]{1,2}")


def _draft(root: ET.Element) -> Draft | None:
    body = root.find(f"{_W}body")
    if body is None:
        return None
    names = {}
    for bm in root.iter(f"{_W}bookmarkStart"):
        name = bm.get(f"{_W}name") or ""
        if _BOOKMARK.fullmatch(name):
            names.setdefault(name[3:8], 0)
            names[name[3:8]] += 1
    versions = [v for v in names if v in Model.load().versions]
    if not versions:
        return None
    version = max(versions, key=lambda v: names[v])
    marks = cellmap.bookmarks(version)
    cells: dict[str, str] = {}
    stack = [(root, None)]  # one walk, each element with the table cell it stands in: linear however deep
    while stack:
        el, tc = stack.pop()
        if el.tag == f"{_W}tc":
            tc = el
        elif el.tag == f"{_W}bookmarkStart" and tc is not None:
            path = marks.get(el.get(f"{_W}name") or "")
            if path is not None and path not in cells:  # the first bookmark of a cell's name counts
                cells[path] = _cell_text(tc)
        stack.extend((child, tc) for child in reversed(el))
    order = {p: i for i, p in enumerate(marks.values())}
    cells = dict(sorted(cells.items(), key=lambda kv: order[kv[0]]))
    fields: dict[str, Any] = {"format_version": version}
    headings = {v: k for k, v in cellmap.HEADING_BOOKMARKS.items()}
    section, texts = None, {k: [] for k in cellmap.NARRATIVE}

    def walk(el, depth=0):
        nonlocal section
        for child in el:
            if child.tag == f"{_W}p":
                found = [bm.get(f"{_W}name") for bm in child.iter(f"{_W}bookmarkStart")]
                if cellmap.TITLE_BOOKMARK in found:
                    fields.update(cellmap.title(_w_text(child)))
                    continue
                heading = next((headings[n] for n in found if n in headings), None)
                if heading is not None:
                    section = heading
                    continue
                if section in texts and (text := _w_text(child)):
                    texts[section].append(text)
            elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml") and depth < 20:
                walk(child, depth + 1)

    walk(body)
    fields.update({k: "\n".join(v) for k, v in texts.items() if v})
    return Draft(cells, version, fields)


def _blocks(data: bytes, root: ET.Element) -> list[Block]:
    body = root.find(f"{_W}body")
    blocks: list[Block] = []
    pictures = _pictures(data, root) if ocr.available() else {}
    if pictures:  # OCR's budget, counted before any work: distinct pictures, each read once however often shown
        ocr.check_count(len({p for p, _ in pictures.values()}), "图片", "pictures")
    read: dict = {}

    def walk(el, depth=0):
        for child in el:
            if child.tag == f"{_W}p":
                blocks.extend(paragraphs(_w_text(child)))
                for blip in child.iter(f"{_A}blip") if pictures else ():  # a table pasted as a picture: OCR
                    found = pictures.get(blip.get(f"{_R}embed"))
                    if found is not None and found not in read:
                        read[found] = ocr.read_picture_file(*found)
                    content = read.get(found) if found is not None else None
                    if content is not None:
                        blocks.extend(blocks_from_pages([content]))
            elif child.tag == f"{_W}tbl":
                blocks.append(_docx_table(child))
            elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml") and depth < 20:
                walk(child, depth + 1)

    if body is not None:
        walk(body)
    return blocks
