#!/usr/bin/env python3
"""Benchmark: gaischema extract on PDF files against pdfplumber's own page-by-page table and text extraction.

    .venv/bin/python benchmarks/extract_pdf.py [PDF ...] [--repeat N]

For each file (default: the text-layer sample PDFs beside the checkout, ../shared/samples/*.pdf, and the
office-suite PDF fixtures in tests/fixtures/pdf), in one run and one process, prints the CPU seconds
(process time, best of --repeat) of:

- pdfplumber: every page's find_tables() with each table's extract(), and extract_text() — the work a
  pdfplumber-based reader cannot avoid (pdfplumber is in the test extra for this comparison only);
- read: gaischema's PDF reader alone (PDFium's characters and path segments, the table finder, the blocks);
- extract: gaischema extract of the same file (reading, matching, values, metadata, narrative);

and the ratio extract / pdfplumber, and reports per CPU second (per core) for extract; then the totals.
Targets (issue #18): ratio <= 0.35; >= 10 reports per second per core on the sample PDFs.
A scan without a text layer is skipped (with the ocr extra it would be read by OCR): benchmarks/ocr.py measures it.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    import pdfplumber

    from gaischema.extract import extract
    from gaischema.extract.readers import read_document
    from gaischema.loading import InputError

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    files = [Path(f) for f in args.files] or sorted((ROOT.parent / "shared" / "samples").glob("*.pdf")) + sorted(
        (ROOT / "tests" / "fixtures" / "pdf").glob("*office.pdf"))

    def plumber(path):
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                for table in page.find_tables():
                    table.extract()
                page.extract_text()

    print(f"{'file':34} {'pages':>5} {'pdfplumber s':>12} {'read s':>8} {'extract s':>9} {'ratio':>6} "
          f"{'reports/s':>9}")
    totals = [0.0, 0.0, 0.0, 0]
    for f in files:
        with pdfplumber.open(f) as pdf:
            if not any(page.chars for page in pdf.pages):
                print(f"{f.name:34} skipped: no text layer (a scan: benchmarks/ocr.py)")
                continue
        try:
            extract(str(f))  # warm up: imports, the compiled model
        except InputError as exc:
            print(f"{f.name:34} skipped: {exc}")
            continue
        with pdfplumber.open(f) as pdf:
            pages = len(pdf.pages)
        base = best(lambda: plumber(f), args.repeat)
        read = best(lambda: read_document(str(f)), args.repeat)
        ours = best(lambda: extract(str(f)), args.repeat)
        totals[0] += base
        totals[1] += read
        totals[2] += ours
        totals[3] += 1
        print(f"{f.name:34} {pages:5d} {base:12.3f} {read:8.3f} {ours:9.3f} {ours / base:6.2f} {1 / ours:9.1f}")
    if totals[3]:
        base, read, ours, n = totals
        print(f"{'total (' + str(n) + ' reports)':34} {'':5} {base:12.3f} {read:8.3f} {ours:9.3f} {ours / base:6.2f} "
              f"{n / ours:9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
