"""Markdown: pipe tables (a Table per run of '|' lines), HTML tables anywhere in it, other lines as paragraphs.

Bounded by construction: a pipe table's cells are counted while its lines are split, and a table of more
than ``MAX_TABLE_CELLS`` positions is refused before any grid is built; its cells (each one position, as
pipe tables have no spans) are placed directly, in one pass. HTML tables are found in one pass too (an
unclosed ``<table>`` does not make every later one scan to the end of the text).
"""

from __future__ import annotations

import html
import re

from gaischema.extract.document import Block, Cell, Paragraph, Table
from gaischema.extract.readers.common import MAX_TABLE_CELLS, too_large
from gaischema.extract.readers.html import read_html


_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_PIPE = re.compile(r"(?<!\\)\|")
_TABLE_OPEN = re.compile(r"<table\b", re.I)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.I)


def has_pipe_table(text: str) -> bool:
    """Whether the text holds a Markdown pipe table: a '|' line followed by its separator line (|---|---|)."""
    if "|" not in text:  # most texts (a text copy, HTML): no line to look at
        return False
    prev = ""
    for line in text.split("\n"):
        s = line.strip()
        if s.startswith("|") and prev.startswith("|") and "-" in s and _SEPARATOR.match(s):
            return True
        prev = s
    return False


def read_markdown(text: str) -> list[Block]:
    """Pipe tables (one Table per run of '|' lines), HTML tables anywhere, other lines as paragraphs."""
    blocks: list[Block] = []
    pos = 0
    while True:
        start = _TABLE_OPEN.search(text, pos)
        end = _TABLE_CLOSE.search(text, start.end()) if start else None
        if end is None:  # no closed table after this point: none after any later one either
            break
        blocks.extend(_markdown_part(text[pos:start.start()]))
        blocks.extend(b for b in read_html(text[start.start():end.end()]) if isinstance(b, Table))
        pos = end.end()
    blocks.extend(_markdown_part(text[pos:]))
    return blocks


def _markdown_part(text: str) -> list[Block]:
    blocks: list[Block] = []
    rows: list[list[str]] = []
    count = [0]

    def flush():
        if rows:
            blocks.append(_pipe_table(rows))
            rows.clear()
            count[0] = 0

    for line in text.split("\n"):
        s = line.strip()
        if s.startswith("|") and len(s) > 1:
            if _SEPARATOR.match(s):
                continue
            inner = s[1:-1] if s.endswith("|") else s[1:]
            count[0] += inner.count("|") + 1  # counted before the line is split
            if count[0] > MAX_TABLE_CELLS:
                raise too_large("表格过大", "a table is too large")
            rows.append([_md_inline(c) for c in _PIPE.split(inner)])
            continue
        flush()
        s = re.sub(r"^(#{1,6}\s+|>\s*|[-*+]\s+(?=\S))", "", s)
        s = _md_inline(s)
        if s:
            blocks.append(Paragraph(s))
    flush()
    return blocks


def _pipe_table(rows: list[list[str]]) -> Table:
    """A pipe table's rows as a Table: every cell one position, placed where it stands."""
    ncols = max(len(r) for r in rows)
    if ncols * len(rows) > MAX_TABLE_CELLS:
        raise too_large("表格过大", "a table is too large")
    cells = [Cell(r, c, t) for r, row in enumerate(rows) for c, t in enumerate(row)]
    return Table(cells, len(rows), ncols)


def _md_inline(s: str) -> str:
    s = re.sub(r"<br\s*/?>", "\n", s, flags=re.I)
    s = s.replace("**", "").replace("__", "").replace("\\|", "|")
    return html.unescape(s).strip()  # Markdown text reads entities as their characters
