#!/usr/bin/env python3
"""Benchmark: what checking a zip package by what its parts actually unpack to costs (issue #28), and how fast a
hostile package ends.

    .venv/bin/python benchmarks/zip_packages.py

Times ``gaischema.extract.readers.package.check_package`` (the best of five) on the workbook and Word file
gaischema writes for a report, on a package at the bound (80 MiB of worksheet XML, deflated), and on each
hostile package of tests/zip_packages.py; and the whole ``read_xlsx_draft`` of the real workbook, so the
check's share of a reading shows. Prints one line each: milliseconds and the peak resident size so far.
"""

from __future__ import annotations

import io
import resource
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def best(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        try:
            fn()
        except Exception:  # noqa: BLE001 - a hostile package ends in InputError: its time is what counts
            pass
        times.append(time.perf_counter() - t)
    return min(times) * 1000


def main() -> int:
    import zip_packages
    from gaischema import docx, workbook
    from gaischema.extract.readers.package import check_package
    from gaischema.extract.readers.xlsx import read_xlsx_draft

    inst = zip_packages._instance()
    book, word = workbook.build(inst, "v2021"), docx.build(inst, "v2021")
    buf = io.BytesIO()
    row = b"<row>" + b'<c r="A1" t="n"><v>12345</v></c>' * 40 + b"</row>"
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("xl/worksheets/sheet1.xml", "w") as fh:
            for _ in range((80 << 20) // len(row) - 1):
                fh.write(row)
    bound = buf.getvalue()
    cases = {"workbook (gaischema render)": book, "Word file (gaischema render)": word,
             f"80 MiB of XML at the bound ({len(bound) >> 10} KB packed)": bound,
             **{f"hostile {k}": v for k, v in zip_packages.files().items() if k in zip_packages.HOSTILE}}
    for name, data in cases.items():
        ms = best(lambda d=data: check_package(d, "工作簿", "workbook"))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10
        print(f"check_package  {name:45s} {ms:8.1f} ms   peak {peak} MiB")
    ms = best(lambda: read_xlsx_draft(book))
    print(f"read_xlsx_draft (the whole reading, check included) of the workbook: {ms:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
