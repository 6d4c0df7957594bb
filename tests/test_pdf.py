"""The PDF reader (PDFium) and the table finder: the finder against pdfplumber's on the same pages, rules drawn
inside forms, OCR confidences carried into cells, the seam a scan goes through. The layouts a PDF report
comes in (office suites, browsers, tables without rules, samples) are read cell for cell in test_extract.py.
"""

from __future__ import annotations

import dataclasses
import logging
import subprocess
import sys

import pytest

from conftest import FIXTURES, SAMPLES, needs_samples
from test_hostile import pdf_file, pdf_stream

pytest.importorskip("pypdfium2", reason="the pdf extra (pip install 'gaischema[pdf]')")

from gaischema.extract.document import Table  # noqa: E402
from gaischema.extract.readers.common import fold_radicals  # noqa: E402
from gaischema.extract.readers.pdf import blocks_from_pages, pdf_pages  # noqa: E402
from gaischema.extract.tablefinder import find_tables  # noqa: E402


def one_page(content: bytes, resources: bytes, extra: dict[int, bytes]) -> bytes:
    return pdf_file({1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [10 0 R] /Count 1 >>",
                     3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                     10: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s /Contents 5 0 R >>"
                         % resources, 5: pdf_stream(content), **extra})


def _norm(text: str | None) -> str:
    return "".join(fold_radicals(text or "").split())


@pytest.mark.parametrize("path", [FIXTURES / "pdf" / "pingtan-2023-office.pdf", FIXTURES / "pdf" / "format2019-office.pdf",
                                  pytest.param(SAMPLES / "shanghai-gov-office-2019.pdf", marks=needs_samples),
                                  pytest.param(SAMPLES / "pingtan-2023-word.pdf", marks=needs_samples)],
                         ids=lambda p: p.name)
def test_table_finder_finds_pdfplumbers_tables(path):
    """On every page, the same tables with the same cells' text as pdfplumber's find_tables (the design
    it follows), from PDFium's characters and path objects."""
    pdfplumber = pytest.importorskip("pdfplumber", reason="the comparison is in the test extra")
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages = pdf_pages(path.read_bytes())
    tables = 0
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == len(pages)
        for theirs, ours in zip(pdf.pages, pages):
            want = [sorted(_norm(c) for row in t.extract() for c in row if c is not None) for t in theirs.find_tables()]
            got = [sorted(_norm(c.text) for c in t.table.cells) for t in find_tables(ours.chars, ours.edges)]
            assert got == want, theirs.page_number
            tables += len(got)
    assert tables >= 4


def test_rules_drawn_inside_a_form_are_placed_by_its_matrix():
    """A ruled 2 x 2 table drawn in a form XObject, scaled by half and moved by the form's matrix (and a
    form inside it): the same grid as the table drawn on the page itself."""
    grid = b"0 0 m 400 0 l S 0 100 m 400 100 l S 0 200 m 400 200 l S 0 0 m 0 200 l S 200 0 m 200 200 l S 400 0 m 400 200 l S"
    text = b"BT /F1 12 Tf 172 680 Td (a1) Tj 100 0 Td (b1) Tj -100 -50 Td (a2) Tj 100 0 Td (b2) Tj ET"
    plain = one_page(b"q 1 0 0 1 150 600 cm 0.5 0 0 0.5 0 0 cm " + grid + b" Q " + text, b"<< /Font << /F1 3 0 R >> >>", {})
    form = b" /Type /XObject /Subtype /Form /BBox [-10 -10 1000 1000] "
    nested = one_page(b"/Outer Do " + text, b"<< /Font << /F1 3 0 R >> /XObject << /Outer 6 0 R >> >>", {
        6: pdf_stream(b"/Inner Do", form + b"/Matrix [1 0 0 1 150 600] /Resources << /XObject << /Inner 7 0 R >> >>"),
        7: pdf_stream(grid, form + b"/Matrix [0.5 0 0 0.5 0 0] /Resources << >>")})
    read = []
    for data in (plain, nested):
        (page,) = pdf_pages(data)
        (found,) = find_tables(page.chars, page.edges)
        read.append((found.bbox, [(c.row, c.col, c.text) for c in found.table.cells]))
    assert read[0] == read[1]
    assert read[0][0] == pytest.approx((150, 92, 350, 192), abs=0.5)
    assert sorted(t for _, _, t in read[0][1]) == ["a1", "a2", "b1", "b2"]


