"""Readers: one per input format, each turning a file into a :class:`~gaischema.extract.document.Document`.

Formats: HTML (rowspan/colspan; layout tables that only hold other tables are looked through), Word .docx
(gridSpan, vMerge), workbooks .xlsx (merged ranges; the 报告信息 sheet of a gaischema workbook), Markdown
(pipe tables, HTML tables anywhere in it, text), plain text (UTF-8 with or without BOM, GB18030/GBK) and PDF
(text layer through PDFium, the optional ``pdf`` extra; ruled tables by :mod:`gaischema.extract.tablefinder`).

One module per input kind; this one dispatches on the bytes. Every reader is bounded: input at most ``MAX_BYTES``, decompressed Word XML at most ``MAX_UNPACKED``, HTML
and XML nesting at most ``MAX_DEPTH`` (deeper content is kept as text of its ancestor), tables at most
``MAX_TABLE_CELLS`` positions, PDFs at most ``MAX_PAGES`` pages. What is not a readable report raises
:class:`~gaischema.loading.InputError` (exit 2 in the command line).
"""

from __future__ import annotations

import re

from gaischema.extract.document import Document
from gaischema.extract.readers.common import (MAX_BYTES, MAX_DEPTH, MAX_PAGES, MAX_TABLE_CELLS, MAX_UNPACKED,
                                               META_SHEET, NotAReport, fold_radicals, is_page_number, not_report)
from gaischema.extract.readers.docx import read_docx
from gaischema.extract.readers.html import read_html, read_html_meta
from gaischema.extract.readers.markdown import read_markdown
from gaischema.extract.readers.pdf import read_pdf
from gaischema.extract.readers.pdfinfo import pdf_title
from gaischema.extract.readers.text import decode_text, read_text
from gaischema.extract.readers.xlsx import read_xlsx
from gaischema.loading import InputError, read_bytes

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_PAGES", "MAX_TABLE_CELLS", "MAX_UNPACKED", "META_SHEET", "NotAReport",
           "decode_text", "fold_radicals", "is_page_number", "read_docx", "read_document", "read_html", "read_markdown",
           "read_html_meta", "read_pdf", "read_text", "read_xlsx", "pdf_title"]


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
        return Document(read_pdf(data), "pdf", meta={"pdf_title": t} if (t := pdf_title(data)) else {})
    if data.startswith(b"PK\x03\x04"):  # a zip: a workbook, a Word file, or not a report
        if lower.endswith((".xlsx", ".xlsm")) or b"xl/workbook.xml" in data[:200_000]:
            blocks, fields = read_xlsx(data)
            return Document(blocks, "xlsx", None, fields or None)
        return Document(read_docx(data), "docx")
    if b"\x00" in data[:8192]:
        raise not_report("二进制文件，不是年度报告", "binary data: not a report")
    text, enc = decode_text(data)
    head = text[:2048].lower()
    if lower.endswith(".md") or lower.endswith(".markdown"):
        return Document(read_markdown(text), "md", enc)
    if lower.endswith((".html", ".htm")) or re.search(r"<(html|table|p|div|body)\b", head) is not None:
        return Document(read_html(text), "html", enc, meta=read_html_meta(text))
    return Document(read_text(text), "txt", enc)
