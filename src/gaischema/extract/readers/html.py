"""HTML pages: a small bounded DOM, data tables as grids (rowspan/colspan), layout tables looked through."""

from __future__ import annotations

import html.parser
import re

from gaischema.extract.document import Block, Table, TableTooLarge
from gaischema.extract.readers.common import MAX_DEPTH, MAX_TABLE_CELLS, paragraphs
from gaischema.loading import InputError


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
        out.extend(paragraphs(re.sub(r"[ \t\u3000]+", " ", text)))

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
                try:  # spans bounded as they are placed: no grid of more than MAX_TABLE_CELLS is begun
                    out.append(_bounded(Table.from_rows(rows, max_cells=MAX_TABLE_CELLS)))
                except TableTooLarge:
                    raise InputError("INPUT-TOO-LARGE", "表格过大（合并单元格范围过大）",
                                     "a table is too large (a huge merged range)") from None
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


# ------------------------------------------------------------------------------------------------ the head
# the meta tags government site platforms write for every article (names compared case-insensitively)
META_NAMES = {n.lower(): n for n in ("ArticleTitle", "PubDate", "ContentSource", "SiteName", "ColumnName")}
_HEAD_LIMIT = 256 * 1024  # the head is at the start of a page: no need to parse a whole large page twice


class _HeadReader(html.parser.HTMLParser):
    """The <title> text and the known <meta name=… content=…> tags, until the body starts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.title: list[str] = []
        self.done = False

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        if tag == "body":
            self.done = True
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            a = {k.lower(): v for k, v in attrs if v is not None}
            name = META_NAMES.get((a.get("name") or a.get("property") or "").strip().lower())
            content = " ".join((a.get("content") or "").split())
            if name and content and name not in self.meta:
                self.meta[name] = content

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag == "head":
            self.done = True

    def handle_data(self, data):
        if self.in_title and not self.done:
            self.title.append(data)


def read_html_meta(text: str) -> dict[str, str]:
    """What the page's head says of the document: ``html_title`` (the <title>) and the platform meta tags
    (``ArticleTitle``, ``PubDate``, ``ContentSource``, ``SiteName``, ``ColumnName``), as found."""
    reader = _HeadReader()
    try:
        reader.feed(text[:_HEAD_LIMIT])
        reader.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; a head it cannot read simply gives nothing
        return {}
    meta = dict(reader.meta)
    title = " ".join("".join(reader.title).split())
    if title:
        meta["html_title"] = title[:500]
    return meta
