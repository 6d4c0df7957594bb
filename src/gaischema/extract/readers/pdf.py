"""PDF files: the text layer and ruled tables (through pdfplumber, the optional ``pdf`` extra)."""

from __future__ import annotations

import io
import logging

from gaischema.extract.document import Block, Cell, Paragraph, Table
from gaischema.extract.readers import ocr
from gaischema.extract.readers.common import MAX_PAGES, MAX_TABLE_CELLS, fold_radicals, is_page_number, not_report
from gaischema.loading import InputError


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
        raise not_report("PDF 文件损坏，无法读取", "a damaged PDF; it cannot be read") from None
    try:
        if len(pages) > MAX_PAGES:
            raise InputError("INPUT-TOO-LARGE", f"PDF 页数过多（{len(pages)} 页，上限 {MAX_PAGES}）",
                             f"too many pages ({len(pages)}; the limit is {MAX_PAGES})")
        per_page = [_pdf_page(page, i) for i, page in enumerate(pages)]
    except InputError:
        raise
    except Exception:  # noqa: BLE001
        raise not_report("PDF 文件损坏，无法读取", "a damaged PDF; it cannot be read") from None
    finally:
        pdf.close()
    pictures = [n for n, (_, chars) in enumerate(per_page) if not chars]  # pages without a text layer: OCR
    if pictures and ocr.available():
        for n, placed in zip(pictures, ocr.read_pdf_pages(data, pictures)):
            per_page[n] = (placed, len(placed))
    if not any(chars for _, chars in per_page):
        raise ocr.needs_ocr() if pictures and not ocr.available() else InputError(
            "INPUT-NO-TEXT", "PDF 没有文字层，也没有可识别的内容", "the PDF has no text layer and nothing OCR could read")
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