def test_ocr_confidences_reach_the_cells():
    """The finder as the OCR reader feeds it: boxes with confidences. A cell's confidence is the lowest of
    its boxes'; a text layer's cells have none."""
    (page, *_) = [p for p in pdf_pages((FIXTURES / "pdf" / "pingtan-2023-office.pdf").read_bytes()) if p.edges]
    tables = find_tables(page.chars, page.edges)
    assert tables and all(c.confidence is None for t in tables for c in t.table.cells)
    cell = next(c for t in tables for c in t.table.cells if len(c.text) > 1)
    target = cell.text.replace("\n", "")[0]
    words = [dataclasses.replace(ch, confidence=0.9) for ch in page.chars]
    first = True
    for i, ch in enumerate(words):  # the cell's first character read with less confidence
        if first and ch.text == target:
            found = [c for t in find_tables([ch], page.edges) for c in t.table.cells if c.text]
            if found and (found[0].row, found[0].col) == (cell.row, cell.col):
                words[i] = dataclasses.replace(ch, confidence=0.4)
                first = False
    assert not first
    again = find_tables(words, page.edges)
    conf = {(c.row, c.col): c.confidence for t in again for c in t.table.cells if c.text}
    assert conf[(cell.row, cell.col)] == 0.4
    assert {v for k, v in conf.items() if k != (cell.row, cell.col)} == {0.9}
    blocks = blocks_from_pages([dataclasses.replace(page, chars=words)])
    assert any(isinstance(b, Table) and any(c.confidence == 0.4 for c in b.cells) for b in blocks)


@needs_samples
def test_a_scan_has_pages_without_characters_and_names_the_ocr_extra():
    """The seam OCR goes through: a scan's pages come back with no characters (its edges, if any, kept);
    without the ocr extra, extract says which extra reads it."""
    pages = pdf_pages((SAMPLES / "pingtan-2023-scan.pdf").read_bytes())
    assert pages and not any(p.chars for p in pages) and all(p.width > 0 and p.height > 0 for p in pages)
    # the ocr extra is in the test extra: hidden here, as on an installation without it
    code = ("import sys; sys.modules['rapidocr_onnxruntime'] = None; from gaischema.cli import main; "
            f"sys.argv = ['gaischema', 'extract', {str(SAMPLES / 'pingtan-2023-scan.pdf')!r}]; main()")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and err.count("\n") == 1 and "INPUT-NO-TEXT" in err and "gaischema[ocr]" in err


def test_pdfs_read_in_threads_do_not_crash():
    """PDFium is not thread-safe; Dask's threaded workers read PDFs in threads of one process (this crashed
    with a segmentation fault before the readers took the PDFium lock). Run apart, so a crash is a failure."""
    pytest.importorskip("pypdfium2")
    script = (
        "import sys\nfrom concurrent.futures import ThreadPoolExecutor\nfrom gaischema.extract import extract\n"
        "files = sys.argv[1:] * 6\n"
        "with ThreadPoolExecutor(6) as pool:\n"
        "    got = list(pool.map(lambda f: extract(f).instance['applications']['new_applications']['total'], files))\n"
        "assert len(set(got[::2])) == 1 and len(set(got[1::2])) == 1, got\n")
    pdfs = [str(FIXTURES / "pdf" / "pingtan-2023-office.pdf"), str(FIXTURES / "pdf" / "format2019-office.pdf")]
    proc = subprocess.run([sys.executable, "-c", script, *pdfs], capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-1500:]
