"""The document model every reader produces: blocks in reading order, each a paragraph or a table.

Why a model of its own: published reports come as HTML pages, Word files, workbooks, Markdown, text copies
and PDF files, laid out in ways nobody has seen in full. If every reader flattened its input into one string,
the structure that tells one cell from the next (a table's grid, its merged cells, a page break inside a
table) would be lost before the matcher could use it. So a reader hands over plain data: paragraphs of text
and tables as grids of positioned cells, with merged cells resolved (a position covered by a merged cell knows
the cell that covers it), as pdfplumber's table finder hands over its tables. The matcher
(:mod:`gaischema.extract.matcher`) works on this model only; it never sees the input format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol, Union


@dataclass(slots=True)  # slots: a report's text makes hundreds of cells and paragraphs, each made and read often
class Cell:
    """One cell of a table: its top-left position, its spans and its text (line breaks kept). ``confidence``
    is the lowest of its words' where OCR read them (0–1); None where the text came from the file itself."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    confidence: float | None = None
    box: tuple[float, float, float, float] | None = None  # on a PDF page or a scan: (x0, top, x1, bottom), points
    span: tuple[int, int, int] | None = None  # in a text copy's column-aligned lines: (line from 1, start, end)


@dataclass
class Table:
    """A grid of cells. ``grid[r][c]`` is the cell covering position (r, c), or None where no cell is."""

    cells: list[Cell]
    nrows: int
    ncols: int
    page: int | None = None
    grid: list[list[Cell | None]] = field(default_factory=list, repr=False)
    text_line: bool = False  # one line of column-aligned text: its label (column 0), its values at their columns
    sheet: str | None = None  # a workbook's sheet, and the sheet row of grid row 0 (from 1): cells as A1 names
    first_row: int = 1

    def __post_init__(self):
        if not self.grid:
            self.grid = [[None] * self.ncols for _ in range(self.nrows)]
            for cell in self.cells:
                for r in range(cell.row, min(cell.row + cell.rowspan, self.nrows)):
                    for c in range(cell.col, min(cell.col + cell.colspan, self.ncols)):
                        self.grid[r][c] = cell

    @classmethod
    def from_rows(cls, rows: list[list[tuple[str, int, int]]], page: int | None = None,
                  max_cells: int | None = None) -> "Table":
        """Place rows of (text, rowspan, colspan) as HTML does: each cell at the next position its row has
        free, a position taken by a rowspan from above being skipped. Linear in the positions placed: one array
        says, per column, the last row a cell placed above still covers. With ``max_cells``, a table whose
        grid would exceed it raises TableTooLarge as soon as a row grows too wide, before any grid is built."""
        nrows = len(rows)
        widest = max_cells // max(nrows, 1) if max_cells is not None else None
        below: list[int] = []  # below[c]: the last row that a cell placed so far covers at column c (-1: none)
        cells: list[Cell] = []
        for r, row in enumerate(rows):
            c = 0
            for text, rowspan, colspan in row:
                while c < len(below) and below[c] >= r:
                    c += 1
                rowspan = max(1, min(rowspan, nrows - r))
                colspan = max(1, colspan)
                end = c + colspan
                if widest is not None and end > widest:
                    raise TableTooLarge(f"a row of {end} positions in a table of {nrows} rows")
                if end > len(below):
                    below.extend([-1] * (end - len(below)))
                last = r + rowspan - 1
                for k in range(c, end):
                    if below[k] < last:
                        below[k] = last
                cells.append(Cell(r, c, text, rowspan, colspan))
                c = end
        return cls(cells, nrows, len(below), page)


class TableTooLarge(ValueError):
    """A table's grid would hold more positions than the reader's bound."""


@dataclass(slots=True)
class Paragraph:
    """A paragraph (a heading among them) of text; in text copies, one line."""

    text: str
    page: int | None = None
    line: int | None = None  # a text copy's line (from 1), and the character its text starts at on it
    column: int = 0
    # on a PDF page or a scan: the positioned characters (PDFium's) or words (OCR's), each with the offset in
    # ``text`` its text starts at, in text order; None where the source has no positions
    boxes: list[tuple[int, "Positioned"]] | None = field(default=None, repr=False)


