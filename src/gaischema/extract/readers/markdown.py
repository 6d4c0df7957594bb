"""Markdown: pipe tables (a Table per run of '|' lines), HTML tables anywhere in it, other lines as paragraphs."""

from __future__ import annotations

import html
import re

from gaischema.extract.document import Block, Paragraph, Table
from gaischema.extract.readers.html import read_html


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
