#!/usr/bin/env python3
"""Benchmark: PDF extraction against pdfplumber's own page-by-page table and text extraction.

    .venv/bin/python benchmarks/extract_pdf.py [PDF ...]

For each file (default: the sample PDFs beside the checkout, ../shared/samples/*.pdf, and the PDF fixtures in
tests/fixtures/pdf), prints the CPU seconds of (a) pdfplumber alone: every page's find_tables() with each
table's extract(), and extract_text(); (b) gaischema extract of the same file (reading, matching, values,
metadata); their ratio; and PDF reports per CPU second. Best of --repeat runs each.
Targets (issue #8): ratio <= 1.5; >= 5 reports per second per core on the sample PDFs.
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

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    files = [Path(f) for f in args.files] or sorted((ROOT.parent / "shared" / "samples").glob("*.pdf")) + sorted(
        (ROOT / "tests" / "fixtures" / "pdf").glob("*office.pdf"))

    def plumber(path):
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                for table in page.find_tables():
                    table.extract()
                page.extract_text()

    print(f"{'file':36} {'pages':>5} {'pdfplumber s':>13} {'gaischema s':>12} {'ratio':>6} {'reports/s':>10}")
    for f in files:
        extract(str(f))  # warm up: imports, compiled model
        with pdfplumber.open(f) as pdf:
            pages = len(pdf.pages)
        base = best(lambda: plumber(f), args.repeat)
        ours = best(lambda: extract(str(f)), args.repeat)
        print(f"{f.name:36} {pages:5d} {base:13.3f} {ours:12.3f} {ours / base:6.2f} {1 / ours:10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
