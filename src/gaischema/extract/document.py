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

from dataclasses import dataclass, field
from typing import Union


@dataclass
class Cell:
    """One cell of a table: its top-left position, its spans and its text (line breaks kept). ``confidence``
    is the lowest of its words' where OCR read them (0–1); None where the text came from the file itself."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    confidence: float | None = None


@dataclass
class Table:
    """A grid of cells. ``grid[r][c]`` is the cell covering position (r, c), or None where no cell is."""

    cells: list[Cell]
    nrows: int
    ncols: int
    page: int | None = None
    grid: list[list[Cell | None]] = field(default_factory=list, repr=False)
    text_line: bool = False  # one line of column-aligned text: its label (column 0), its values at their columns

    def __post_init__(self):
        if not self.grid:
            self.grid = [[None] * self.ncols for _ in range(self.nrows)]
            for cell in self.cells:
                for r in range(cell.row, min(cell.row + cell.rowspan, self.nrows)):
                    for c in range(cell.col, min(cell.col + cell.colspan, self.ncols)):
                        self.grid[r][c] = cell

    @classmethod
    def from_rows(cls, rows: list[list[tuple[str, int, int]]], page: int | None = None) -> "Table":
        """Place rows of (text, rowspan, colspan) as HTML does: each cell at the next position its row has
        free, a position taken by a rowspan from above being skipped."""
        taken: set[tuple[int, int]] = set()
        cells: list[Cell] = []
        ncols = 0
        for r, row in enumerate(rows):
            c = 0
            for text, rowspan, colspan in row:
                while (r, c) in taken:
                    c += 1
                rowspan = max(1, min(rowspan, len(rows) - r))
                colspan = max(1, colspan)
                cells.append(Cell(r, c, text, rowspan, colspan))
                for dr in range(rowspan):
                    for dc in range(colspan):
                        taken.add((r + dr, c + dc))
                c += colspan
            ncols = max(ncols, c, max((cc + 1 for rr, cc in taken if rr == r), default=0))
        return cls(cells, len(rows), ncols, page)


@dataclass
class Paragraph:
    """A paragraph (a heading among them) of text; in text copies, one line."""

    text: str
    page: int | None = None


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

    def lines(self) -> list[str]:
        """The document as lines of text: each paragraph's lines, each table row's distinct cells joined by a
        space. For headings, metadata and narrative; never for reading cell values."""
        out: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                out.extend(block.text.split("\n"))
            else:
                for r in range(block.nrows):
                    seen: list[int] = []
                    texts = []
                    for cell in block.grid[r]:
                        if cell is not None and id(cell) not in seen:
                            seen.append(id(cell))
                            if cell.row == r:
                                texts.append(" ".join(cell.text.split()))
                    out.append(" ".join(t for t in texts if t))
        return out