class Positioned(Protocol):
    """A box of text on a page (tablefinder's Char and Word)."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str


Block = Union[Paragraph, Table]


@dataclass
class Document:
    """A report as read: blocks in reading order, and what the reader knew of its source."""

    blocks: list[Block]
    fmt: str
    encoding: str | None = None
    fields: dict | None = None  # values a reader took structurally (the 报告信息 sheet of a gaischema workbook)
    # what the source says about the document, outside its text: the HTML <title> (``html_title``) and meta
    # tags (``ArticleTitle``, ``PubDate``, ``ContentSource``, ``SiteName``, ``ColumnName``), the PDF's document
    # info Title (``pdf_title``), a crawler dump row's columns (``title``, ``date``, ``url``, ``source``).
    # Raw strings as found; :mod:`gaischema.extract.metadata` weighs them against the text
    meta: dict[str, str] = field(default_factory=dict)
    sniffed: str | None = None  # the kind the content showed, when the file's name says another (or nothing)
    # a gaischema draft (the fill-in workbook, the Word template): each official cell as its file shows it, read
    # by the cell map (gaischema.cellmap), and the format version; None for any other document
    cells: dict[str, Any] | None = None
    version: str | None = None

    def number(self, block: int) -> int:
        """The number (from 1) of the table at ``block`` among the document's tables (one-line tables of
        column-aligned text not counted), or of the paragraph there among its paragraphs; counted once."""
        numbers = self.__dict__.get("_numbers")
        if numbers is None:
            numbers, count = [], {True: 0, False: 0}
            for b in self.blocks:
                table = isinstance(b, Table) and not b.text_line
                count[table] += 1
                numbers.append(count[table])
            self.__dict__["_numbers"] = numbers
        return numbers[block]

    def lines(self) -> list[str]:
        """The document as lines of text: each paragraph's lines, each table row's distinct cells joined by a
        space. For headings, metadata and narrative; never for reading cell values."""
        out: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                out.extend(block.text.split("\n"))
            else:
                for r in range(block.nrows):
                    seen: set[int] = set()
                    texts = []
                    for cell in block.grid[r]:
                        if cell is not None and id(cell) not in seen:
                            seen.add(id(cell))
                            if cell.row == r:
                                texts.append(" ".join(cell.text.split()))
                    out.append(" ".join(t for t in texts if t))
        return out


_SURROGATE = re.compile("[\ud800-\udfff]")


def unicode_text(text: str) -> tuple[str, int]:
    """``text`` as Unicode: UTF-16 surrogate pairs (RTF's ``\\u-10174?\\u-8265?`` for 𠮷, a JSON ``\\ud842\\udfb7``)
    joined into their character, a lone surrogate (which no UTF-8 output can hold) replaced by U+FFFD; and how
    many were replaced."""
    if _SURROGATE.search(text) is None:
        return text, 0
    fixed = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return fixed, fixed.count("\ufffd") - text.count("\ufffd")


def unicode_document(doc: Document) -> int:
    """Every text of a document (paragraphs, cells, what the source says about it) made Unicode by
    :func:`unicode_text`, in place; the number of lone surrogates replaced (the extractor notes it)."""
    replaced = 0
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            block.text, n = unicode_text(block.text)
            replaced += n
        else:
            for cell in block.cells:
                cell.text, n = unicode_text(cell.text)
                replaced += n
    for key, value in list(doc.meta.items()):
        if isinstance(value, str):
            doc.meta[key], n = unicode_text(value)
            replaced += n
    return replaced


# ------------------------------------------------------------------------------------------------ places
class Spot(NamedTuple):
    """Where one value text of a candidate row stands in the document: block ``block``, and in it the cell
    (a table's) or the characters ``[start, end)`` of the paragraph's text. The matcher carries spots beside
    the texts; :func:`place_record` turns them into the compact record the instance keeps."""

    block: int
    cell: Cell | None = None
    start: int = 0
    end: int = 0


def _a1(col: int) -> str:
    name = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        name = chr(65 + rem) + name
    return name


def place_record(doc: Document, spots: list[Spot]) -> dict | None:
    """The source place of a cell read from ``spots`` (several where digits ran together over many texts), as
    the schema's CellSource: ``box`` (page from 1, bbox in points, top-left origin: the union of the
    characters' or words' boxes, or the table cell's; a PDF's only), ``table`` (the table's number in the document, row and
    column of its grid, from 1; a workbook's sheet and A1 cell instead), or ``text`` (the source line, from 1,
    and the characters [start, end) on it; a paragraph's number and characters where the source has no
    lines). None when no spot is known."""
    if not spots:
        return None
    first = spots[0]
    block = doc.blocks[first.block]
    if isinstance(block, Table) and first.cell is not None:
        cell = first.cell
        boxes = [s.cell.box for s in spots if s.cell is not None and s.cell.box is not None]
        if boxes and block.page is not None and doc.fmt == "pdf":
            return {"kind": "box", "page": block.page + 1, "bbox": _union(boxes)}
        if cell.span is not None:
            spans = [s.cell.span for s in spots if s.cell is not None and s.cell.span is not None
                     and s.cell.span[0] == cell.span[0]]
            return {"kind": "text", "line": cell.span[0], "start": min(a for _, a, _ in spans),
                    "end": max(b for _, _, b in spans)}
        if block.sheet is not None:
            return {"kind": "table", "sheet": block.sheet, "cell": f"{_a1(cell.col)}{cell.row + block.first_row}"}
        return {"kind": "table", "table": doc.number(first.block), "row": cell.row + 1, "col": cell.col + 1}
    if isinstance(block, Paragraph):
        start, end = min(s.start for s in spots), max(s.end for s in spots)
        if block.boxes and doc.fmt == "pdf":  # a picture in a Word file has boxes, but no page to show
            boxes = [(b.x0, b.top, b.x1, b.bottom) for at, b in block.boxes if start <= at < end]
            if boxes and block.page is not None:
                return {"kind": "box", "page": block.page + 1, "bbox": _union(boxes)}
        if block.line is not None:
            return {"kind": "text", "line": block.line, "start": block.column + start, "end": block.column + end}
        return {"kind": "text", "paragraph": doc.number(first.block), "start": start, "end": end}
    return None


def cell_sources(doc: Document, spots: dict[str, list[Spot]],
                 paths) -> tuple[list[dict], dict[str, tuple[str, int, int]]]:
    """Each cell's CellSource record (``cell_path`` and :func:`place_record`'s fields, each named ``place_*``)
    and its :func:`row_text`, for the cells ``paths`` (in that order) of ``spots``: the extractor asks both
    for every cell it read. A cell read from one word of a text copy's line (most cells of a text report) is
    placed without the general case's lists."""
    records: list[dict] = []
    rows: dict[str, tuple[str, int, int]] = {}
    blocks, pdf = doc.blocks, doc.fmt == "pdf"
    for path in paths:
        found = spots[path]
        if len(found) == 1:
            spot = found[0]
            block = blocks[spot.block]
            if type(block) is Paragraph and block.line is not None and not (pdf and block.boxes):
                records.append({"cell_path": path, "place_kind": "text", "place_line": block.line,
                                "place_start": block.column + spot.start, "place_end": block.column + spot.end})
                rows[path] = (block.text, spot.start, spot.end)
                continue
        place = place_record(doc, found)
        if place is not None:
            records.append({"cell_path": path, **{"place_" + k: v for k, v in place.items()}})
        row = row_text(doc, found)
        if row is not None:
            rows[path] = row
    return records, rows


