"""Readers: one per input format, each turning a file into a :class:`~gaischema.extract.document.Document`.

Formats: HTML (rowspan/colspan; layout tables that only hold other tables are looked through), Word .docx
(gridSpan, vMerge), workbooks .xlsx (merged ranges; the 报告信息 sheet of a gaischema workbook), Markdown
(pipe tables, HTML tables anywhere in it, text), plain text (UTF-8 with or without BOM, GB18030/GBK) and PDF
(text layer through PDFium, the optional ``pdf`` extra; ruled tables by :mod:`gaischema.extract.tablefinder`).

One module per input kind; this one dispatches on the bytes, never on the name alone: a file is read as
what it is (a .txt of Markdown tables as Markdown, a .doc that is HTML or RTF as such, a file without
extension by its content), and the document says when that differs from its name. Every reader is bounded: input at most ``MAX_BYTES``, decompressed Word XML at most ``MAX_UNPACKED``, HTML
and XML nesting at most ``MAX_DEPTH`` (deeper content is kept as text of its ancestor), tables at most
``MAX_TABLE_CELLS`` positions, PDFs at most ``MAX_PAGES`` pages. What is not a readable report raises
:class:`~gaischema.loading.InputError` (exit 2 in the command line).
"""

from __future__ import annotations

import re

from gaischema.extract.document import Document
from gaischema.extract.readers.common import (MAX_BYTES, MAX_DEPTH, MAX_PAGES, MAX_TABLE_CELLS, MAX_UNPACKED,
                                               META_SHEET, NotAReport, fold_radicals, is_page_number, not_report)
from gaischema.extract.readers.docx import read_docx, read_docx_draft
from gaischema.extract.readers.html import read_html, read_html_meta
from gaischema.extract.readers.markdown import has_pipe_table, read_markdown
from gaischema.extract.readers.pdf import read_pdf
from gaischema.extract.readers.pdfinfo import pdf_title
from gaischema.extract.readers.rtf import read_rtf
from gaischema.extract.readers.text import decode_text, read_text, text_encoding
from gaischema.extract.readers.xlsx import read_xlsx, read_xlsx_draft
from gaischema.loading import InputError, read_bytes

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_PAGES", "MAX_TABLE_CELLS", "MAX_UNPACKED", "META_SHEET", "NotAReport",
           "decode_text", "fold_radicals", "is_page_number", "read_docx", "read_document", "read_html", "read_markdown",
           "read_html_meta", "read_pdf", "read_rtf", "read_text", "read_xlsx", "pdf_title", "sniff", "text_kind"]


_CLAIMS = {".pdf": "pdf", ".xlsx": "xlsx", ".xlsm": "xlsx", ".docx": "docx", ".md": "md", ".markdown": "md",
           ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html", ".txt": "txt", ".text": "txt",
           ".rtf": "rtf", ".doc": "doc"}
_KIND_NAMES = {"pdf": "PDF", "xlsx": "Excel (.xlsx)", "docx": "Word (.docx)", "md": "Markdown", "html": "HTML",
               "txt": "纯文本 plain text", "rtf": "RTF"}
_HTML_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|table|tr|td|p|div|br|meta)\b", re.I)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def claimed_kind(path: str) -> str | None:
    """The kind a file's name says (by its extension), None when it says none we know."""
    dot = path.rfind(".")
    return _CLAIMS.get(path[dot:].lower()) if dot > max(path.rfind("/"), path.rfind("\\")) else None


def sniff(data: bytes, path: str) -> str:
    """The kind of input the bytes are, whatever the name says: pdf, xlsx, docx, rtf, md, html or txt (the
    text kinds after decoding: see :func:`read_document`). An old binary Office file is refused here."""
    claim = claimed_kind(path)
    if data.lstrip()[:5] == b"%PDF-" or data[:1024].find(b"%PDF-") >= 0 and claim == "pdf":
        return "pdf"
    if data.startswith(b"PK\x03\x04"):  # a zip: a workbook, a Word file, or not a report
        return "xlsx" if claim == "xlsx" or b"xl/workbook.xml" in data[:200_000] else "docx"
    if data.startswith(_OLE2):
        raise not_report("旧版二进制 Word/Excel 文件（.doc/.xls），请先转换为 .docx/.xlsx，例如 "
                         "soffice --headless --convert-to docx 文件.doc",
                         "an old binary Word/Excel file (OLE2 .doc/.xls): convert it to .docx/.xlsx first, e.g. "
                         "soffice --headless --convert-to docx file.doc")
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    return "text"


def text_kind(text: str, claim: str | None) -> str:
    """A decoded text's kind: Markdown when it holds pipe tables (or its name says .md), HTML when it holds
    HTML tags, else plain text. The name decides only where the content allows both."""
    head = text[:4096]
    html_like = "<" in head and _HTML_TAG.search(head) is not None
    if claim == "md":
        return "md"  # Markdown may hold HTML tables: the Markdown reader reads both
    if claim == "html" and html_like:
        return "html"
    if has_pipe_table(text):
        return "md"
    if html_like:
        return "html"
    return "txt"


def read_document(path: str, data: bytes | None = None) -> Document:
    """Read a report file (or its bytes) into the document model, by what its bytes are, not by its name
    (a .txt holding Markdown tables, an .html holding text, a .doc that is HTML or RTF, a file without
    extension); when the two differ, :attr:`Document.sniffed` says so. Raises InputError for what is not a
    readable report."""
    if data is None:
        data = read_bytes(path)
    if len(data) > MAX_BYTES:
        raise InputError("INPUT-TOO-LARGE", f"文件过大（上限 {MAX_BYTES} 字节）", f"file too large (the limit is {MAX_BYTES})")
    if not data.strip():
        raise InputError("INPUT-EMPTY", "文件为空", "the file is empty")
    claim = claimed_kind(path)
    kind = sniff(data, path)
    if kind == "pdf":
        doc = Document(read_pdf(data), "pdf", meta={"pdf_title": t} if (t := pdf_title(data)) else {})
    elif kind == "xlsx":
        blocks, fields, cells = read_xlsx_draft(data)
        doc = Document(blocks, "xlsx", None, fields or None, cells=cells,
                       version=fields.get("format_version") if cells is not None else None)
    elif kind == "docx":
        blocks, draft = read_docx_draft(data)
        doc = Document(blocks, "docx")
        if draft is not None:
            doc.cells, doc.version, doc.fields = draft.cells, draft.version, draft.fields
    else:
        wide = text_encoding(data)
        if wide is None and b"\x00" in data[:8192]:
            raise not_report("二进制文件，不是年度报告", "binary data: not a report")
        text, enc = decode_text(data)
        if "\x00" in text[:8192]:
            raise not_report("二进制文件，不是年度报告", "binary data: not a report")
        if kind == "rtf":
            doc = Document(read_rtf(text), "rtf", enc)
        else:
            kind = text_kind(text, claim)
            reader = {"md": read_markdown, "html": read_html, "txt": read_text}[kind]
            doc = Document(reader(text), kind, enc, meta=read_html_meta(text) if kind == "html" else {})
    if claim != doc.fmt:
        said = f"文件名为 {path[path.rfind('.'):]}" if claim else "文件名没有可识别的扩展名"
        said_en = f"the name says {path[path.rfind('.'):]}" if claim else "the name has no known extension"
        doc.sniffed = (f"按内容读取为 {_KIND_NAMES[doc.fmt]}（{said}） / read as {_KIND_NAMES[doc.fmt]} by its "
                       f"content ({said_en})")
    return doc
