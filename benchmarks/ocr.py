#!/usr/bin/env python3
"""Benchmark: seconds per page of gaischema extract on scanned PDFs read by OCR (the ``ocr`` extra).

    .venv/bin/python benchmarks/ocr.py [PDF or folder ...] [-j N] [--copies K]

Default input: the published sample scan beside the checkout (../shared/samples/pingtan-2023-scan.pdf, four
200 dpi JPEG pages). ``--copies K`` reads K copies of each file (a folder of scans); ``-j N`` spreads the
files over N processes with gaischema's own pool (gaischema.corpus.pool_map, one file a task; within a file
the pages are read one after another, each process running onnxruntime on one thread). Prints per file the
pages, wall seconds and CPU seconds (this process and its workers: process time and the children's rusage),
then seconds per page: wall / pages (what a user waits per page with N processes) and CPU / pages (the cost
of a page on one core, independent of the machine's load). The first file of each process also pays for
loading the models (about a second); it is measured with the rest.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "samples" / "pingtan-2023-scan.pdf"


def _cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _one(path: str) -> tuple[str, float, str | None]:
    from gaischema.extract import extract
    from gaischema.loading import InputError

    t0 = time.perf_counter()
    try:
        extract(path)
        err = None
    except InputError as exc:
        err = str(exc)
    return path, time.perf_counter() - t0, err


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("-j", "--jobs", type=int, default=1)
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    import pypdfium2 as pdfium

    from gaischema.corpus import pool_map
    from gaischema.extract.readers import ocr
    if not ocr.available():
        print("the ocr extra is not installed: pip install 'gaischema[ocr]'", file=sys.stderr)
        return 2
    files = []
    for p in args.paths or [SAMPLE]:
        files.extend(sorted(p.rglob("*.pdf")) if p.is_dir() else [p])
    if not files:
        print("no PDF files", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="gaischema-ocr-bench-"))
    try:
        work = []
        for f in files:
            for k in range(args.copies):
                target = tmp / f"{k:03d}-{f.name}"
                shutil.copyfile(f, target)
                work.append(target)
        pages = {}
        for f in work:
            doc = pdfium.PdfDocument(str(f))
            pages[str(f)] = len(doc)
            doc.close()
        cpu0, wall0 = _cpu(), time.perf_counter()
        for path, seconds, err in pool_map(_one, [str(f) for f in work], args.jobs, chunksize=1):
            print(f"{Path(path).name:40} {pages[path]:3d} pages {seconds:7.1f} s" + (f"  ({err})" if err else ""))
        wall, cpu = time.perf_counter() - wall0, _cpu() - cpu0
        total = sum(pages.values())
        print(f"\n{len(work)} files, {total} pages, -j {args.jobs}: {wall:.1f} s wall, {cpu:.1f} s CPU")
        print(f"seconds per page: {wall / total:.2f} wall, {cpu / total:.2f} CPU")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