def _union(boxes) -> list[float]:
    return [round(min(b[0] for b in boxes), 1), round(min(b[1] for b in boxes), 1),
            round(max(b[2] for b in boxes), 1), round(max(b[3] for b in boxes), 1)]


def row_text(doc: Document, spots: list[Spot]) -> tuple[str, int, int] | None:
    """The source row that holds a cell, as text, and the characters [start, end) of the cell in it: a table
    row's cells joined by " │ ", or the paragraph (a text copy's line). What an evaluator compares a finding
    with where there is no page to show."""
    if not spots:
        return None
    first = spots[0]
    block = doc.blocks[first.block]
    if isinstance(block, Paragraph):
        return block.text, min(s.start for s in spots), max(s.end for s in spots)
    if first.cell is None:
        return None
    r = first.cell.row
    parts: list[str] = []
    mark = None
    seen: set[int] = set()
    mine = {id(s.cell) for s in spots if s.cell is not None}
    at = 0
    for cell in block.grid[r]:
        if cell is None or id(cell) in seen:
            continue
        seen.add(id(cell))
        text = " ".join(cell.text.split())
        if parts:
            at += 3
        if id(cell) in mine:
            mark = (at if mark is None else mark[0], at + len(text))
        parts.append(text)
        at += len(text)
    line = " │ ".join(parts)
    return (line, *mark) if mark else (line, 0, 0)
